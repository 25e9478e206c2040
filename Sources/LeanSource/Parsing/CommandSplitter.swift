/// One top-level command of a file: its token range and its main keyword.
struct CommandSpan {
    /// Range in `SourceTokens.tokens`, from a leading doc comment (if any) to the last significant token.
    var tokenRange: Range<Int>
    /// Range in `SourceTokens.significant`.
    var significantRange: Range<Int>
    /// The command's keyword after any modifiers, e.g. `theorem`, `open`, `#eval`, `@[` (when bare).
    var keyword: String
}

/// Splits a token stream into top-level commands.
enum CommandSplitter {
    static func split(_ source: SourceTokens) throws(LeanSourceError) -> [CommandSpan] {
        let significant = source.significant
        let tokens = source.tokens
        var spans: [CommandSpan] = []
        var position = 0
        while position < significant.count {
            let start = position
            let first = tokens[significant[position]]
            guard isCommandStart(first) else {
                throw LeanSourceError(
                    code: .unexpectedToken,
                    message: "`\(first.text)` cannot start a Lean command here; expected a declaration "
                        + "(`theorem`, `lemma`, `example`, `def`…) or a command such as `import` or `open`.",
                    line: first.line, column: first.column)
            }
            position = skipModifiers(from: position, in: source)
            let keyword = position < significant.count ? tokens[significant[position]].text : first.text
            position = min(position + 1, significant.count)
            while position < significant.count, !isCommandStart(tokens[significant[position]]) {
                position += 1
            }
            let lastToken = significant[min(position, significant.count) - 1]
            spans.append(CommandSpan(
                tokenRange: leadingDocComment(before: significant[start], in: tokens)..<(lastToken + 1),
                significantRange: start..<position, keyword: keyword))
        }
        return mergingScopedPrefixes(spans, source: source)
    }

    static func isCommandStart(_ token: LeanToken) -> Bool {
        switch token.kind {
        case .symbol:
            return token.text == "@[" || LeanVocabulary.isHashCommand(token)
                || (token.column == 0 && LeanVocabulary.isHashWord(token))
        case .identifier:
            return LeanVocabulary.commandKeywords.contains(token.text)
                || (token.column == 0 && LeanVocabulary.columnZeroCommandKeywords.contains(token.text))
        default:
            return false
        }
    }

    /// Skips `@[…]` attributes and modifiers such as `private`; returns the main keyword's position.
    private static func skipModifiers(from start: Int, in source: SourceTokens) -> Int {
        var position = start
        let count = source.significant.count
        while position < count {
            let token = source.tokens[source.significant[position]]
            if token.is("@[") {
                var depth = 0
                while position < count {
                    let inner = source.tokens[source.significant[position]]
                    if LeanVocabulary.isOpening(inner) { depth += 1 }
                    if LeanVocabulary.isClosing(inner) { depth -= 1 }
                    position += 1
                    if depth == 0 { break }
                }
            } else if token.kind == .identifier, LeanVocabulary.modifierKeywords.contains(token.text) {
                position += 1
            } else {
                break
            }
        }
        return position
    }

    private static func leadingDocComment(before index: Int, in tokens: [LeanToken]) -> Int {
        var candidate = index - 1
        while candidate >= 0, tokens[candidate].kind == .whitespace { candidate -= 1 }
        return candidate >= 0 && tokens[candidate].kind == .docComment ? candidate : index
    }

    /// Commands that can scope the next one with `… in`.
    static let scopingKeywords: Set<String> = ["open", "set_option", "universe", "variable"]

    /// Joins `open … in` / `set_option … in` / `universe … in` / `variable … in` to the command they scope.
    private static func mergingScopedPrefixes(_ spans: [CommandSpan], source: SourceTokens) -> [CommandSpan] {
        var merged: [CommandSpan] = []
        var pendingPrefix: CommandSpan?
        for span in spans {
            var current = span
            if let prefix = pendingPrefix {
                current.tokenRange = prefix.tokenRange.lowerBound..<span.tokenRange.upperBound
                current.significantRange = prefix.significantRange.lowerBound..<span.significantRange.upperBound
                pendingPrefix = nil
            }
            let last = source.tokens[source.significant[current.significantRange.upperBound - 1]]
            if scopingKeywords.contains(current.keyword), last.is("in") {
                pendingPrefix = current
            } else {
                merged.append(current)
            }
        }
        if let pendingPrefix { merged.append(pendingPrefix) }
        return merged
    }
}
