import Foundation

/// Encodes and decodes the JSON text columns (`tags`, `provenance`, `flags`).
enum JSONColumn {
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding [String], [String: String] and enums of strings cannot fail.
        guard let data = try? encoder.encode(value), let text = String(data: data, encoding: .utf8) else {
            preconditionFailure("JSON encoding of a string collection failed")
        }
        return text
    }

    /// Flags are written by hand (sorted raw values are plain identifiers, so no escaping is needed):
    /// this runs once per recorded attempt.
    static func encodeFlags(_ flags: Set<FormalizationFlag>) -> String {
        "[" + flags.sorted().map { "\"\($0.rawValue)\"" }.joined(separator: ",") + "]"
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String?, column: String, rowID: String) throws(LedgerError) -> T {
        guard let text, let value = try? JSONDecoder().decode(T.self, from: Data(text.utf8)) else {
            throw LedgerError(
                .corruptRow,
                "column \(column) holds malformed JSON \(String(reflecting: text?.prefix(80) ?? "NULL")); "
                    + "repair the row with sqlite3 or restore the ledger from a backup",
                context: rowID
            )
        }
        return value
    }

    static func decodeFlags(_ text: String?, rowID: String) throws(LedgerError) -> Set<FormalizationFlag> {
        if let text, let flags = fastDecodeFlags(text) { return flags }
        let raw = try decode([String].self, from: text, column: "flags", rowID: rowID)
        var flags = Set<FormalizationFlag>()
        for name in raw {
            guard let flag = FormalizationFlag(rawValue: name) else {
                throw LedgerError(
                    .corruptRow, "unknown flag \(String(reflecting: name)); was the ledger written by a newer LeanPlay?",
                    context: rowID)
            }
            flags.insert(flag)
        }
        return flags
    }

    /// Reads what ``encodeFlags(_:)`` writes (`[]`, `["easy","vacuous"]`) without a JSON decoder, which
    /// matters on the queue's hot path; anything else goes through the strict decoder.
    private static func fastDecodeFlags(_ text: String) -> Set<FormalizationFlag>? {
        if text == "[]" { return [] }
        guard text.hasPrefix("[\""), text.hasSuffix("\"]") else { return nil }
        var flags = Set<FormalizationFlag>()
        for item in text.dropFirst(2).dropLast(2).split(separator: "\",\"", omittingEmptySubsequences: false) {
            guard let flag = FormalizationFlag(rawValue: String(item)) else { return nil }
            flags.insert(flag)
        }
        return flags
    }
}
