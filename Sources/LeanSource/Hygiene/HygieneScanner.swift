/// Walks a proof's significant tokens and records every rule they break.
struct HygieneScanner {
    let tokens: [LeanToken]
    let policy: HygienePolicy
    private(set) var violations: [HygieneViolation] = []
    private var openBrackets = 0

    init(tokens: [LeanToken], policy: HygienePolicy) {
        self.tokens = tokens
        self.policy = policy
    }

    mutating func scan() {
        for index in tokens.indices {
            let token = tokens[index]
            switch token.kind {
            case .identifier: checkIdentifier(at: index)
            case .symbol: checkSymbol(token)
            case .string: checkString(token)
            case .character:
                // Lean reads `'` + any character + `'` as a literal (a line break included) and `∑'`,
                // `⁻¹'`, `×'` … as tokens: where the two readings differ, the quotes drift apart and a
                // `"` that one reading sees as code opens a string for the other.
                record(.ambiguousLexing, token.text, token)
            default: break
            }
        }
    }

    // MARK: - Rules

    private mutating func checkIdentifier(at index: Int) {
        let token = tokens[index]
        let text = token.text
        let components = Self.components(of: text)
        let whole = components.joined(separator: ".")
        let last = components.last ?? whole

        if LeanVocabulary.commandKeywords.contains(text) || HygieneVocabulary.commandModifiers.contains(text)
            || (token.line > 1 && token.column == 0 && LeanVocabulary.columnZeroCommandKeywords.contains(text)) {
            record(.command, text, token)
        }
        if HygieneVocabulary.sorryNames.contains(whole) || HygieneVocabulary.sorryComponents.contains(last) {
            record(.sorry, text, token)
        }
        if text == "set_option" {
            let option = index + 1 < tokens.count ? tokens[index + 1].text : ""
            if !policy.allowedOptions.contains(option) { record(.setOption, "set_option \(option)", token) }
        }
        if text == "open" { checkOpen(at: index) }
        if HygieneVocabulary.nativeComponents.contains(last) || isNativeFlag(at: index) {
            if !policy.allowNativeComputation { record(.nativeComputation, text, token) }
        } else if HygieneVocabulary.codeExecutionNames.contains(last)
                    || (components.count > 1 && HygieneVocabulary.codeExecutionNamespaces.contains(components[0]))
                    || whole == "IO" {
            record(.codeExecution, text, token)
        }
    }

    /// `decide +native`, `decide (config := {native := true})`.
    private func isNativeFlag(at index: Int) -> Bool {
        guard tokens[index].text == "native" else { return false }
        if index > 0, tokens[index - 1].is("+") { return true }
        if index > 0, index + 2 < tokens.count, ["{", "(", ","].contains(where: tokens[index - 1].is),
           tokens[index + 1].is(":="), !tokens[index + 2].is("false") {
            return true
        }
        return false
    }

    /// `open Lean …` exposes meta-programming names without their `Lean.` prefix.
    private mutating func checkOpen(at index: Int) {
        var next = index + 1
        while next < tokens.count, tokens[next].kind == .identifier, !tokens[next].is("in") {
            let first = Self.components(of: tokens[next].text).first ?? ""
            if HygieneVocabulary.codeExecutionNamespaces.contains(first) {
                record(.codeExecution, "open \(tokens[next].text)", tokens[index])
                return
            }
            next += 1
        }
    }

    private mutating func checkSymbol(_ token: LeanToken) {
        if token.is("@[") || LeanVocabulary.isHashCommand(token)
            || (token.line > 1 && token.column == 0 && (token.is("@") || token.is("#"))) {
            record(.command, token.text, token)
        }
        if LeanVocabulary.isOpening(token) { openBrackets += 1 }
        if LeanVocabulary.isClosing(token) {
            if openBrackets == 0 {
                record(.unbalancedBracket, token.text, token)
            } else {
                openBrackets -= 1
            }
        }
    }

