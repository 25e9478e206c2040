import CPCRE2

/// A compiled PCRE2 regular expression in UTF-8 mode with Unicode properties (`PCRE2_UTF | PCRE2_UCP`),
/// JIT-compiled when the library supports it.
///
/// The value is cheap to copy and `Sendable`: copies share one immutable compiled pattern, and every
/// match call uses match data of its own, so one regex can be used from many tasks at once.
///
/// ```swift
/// let fence = try PCRE2Regex(#"^```(\w*)$"#, options: .multiline)
/// for match in fence.allMatches(in: output) { print(match[1] ?? "") }
/// ```
public struct PCRE2Regex: Sendable {
    /// Compile options on top of the always-on UTF-8 and Unicode-property modes.
    public struct Options: OptionSet, Sendable, Hashable {
        /// PCRE2 compile-option bits.
        public let rawValue: UInt32
        /// Creates options from PCRE2 compile-option bits.
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        /// Letters match regardless of case (`PCRE2_CASELESS`).
        public static let caseInsensitive = Options(rawValue: UInt32(PCRE2_CASELESS))
        /// `^` and `$` match at every line start and end (`PCRE2_MULTILINE`).
        public static let multiline = Options(rawValue: UInt32(PCRE2_MULTILINE))
        /// `.` also matches a newline (`PCRE2_DOTALL`).
        public static let dotMatchesNewlines = Options(rawValue: UInt32(PCRE2_DOTALL))
        /// Whitespace and `#` comments in the pattern are ignored (`PCRE2_EXTENDED`).
        public static let extended = Options(rawValue: UInt32(PCRE2_EXTENDED))
    }

    /// The pattern text as given.
    public let pattern: String
    /// The options given (UTF-8 and Unicode properties are always on in addition).
    public let options: Options
    let code: PCRE2CompiledCode

    /// Compiles `pattern`.
    /// - Throws: `ExtractionError` with code `.invalidPattern`, PCRE2's message and the byte offset.
    public init(_ pattern: String, options: Options = []) throws(ExtractionError) {
        self.pattern = pattern
        self.options = options
        code = try PCRE2CompiledCode(
            pattern: pattern, options: options.rawValue | UInt32(PCRE2_UTF) | UInt32(PCRE2_UCP))
    }

    /// Number of capture groups in the pattern (not counting the whole match).
    public var captureCount: Int { code.captureCount }

    /// True when the pattern runs as JIT machine code.
    public var isJITCompiled: Bool { code.isJITCompiled }
}
