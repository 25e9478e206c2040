/// The tokenizer's engine: turns scalars into tokens, stopping at the first lexical error.
struct LeanScanner {
    /// How deeply `s!"{s!"{…}"}"` interpolations may nest before the text is refused.
    static let maximumInterpolationDepth = 32

    private var cursor: LexerCursor
    private(set) var tokens: [LeanToken] = []
    private var interpolationDepth = 0

    init(_ text: String) { cursor = LexerCursor(Array(text.unicodeScalars)) }

    /// Tokenizes everything; on failure the tokens before the error are kept in `tokens`.
    mutating func run() -> LeanSourceError? {
        while !cursor.isAtEnd {
            if let failure = scanToken() { return failure }
        }
        return nil
    }

    // MARK: - One token

    private mutating func scanToken() -> LeanSourceError? {
        let start = (index: cursor.index, line: cursor.line, column: cursor.column)
        var kind = LeanToken.Kind.symbol
        guard let first = cursor.peek() else { return nil }
        var failure: LeanSourceError?

        if LeanCharacters.isWhitespace(first) {
            kind = .whitespace
            cursor.advance(while: LeanCharacters.isWhitespace)
        } else if cursor.matches("-", "-") {
            kind = .lineComment
            cursor.advance(while: { $0 != "\n" })
        } else if cursor.matches("/", "-") {
            let third = cursor.peek(2)
            kind = third == "-" && cursor.peek(3) != "/" ? .docComment : third == "!" ? .moduleDocComment : .blockComment
            failure = scanBlockComment(start: start)
        } else if first == "\"" {
            kind = .string
            failure = scanString(interpolated: previousIsInterpolationPrefix(at: start.index), start: start)
        } else if first == "r", cursor.peek(1) == "\"" || (cursor.peek(1) == "#" && isRawStringOpening()) {
            kind = .string
            failure = scanRawString(start: start)
        } else if first == "'", let length = characterLiteralLength() {
            kind = .character
            cursor.advance(length)
        } else if LeanCharacters.isDigit(first) {
            kind = .number
            scanNumber()
        } else if let symbol = LeanCharacters.compoundSymbolsByFirstScalar[first]?.first(where: { cursor.matches($0) }) {
            cursor.advance(symbol.count)
        } else if first == "«" || LeanCharacters.isIdentifierStart(first) {
            kind = .identifier
            failure = scanIdentifier()
        } else if first == "#", let next = cursor.peek(1), LeanCharacters.isASCIILetter(next) {
            cursor.advance()
            cursor.advance(while: { LeanCharacters.isASCIILetter($0) || LeanCharacters.isDigit($0) || $0 == "_" })
        } else {
            cursor.advance()
        }
        if failure == nil {
            let range = start.index..<cursor.index
            tokens.append(LeanToken(kind: kind, text: cursor.text(range), line: start.line,
                                    column: start.column, scalarRange: range))
        }
        return failure
    }

    // MARK: - Comments and literals

    private mutating func scanBlockComment(start: (index: Int, line: Int, column: Int)) -> LeanSourceError? {
        var depth = 0
        while !cursor.isAtEnd {
            if cursor.matches("/", "-") {
                depth += 1
                cursor.advance(2)
            } else if cursor.matches("-", "/") {
                depth -= 1
                cursor.advance(2)
                if depth == 0 { return nil }
            } else {
                cursor.advance()
            }
        }
        return LeanSourceError(
            code: .unterminatedComment,
            message: "This `/-` comment is never closed by `-/` (comments nest: every `/-` needs its own `-/`).",
            line: start.line, column: start.column)
    }

    private func previousIsInterpolationPrefix(at index: Int) -> Bool {
        guard let previous = tokens.last, previous.kind == .identifier, previous.scalarRange.upperBound == index
        else { return false }
        return previous.text.hasSuffix("!")
    }

    private mutating func scanString(interpolated: Bool, start: (index: Int, line: Int, column: Int)) -> LeanSourceError? {
        cursor.advance()
        while let scalar = cursor.peek() {
            switch scalar {
            case "\\":
                cursor.advance(2)
            case "\"":
                cursor.advance()
                return nil
            case "{" where interpolated:
                cursor.advance()
                if let failure = scanInterpolation() { return failure }
            default:
                cursor.advance()
            }
        }
        return unterminatedString(start)
    }

