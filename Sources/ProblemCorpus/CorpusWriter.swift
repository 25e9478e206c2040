public import Foundation

/// Writes problems as LeanPlay JSONL (one object per line, keys sorted, optionals omitted when nil),
/// the format `CorpusLoader` reads back unchanged.
public enum CorpusWriter {
    /// One problem as one JSON line, without the trailing newline.
    public static func jsonLine(for problem: Problem) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding a struct of strings cannot fail; a failure would be a Foundation bug.
        guard let data = try? encoder.encode(problem) else {
            preconditionFailure("JSONEncoder failed on a Problem")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The whole corpus as JSONL text, one line per problem, each ending in a newline.
    public static func jsonl(for problems: [Problem]) -> String {
        problems.map { jsonLine(for: $0) + "\n" }.joined()
    }

    /// Writes `problems` to `url` atomically (a reader never sees half a file).
    /// - Throws: `CorpusError` `.unwritableFile` when the file cannot be written.
    public static func write(_ problems: [Problem], to url: URL) throws(CorpusError) {
        do {
            try Data(jsonl(for: problems).utf8).write(to: url, options: .atomic)
        } catch {
            throw CorpusError(
                code: .unwritableFile,
                message: "cannot write the corpus (\(error.localizedDescription)). Check the folder exists and is writable.",
                file: url.path)
        }
    }
}
