/// The Lean 4 tokenizer: comments (nested), strings, character literals, Unicode identifiers,
/// numbers and symbols.
///
/// ```swift
/// let tokens = try LeanLexer.tokenize("theorem t (h₀ : x ≤ 2) : x < 3 := by omega")
/// tokens.filter { !$0.isTrivia }.map(\.text)  // ["theorem", "t", "(", "h₀", ":", "x", "≤", …]
/// ```
public struct LeanLexer: Sendable {
    /// The outcome of tokenizing as far as possible: the tokens before any error, and the error.
    public struct Partial: Sendable, Hashable {
        /// Every token before the first lexical error (all of them when `error` is nil).
        public var tokens: [LeanToken]
        /// The first lexical error, if any.
        public var error: LeanSourceError?
    }

    /// Tokenizes `text` losslessly (whitespace and comments are tokens too).
    ///
    /// - Throws: `LeanSourceError` with code `.unterminatedComment`, `.unterminatedString` or
    ///   `.unterminatedIdentifier`, at the position where the unclosed construct starts.
    public static func tokenize(_ text: String) throws(LeanSourceError) -> [LeanToken] {
        let outcome = tokenizePartially(text)
        if let error = outcome.error { throw error }
        return outcome.tokens
    }

    /// Tokenizes UTF-8 bytes, reporting invalid UTF-8 with the position of the first bad byte.
    ///
    /// - Throws: `LeanSourceError` with code `.invalidUTF8`, or any error of ``tokenize(_:)``.
    public static func tokenize(utf8 bytes: some Collection<UInt8>) throws(LeanSourceError) -> [LeanToken] {
        try tokenize(UTF8Validation.decode(bytes))
    }

    /// Tokenizes as far as possible without throwing: useful to scan hostile text.
    public static func tokenizePartially(_ text: String) -> Partial {
        var scanner = LeanScanner(text)
        let error = scanner.run()
        return Partial(tokens: scanner.tokens, error: error)
    }
}
