/// Reads the text before a declaration's keyword (``LeanDeclaration/modifiers``) into its scoped prefixes.
enum ScopedPrefixParser {
    static func parse(_ modifiers: String) throws(LeanSourceError) -> [ScopedPrefix] {
        let tokens: [LeanToken]
        do {
            tokens = try LeanLexer.tokenize(modifiers).filter { !$0.isTrivia }
        } catch {
            throw error
        }
        var prefixes: [ScopedPrefix] = []
        var position = 0
        while position < tokens.count {
            let token = tokens[position]
            if token.is("@[") {
                position = try closing(of: position, in: tokens) + 1
            } else if token.kind == .identifier, LeanVocabulary.modifierKeywords.contains(token.text) {
                position += 1
            } else if token.kind == .identifier, ["open", "set_option", "universe"].contains(token.text) {
                guard let end = tokens[position...].firstIndex(where: { $0.is("in") }) else {
                    throw unsupported("`\(token.text)` before the declaration is not closed by `in`", token)
                }
                prefixes.append(try prefix(Array(tokens[position...end])))
                position = end + 1
            } else {
                throw unsupported(
                    "`\(token.text)` before the declaration is not supported: only `open … in`, `set_option … in` "
                        + "and `universe … in` are kept in effect (write variables as binders of the theorem, and "
                        + "put other commands in the header)", token)
            }
        }
        return prefixes
    }

    /// One prefix from its tokens, keyword through `in`.
    private static func prefix(_ tokens: [LeanToken]) throws(LeanSourceError) -> ScopedPrefix {
        let keyword = tokens[0]
        let inner = tokens.dropFirst().dropLast()
        let text = (tokens.map(\.text)).joined(separator: " ")
        switch keyword.text {
        case "set_option":
            guard inner.count == 2, let name = inner.first, name.kind == .identifier,
                  let value = inner.last, [.identifier, .number, .string].contains(value.kind) else {
                throw unsupported("`set_option` before the declaration must be `set_option NAME VALUE in`", keyword)
            }
            return ScopedPrefix(kind: .setOption, text: text, optionName: name.text)
        case "universe":
            guard !inner.isEmpty, inner.allSatisfy({ $0.kind == .identifier }) else {
                throw unsupported("`universe` before the declaration must be `universe u v in`", keyword)
            }
            return ScopedPrefix(kind: .universe, text: text)
        default:
            // `open NS (a b) in`, `open NS renaming a → b, c → d in`.
            let allowedSymbols: Set<String> = ["(", ")", "→", "->", ","]
            guard !inner.isEmpty, inner.allSatisfy({ $0.kind == .identifier || allowedSymbols.contains($0.text) }) else {
                throw unsupported("`open` before the declaration must name namespaces: `open Real in`", keyword)
            }
            var namespaces: [String] = []
            for token in inner {
                if token.is("scoped") { continue }
                if token.kind != .identifier || ["hiding", "renaming"].contains(token.text) { break }
                namespaces.append(token.text)
            }
            guard !namespaces.isEmpty else {
                throw unsupported("`open` before the declaration names no namespace", keyword)
            }
            return ScopedPrefix(kind: .open, text: text, namespaces: namespaces)
        }
    }

    private static func closing(of open: Int, in tokens: [LeanToken]) throws(LeanSourceError) -> Int {
        if let close = LeanVocabulary.closingIndex(of: open, in: tokens) { return close }
        throw LeanSourceError(code: .unbalancedBrackets, message: "`@[` is never closed.",
                              line: tokens[open].line, column: tokens[open].column)
    }

    private static func unsupported(_ message: String, _ token: LeanToken) -> LeanSourceError {
        LeanSourceError(code: .unsupportedCommand, message: message + ".", line: token.line, column: token.column)
    }
}
