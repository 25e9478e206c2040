/// The one error type of LeanExtraction: a pattern that PCRE2 refused, or a match that PCRE2 could not
/// finish (a resource limit, or an internal failure).
///
/// ```swift
/// do { _ = try PCRE2Regex("(unclosed") }
/// catch { print(error.code, error.patternOffset ?? -1, error.message) }
/// ```
public struct ExtractionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong. New codes may be added without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        enum Kind: String, Sendable, Hashable {
            case invalidPattern = "invalid-pattern"
            case matchFailed = "match-failed"
        }

        let kind: Kind

        /// PCRE2 refused to compile the pattern; `patternOffset` says where.
        public static let invalidPattern = Code(kind: .invalidPattern)
        /// PCRE2 gave up on a match (match/depth/heap limit, JIT stack, or an internal error).
        public static let matchFailed = Code(kind: .matchFailed)

        /// A stable, machine-readable name such as `"invalid-pattern"`.
        public var description: String { kind.rawValue }
    }

    /// What went wrong.
    public var code: Code
    /// A sentence that says what happened and what to do; includes PCRE2's own message.
    public var message: String
    /// The pattern involved (patterns are code we wrote or a caller chose, never a secret).
    public var pattern: String
    /// For `.invalidPattern`: the UTF-8 byte offset in the pattern where PCRE2 stopped.
    public var patternOffset: Int?
    /// PCRE2's numeric error code.
    public var pcre2ErrorCode: Int32

    /// Creates an error; used by this module and by tests.
    public init(code: Code, message: String, pattern: String, patternOffset: Int? = nil, pcre2ErrorCode: Int32) {
        self.code = code
        self.message = message
        self.pattern = pattern
        self.patternOffset = patternOffset
        self.pcre2ErrorCode = pcre2ErrorCode
    }

    /// `"extracting Lean code: …"`: what happened, without internal code names.
    public var description: String { "extracting Lean code: \(message)" }
}
