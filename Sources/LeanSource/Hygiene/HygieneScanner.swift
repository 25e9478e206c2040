/// Walks a proof's significant tokens and records every rule they break.
struct HygieneScanner {
    let tokens: [LeanToken]
    let policy: HygienePolicy
    /// Statement text (binder types, a conclusion) rather than a proof: names the statement binds
    /// (``boundNames``) may be words such as `stop`, `meta` or `include`, and literals Lean cannot read
    /// two ways are allowed (see ``isUnambiguousCharacter(at:)`` and ``checkString(_:at:)``).
    var statement = false
    /// The names the statement's binders bind; only used when ``statement`` is set.
    var boundNames: Set<String> = []
    private(set) var violations: [HygieneViolation] = []
    private var openBrackets = 0
    private lazy var hasTacticBlock = tokens.contains { $0.is("by") }
    /// No syntax in the text could read a string as an interpolation: no tactic block, no `s!`-style
    /// word, no word of ``HygieneVocabulary/interpolatingWords`` (or its `…At` form) anywhere.
    private lazy var onlyPlainStrings = !hasTacticBlock && !tokens.contains { token in
        guard token.kind == .identifier else { return false }
        let last = Self.components(of: token.text).last ?? token.text
        let base = last.hasSuffix("At") ? String(last.dropLast(2)) : last
        return last.hasSuffix("!") || HygieneVocabulary.interpolatingWords.contains(last)
            || HygieneVocabulary.interpolatingWords.contains(base)
    }

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
            case .string: checkString(token, at: index)
            case .character:
                // Lean reads `'` + any character + `'` as a literal (a line break included) and `∑'`,
                // `⁻¹'`, `×'` … as tokens: where the two readings differ, the quotes drift apart and a
                // `"` that one reading sees as code opens a string for the other.
                if !(statement && isUnambiguousCharacter(at: index)) { record(.ambiguousLexing, token.text, token) }
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

