/// Canonical spacing of Lean source fragments, used for statement normalization.
enum CanonicalText {
    private static let openers: Set<String> = ["(", "[", "{", "⟨", "⦃", "⌊", "⌈", "⟦", "@[", "#["]
    private static let closers: Set<String> = [")", "]", "}", "⟩", "⦄", "⌋", "⌉", "⟧", ","]
    private static let gluedBefore: Set<String> = ["⁻¹"]

    /// `text` with comments removed and whitespace collapsed between tokens; text that does not lex
    /// is returned with whitespace runs collapsed instead.
    static func normalize(_ text: String) -> String {
        let outcome = LeanLexer.tokenizePartially(text)
        guard outcome.error == nil else {
            return text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
                .joined(separator: " ")
        }
        var result = ""
        var previous: LeanToken?
        var sawTrivia = false
        for token in outcome.tokens {
            if token.isTrivia {
                sawTrivia = true
                continue
            }
            if let before = previous, needsSpace(between: before, and: token, separated: sawTrivia) {
                result += " "
            }
            result += token.text
            previous = token
            sawTrivia = false
        }
        return result
    }

    private static func needsSpace(between left: LeanToken, and right: LeanToken, separated: Bool) -> Bool {
        if left.kind == .symbol, openers.contains(left.text) { return false }
        if right.kind == .symbol, closers.contains(right.text) || gluedBefore.contains(right.text) { return false }
        if !separated && (left.is(".") || right.is(".") || left.is("@")) { return false }
        return true
    }
}