    /// Skips the term inside `{ … }` of an interpolated string, nested strings and braces included.
    private mutating func scanInterpolation() -> LeanSourceError? {
        guard interpolationDepth < Self.maximumInterpolationDepth else {
            return LeanSourceError(
                code: .unterminatedString,
                message: "Interpolated strings nest deeper than \(Self.maximumInterpolationDepth) levels; "
                    + "simplify the string.",
                line: cursor.line, column: cursor.column)
        }
        var nested = LeanScanner("")
        nested.cursor = cursor
        nested.interpolationDepth = interpolationDepth + 1
        var depth = 1
        while !nested.cursor.isAtEnd {
            let before = nested.tokens.count
            if let failure = nested.scanToken() { return failure }
            guard nested.tokens.count > before, let token = nested.tokens.last else { continue }
            if token.is("{") { depth += 1 }
            if token.is("}") {
                depth -= 1
                if depth == 0 { break }
            }
        }
        cursor = nested.cursor
        return nil
    }

    private func isRawStringOpening() -> Bool {
        var offset = 1
        while cursor.peek(offset) == "#" { offset += 1 }
        return cursor.peek(offset) == "\""
    }

    private mutating func scanRawString(start: (index: Int, line: Int, column: Int)) -> LeanSourceError? {
        cursor.advance()
        var hashes = 0
        while cursor.peek() == "#" {
            hashes += 1
            cursor.advance()
        }
        cursor.advance()
        let closing = Array("\"".unicodeScalars) + Array(repeating: "#", count: hashes)
        while !cursor.isAtEnd {
            if cursor.matches(closing) {
                cursor.advance(closing.count)
                return nil
            }
            cursor.advance()
        }
        return unterminatedString(start)
    }

    private func unterminatedString(_ start: (index: Int, line: Int, column: Int)) -> LeanSourceError {
        LeanSourceError(
            code: .unterminatedString,
            message: "This string literal is never closed by `\"`; close it or escape inner quotes as `\\\"`.",
            line: start.line, column: start.column)
    }

    /// Length of a character literal at the cursor (`'a'`, `'\n'`, `'\x41'`, `'\u{3B1}'`), or nil when
    /// the `'` is not one (a lone `'`, e.g. in `fun x' => …` contexts handled as a symbol).
    private func characterLiteralLength() -> Int? {
        guard let next = cursor.peek(1), next != "\n" else { return nil }
        if next != "\\" { return cursor.peek(2) == "'" && next != "'" ? 3 : nil }
        var offset = 3
        while offset < 12, let scalar = cursor.peek(offset), scalar != "\n" {
            if scalar == "'" { return offset + 1 }
            offset += 1
        }
        return nil
    }

    private mutating func scanNumber() {
        if cursor.peek() == "0", let base = cursor.peek(1), "xXbBoO".unicodeScalars.contains(base),
           let digit = cursor.peek(2), LeanCharacters.isHexDigit(digit) {
            cursor.advance(2)
            cursor.advance(while: LeanCharacters.isHexDigit)
            return
        }
        cursor.advance(while: LeanCharacters.isDigit)
        if cursor.peek() == ".", let digit = cursor.peek(1), LeanCharacters.isDigit(digit) {
            cursor.advance()
            cursor.advance(while: LeanCharacters.isDigit)
        }
        if let exponent = cursor.peek(), exponent == "e" || exponent == "E" {
            if let digit = cursor.peek(1), LeanCharacters.isDigit(digit) {
                cursor.advance()
            } else if let sign = cursor.peek(1), sign == "+" || sign == "-",
                      let digit = cursor.peek(2), LeanCharacters.isDigit(digit) {
                cursor.advance(2)
            } else {
                return
            }
            cursor.advance(while: LeanCharacters.isDigit)
        }
    }

    private mutating func scanIdentifier() -> LeanSourceError? {
        while true {
            if cursor.peek() == "«" {
                let line = cursor.line, column = cursor.column
                cursor.advance(while: { $0 != "»" })
                guard cursor.peek() == "»" else {
                    return LeanSourceError(
                        code: .unterminatedIdentifier,
                        message: "This `«` quoted name is never closed by `»`.", line: line, column: column)
                }
                cursor.advance()
            } else {
                cursor.advance()
                cursor.advance(while: LeanCharacters.isIdentifierRest)
            }
            guard cursor.peek() == ".", let next = cursor.peek(1),
                  next == "«" || LeanCharacters.isIdentifierStart(next) else { return nil }
            cursor.advance()
        }
    }
}