        // A statement may bind a variable named `stop`, `meta` or `include`: there it is a name, not the
        // tactic or command modifier (words Lean reserves, such as `theorem` or `sorry`, cannot be bound).
        // Not in a part with a tactic block (`by …`), where `stop` would be the tactic.
        let boundHere = statement && boundNames.contains(text) && !hasTacticBlock && text != "sorry"
        if LeanVocabulary.commandKeywords.contains(text) || (HygieneVocabulary.commandModifiers.contains(text) && !boundHere)
            || (token.line > 1 && token.column == 0 && LeanVocabulary.columnZeroCommandKeywords.contains(text)) {
            record(.command, text, token)
        }
        if (HygieneVocabulary.sorryNames.contains(whole) && !boundHere) || HygieneVocabulary.sorryComponents.contains(last) {
            record(.sorry, text, token)
        }
        if text == "set_option" {
            let option = index + 1 < tokens.count ? tokens[index + 1].text : ""
            if !policy.allows(option: option) { record(.setOption, "set_option \(option)", token) }
        }
        if text == "open" { checkOpen(at: index) }
        if HygieneVocabulary.nativeComponents.contains(last) || isNativeFlag(at: index) {
            if !policy.allowNativeComputation { record(.nativeComputation, text, token) }
        } else if HygieneVocabulary.codeExecutionNames.contains(last)
                    || (components.count > 1 && HygieneVocabulary.codeExecutionNamespaces.contains(components[0])
                        && !HygieneVocabulary.isLemmaNamespace(components))
                    || whole == "IO" {
            record(.codeExecution, text, token)
        }
    }

    /// `decide +native`, `decide (config := {native := true})`, the field abbreviation
    /// `{ …, native }` (a local `native` set to true), and a `decide` configuration given as anything but
    /// a structure instance (`⟨false, true⟩`, `.mk false true`, a name), whose fields this check cannot
    /// read. (The axioms report refuses native computation whatever its spelling; this refuses it before
    /// Lean is called.)
    private func isNativeFlag(at index: Int) -> Bool {
        let text = tokens[index].text
        if text == "config", index >= 2, tokens[index - 1].is("("), tokens[index - 2].is("decide"),
           index + 2 < tokens.count, tokens[index + 1].is(":="), !tokens[index + 2].is("{") {
            return true
        }
        guard text == "native" else { return false }
        if index > 0, tokens[index - 1].is("+") { return true }
        if index > 0, index + 2 < tokens.count, ["{", "(", ","].contains(where: tokens[index - 1].is),
           tokens[index + 1].is(":="), !tokens[index + 2].is("false") {
            return true
        }
        if index > 0, index + 1 < tokens.count, ["{", ","].contains(where: tokens[index - 1].is),
           ["}", ","].contains(where: tokens[index + 1].is) {
            return true
        }
        return false
    }

    /// `open Lean …` exposes meta-programming names without their `Lean.` prefix.
    private mutating func checkOpen(at index: Int) {
        var next = index + 1
        while next < tokens.count, tokens[next].kind == .identifier, !tokens[next].is("in") {
            let components = Self.components(of: tokens[next].text)
            if HygieneVocabulary.codeExecutionNamespaces.contains(components.first ?? ""),
               !HygieneVocabulary.isLemmaNamespace(components) {
                record(.codeExecution, "open \(tokens[next].text)", tokens[index])
                return
            }
            next += 1
        }
    }

    private mutating func checkSymbol(_ token: LeanToken) {
        if token.is("@[") || LeanVocabulary.isHashCommand(token)
            || (token.line > 1 && token.column == 0 && (token.is("@") || token.is("#") || LeanVocabulary.isHashWord(token))) {
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
    private mutating func checkString(_ token: LeanToken, at index: Int) {
        // (In a statement, see `onlyPlainStrings`: a string Lean can only read plainly needs no `{…}` check.)
        let scalars = Array(token.text.unicodeScalars)
        if statement, onlyPlainStrings, isPlainString(at: index), scalars.count >= 2, scalars.first == "\"", scalars.last == "\"" {
            // A plain string in a statement: only syntax that reads its argument as an interpolation
            // (`s!`, `m!`, `throwError`, `trace[…]`, … — meta code, not a proposition) gives `{…}` a meaning,
            // and the lexer already ended the literal where Lean ends a plain one.
            return
        }
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

    // MARK: - Statement literals

    /// A character literal Lean reads exactly as the lexer does: it does not touch the token before it
    /// (so no `∑'`, `x'`, `⁻¹'` reading exists) and holds one plain character or a simple escape.
    private func isUnambiguousCharacter(at index: Int) -> Bool {
        let token = tokens[index]
        if index > 0, tokens[index - 1].scalarRange.upperBound == token.scalarRange.lowerBound,
           !LeanVocabulary.isOpening(tokens[index - 1]) {
            return false
        }
        let scalars = Array(token.text.unicodeScalars)
        guard scalars.count >= 3, scalars.first == "'", scalars.last == "'" else { return false }
        let content = Array(scalars[1..<(scalars.count - 1)])
        if content.count == 1 { return content[0] != "\\" && content[0] != "'" && content[0] != "\n" }
        guard content.first == "\\", content.count >= 2 else { return false }
        let escape = String(String.UnicodeScalarView(content.dropFirst()))
        if ["n", "t", "r", "\\", "'", "\"", "0"].contains(escape) { return true }
        let hex = escape.dropFirst()
        if escape.hasPrefix("x") { return hex.count == 2 && hex.unicodeScalars.allSatisfy(LeanCharacters.isHexDigit) }
        if escape.hasPrefix("u{"), escape.hasSuffix("}") {
            let digits = escape.dropFirst(2).dropLast()
            return (1...6).contains(digits.count) && digits.unicodeScalars.allSatisfy(LeanCharacters.isHexDigit)
        }
        return false
    }

    /// A string that no interpolating syntax takes: not glued to an `s!`-style prefix (the lexer reads
    /// those itself) and not the argument of a word that reads plain strings as interpolations.
    private func isPlainString(at index: Int) -> Bool {
        guard index > 0 else { return true }
        let previous = tokens[index - 1]
        if previous.kind == .identifier, previous.text.hasSuffix("!") { return false }
        if previous.is("]") { return false }
        return !(previous.kind == .identifier && HygieneVocabulary.interpolatingWords.contains(previous.text))
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
