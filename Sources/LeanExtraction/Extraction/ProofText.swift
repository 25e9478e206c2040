/// Text surgery on proofs, with PCRE2 for the scanning.
enum ProofText {
    /// `code` without a leading `by` or `:= by`.
    static func removingLeadingBy(_ code: String) -> String {
        guard let match = ExtractionPatterns.leadingBy.firstMatch(in: code) else { return code }
        return PCRE2Match.slice(code, match.range.upperBound..<code.utf8.count)
    }

    /// The text after the first `:= by` that follows a declaration keyword at a line start, for code
    /// the parser rejected (a declaration the model mangled); nil when there is no such `:= by`.
    static func proofAfterUnparsedDeclaration(_ code: String) -> String? {
        guard let match = ExtractionPatterns.proofAfterDeclaration.firstMatch(in: code),
              let proofRange = match.range(of: 1) else { return nil }
        return PCRE2Match.slice(code, proofRange)
    }

    /// `dedented` for text that continues a `by` the prompt left open: when the model went on on the
    /// same line as `by` (`" norm_num\n  linarith"`), that first line is trimmed and the following lines
    /// are dedented on their own, so the tactics stay aligned.
    static func dedentedContinuation(_ text: String) -> String {
        guard let newline = text.firstIndex(of: "\n") else { return dedented(text) }
        let first = text[..<newline]
        guard first.contains(where: { !$0.isWhitespace }) else { return dedented(text) }
        let rest = dedented(String(text[text.index(after: newline)...]))
        var head = first.drop(while: { $0 == " " || $0 == "\t" })
        while let last = head.last, last.isWhitespace { head.removeLast() }
        return rest.isEmpty ? String(head) : head + "\n" + rest
    }

    /// Removes blank lines at both ends and the indentation common to all non-blank lines.
    static func dedented(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.last == "\r" ? line.dropLast() : line
        }
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        let common = lines.filter { !$0.allSatisfy(\.isWhitespace) }
            .map { $0.prefix { $0 == " " || $0 == "\t" }.count }.min() ?? 0
        return lines.map { $0.allSatisfy(\.isWhitespace) ? "" : String($0.dropFirst(common)) }
            .joined(separator: "\n")
    }
}
