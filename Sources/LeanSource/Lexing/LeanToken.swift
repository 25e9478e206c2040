/// One lexical token of Lean 4 source with its exact text and position.
///
/// `LeanLexer.tokenize` is lossless: concatenating the `text` of every token gives back the input,
/// whitespace and comments included.
public struct LeanToken: Sendable, Hashable {
    /// The lexical class of a token.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A possibly dotted name: `Nat.succ`, `h₀`, `x'`, `«my name»`, `ℝ`, `_`.
        case identifier
        /// A numeric literal: `42`, `0x1F`, `2.5`, `1e-3`.
        case number
        /// A string literal, escapes and interpolations included: `"a\"b"`, `s!"{x}"`'s `"{x}"`.
        case string
        /// A character literal: `'a'`, `'\n'`.
        case character
        /// Any other token: `:=`, `(`, `∀`, `⁻¹`, `#eval`, `@[`, `ℝ≥0`.
        case symbol
        /// Spaces, tabs and line breaks.
        case whitespace
        /// `-- …` up to the end of the line.
        case lineComment
        /// `/- … -/`, possibly nested.
        case blockComment
        /// `/-- … -/`, a declaration's documentation.
        case docComment
        /// `/-! … -/`, module documentation.
        case moduleDocComment
    }

    /// The lexical class.
    public var kind: Kind
    /// The exact source text.
    public var text: String
    /// 1-based line where the token starts.
    public var line: Int
    /// 0-based column (in Unicode scalars) where the token starts.
    public var column: Int
    /// Offsets in Unicode scalars of the token in the tokenized text.
    public var scalarRange: Range<Int>

    /// Creates a token.
    public init(kind: Kind, text: String, line: Int, column: Int, scalarRange: Range<Int>) {
        self.kind = kind
        self.text = text
        self.line = line
        self.column = column
        self.scalarRange = scalarRange
    }

    /// True for any comment.
    public var isComment: Bool {
        switch kind {
        case .lineComment, .blockComment, .docComment, .moduleDocComment: true
        default: false
        }
    }

    /// True for whitespace and comments: tokens Lean skips between meaningful ones.
    public var isTrivia: Bool { kind == .whitespace || isComment }

    /// True when this is the identifier or symbol `text` (an exact, whole-token match).
    public func `is`(_ expected: String) -> Bool {
        (kind == .identifier || kind == .symbol) && text == expected
    }
}
