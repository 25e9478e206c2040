import Foundation

/// The items of a `verify --batch` JSONL file; malformed lines become errors naming file:line, and every
/// valid line is kept.
struct BatchInput {
    struct Item: Decodable, Sendable {
        var id: String
        /// nil when the line has no "header" key (then `[lean] default_header` applies); "" is core Lean.
        var header: String?
        var statement: String
        var proof: String

        enum CodingKeys: String, CodingKey { case id, header, statement, proof }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let text = try? container.decode(String.self, forKey: .id) {
                id = text
            } else {
                id = String(try container.decode(Int.self, forKey: .id))
            }
            header = try container.decodeIfPresent(String.self, forKey: .header)
            statement = try container.decode(String.self, forKey: .statement)
            proof = try container.decode(String.self, forKey: .proof)
        }
    }

    var items: [Item] = []
    var errors: [String] = []

    /// The items of `data`, split on LF (a trailing CR dropped, so CRLF files read the same; a UTF-8
    /// byte-order mark at the start skipped); a line that is not UTF-8 or not a valid item is an error
    /// naming `origin:line`, and costs only itself.
    static func parse(_ data: Data, origin: String) -> BatchInput {
        var result = BatchInput()
        let decoder = JSONDecoder()
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        for (index, rawLine) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.last == 0x0D ? rawLine.dropLast() : rawLine
            guard let text = String(validating: line, as: UTF8.self) else {
                result.errors.append("\(origin):\(index + 1): not valid UTF-8; re-encode the line as UTF-8")
                continue
            }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            do {
                result.items.append(try decoder.decode(Item.self, from: Data(trimmed.utf8)))
            } catch DecodingError.keyNotFound(let key, _) {
                result.errors.append("\(origin):\(index + 1): missing key \"\(key.stringValue)\"")
            } catch DecodingError.typeMismatch(_, let context) {
                let key = context.codingPath.map(\.stringValue).joined(separator: ".")
                result.errors.append("\(origin):\(index + 1): key \"\(key)\" has the wrong type")
            } catch {
                result.errors.append("\(origin):\(index + 1): not a JSON object (\(String(trimmed.prefix(60))))")
            }
        }
        return result
    }
}
