/// One match of a `PCRE2Regex` in a subject string. Offsets are UTF-8 byte offsets into the subject
/// and always fall on Unicode scalar boundaries.
///
/// ```swift
/// let regex = try PCRE2Regex(#"(\w+)@(\w+)"#)
/// if let match = regex.firstMatch(in: "mail: ada@lovelace") {
///     print(match.range, match[2] ?? "")   // 6..<18 lovelace
/// }
/// ```
public struct PCRE2Match: Sendable, Hashable {
    /// The string that was searched.
    public let subject: String
    /// The UTF-8 byte range of the whole match.
    public let range: Range<Int>
    /// UTF-8 byte ranges of the capture groups 1…n; nil for a group that did not take part.
    public let captureRanges: [Range<Int>?]

    /// Creates a match; used by `PCRE2Regex` and by tests.
    public init(subject: String, range: Range<Int>, captureRanges: [Range<Int>?]) {
        self.subject = subject
        self.range = range
        self.captureRanges = captureRanges
    }

    /// The matched text.
    public var text: String { Self.slice(subject, range) }

    /// Text of group `index` (0 is the whole match); nil when the group did not take part.
    /// Traps when `index` exceeds the pattern's group count (API misuse).
    public subscript(index: Int) -> String? {
        if index == 0 { return text }
        precondition(index > 0 && index <= captureRanges.count, "capture group \(index) does not exist")
        return captureRanges[index - 1].map { Self.slice(subject, $0) }
    }

    /// The UTF-8 range of group `index` (0 is the whole match); nil when the group did not take part.
    public func range(of index: Int) -> Range<Int>? {
        if index == 0 { return range }
        precondition(index > 0 && index <= captureRanges.count, "capture group \(index) does not exist")
        return captureRanges[index - 1]
    }

    /// Text of `subject` between two UTF-8 offsets that lie on scalar boundaries.
    static func slice(_ subject: String, _ range: Range<Int>) -> String {
        let utf8 = subject.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(start, offsetBy: range.count)
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }
}
