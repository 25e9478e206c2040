import LeanSource

extension SymbolicMutator {
    /// Tokens that may sit just outside a bare literal operand of a comparison.
    static let operandBoundaries: Set<String> = ["(", ")", "[", "]", ",", "∧", "∨", "→", "↔", "¬", ":", "then", "else", "=>"]

    /// Moves literal bounds by one. In `x ≤ c` / `x < c` / `c ≥ x` / `c > x` the literal is an upper bound
    /// (stronger = smaller); in `c ≤ x` / `c < x` / `x ≥ c` / `x > c` a lower bound (stronger = larger).
    /// "Stronger" is about the inequality itself, wherever it stands (a stronger hypothesis makes the
    /// theorem weaker). Only bare natural literals that form a whole operand count; results below 0 are skipped.
    static func movedBounds(_ fragments: StatementFragments, strengthen: Bool) -> [LeanDeclaration] {
        let upperWhenRight: [String: Bool] = ["≤": true, "<": true, "<=": true, "≥": false, ">": false, ">=": false]
        var result: [LeanDeclaration] = []
        for slot in fragments.claimSlots {
            guard let tokens = fragments.tokens(slot) else { continue }
            for (index, token) in tokens.enumerated() where token.kind == .symbol {
                guard let rightIsUpper = upperWhenRight[token.text] else { continue }
                // Literal on the right: `x ≤ c`.
                if let literal = TokenEdit.neighbour(tokens, of: index, direction: 1), let value = TokenEdit.naturalValue(tokens[literal]),
                   isOperandEnd(tokens, after: literal) {
                    let delta = (rightIsUpper == strengthen) ? -1 : 1
                    if value + delta >= 0 {
                        result.append(fragments.replacing(slot, with: TokenEdit.replacing(tokens, at: literal, with: String(value + delta))))
                    }
                }
                // Literal on the left: `c ≤ x`.
                if let literal = TokenEdit.neighbour(tokens, of: index, direction: -1), let value = TokenEdit.naturalValue(tokens[literal]),
                   isOperandStart(tokens, before: literal) {
                    let leftIsUpper = !rightIsUpper
                    let delta = (leftIsUpper == strengthen) ? -1 : 1
                    if value + delta >= 0 {
                        result.append(fragments.replacing(slot, with: TokenEdit.replacing(tokens, at: literal, with: String(value + delta))))
                    }
                }
            }
        }
        return result
    }

    private static func isOperandEnd(_ tokens: [LeanToken], after index: Int) -> Bool {
        guard let next = TokenEdit.neighbour(tokens, of: index, direction: 1) else { return true }
        return operandBoundaries.contains(tokens[next].text)
    }

    private static func isOperandStart(_ tokens: [LeanToken], before index: Int) -> Bool {
        guard let previous = TokenEdit.neighbour(tokens, of: index, direction: -1) else { return true }
        return operandBoundaries.contains(tokens[previous].text)
    }
}
