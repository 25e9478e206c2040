import CPCRE2

extension PCRE2Regex {
    /// The first match at or after UTF-8 byte `utf8Offset`, or nil when there is none.
    ///
    /// PCRE2 resource failures (match or heap limit) also yield nil here; call `match(in:from:)` to
    /// see them as errors. `utf8Offset` must lie on a Unicode scalar boundary within the subject
    /// (violations trap: API misuse).
    public func firstMatch(in subject: String, from utf8Offset: Int = 0) -> PCRE2Match? {
        (try? match(in: subject, from: utf8Offset)) ?? nil
    }

    /// Every non-overlapping match at or after UTF-8 byte `utf8Offset`, left to right. An empty match
    /// is followed by a search that may not be empty at the same position, then by a step of one
    /// scalar, so iteration always ends.
    ///
    /// On a PCRE2 resource failure the matches found before it are returned; call `matches(in:from:)`
    /// to see the failure as an error.
    public func allMatches(in subject: String, from utf8Offset: Int = 0) -> [PCRE2Match] {
        var found: [PCRE2Match] = []
        _ = scan(subject, from: utf8Offset, limit: .max) { found.append($0) }
        return found
    }

    /// The first match at or after UTF-8 byte `utf8Offset`, or nil when there is none.
    /// - Throws: `ExtractionError` `.matchFailed` when PCRE2 gives up (a limit or internal error).
    public func match(in subject: String, from utf8Offset: Int = 0) throws(ExtractionError) -> PCRE2Match? {
        var found: PCRE2Match?
        if let failure = scan(subject, from: utf8Offset, limit: 1, { found = $0 }) { throw failure }
        return found
    }

    /// Every non-overlapping match at or after `utf8Offset`, left to right (see `allMatches(in:from:)`).
    /// - Throws: `ExtractionError` `.matchFailed` when PCRE2 gives up (a limit or internal error).
    public func matches(in subject: String, from utf8Offset: Int = 0) throws(ExtractionError) -> [PCRE2Match] {
        var found: [PCRE2Match] = []
        if let failure = scan(subject, from: utf8Offset, limit: .max, { found.append($0) }) { throw failure }
        return found
    }

    /// True when the pattern matches somewhere in `subject`.
    public func matches(_ subject: String) -> Bool { firstMatch(in: subject) != nil }

    /// Runs the match loop over `subject`, handing each match to `report`; returns the failure, if any.
    ///
    /// Match data is created here, per call, and freed before returning: the compiled code is the only
    /// thing shared between calls, which is what makes `PCRE2Regex` safe to use from many threads.
    private func scan(
        _ subject: String, from start: Int, limit: Int, _ report: (PCRE2Match) -> Void
    ) -> ExtractionError? {
        var utf8Subject = subject
        return utf8Subject.withUTF8 { bytes -> ExtractionError? in
            precondition(start >= 0 && start <= bytes.count, "start offset \(start) is outside the subject")
            precondition(start == bytes.count || bytes[start] & 0xC0 != 0x80,
                         "start offset \(start) is inside a UTF-8 sequence")
            guard let matchData = lp_pcre2_match_data_create_from_pattern(code.pointer) else {
                return failure(PCRE2_ERROR_NOMEMORY, "PCRE2 could not allocate match data")
            }
            defer { lp_pcre2_match_data_free(matchData) }
            // Swift strings are always valid UTF-8, so PCRE2's own UTF check is skipped.
            let plain = UInt32(PCRE2_NO_UTF_CHECK)
            let retryNonEmpty = plain | UInt32(PCRE2_NOTEMPTY_ATSTART) | UInt32(PCRE2_ANCHORED)
            var offset = start
            var options = plain
            var reported = 0
            while reported < limit {
                var status = lp_pcre2_match(code.pointer, bytes.baseAddress, bytes.count, offset, options, matchData)
                if status == PCRE2_ERROR_JIT_STACKLIMIT {
                    // The JIT's machine stack is small; the interpreter keeps its frames on the heap.
                    status = lp_pcre2_match(code.pointer, bytes.baseAddress, bytes.count, offset,
                                            options | UInt32(PCRE2_NO_JIT), matchData)
                }
                if status == PCRE2_ERROR_NOMATCH {
                    guard options == retryNonEmpty, offset < bytes.count else { return nil }
                    offset += 1
                    while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
                    options = plain
                    continue
                }
                if status < 0 { return failure(status, "PCRE2 gave up while matching at byte \(offset)") }
                let ovector = lp_pcre2_get_ovector_pointer(matchData)!
                let (lower, upper) = (ovector[0], ovector[1])
                if lower > upper {
                    return failure(PCRE2_ERROR_INTERNAL, "the pattern's \\K moved the match start past its end")
                }
                var captures: [Range<Int>?] = []
                captures.reserveCapacity(code.captureCount)
                for group in 0..<code.captureCount {
                    let (groupStart, groupEnd) = (ovector[2 * (group + 1)], ovector[2 * (group + 1) + 1])
                    // PCRE2_UNSET is SIZE_MAX, which arrives in Swift as -1.
                    captures.append(groupStart < 0 || groupStart > groupEnd ? nil : groupStart..<groupEnd)
                }
                report(PCRE2Match(subject: subject, range: lower..<upper, captureRanges: captures))
                reported += 1
                offset = upper
                options = lower == upper ? retryNonEmpty : plain
            }
            return nil
        }
    }

    private func failure(_ status: Int32, _ what: String) -> ExtractionError {
        let reason = PCRE2CompiledCode.errorMessage(for: status)
        return ExtractionError(
            code: .matchFailed,
            message: "\(what): \(reason). Simplify the pattern or shorten the input.",
            pattern: pattern, pcre2ErrorCode: status)
    }
}
