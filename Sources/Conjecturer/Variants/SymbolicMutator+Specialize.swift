import Foundation
import LeanSource

extension SymbolicMutator {
    /// Numeric types a variable can be specialized in, and the constants tried.
    static let specializableTypes: Set<String> = ["ℕ", "ℤ", "ℚ", "ℝ", "ℂ", "Nat", "Int", "Rat", "Real", "Complex"]
    static let specializationConstants = [1, 2]

    /// Each numeric variable replaced by `(c : T)` everywhere (identifier tokens `x` and `x.f` only) and
    /// its name removed from its binder. Skipped when the name is re-bound inside the statement (after
    /// ∀ ∃ fun λ ∑ ∏ …), since substituting it would change bound occurrences.
    static func specializations(_ fragments: StatementFragments) -> [LeanDeclaration] {
        let declaration = fragments.declaration
        var result: [LeanDeclaration] = []
        for (binderIndex, binder) in declaration.binders.enumerated() where !binder.isHypothesis {
            let type = binder.type.trimmingCharacters(in: .whitespaces)
            guard binder.bracket == .explicit || binder.bracket == .implicit, specializableTypes.contains(type) else { continue }
            for name in binder.names where name != "_" && !isRebound(name, in: fragments) {
                for constant in specializationConstants {
                    if let specialized = substitute(name, with: "(\(constant) : \(type))", binderIndex: binderIndex, in: fragments) {
                        result.append(specialized)
                    }
                }
            }
        }
        return result
    }

    private static func substitute(_ name: String, with value: String, binderIndex: Int, in fragments: StatementFragments) -> LeanDeclaration? {
        var copy = fragments.declaration
        for slot in fragments.allSlots {
            guard let tokens = fragments.tokens(slot) else { return nil }
            var text = ""
            for token in tokens {
                if token.kind == .identifier, token.text == name {
                    text += value
                } else if token.kind == .identifier, token.text.hasPrefix(name + ".") {
                    text += value + token.text.dropFirst(name.count)
                } else {
                    text += token.text
                }
            }
            switch slot {
            case .binderType(let index): copy.binders[index].type = text
            case .conclusion: copy.conclusion = text
            }
        }
        let remaining = copy.binders[binderIndex].names.filter { $0 != name }
        if remaining.isEmpty { copy.binders.remove(at: binderIndex) } else { copy.binders[binderIndex].names = remaining }
        return copy
    }

    /// True when `name` is bound again by a binder notation somewhere in the statement.
    static func isRebound(_ name: String, in fragments: StatementFragments) -> Bool {
        let binderStarts: Set<String> = ["∀", "∃", "∃!", "fun", "λ", "∑", "∏", "⨆", "⨅", "⋃", "⋂", "Π", "Σ", "let", "have"]
        let binderEnds: Set<String> = [",", "=>", "↦", "in", "|", ":="]
        for slot in fragments.allSlots {
            guard let tokens = fragments.tokens(slot) else { return true }
            var inBinderList = false
            for token in tokens where !token.isTrivia {
                if (token.kind == .identifier || token.kind == .symbol) && binderStarts.contains(token.text) {
                    inBinderList = true
                } else if inBinderList && binderEnds.contains(token.text) {
                    inBinderList = false
                } else if inBinderList && token.kind == .identifier && token.text == name {
                    return true
                }
            }
            // Set-builder `{x | …}` / `{x : T | …}` binds x too.
            let meaningful = tokens.filter { !$0.isTrivia }
            for (index, token) in meaningful.enumerated() where token.is("{") && index + 2 < meaningful.count {
                if meaningful[index + 1].text == name, meaningful[index + 2].is("|") || meaningful[index + 2].is(":") { return true }
            }
        }
        return false
    }
}
