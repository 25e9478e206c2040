import Foundation
public import ModelClient
import Mustache

/// The prompt templates, loaded at run time: the ones LeanPlay ships (``bundled(adding:)``, the project's
/// `Prompts/` bundled as package resources) plus a user's folders that add or override templates, so
/// adding a template needs no recompiling.
///
/// ```swift
/// let library = try PromptLibrary.bundled()
/// library.ids(kind: "formalize")   // ["formalize/answer_extraction", "formalize/direct", …]
/// let messages = try library.render("formalize/direct", context: ["informal": "…", "theorem_name": "p1"])
/// ```
public struct PromptLibrary: Sendable {
    struct Entry: Sendable {
        var template: PromptTemplate
        var sections: [(role: String, body: MustacheTemplate)]
    }

    /// Every template, by id.
    let entries: [String: Entry]
    /// The same files registered for `{{> partial}}` lookups.
    let partials: MustacheLibrary

    /// Every template id, sorted.
    public var ids: [String] { entries.keys.sorted() }

    /// The ids of one kind (first folder), sorted: `ids(kind: "variants")`.
    public func ids(kind: String) -> [String] {
        entries.values.filter { $0.template.kind == kind }.map(\.template.id).sorted()
    }

    /// The template with `id`, or nil.
    public func template(_ id: String) -> PromptTemplate? { entries[id]?.template }

    /// Renders template `id` with `context` into chat messages (one per role section; empty ones dropped).
    ///
    /// Variables are inserted verbatim (no HTML escaping); runs of blank lines are collapsed.
    /// - Throws: `ConjecturerError` `.templateNotFound` (lists the known ids), or `.missingVariable`
    ///   naming the template file and the variables the context lacks.
    public func render(_ id: String, context: PromptContext) throws(ConjecturerError) -> [ChatMessage] {
        guard let entry = entries[id] else {
            throw ConjecturerError(
                .templateNotFound,
                "no prompt template `\(id)`; known templates: \(ids.joined(separator: ", ")). Add `\(id).mustache` to a prompts folder",
                origin: id
            )
        }
        let missing = entry.template.requiredVariables.filter { !context.provides($0) }.sorted()
        guard missing.isEmpty else {
            throw ConjecturerError(
                .missingVariable,
                "template `\(id)` uses \(missing.map { "{{\($0)}}" }.joined(separator: ", ")) but the render context does not provide \(missing.count == 1 ? "it" : "them"); provide the variable or wrap its use in a {{#section}}",
                origin: entry.template.file.path
            )
        }
        let object = context.mustacheObject
        return entry.sections.compactMap { section in
            let text = Self.tidy(section.body.render(object, library: partials))
            return text.isEmpty ? nil : ChatMessage(role: section.role, content: text)
        }
    }

    /// Trims the text and collapses three or more consecutive newlines into one blank line.
    static func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        var blankRun = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let isBlank = line.allSatisfy { $0 == " " || $0 == "\t" }
            blankRun = isBlank ? blankRun + 1 : 0
            if blankRun <= 1 { lines.append(isBlank ? "" : line) }
        }
        return lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
