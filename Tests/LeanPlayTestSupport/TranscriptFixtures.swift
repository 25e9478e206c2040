import Foundation
public import LeanREPL

/// The recorded REPL sessions in `../shared/lean-repl-transcripts/{core,mathlib}`.
public enum TranscriptFixtures {
    /// One recorded session.
    public struct Transcript: Sendable, CustomStringConvertible {
        /// `core/readme`, `mathlib/exact`, …
        public var name: String
        /// Path without extension (pass to `fake-lean-repl --transcript`).
        public var basePath: String
        /// `description` for parameterized test names.
        public var description: String { name }

        /// The recorded requests, joined the way the real REPL reads them.
        /// - Throws: when the file is unreadable.
        public func requestTexts() throws -> [String] {
            splitRequests(try String(contentsOfFile: basePath + ".in", encoding: .utf8))
        }

        /// The recorded responses, each verbatim (multi-line).
        /// - Throws: when the file is unreadable.
        public func responseTexts() throws -> [String] {
            splitBlocks(try String(contentsOfFile: basePath + ".expected.out", encoding: .utf8))
        }

        /// The requests decoded as `REPLRequest`s.
        /// - Throws: `DecodingError` when a recorded request is not a REPL request.
        public func requests() throws -> [REPLRequest] {
            try requestTexts().map { try JSONDecoder().decode(REPLRequest.self, from: Data($0.utf8)) }
        }

        /// The responses parsed as JSON values.
        /// - Throws: `DecodingError` when a recorded response is not JSON.
        public func responseValues() throws -> [JSONValue] {
            try responseTexts().map { try JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
        }
    }

    /// Every transcript with both `.in` and `.expected.out`, sorted by name.
    public static var complete: [Transcript] { scan().complete }

    /// Transcripts recorded without `.expected.out` (skipped by replay tests).
    public static var withoutExpectedOutput: [String] { scan().incomplete }

    private static func scan() -> (complete: [Transcript], incomplete: [String]) {
        guard let root = SharedFixtures.transcriptsDirectory else { return ([], []) }
        var complete: [Transcript] = []
        var incomplete: [String] = []
        for folder in ["core", "mathlib"] {
            let directory = root.appendingPathComponent(folder)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for file in files.sorted() where file.hasSuffix(".in") {
                let stem = String(file.dropLast(3))
                let base = directory.appendingPathComponent(stem).path
                if FileManager.default.fileExists(atPath: base + ".expected.out") {
                    complete.append(Transcript(name: "\(folder)/\(stem)", basePath: base))
                } else {
                    incomplete.append("\(folder)/\(stem)")
                }
            }
        }
        return (complete, incomplete)
    }
}

/// The real REPL's request reading: non-blank lines are trimmed at the end and joined; a blank line ends a request.
func splitRequests(_ text: String) -> [String] {
    var result: [String] = []
    var joined = ""
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.allSatisfy(\.isWhitespace) {
            if !joined.isEmpty { result.append(joined) }
            joined = ""
        } else {
            var trimmed = Substring(line)
            while let last = trimmed.last, last.isWhitespace { trimmed = trimmed.dropLast() }
            joined += trimmed
        }
    }
    if !joined.isEmpty { result.append(joined) }
    return result
}

/// Blocks separated by blank lines, each kept verbatim.
func splitBlocks(_ text: String) -> [String] {
    var blocks: [String] = []
    var current: [Substring] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.allSatisfy(\.isWhitespace) {
            if !current.isEmpty { blocks.append(current.joined(separator: "\n")) }
            current = []
        } else {
            current.append(line)
        }
    }
    if !current.isEmpty { blocks.append(current.joined(separator: "\n")) }
    return blocks
}
