public import Foundation

/// Loads problem corpora from JSONL files, streaming line by line.
///
/// Blank lines are skipped. A bad line (malformed JSON, invalid UTF-8, a missing required key, a
/// value of the wrong type, keys of no known format) is a `CorpusError` naming `file:line`. Ids must
/// be unique within a file: a repeated id is a `.duplicateID` error (it would make ledger records
/// ambiguous), naming both lines.
///
/// ```swift
/// let problems = try CorpusLoader.load(URL(fileURLWithPath: "Corpora/leanplay-core.jsonl"))
/// let (kept, error) = CorpusLoader.loadPartial(url)   // the valid problems before a bad line
/// ```
public enum CorpusLoader {
    /// Lines longer than this (64 MiB) are refused rather than buffered.
    public static let maximumLineBytes = 64 << 20

    /// Every problem in the file at `url`.
    /// - Throws: `CorpusError` for an unreadable file or the first bad line.
    public static func load(_ url: URL, format: CorpusFormat = .automatic) throws(CorpusError) -> [Problem] {
        let (problems, error) = loadPartial(url, format: format)
        if let error { throw error }
        return problems
    }

    /// The problems up to the first bad line, and the error for that line (nil when the whole file is
    /// good). Nothing read before the error is lost.
    public static func loadPartial(
        _ url: URL, format: CorpusFormat = .automatic
    ) -> (problems: [Problem], error: CorpusError?) {
        let (problems, errors) = read(url, format: format, stopAtFirstBadLine: true)
        return (problems, errors.first)
    }

    /// Reads the file line by line: every good problem, and the errors of bad lines (`file:line`), the
    /// error that ended reading last (an unreadable file, an over-long line). With `stopAtFirstBadLine`
    /// reading ends at the first bad line.
    static func read(
        _ url: URL, format: CorpusFormat, stopAtFirstBadLine: Bool
    ) -> (problems: [Problem], errors: [CorpusError]) {
        var problems: [Problem] = []
        var errors: [CorpusError] = []
        do throws(CorpusError) {
            var reader = try JSONLLineReader(url: url, maximumLineBytes: maximumLineBytes)
            defer { reader.close() }
            let decoder = ProblemLineDecoder(format: format, file: url.path)
            var linesByID: [String: Int] = [:]
            while let line = try reader.nextLine() {
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                let problem: Problem
                do throws(CorpusError) {
                    problem = try decoder.decode(line, line: reader.lineNumber)
                    if let earlier = linesByID[problem.id] {
                        throw CorpusError(
                            code: .duplicateID,
                            message: "id \"\(problem.id)\" was already used on line \(earlier). Give each problem its own id.",
                            file: url.path, line: reader.lineNumber)
                    }
                } catch {
                    errors.append(error)
                    if stopAtFirstBadLine { return (problems, errors) }
                    continue
                }
                linesByID[problem.id] = reader.lineNumber
                problems.append(problem)
            }
        } catch {
            errors.append(error)
        }
        return (problems, errors)
    }
}
