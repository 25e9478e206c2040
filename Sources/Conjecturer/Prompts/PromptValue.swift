/// One value a prompt template can use: text, a flag for `{{#section}}`s, a list of objects to loop
/// over, or a nested object (`{{problem.informal}}`).
///
/// Empty text counts as "absent" in sections — `{{#header}}…{{/header}}` renders nothing when the
/// header is `""` — while `{{header}}` still counts as provided (it renders as nothing).
public enum PromptValue: Sendable, Hashable {
    /// Text, inserted verbatim (no HTML escaping: prompts carry Lean code with `<`, `&`, `"`).
    case text(String)
    /// A boolean for `{{#flag}}` / `{{^flag}}` sections.
    case flag(Bool)
    /// A list of objects for `{{#items}}…{{/items}}` loops.
    case list([PromptContext])
    /// A nested object.
    case object(PromptContext)
}

extension PromptValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral {
    /// `"text"` → `.text("text")`.
    public init(stringLiteral value: String) { self = .text(value) }
    /// `true` → `.flag(true)`.
    public init(booleanLiteral value: Bool) { self = .flag(value) }
    /// `[context, …]` → `.list([...])`.
    public init(arrayLiteral elements: PromptContext...) { self = .list(elements) }
}

/// The variables a template is rendered with: names to `PromptValue`s.
///
/// ```swift
/// let context: PromptContext = ["informal": "Show that 2 + 2 = 4.", "theorem_name": "two_plus_two"]
/// ```
public struct PromptContext: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    /// The variables by name.
    public var values: [String: PromptValue]

    /// Creates a context from a dictionary.
    public init(_ values: [String: PromptValue] = [:]) { self.values = values }

    /// Creates a context from a dictionary literal.
    public init(dictionaryLiteral elements: (String, PromptValue)...) {
        self.values = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }

    /// The value named `key`, or nil.
    public subscript(key: String) -> PromptValue? {
        get { values[key] }
        set { values[key] = newValue }
    }

    /// True when `key` names a value (even an empty text).
    public func provides(_ key: String) -> Bool { values[key] != nil }
}
