/// Decides whether a binder is a hypothesis (a proof of a proposition) or a variable (data), from its
/// text alone: Lean's elaborator is not available, so this is a heuristic.
///
/// A binder is a hypothesis when any of these holds:
/// 1. its name is `h`, starts with `hyp`, is `h` followed by a digit, subscript, `_`, `'` or capital
///    (`h₀`, `h1`, `h_pos`, `h'`), or is a short `h…` name of at most 4 characters (`hx`, `hab`, `hpos`);
/// 2. its type has, outside brackets, a relation or connective: `= ≠ < > ≤ ≥ ∣ ∈ ∉ ⊆ ⊂ ⊇ ⊃ ≡ ∧ ∨ ¬ ↔
///    ∀ ∃ ∃!` or `True`/`False`;
/// 3. its type has a top-level arrow `→` and some side is not type-like (see below): `p → q` is a
///    hypothesis, `ℕ → ℝ` and `(Fin n → ℕ) → Prop` are function types (variables);
/// 4. its type's head is a known predicate (`Nat.Prime p`, `p.Prime`, `Even n`, `Continuous f`,
///    `IsLeast S x`, any `Is…` name, …) or an earlier binder of type `Prop`;
/// 5. it is an instance binder of a Prop-valued class: `[Fact (1 < p)]`, `[Nonempty α]`, `[Finite α]`.
///
/// A side is type-like when it starts with `(`, a capitalised name (`Finset ℕ`, `Fin n`), a
/// letter-like type (`ℕ`, `ℝ`), a lower-case Greek letter (`α`, a type variable), `Type`, `Sort` or
/// `Prop`. Limits: dependent function types written with `∀` (`∀ n, Fin n → ℕ`) count as hypotheses;
/// a user-defined predicate with a capitalised name (`MyProp x`) and a Prop variable bound in an
/// earlier declaration count as variables.
public enum HypothesisHeuristic {
    static let relations: Set<String> = [
        "=", "≠", "<", ">", "≤", "≥", "∣", "∈", "∉", "⊆", "⊂", "⊇", "⊃", "≡", "∧", "∨", "¬", "↔",
        "∀", "∃", "∃!", "<=", ">=", "!=", "<->", "True", "False",
    ]
    static let predicates: Set<String> = [
        "Prime", "Even", "Odd", "Squarefree", "Coprime", "IsCoprime", "Irrational", "Continuous",
        "ContinuousOn", "ContinuousAt", "Differentiable", "DifferentiableAt", "DifferentiableOn",
        "Monotone", "StrictMono", "Antitone", "StrictAnti", "MonotoneOn", "StrictMonoOn", "AntitoneOn",
        "StrictAntiOn", "Injective", "Surjective", "Bijective", "InjOn", "SurjOn", "BijOn", "Summable",
        "HasSum", "Tendsto", "HasDerivAt", "Nonempty", "Finite", "Infinite", "Fact", "Periodic",
        "ConvexOn", "ConcaveOn", "Disjoint", "Pairwise", "Nodup", "Sorted", "Dvd", "ModEq", "Cauchy",
        "Bounded", "BddAbove", "BddBelow", "Function.Injective",
    ]
    static let propositionClasses: Set<String> = [
        "Fact", "Nonempty", "Nontrivial", "Finite", "Infinite", "Countable", "Subsingleton", "NeZero",
        "IsEmpty",
    ]

    /// Whether a binder with this bracket, names and type is a hypothesis (see the type's rules).
    /// `propositionNames` are earlier binders of type `Prop`.
    public static func isHypothesis(bracket: LeanBinder.Bracket, names: [String], type: String,
                                     propositionNames: Set<String> = []) -> Bool {
        if names.contains(where: isHypothesisName) { return true }
        guard var tokens = try? LeanLexer.tokenize(type).filter({ !$0.isTrivia }), !tokens.isEmpty else {
            return false
        }
        if bracket == .instance {
            return headName(tokens).map { propositionClasses.contains($0) } ?? false
        }
        var unwrapped = 0
        while unwrapped < 8, tokens.count >= 2, tokens.first!.is("("), closingIndex(of: 0, in: tokens) == tokens.count - 1 {
            unwrapped += 1
            tokens = Array(tokens.dropFirst().dropLast())
        }
        let parts = topLevelSplit(tokens, on: ["→", "->"])
        if topLevel(tokens).contains(where: { relations.contains($0.text) && $0.kind != .string }) { return true }
        if parts.count > 1 { return !parts.allSatisfy(isTypeLike) }
        guard let head = tokens.first, head.kind == .identifier else { return false }
        let components = head.text.split(separator: ".").map(String.init)
        if let last = components.last, predicates.contains(last) || isIsPredicate(last) { return true }
        return propositionNames.contains(head.text)
    }

    static func isHypothesisName(_ name: String) -> Bool {
        guard name.hasPrefix("h") else { return false }
        if name == "h" || name.hasPrefix("hyp") { return true }
        let second = name.unicodeScalars.dropFirst().first!
        if !("a"..."z").contains(second) { return true }
        return name.unicodeScalars.count <= 4
    }

    private static func isIsPredicate(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        return scalars.count > 2 && scalars[0] == "I" && scalars[1] == "s" && ("A"..."Z").contains(scalars[2])
    }

    private static func headName(_ tokens: [LeanToken]) -> String? {
        guard let first = tokens.first(where: { $0.kind == .identifier }) else { return nil }
        return first.text.split(separator: ".").last.map(String.init)
    }

    private static func isTypeLike(_ tokens: [LeanToken]) -> Bool {
        guard let head = tokens.first else { return false }
        if head.is("(") { return true }
        guard head.kind == .identifier || head.is("ℝ≥0") || head.is("ℝ≥0∞") else { return false }
        if ["Type", "Sort", "Prop"].contains(head.text) || head.kind == .symbol { return true }
        let last = head.text.split(separator: ".").last.map(String.init) ?? head.text
        guard let first = last.unicodeScalars.first else { return false }
        if predicates.contains(last) || isIsPredicate(last) || last == "True" || last == "False" { return false }
        if ("A"..."Z").contains(first) { return true }
        if LeanCharacters.isLetterLike(first) { return true }
        return false
    }

    private static func topLevel(_ tokens: [LeanToken]) -> [LeanToken] {
        var depth = 0
        var result: [LeanToken] = []
        for token in tokens {
            if LeanVocabulary.isClosing(token) { depth -= 1 }
            if depth == 0 { result.append(token) }
            if LeanVocabulary.isOpening(token) { depth += 1 }
        }
        return result
    }

    private static func topLevelSplit(_ tokens: [LeanToken], on separators: Set<String>) -> [[LeanToken]] {
        var depth = 0
        var parts: [[LeanToken]] = [[]]
        for token in tokens {
            if LeanVocabulary.isOpening(token) { depth += 1 }
            if LeanVocabulary.isClosing(token) { depth -= 1 }
            if depth == 0, token.kind == .symbol, separators.contains(token.text) {
                parts.append([])
            } else {
                parts[parts.count - 1].append(token)
            }
        }
        return parts
    }

    private static func closingIndex(of open: Int, in tokens: [LeanToken]) -> Int? {
        var depth = 0
        for index in open..<tokens.count {
            if LeanVocabulary.isOpening(tokens[index]) { depth += 1 }
            if LeanVocabulary.isClosing(tokens[index]) {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }
}
