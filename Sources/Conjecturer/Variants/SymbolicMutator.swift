public import LeanSource

/// Builds symbolic variants of a statement — no model needed. Each operator returns its candidates in
/// a fixed order (slot by slot, token by token); callers dedupe and validate them.
///
/// ```swift
/// let parent = try LeanParser.parseDeclaration("theorem t (x : ℕ) (h₀ : x ≤ 5) : x < 10 := by")
/// SymbolicMutator.mutations(of: parent, operator: .strengthenBound).map { $0.rendered() }
/// // ["theorem t (x : ℕ) (h₀ : x ≤ 4) : x < 10 := by", "theorem t (x : ℕ) (h₀ : x ≤ 5) : x < 9 := by"]
/// ```
public enum SymbolicMutator {
    /// Every operator's candidates, by operator (in `SymbolicOperator.allCases` order).
    public static func allMutations(of declaration: LeanDeclaration) -> [SymbolicOperator: [LeanDeclaration]] {
        Dictionary(uniqueKeysWithValues: SymbolicOperator.allCases.map { ($0, mutations(of: declaration, operator: $0)) })
    }

    /// The candidates of one operator, without exact duplicates and without the parent itself.
    public static func mutations(of declaration: LeanDeclaration, operator: SymbolicOperator) -> [LeanDeclaration] {
        let fragments = StatementFragments(declaration: declaration)
        let raw: [LeanDeclaration] = switch `operator` {
        case .perturbConstant: perturbConstants(fragments)
        case .dropHypothesis: dropHypotheses(fragments)
        case .specialize: specializations(fragments)
        case .swapStrictness: swappedStrictness(fragments)
        case .strengthenBound: movedBounds(fragments, strengthen: true)
        case .weakenBound: movedBounds(fragments, strengthen: false)
        }
        var seen: Set<LeanDeclaration> = [declaration]
        return raw.filter { seen.insert($0).inserted }
    }

    /// n → n+1, n−1 (when n ≥ 1), 2n (when n ≥ 2) for every natural literal in the claim slots.
    static func perturbConstants(_ fragments: StatementFragments) -> [LeanDeclaration] {
        var result: [LeanDeclaration] = []
        for slot in fragments.claimSlots {
            guard let tokens = fragments.tokens(slot) else { continue }
            for (index, token) in tokens.enumerated() {
                guard let value = TokenEdit.naturalValue(token) else { continue }
                if let before = TokenEdit.neighbour(tokens, of: index, direction: -1), tokens[before].is(".") { continue }
                var replacements = [value + 1]
                if value >= 1 { replacements.append(value - 1) }
                if value >= 2 { replacements.append(value * 2) }
                for replacement in replacements {
                    result.append(fragments.replacing(slot, with: TokenEdit.replacing(tokens, at: index, with: String(replacement))))
                }
            }
        }
        return result
    }

    /// Each hypothesis binder removed (one name at a time for groups like `(h₀ h₁ : P)`), unless its
    /// name is used elsewhere in the statement.
    static func dropHypotheses(_ fragments: StatementFragments) -> [LeanDeclaration] {
        let declaration = fragments.declaration
        var result: [LeanDeclaration] = []
        for (index, binder) in declaration.binders.enumerated() where binder.isHypothesis {
            let names = binder.names.isEmpty ? [nil] : binder.names.map(Optional.some)
            for name in names {
                if let name, isUsed(name, in: fragments, except: .binderType(index)) { continue }
                var copy = declaration
                let remaining = binder.names.filter { $0 != name }
                if name == nil || remaining.isEmpty {
                    copy.binders.remove(at: index)
                } else {
                    copy.binders[index].names = remaining
                }
                result.append(copy)
            }
        }
        return result
    }

    /// Each `<`↔`≤`, `>`↔`≥` (`<=` → `<`, `>=` → `>`) in the claim slots, one occurrence at a time.
    static func swappedStrictness(_ fragments: StatementFragments) -> [LeanDeclaration] {
        let counterpart = ["<": "≤", "≤": "<", ">": "≥", "≥": ">", "<=": "<", ">=": ">"]
        var result: [LeanDeclaration] = []
        for slot in fragments.claimSlots {
            guard let tokens = fragments.tokens(slot) else { continue }
            for (index, token) in tokens.enumerated() where token.kind == .symbol {
                guard let swapped = counterpart[token.text] else { continue }
                result.append(fragments.replacing(slot, with: TokenEdit.replacing(tokens, at: index, with: swapped)))
            }
        }
        return result
    }

    /// True when `name` appears as an identifier (or `name.field`) in any slot other than `excluded`.
    static func isUsed(_ name: String, in fragments: StatementFragments, except excluded: StatementFragments.Slot) -> Bool {
        fragments.allSlots.contains { slot in
            guard slot != excluded else { return false }
            guard let tokens = fragments.tokens(slot) else { return true }
            return tokens.contains { $0.kind == .identifier && ($0.text == name || $0.text.hasPrefix(name + ".")) }
        }
    }
}
