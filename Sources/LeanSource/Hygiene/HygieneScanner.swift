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
            case .string: checkInterpolation(at: index)
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

    /// Terms inside `s!"…{term}…"` (or `m!`, `f!`…) are code: scan them too.
    private mutating func checkInterpolation(at index: Int) {
        guard index > 0, tokens[index - 1].kind == .identifier, tokens[index - 1].text.hasSuffix("!"),
              tokens[index - 1].scalarRange.upperBound == tokens[index].scalarRange.lowerBound else { return }
        let token = tokens[index]
        for piece in Self.interpolatedTerms(in: token.text) {
            for inner in ProofHygiene.violations(in: piece, mode: .term, policy: policy) where inner.rule != .emptyProof {
                violations.append(HygieneViolation(rule: inner.rule, offending: inner.offending,
                                                   line: token.line, column: token.column))
            }
        }
    }

    private mutating func record(_ rule: HygieneRule, _ offending: String, _ token: LeanToken) {
        violations.append(HygieneViolation(rule: rule, offending: offending, line: token.line, column: token.column))
    }

    // MARK: - Helpers

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

    /// The `{…}` terms of an interpolated string literal's text, nested strings and braces respected.
    static func interpolatedTerms(in literal: String) -> [String] {
        var terms: [String] = []
        var current = ""
        var depth = 0
        var inNestedString = false
        var escaped = false
        for character in literal.dropFirst().dropLast() {
            if escaped {
                escaped = false
                if depth > 0 { current.append(character) }
                continue
            }
            if character == "\\" {
                escaped = true
                if depth > 0 { current.append(character) }
                continue
            }
            if depth > 0, character == "\"" { inNestedString.toggle() }
            if !inNestedString, character == "{" {
                depth += 1
                if depth == 1 { continue }
            }
            if !inNestedString, character == "}", depth > 0 {
                depth -= 1
                if depth == 0 {
                    terms.append(current)
                    current = ""
                    continue
                }
            }
            if depth > 0 { current.append(character) }
        }
        if depth > 0 { terms.append(current) }
        return terms
    }
}
