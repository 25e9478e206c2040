import Foundation

/// Reads ledger SQL the way PostgreSQL's lexer does, as far as placeholders and statement boundaries go:
/// `'…'` literals (`''` inside), `E'…'` literals (backslash escapes), `"…"` identifiers, `$tag$…$tag$`
/// dollar quotes, `--` line comments and `/* … */` block comments (nested) are passed through untouched.
enum PostgresSQLText {
    /// `sql` with every `?` placeholder outside literals, identifiers and comments numbered `$1, $2, …`,
    /// and how many there were.
    static func numberingPlaceholders(_ sql: String) -> (sql: String, count: Int) {
        var output = ""
        output.reserveCapacity(sql.utf8.count + 8)
        var count = 0
        scan(sql) { piece, isCode in
            guard isCode else { output += piece; return }
            for character in piece {
                if character == "?" {
                    count += 1
                    output += "$\(count)"
                } else {
                    output.append(character)
                }
            }
        }
        return (output, count)
    }

    /// The statements of a script separated by `;` outside literals, identifiers and comments, trimmed,
    /// without empty ones (the extended query protocol runs one statement at a time).
    static func statements(_ sql: String) -> [String] {
        var statements: [String] = []
        var current = ""
        scan(sql) { piece, isCode in
            guard isCode else { current += piece; return }
            for character in piece {
                if character == ";" {
                    statements.append(current)
                    current = ""
                } else {
                    current.append(character)
                }
            }
        }
        statements.append(current)
        return statements.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty && !isOnlyComments($0) }
    }

    private static func isOnlyComments(_ sql: String) -> Bool {
        var onlyComments = true
        scan(sql) { piece, isCode in
            if isCode, piece.contains(where: { !$0.isWhitespace }) { onlyComments = false }
        }
        return onlyComments
    }

    /// Splits `sql` into pieces, calling `visit(piece, isCode)`: `isCode` is `false` for literals,
    /// quoted identifiers, dollar-quoted strings and comments (each whole, delimiters included).
    static func scan(_ sql: String, _ visit: (Substring, Bool) -> Void) {
        let text = Array(sql.unicodeScalars)
        var index = 0
        var codeStart = 0
        func flushCode(upTo end: Int) {
            if end > codeStart { visit(Substring(String(String.UnicodeScalarView(text[codeStart..<end]))), true) }
        }
        func emitQuoted(_ start: Int, _ end: Int) {
            visit(Substring(String(String.UnicodeScalarView(text[start..<end]))), false)
            codeStart = end
            index = end
        }
        while index < text.count {
            let c = text[index]
            let next: Unicode.Scalar? = index + 1 < text.count ? text[index + 1] : nil
            switch c {
            case "'":
                // E'…' (or e'…'): backslash escapes; the E belongs to the literal.
                let escapes = index > 0 && (text[index - 1] == "E" || text[index - 1] == "e")
                    && (index < 2 || !isIdentifierPart(text[index - 2]))
                let start = escapes ? index - 1 : index
                flushCode(upTo: start)
                emitQuoted(start, endOfQuoted(text, from: index, quote: "'", backslashEscapes: escapes))
            case "\"":
                flushCode(upTo: index)
                emitQuoted(index, endOfQuoted(text, from: index, quote: "\"", backslashEscapes: false))
            case "-" where next == "-":
                flushCode(upTo: index)
                var end = index
                while end < text.count, text[end] != "\n" { end += 1 }
                emitQuoted(index, end)
            case "/" where next == "*":
                flushCode(upTo: index)
                var end = index + 2
                var depth = 1
                while end < text.count, depth > 0 {
                    if text[end] == "/", end + 1 < text.count, text[end + 1] == "*" { depth += 1; end += 2 }
                    else if text[end] == "*", end + 1 < text.count, text[end + 1] == "/" { depth -= 1; end += 2 }
                    else { end += 1 }
                }
                emitQuoted(index, min(end, text.count))
            case "$" where index == 0 || !isIdentifierPart(text[index - 1]):
                if let tagEnd = dollarTagEnd(text, from: index) {
                    let tag = Array(text[index...tagEnd])
                    flushCode(upTo: index)
                    var end = tagEnd + 1
                    while end < text.count {
                        if text[end] == "$", end + tag.count <= text.count, Array(text[end..<end + tag.count]) == tag {
                            end += tag.count
                            break
                        }
                        end += 1
                    }
                    emitQuoted(index, min(end, text.count))
                } else {
                    index += 1
                }
            default:
                index += 1
            }
        }
        flushCode(upTo: text.count)
    }

    /// The index just past the closing quote of a quoted run starting at `from` (a doubled quote is
    /// part of the run), or the end of the text when it is unterminated.
    private static func endOfQuoted(
        _ text: [Unicode.Scalar], from start: Int, quote: Unicode.Scalar, backslashEscapes: Bool
    ) -> Int {
        var index = start + 1
        while index < text.count {
            let c = text[index]
            if backslashEscapes, c == "\\" {
                index += 2
                continue
            }
            if c == quote {
                if index + 1 < text.count, text[index + 1] == quote {
                    index += 2
                    continue
                }
                return index + 1
            }
            index += 1
        }
        return text.count
    }

    /// The index of the closing `$` of a dollar-quote tag (`$$` or `$name$`) opening at `from`, or `nil`
    /// when the `$` starts something else (a `$1` parameter).
    private static func dollarTagEnd(_ text: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start + 1
        guard index < text.count else { return nil }
        if text[index] == "$" { return index }
        guard isIdentifierStart(text[index]) else { return nil }
        while index < text.count, isIdentifierStart(text[index]) || ("0"..."9").contains(text[index]) { index += 1 }
        return index < text.count && text[index] == "$" ? index : nil
    }

    private static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_" || c.value > 127
    }

    private static func isIdentifierPart(_ c: Unicode.Scalar) -> Bool {
        isIdentifierStart(c) || ("0"..."9").contains(c) || c == "$"
    }
}
