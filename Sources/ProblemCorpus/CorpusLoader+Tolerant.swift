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
        read(url, format: format, stopAtFirstBadLine: false)
    }
}
