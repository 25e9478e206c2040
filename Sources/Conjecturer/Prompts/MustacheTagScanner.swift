import Foundation

/// What a template's Mustache tags ask of a render context, found by scanning the tags (swift-mustache
/// renders a missing variable as nothing; PromptLibrary wants a typed error instead).
struct MustacheTagSummary: Sendable, Hashable {
    /// Variables used outside any section: the context must provide them (first name component only).
    var requiredVariables: Set<String> = []
    /// Partials included outside any section (their own required variables become required too).
    var topLevelPartials: Set<String> = []
    /// Every partial included anywhere.
    var allPartials: Set<String> = []
}

/// A small scanner over `{{…}}` tags: comments, sections, partials, variables, pragmas.
///
/// Set-delimiter tags (`{{=<% %>=}}`) are rejected: they would hide tags from the variable check.
enum MustacheTagScanner {
    /// Scans `text`; throws a message (without origin) when a tag is unterminated or unsupported.
    static func scan(_ text: String) throws(TagScanError) -> MustacheTagSummary {
        var summary = MustacheTagSummary()
        var depth = 0
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            let afterOpen = rest[open.upperBound...]
            let isTriple = afterOpen.first == "{"
            let closing = isTriple ? "}}}" : "}}"
            let contentStart = isTriple ? afterOpen.index(after: afterOpen.startIndex) : afterOpen.startIndex
            guard let close = afterOpen[contentStart...].range(of: closing) else {
                throw TagScanError(message: "a `{{` tag is never closed with `\(closing)`", offendingText: String(afterOpen.prefix(40)))
            }
            let content = afterOpen[contentStart..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = afterOpen[close.upperBound...]
            guard let sigil = content.first else { continue }
            let name = content.dropFirst().trimmingCharacters(in: .whitespaces)
            switch sigil {
            case "!", "%":
                continue
            case "=":
                throw TagScanError(message: "set-delimiter tags are not supported in LeanPlay prompts", offendingText: content)
            case "#", "^", "$":
                depth += 1
            case "<":
                summary.allPartials.insert(name)
                if depth == 0 { summary.topLevelPartials.insert(name) }
                depth += 1
            case "/":
                depth = max(0, depth - 1)
            case ">":
                summary.allPartials.insert(name)
                if depth == 0 { summary.topLevelPartials.insert(name) }
            case "&":
                if depth == 0, let root = rootVariable(name) { summary.requiredVariables.insert(root) }
            default:
                if depth == 0, let root = rootVariable(content) { summary.requiredVariables.insert(root) }
            }
        }
        return summary
    }

    /// The context key a variable tag reads: `a.b` → `a`, `upper(a)` → `a`; nil for `.` and `first()`.
    static func rootVariable(_ tag: String) -> String? {
        var name = Substring(tag)
        if let open = name.lastIndex(of: "("), let close = name.firstIndex(of: ")"), open < close {
            name = name[name.index(after: open)..<close]
        }
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed != ".", !trimmed.hasPrefix(".") else { return nil }
        return trimmed.split(separator: ".").first.map(String.init)
    }
}

/// Why a template's tags could not be scanned.
struct TagScanError: Error {
    var message: String
    var offendingText: String
}
