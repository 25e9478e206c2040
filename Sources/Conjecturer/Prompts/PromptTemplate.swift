public import Foundation

/// One prompt template file: its id (path without extension, e.g. "formalize/direct"), kind (first
/// folder, e.g. "formalize"), description and chat messages (role sections).
///
/// See Prompts/README.md for the file format.
public struct PromptTemplate: Sendable, Hashable {
    /// The id recorded with everything the template produced, e.g. "variants/special_case".
    public var id: String
    /// The first path component of the id, e.g. "formalize", "variants", "repair", "prove", "partials".
    public var kind: String
    /// The one-line description from `{{! description: … }}`, or "".
    public var description: String
    /// The roles of the messages the template renders, in order (e.g. ["system", "user"]).
    public var roles: [String]
    /// The file the template was loaded from.
    public var file: URL
    /// Context keys every render must provide (used outside sections, here or in included partials).
    public var requiredVariables: Set<String>
}
