/// Parses one `theorem`/`lemma`/`example` command span into a ``LeanDeclaration``.
struct DeclarationParser {
    let source: SourceTokens
    let span: CommandSpan

    private var lower: Int { span.significantRange.lowerBound }
    private var upper: Int { span.significantRange.upperBound }

    private func token(_ position: Int) -> LeanToken { source.tokens[source.significant[position]] }

    /// The all-token index where significant token `position` starts (or the span's end).
    private func tokenIndex(_ position: Int) -> Int {
        position < upper ? source.significant[position] : span.tokenRange.upperBound
    }

    func parse() throws(LeanSourceError) -> LeanDeclaration {
        try parseWithSignature().declaration
    }

    /// The declaration and its signature exactly as written: from just after the name (after the
    /// keyword for an `example`) to the end of the conclusion, comments kept, trimmed.
    func parseWithSignature() throws(LeanSourceError) -> (declaration: LeanDeclaration, signature: String) {
        var position = skipPrefix()
        guard position < upper, let keyword = LeanDeclaration.Keyword(rawValue: token(position).text) else {
            throw error(.missingDeclaration, "Expected `theorem`, `lemma` or `example`.", at: position)
        }
        let modifiers = source.text(span.tokenRange.lowerBound..<tokenIndex(position), keepingDocComments: true)
        position += 1

        var name: String?
        if keyword != .example {
            guard position < upper, token(position).kind == .identifier,
                  !LeanVocabulary.commandKeywords.contains(token(position).text) else {
                throw error(.missingName, "`\(keyword.rawValue)` needs a name right after the keyword.", at: position)
            }
            name = token(position).text
            position += 1
            if position + 1 < upper, token(position).is("."), token(position + 1).is("{") {
                let close = try matchingClose(position + 1)
                name! += source.rawText(tokenIndex(position)..<(tokenIndex(close) + 1))
                position = close + 1
            }
        }

        let signatureStart = position
        var binders: [BinderParser.Group] = []
        while position < upper, ["(", "{", "[", "⦃"].contains(where: token(position).is) {
            let close = try matchingClose(position)
            binders.append(try BinderParser(source: source, span: span).parse(open: position, close: close))
            position = close + 1
        }

        guard position < upper, token(position).is(":") else {
            throw error(.missingType, "Expected `:` followed by the statement after the binders.", at: position)
        }
        position += 1
        let conclusionStart = position
        position = try endOfConclusion(from: position)
        let conclusion = source.text(tokenIndex(conclusionStart)..<tokenIndex(position))
        guard !conclusion.isEmpty else {
            throw error(.missingType, "The statement after `:` is empty.", at: position)
        }
        let declaration = LeanDeclaration(
            keyword: keyword, name: name, binders: BinderParser.classify(binders), conclusion: conclusion,
            body: body(at: position), modifiers: modifiers)
        let signature = SourceTokens.trimmed(source.rawText(tokenIndex(signatureStart)..<tokenIndex(position)))
        return (declaration, signature)
    }

    // MARK: - Pieces

    private func skipPrefix() -> Int {
        var position = lower
        while position < upper {
            let current = token(position)
            if current.is("@["), let close = try? matchingClose(position) {
                position = close + 1
            } else if current.kind == .identifier, LeanVocabulary.modifierKeywords.contains(current.text) {
                position += 1
            } else if CommandSplitter.scopingKeywords.contains(where: current.is) {
                while position < upper, !token(position).is("in") { position += 1 }
                position += 1
            } else {
                break
            }
        }
        return position
    }

    /// Finds the top-level `:=` (or equations `|`, or `where`) ending the statement.
    private func endOfConclusion(from start: Int) throws(LeanSourceError) -> Int {
        var depth = 0
        var pendingLocalDefinitions = 0
        var position = start
        while position < upper {
            let current = token(position)
            if LeanVocabulary.isOpening(current) { depth += 1 }
            if LeanVocabulary.isClosing(current) {
                depth -= 1
                if depth < 0 {
                    throw error(.unbalancedBrackets, "`\(current.text)` closes a bracket that was never opened.",
                                at: position)
                }
            }
            if depth == 0 {
                if current.is("let") || current.is("have") { pendingLocalDefinitions += 1 }
                if current.is(":=") {
                    if pendingLocalDefinitions == 0 { return position }
                    pendingLocalDefinitions -= 1
                }
                if current.is("where") { return position }
                if current.is("|"), startsLine(position), equationFollows(position) { return position }
            }
            position += 1
        }
        return position
    }

    private func startsLine(_ position: Int) -> Bool {
        let index = source.significant[position]
        guard index > 0 else { return true }
        let previous = source.tokens[index - 1]
        return previous.kind == .whitespace && previous.text.contains("\n")
    }

    private func equationFollows(_ position: Int) -> Bool {
        var depth = 0
        for next in (position + 1)..<upper {
            let current = token(next)
            if LeanVocabulary.isOpening(current) { depth += 1 }
            if LeanVocabulary.isClosing(current) { depth -= 1 }
            guard depth == 0 else { continue }
            if current.is("=>") { return true }
            if current.is("|") || current.is(":=") { return false }
        }
        return false
    }

    private func body(at position: Int) -> LeanDeclaration.Body {
        guard position < upper else { return .none }
        if token(position).is(":=") {
            if position + 1 < upper, token(position + 1).is("by") {
                return .tactics(bodyText(from: source.significant[position + 1] + 1))
            }
            return .term(bodyText(from: source.significant[position] + 1))
        }
        return .term(bodyText(from: source.significant[position]))
    }

    /// Body text to the end of the span: indentation of a first line that starts on a new line is
    /// kept; spaces before a same-line start and trailing whitespace are dropped.
    private func bodyText(from index: Int) -> String {
        guard index < span.tokenRange.upperBound else { return "" }
        var text = source.rawText(index..<span.tokenRange.upperBound)
        let leading = text.prefix(while: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        if let newline = leading.lastIndex(where: { $0 == "\n" || $0 == "\r\n" }) {
            text = String(text[text.index(after: newline)...])
        } else {
            text = String(text.dropFirst(leading.count))
        }
        while let last = text.last, last == " " || last == "\n" || last == "\t" || last == "\r" || last == "\r\n" {
            text.removeLast()
        }
        return text
    }

    func matchingClose(_ open: Int) throws(LeanSourceError) -> Int {
        var depth = 0
        for position in open..<upper {
            if LeanVocabulary.isOpening(token(position)) { depth += 1 }
            if LeanVocabulary.isClosing(token(position)) {
                depth -= 1
                if depth == 0 { return position }
            }
        }
        throw error(.unbalancedBrackets, "`\(token(open).text)` is never closed.", at: open)
    }

    private func error(_ code: LeanSourceError.Code, _ message: String, at position: Int) -> LeanSourceError {
        let anchor = position < upper ? token(position) : token(upper - 1)
        return LeanSourceError(code: code, message: message, line: anchor.line, column: anchor.column)
    }
}
