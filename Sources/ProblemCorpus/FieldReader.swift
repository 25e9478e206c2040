import Foundation

/// Reads the fields of one decoded JSON object as a `Problem` of a given format, with typed errors.
struct FieldReader {
    let fields: [String: Any]
    let format: CorpusFormat
    let fail: (CorpusError.Code, String) -> CorpusError

    func problem() throws(CorpusError) -> Problem {
        switch format {
        case .leanplay, .automatic:
            return Problem(
                id: try requiredString(["id"]), informal: try requiredString(["informal"]),
                formalStatement: try optionalString("formal_statement"), header: try optionalString("header"),
                tags: try tags(), difficulty: try optionalString("difficulty"), source: try optionalString("source"))
        case .miniF2F:
            var informal = try optionalString("informal_prefix")
            if informal == nil { informal = try optionalString("informal") }
            var tags = try tags()
            if let split = try optionalString("split") { tags.append("split:\(split)") }
            return Problem(
                id: try requiredString(["id", "name"]), informal: Self.strippingDocMarkers(informal ?? ""),
                formalStatement: try requiredString(["formal_statement"]), header: try optionalString("header"),
                tags: tags, difficulty: try optionalString("difficulty"),
                source: (try optionalString("source")) ?? format.defaultSource)
        case .proofNet:
            return Problem(
                id: try requiredString(["id", "name"]), informal: try requiredString(["nl_statement"]),
                formalStatement: try requiredString(["formal_statement"]),
                header: try sourceHeader(),
                tags: try tags(), difficulty: try optionalString("difficulty"),
                source: (try optionalString("source")) ?? format.defaultSource)
        }
    }

    /// ProofNet's `src_header`, or `header`.
    private func sourceHeader() throws(CorpusError) -> String? {
        if let header = try optionalString("src_header") { return header }
        return try optionalString("header")
    }

    /// The first present key of `keys`, which must hold a string.
    private func requiredString(_ keys: [String]) throws(CorpusError) -> String {
        for key in keys {
            if let value = try optionalString(key) { return value }
        }
        let names = keys.map { "\"\($0)\"" }.joined(separator: " or ")
        throw fail(.missingKey, "required key \(names) is missing for the \(format.rawValue) format. Add it.")
    }

    /// The string at `key`; nil when absent or JSON null.
    private func optionalString(_ key: String) throws(CorpusError) -> String? {
        guard let value = fields[key], !(value is NSNull) else { return nil }
        guard let text = value as? String else {
            throw fail(.wrongType, "key \"\(key)\" must be a string, found \(Self.typeName(value)). Fix the value.")
        }
        return text
    }

    private func tags() throws(CorpusError) -> [String] {
        guard let value = fields["tags"], !(value is NSNull) else { return [] }
        guard let tags = value as? [Any], let strings = tags as? [String], strings.count == tags.count else {
            throw fail(.wrongType, "key \"tags\" must be an array of strings, found \(Self.typeName(value)). Fix the value.")
        }
        return strings
    }

    /// Removes Lean doc-comment markers (`/--`, `/-`, `-/`) around an informal statement.
    static func strippingDocMarkers(_ text: String) -> String {
        var body = Substring(text).trimmingWhitespace()
        if body.hasPrefix("/--") {
            body = body.dropFirst(3)
        } else if body.hasPrefix("/-") {
            body = body.dropFirst(2)
        }
        if body.hasSuffix("-/") { body = body.dropLast(2) }
        return String(body.trimmingWhitespace())
    }

    static func typeName(_ value: Any) -> String {
        switch value {
        case is String: "a string"
        case is [Any]: "an array"
        case is [String: Any]: "an object"
        case is Bool, is Int, is Double: "a number or boolean"
        default: "a \(type(of: value))"
        }
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return self[endIndex...] }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return self[first...last]
    }
}
