import Foundation

/// A template file split into its parts: description and role sections (still Mustache text).
struct PromptFileParts: Sendable, Hashable {
    struct Section: Sendable, Hashable {
        var role: String
        var text: String
    }

    var description: String
    var sections: [Section]
}

/// Splits a template file on role-marker lines: a line holding only `{{! role: system }}` (or user,
/// assistant) starts a message. Without markers the whole file is one user message. Before the first
/// marker only comments and blank lines are allowed.
enum PromptFileParser {
    static let roles: Set<String> = ["system", "user", "assistant"]

    static func parse(_ text: String) throws(TagScanError) -> PromptFileParts {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var description = ""
        var sections: [PromptFileParts.Section] = []
        var preamble: [Substring] = []
        var current: PromptFileParts.Section?
        for line in lines {
            if let role = roleMarker(line) {
                guard roles.contains(role) else {
                    throw TagScanError(message: "unknown role `\(role)` (use system, user or assistant)", offendingText: String(line))
                }
                if let finished = current { sections.append(finished) }
                current = .init(role: role, text: "")
            } else if current != nil {
                current!.text += line + "\n"
            } else {
                preamble.append(line)
            }
        }
        if let finished = current { sections.append(finished) }
        let preambleText = preamble.joined(separator: "\n")
        description = Self.description(in: preambleText) ?? ""
        if sections.isEmpty {
            return PromptFileParts(description: description, sections: [.init(role: "user", text: text)])
        }
        if !strippingComments(preambleText).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw TagScanError(
                message: "text before the first `{{! role: … }}` marker would belong to no message; move it below a marker or into a comment",
                offendingText: String(preambleText.prefix(60))
            )
        }
        return PromptFileParts(description: description, sections: sections)
    }

    /// `{{! role: user }}` alone on a line → "user".
    static func roleMarker(_ line: Substring) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("{{!"), trimmed.hasSuffix("}}") else { return nil }
        let inner = trimmed.dropFirst(3).dropLast(2).trimmingCharacters(in: .whitespaces)
        guard inner.hasPrefix("role:") else { return nil }
        return inner.dropFirst(5).trimmingCharacters(in: .whitespaces)
    }

    /// The text of a `{{! description: … }}` comment (may span lines), whitespace collapsed.
    static func description(in text: String) -> String? {
        guard let start = text.range(of: "{{!") else { return nil }
        let afterOpen = text[start.upperBound...]
        guard let end = afterOpen.range(of: "}}") else { return nil }
        let inner = afterOpen[..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        guard inner.hasPrefix("description:") else { return nil }
        return inner.dropFirst("description:".count)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `text` with every `{{! … }}` comment removed.
    static func strippingComments(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{!") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else { return result + rest[open.lowerBound...] }
            rest = rest[close.upperBound...]
        }
        return result + rest
    }
}