    /// A string must end where Lean ends it however Lean reads it: plainly (at the first unescaped
    /// `"`) or as an interpolation (`s!`, `m!`, `f!`, `throwError`, `dbg_trace`, `trace[…]`, … decide
    /// that from the syntax around it, not from the string). So the text may hold no unescaped `"`, and
    /// every `{` must open a term closed by its own `}` with no quote, escape, `«»` or comment in it;
    /// those terms are code when the string is interpolated and are checked as such.
    private mutating func checkString(_ token: LeanToken) {
        let scalars = Array(token.text.unicodeScalars)
        if scalars.first == "r" {
            // Raw strings have no escapes; a Lean without raw strings reads `r` and a plain string.
            if scalars.contains("\\") || scalars.dropFirst().first == "#" {
                record(.ambiguousLexing, Self.excerpt(token.text), token)
            }
            return
        }
        guard scalars.count >= 2, scalars.first == "\"", scalars.last == "\"" else {
            record(.ambiguousLexing, Self.excerpt(token.text), token)
            return
        }
        let content = Array(scalars[1..<(scalars.count - 1)])
        var terms: [String] = []
        var position = 0
        while position < content.count {
            let scalar = content[position]
            if scalar == "\\" {
                position += 2
                continue
            }
            if scalar == "\"" {
                record(.ambiguousLexing, Self.excerpt(token.text), token)
                return
            }
            if scalar == "{" {
                guard let end = Self.interpolationEnd(in: content, openingAt: position) else {
                    record(.ambiguousLexing, Self.excerpt(token.text), token)
                    return
                }
                var term = String.UnicodeScalarView()
                term.append(contentsOf: content[(position + 1)..<end])
                terms.append(String(term))
                position = end + 1
                continue
            }
            position += 1
        }
        for term in terms {
            for inner in ProofHygiene.violations(in: term, mode: .term, policy: policy) where inner.rule != .emptyProof {
                violations.append(HygieneViolation(rule: inner.rule, offending: inner.offending,
                                                   line: token.line, column: token.column))
            }
        }
    }

    /// The index of the `}` closing the `{` at `opening`, or nil when the term is unclosed or holds a
    /// scalar that Lean's term lexer could read across the `}` (quotes, escapes, `«»`, comments).
    static func interpolationEnd(in content: [Unicode.Scalar], openingAt opening: Int) -> Int? {
        var depth = 0
        var index = opening
        while index < content.count {
            let scalar = content[index]
            let next: Unicode.Scalar? = index + 1 < content.count ? content[index + 1] : nil
            switch scalar {
            case "\"", "'", "«", "»", "\\": return nil
            case "-" where next == "-" || next == "/": return nil
            case "/" where next == "-": return nil
            case "{": depth += 1
            case "}":
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
            index += 1
        }
        return nil
    }

    /// Comments Lean bounds differently: `/--` and `/-!` are tokens Lean parses (their body is not
    /// skipped like a comment's), and after `/-` Lean skips the third character, so `/-/-` opens one
    /// comment for Lean but two for a plain nesting count.
    static func commentViolations(in tokens: [LeanToken]) -> [HygieneViolation] {
        tokens.compactMap { token in
            guard token.kind == .blockComment || token.kind == .docComment || token.kind == .moduleDocComment,
                  token.text.hasPrefix("/--") || token.text.hasPrefix("/-!") || token.text.hasPrefix("/-/") else {
                return nil
            }
            return HygieneViolation(rule: .ambiguousLexing, offending: String(token.text.prefix(3)),
                                    line: token.line, column: token.column)
        }
    }

    private mutating func record(_ rule: HygieneRule, _ offending: String, _ token: LeanToken) {
        violations.append(HygieneViolation(rule: rule, offending: offending, line: token.line, column: token.column))
    }

    // MARK: - Helpers

    /// The first 40 characters of a literal, for a violation's `offending` text.
    static func excerpt(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(40)) + "…"
    }

    /// Name components with `«»` quotes and a leading `_root_` removed: `_root_.«sorryAx»` → `["sorryAx"]`.
    static func components(of name: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quoted = false
        for character in name {
            switch character {
            case "«": quoted = true
            case "»": quoted = false
            case "." where !quoted:
                parts.append(current)
                current = ""
            default: current.append(character)
            }
        }
        parts.append(current)
        if parts.first == "_root_" { parts.removeFirst() }
        return parts
    }
}
