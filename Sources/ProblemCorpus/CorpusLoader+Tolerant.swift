public import Foundation

extension CorpusLoader {
    /// Every good problem in the file at `url`, and one `CorpusError` (naming `file:line`) per bad line.
    ///
    /// Unlike `loadPartial`, reading continues past a bad line, so one malformed line costs only itself.
    /// A repeated id is reported for the later line, which is left out. An error that ends reading (an
    /// unreadable file, an over-long line) is the last error and keeps what was read before it.
    ///
    /// ```swift
    /// let (problems, errors) = CorpusLoader.loadSkippingBadLines(url)
    /// for error in errors { print(error) }   // "bench.jsonl:7: malformed JSON (…). Fix or remove the line."
    /// ```
    public static func loadSkippingBadLines(
        _ url: URL, format: CorpusFormat = .automatic
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
                } catch {
                    errors.append(error)
                    continue
                }
                if let earlier = linesByID[problem.id] {
                    errors.append(CorpusError(
                        code: .duplicateID,
                        message: "id \"\(problem.id)\" was already used on line \(earlier). Give each problem its own id.",
                        file: url.path, line: reader.lineNumber))
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
