/// Finds degenerate repetition in a sample: the same line (e.g. a tactic) repeated many times in a row,
/// or the same short unit repeated to the end of the text within a line (`simp; simp; simp; …`).
struct DegenerationDetector: Sendable {
    /// A repeated run found in a text.
    struct Finding: Sendable, Hashable {
        /// The repeated unit (a line without its newline, or a within-line unit).
        var unit: String
        /// How many copies in a row.
        var repetitions: Int
        /// The text with the run shortened to `keptRepetitions` copies.
        var cappedText: String
    }

    var policy: DegenerationPolicy

    /// The longest qualifying repeated run, or nil when the text is not degenerate.
    func inspect(_ text: String) -> Finding? {
        let bytes = Array(text.utf8)
        guard bytes.count >= policy.minimumRunBytes else { return nil }
        return repeatedLines(bytes) ?? repeatedTail(bytes)
    }

    /// Consecutive identical non-blank lines (compared without surrounding whitespace).
    private func repeatedLines(_ bytes: [UInt8]) -> Finding? {
        var lines: [Range<Int>] = []
        var start = 0
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            lines.append(start..<offset + 1)
            start = offset + 1
        }
        if start < bytes.count { lines.append(start..<bytes.count) }
        guard !lines.isEmpty else { return nil }

        func key(_ range: Range<Int>) -> ArraySlice<UInt8> { trimmed(bytes[range]) }
        var best: (first: Int, count: Int)?
        var runStart = 0
        for index in 1...lines.count {
            let continues = index < lines.count && !key(lines[index]).isEmpty && key(lines[index]) == key(lines[runStart])
            if continues { continue }
            let count = index - runStart
            let runBytes = lines[index - 1].upperBound - lines[runStart].lowerBound
            if !key(lines[runStart]).isEmpty, count >= policy.minimumRepetitions, runBytes >= policy.minimumRunBytes,
               count > (best?.count ?? 0) {
                best = (runStart, count)
            }
            runStart = index
        }
        guard let best else { return nil }
        let unit = String(decoding: key(lines[best.first]), as: UTF8.self)
        let kept = min(best.count, policy.keptRepetitions)
        let keepEnd = lines[best.first + kept - 1].upperBound
        let runEnd = lines[best.first + best.count - 1].upperBound
        var capped = Array(bytes[..<keepEnd])
        capped.append(contentsOf: bytes[runEnd...])
        return Finding(unit: unit, repetitions: best.count, cappedText: String(decoding: capped, as: UTF8.self))
    }

    /// The shortest unit that repeats back-to-back up to the end of the text (ignoring trailing whitespace).
    private func repeatedTail(_ bytes: [UInt8]) -> Finding? {
        var end = bytes.count
        while end > 0, isSpace(bytes[end - 1]) { end -= 1 }
        let maximumUnit = min(policy.maximumUnitBytes, end / max(policy.minimumRepetitions, 1))
        guard maximumUnit >= 1 else { return nil }
        for length in 1...maximumUnit {
            var copies = 1
            var cursor = end - length
            while cursor - length >= 0, bytes[(cursor - length)..<cursor].elementsEqual(bytes[cursor..<(cursor + length)]) {
                copies += 1
                cursor -= length
            }
            guard copies >= policy.minimumRepetitions, copies * length >= policy.minimumRunBytes else { continue }
            let unitBytes = bytes[(end - length)..<end]
            guard !trimmed(unitBytes).isEmpty else { continue }
            let keepEnd = cursor + min(copies, policy.keptRepetitions) * length
            var capped = Array(bytes[..<keepEnd])
            capped.append(contentsOf: bytes[end...])
            return Finding(
                unit: String(decoding: unitBytes, as: UTF8.self),
                repetitions: copies,
                cappedText: String(decoding: capped, as: UTF8.self)
            )
        }
        return nil
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    private func trimmed(_ slice: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = slice
        while let first = slice.first, isSpace(first) { slice.removeFirst() }
        while let last = slice.last, isSpace(last) { slice.removeLast() }
        return slice
    }
}
