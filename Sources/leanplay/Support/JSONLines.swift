import Foundation

/// Writes one JSON object per line to standard output, keys sorted, no slashes escaped.
///
/// Every JSON the CLI writes uses snake_case keys (`formalization_id`, `lean_seconds`), like the ledger's
/// exports and the jobs' output files: Swift property names are converted here, once, for every command.
enum JSONLines {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }()

    /// Encodes `value` as one line.
    static func line<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Prints `value` as one line on standard output.
    static func print<T: Encodable>(_ value: T) throws {
        Swift.print(try line(value))
    }
}

/// Prints to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
