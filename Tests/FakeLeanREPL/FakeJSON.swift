import Foundation

/// Minimal JSON helpers for the fake REPL (Foundation only: this executable must not import LeanREPL).
enum FakeJSON {
    /// Parses one JSON value, or nil when the text is not JSON.
    static func parse(_ text: String) -> Any? {
        guard let data = text.data(using: .utf8) else { return nil }
        return try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    }

    /// Serializes a value on several lines in the REPL's style (one object member per line). Never emits
    /// a blank line inside a message (Foundation's pretty printer does for empty arrays).
    static func render(_ value: Any, indent: String = "") -> String {
        switch value {
        case let object as [String: Any]:
            if object.isEmpty { return "{}" }
            let inner = indent + " "
            let members = object.keys.sorted().map { key in "\(scalar(key)): \(render(object[key]!, indent: inner))" }
            return "{" + members.joined(separator: ",\n" + inner) + "}"
        case let array as [Any]:
            if array.isEmpty { return "[]" }
            let inner = indent + " "
            return "[" + array.map { render($0, indent: inner) }.joined(separator: ",\n" + inner) + "]"
        default:
            return scalar(value)
        }
    }

    private static func scalar(_ value: Any) -> String {
        if let number = value as? NSNumber, !(value is Bool) { return "\(number)" }
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .withoutEscapingSlashes]) else {
            return "null"
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Structural equality of two parsed JSON values (object key order ignored; numbers by value).
    static func equal(_ lhs: Any, _ rhs: Any) -> Bool {
        switch (lhs, rhs) {
        case (let l as [String: Any], let r as [String: Any]):
            guard l.count == r.count else { return false }
            for (key, value) in l {
                guard let other = r[key], equal(value, other) else { return false }
            }
            return true
        case (let l as [Any], let r as [Any]):
            return l.count == r.count && zip(l, r).allSatisfy { equal($0, $1) }
        case (let l as String, let r as String):
            return l == r
        case (is NSNull, is NSNull):
            return true
        case (let l as NSNumber, let r as NSNumber):
            return l == r
        default:
            return false
        }
    }

    /// A short, single-line rendering of a value for mismatch messages.
    static func brief(_ value: Any, limit: Int = 200) -> String {
        var text: String
        if JSONSerialization.isValidJSONObject(value),
            let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]) {
            text = String(decoding: data, as: UTF8.self)
        } else {
            text = "\(value)"
        }
        if text.count > limit { text = String(text.prefix(limit)) + "…" }
        return text
    }

    /// An info/error message object in the REPL's shape.
    static func message(_ severity: String, _ data: String, line: Int = 1, column: Int = 0, endLine: Int? = nil, endColumn: Int? = nil) -> [String: Any] {
        [
            "severity": severity,
            "pos": ["line": line, "column": column],
            "endPos": ["line": endLine ?? line, "column": endColumn ?? column],
            "data": data,
        ]
    }
}
