/// The one error type of the LeanSource module: a lexing or parsing failure with its position.
///
/// `line` is 1-based and `column` counts Unicode scalars from 0, as Lean's own messages do.
/// `origin` names where the text came from (a file path, "model output", a corpus row id) when the
/// caller said so.
public struct LeanSourceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as a stable, comparable code. New codes never break callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        enum Kind: String, Sendable, Hashable {
            case unterminatedComment = "unterminated-comment"
            case unterminatedString = "unterminated-string"
            case unterminatedIdentifier = "unterminated-identifier"
            case invalidUTF8 = "invalid-utf8"
            case unexpectedToken = "unexpected-token"
            case missingDeclaration = "missing-declaration"
            case multipleDeclarations = "multiple-declarations"
            case missingName = "missing-name"
            case missingType = "missing-type"
            case unbalancedBrackets = "unbalanced-brackets"
            case malformedBinder = "malformed-binder"
            case unsupportedCommand = "unsupported-command"
        }

        let kind: Kind

        /// A `/-` block comment (or doc comment) never closed by `-/`.
        public static let unterminatedComment = Code(kind: .unterminatedComment)
        /// A string literal never closed by `"`.
        public static let unterminatedString = Code(kind: .unterminatedString)
        /// A `«` quoted identifier never closed by `»`.
        public static let unterminatedIdentifier = Code(kind: .unterminatedIdentifier)
        /// The bytes are not valid UTF-8.
        public static let invalidUTF8 = Code(kind: .invalidUTF8)
        /// Text that cannot start or continue a Lean command here.
        public static let unexpectedToken = Code(kind: .unexpectedToken)
        /// No `theorem`, `lemma` or `example` was found.
        public static let missingDeclaration = Code(kind: .missingDeclaration)
        /// More than one declaration where exactly one was expected.
        public static let multipleDeclarations = Code(kind: .multipleDeclarations)
        /// A `theorem` or `lemma` without a name.
        public static let missingName = Code(kind: .missingName)
        /// A declaration without `:` and a statement type.
        public static let missingType = Code(kind: .missingType)
        /// An opening bracket never closed, or a closing bracket never opened.
        public static let unbalancedBrackets = Code(kind: .unbalancedBrackets)
        /// A binder group whose names are not identifiers.
        public static let malformedBinder = Code(kind: .malformedBinder)
        /// A command a statement cannot carry: anything before the declaration other than `open`,
        /// `set_option` and `universe` (scoped with `in`, or on its own line before it), an import the
        /// header lacks, `namespace`, `variable`, `def`, ….
        public static let unsupportedCommand = Code(kind: .unsupportedCommand)

        /// The code's stable text, e.g. `unterminated-comment`.
        public var description: String { kind.rawValue }
    }

    /// What went wrong.
    public var code: Code
    /// What went wrong and what to do about it.
    public var message: String
    /// Where the text came from, when the caller said so.
    public var origin: String?
    /// 1-based line of the problem.
    public var line: Int
    /// 0-based column (in Unicode scalars) of the problem.
    public var column: Int

    /// Creates an error; `line` is 1-based and `column` 0-based.
    public init(code: Code, message: String, origin: String? = nil, line: Int, column: Int) {
        self.code = code
        self.message = message
        self.origin = origin
        self.line = line
        self.column = column
    }

    /// `origin:line:column: message` (no internal code names; match on ``code`` in programs).
    public var description: String {
        "\(origin ?? "<lean source>"):\(line):\(column): \(message)"
    }

    func with(origin newOrigin: String?) -> LeanSourceError {
        var copy = self
        if copy.origin == nil { copy.origin = newOrigin }
        return copy
    }
}
