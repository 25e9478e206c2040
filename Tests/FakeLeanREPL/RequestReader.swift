import Foundation

/// Reads requests from stdin exactly as the real REPL does (`getLines` in its Main.lean): lines are read
/// until a blank line, and the non-blank lines are joined after trimming their trailing whitespace
/// (including the newline) — so a raw line break inside a JSON string disappears, as in the
/// `invalid_line_break` transcript.
struct RequestReader {
    /// The next request text, or nil at end of input.
    mutating func next() -> String? {
        var joined = ""
        while let line = readLine(strippingNewline: true) {
            if line.allSatisfy(\.isWhitespace) {
                if joined.isEmpty { continue }
                return joined
            }
            joined += Self.trimmingTrailingWhitespace(line)
        }
        return joined.isEmpty ? nil : joined
    }

    /// Splits a recorded `.in` file into requests with the same joining rule.
    static func requests(inFile text: String) -> [String] {
        var result: [String] = []
        var joined = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) {
                if !joined.isEmpty { result.append(joined) }
                joined = ""
            } else {
                joined += trimmingTrailingWhitespace(String(line))
            }
        }
        if !joined.isEmpty { result.append(joined) }
        return result
    }

    static func trimmingTrailingWhitespace(_ line: String) -> String {
        var end = line.endIndex
        while end > line.startIndex, line[line.index(before: end)].isWhitespace { end = line.index(before: end) }
        return String(line[..<end])
    }
}
