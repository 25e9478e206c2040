/// Decides whether a binder is a hypothesis (a proof of a proposition) or a variable (data) from its
/// TYPE, never its name: `(b h v : ℝ)` binds three reals, `(h : x ∈ S)` a hypothesis. Lean's elaborator
/// is not available here, so some types stay ``Kind/undetermined``; the prover asks Lean about those
/// (see `BinderPropositionQuery` in the Prover module) before it builds probes.
///
/// A type is a proposition when, after outer parentheses are removed:
/// 1. it has, outside brackets, a relation or connective: `= ≠ < > ≤ ≥ ∣ ∈ ∉ ⊆ ⊂ ⊇ ⊃ ≡ ∧ ∨ ¬ ↔ ∃ ∃!`,
///    or `True`/`False`;
/// 2. it is `∀ binders, B` or `A → B` and `B` is a proposition (`∀ n, Fin n → ℕ` is a type);
/// 3. its head is a known predicate (`Nat.Prime p`, `p.Prime`, `Even n`, `Continuous f`, any `Is…`
///    name, …), an earlier binder of type `Prop` (`(p : Prop) (hp : p)`) or an earlier binder of a
///    Prop-valued function type (`(P : ℕ → Prop) (h : P 0)`);
/// 4. it is an instance binder of a Prop-valued class: `[Fact (1 < p)]`, `[Nonempty α]`, `[Finite α]`.
///
/// A type is data when its head is a known type (`ℕ`, `ℝ`, `Fin 5`, `Finset ℕ`, `Set ℝ`, `Matrix …`,
/// `Type*`, `Sort u`, `Prop`), a subtype or set-builder (`{n : ℕ // 0 < n}`), an earlier binder of type
/// `Type*`/`Sort u`, or a lower-case Greek letter (a type variable, possibly auto-bound); when it is an
/// arrow or `∀` whose result is data (`ℕ → ℕ`, `(Fin n → ℕ) → Prop`); when the binder has no type; and
/// for every other instance binder (`[Fintype α]`, `[DecidableEq α]`).
///
/// Everything else is undetermined (`(hx : MyPred x)`, `(x : Foo)`); ``isHypothesis(bracket:names:type:propositionNames:)``
/// counts it as a hypothesis, which is the safe side for the triviality probe (dropping a variable at
/// worst makes the probe ill-formed; keeping a hypothesis could make it falsely succeed).
public enum HypothesisHeuristic {
    /// What a binder's type says about the binder.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The type is a proposition: the binder is a hypothesis.
        case proposition
        /// The type is data (a type, a function type, a structure): the binder is a variable.
        case data
        /// Only Lean can tell.
        case undetermined
    }

    /// What earlier binders of the same signature say about names used in a type.
    public struct Context: Sendable, Hashable {
        /// Binders of type `Prop` (`p` in `(p : Prop)`).
        public var propositions: Set<String> = []
        /// Binders of a Prop-valued function type (`P` in `(P : ℕ → Prop)`).
        public var predicates: Set<String> = []
        /// Binders that are types (`α` in `(α : Type*)`).
        public var types: Set<String> = []

        /// An empty context.
        public init() {}

        /// The context after a binder of `type` binding `names`.
        public mutating func add(names: [String], type: String, kind: Kind) {
            guard kind == .data else { return }
            let tokens = HypothesisHeuristic.significantTokens(type)
            let parts = HypothesisHeuristic.topLevelSplit(HypothesisHeuristic.unwrapped(tokens), on: ["→", "->"])
            guard let result = parts.last, let head = result.first else { return }
            if parts.count == 1, result.count == 1, head.text == "Prop" {
                propositions.formUnion(names)
            } else if parts.count > 1, result.count == 1, head.text == "Prop" {
                predicates.formUnion(names)
            } else if parts.count == 1, head.text == "Type" || head.text == "Sort" {
                types.formUnion(names)
            }
        }
    }

    static let relations: Set<String> = [
        "=", "≠", "<", ">", "≤", "≥", "∣", "∈", "∉", "⊆", "⊂", "⊇", "⊃", "≡", "∧", "∨", "¬", "↔",
        "∃", "∃!", "<=", ">=", "!=", "<->", "True", "False", "/\\", "\\/",
    ]
    static let predicates: Set<String> = [
        "Prime", "Even", "Odd", "Squarefree", "Coprime", "IsCoprime", "Irrational", "Continuous",
        "ContinuousOn", "ContinuousAt", "Differentiable", "DifferentiableAt", "DifferentiableOn",
        "Monotone", "StrictMono", "Antitone", "StrictAnti", "MonotoneOn", "StrictMonoOn", "AntitoneOn",
        "StrictAntiOn", "Injective", "Surjective", "Bijective", "InjOn", "SurjOn", "BijOn", "Summable",
        "HasSum", "Tendsto", "HasDerivAt", "Nonempty", "Finite", "Infinite", "Fact", "Periodic",
        "ConvexOn", "ConcaveOn", "Disjoint", "Pairwise", "Nodup", "Sorted", "Dvd", "ModEq", "Cauchy",
        "Bounded", "BddAbove", "BddBelow", "Function.Injective", "Countable", "Set.Finite", "Set.Infinite",
    ]
    static let propositionClasses: Set<String> = [
        "Fact", "Nonempty", "Nontrivial", "Finite", "Infinite", "Countable", "Subsingleton", "NeZero",
        "IsEmpty",
    ]
    /// Heads of types (last name component), and letter-like type symbols.
    static let typeHeads: Set<String> = [
        "ℕ", "ℤ", "ℚ", "ℝ", "ℂ", "ℍ", "Nat", "Int", "Rat", "Real", "Complex", "Bool", "String", "Char", "Unit",
        "Fin", "Finset", "Set", "List", "Multiset", "Array", "Matrix", "Polynomial", "MvPolynomial", "ZMod",
        "Option", "Prod", "Sum", "Subtype", "EuclideanSpace", "PNat", "NNReal", "ENNReal", "EReal", "Perm",
        "Equiv", "Fun", "Vector", "Sym2", "SimpleGraph", "Finsupp", "PowerSeries", "Ideal", "Submodule",
        "Subgroup", "Module", "Type", "Sort", "Prop", "ℝ≥0", "ℝ≥0∞", "ℕ+", "GaussianInt", "Quaternion",
        "Filter", "Measure", "MeasureTheory", "Icc", "Ioo", "UInt8", "UInt32", "UInt64", "Float", "Cardinal",
    ]

    /// Whether a binder with this bracket and type is a hypothesis (undetermined types count as
    /// hypotheses; see the type's comment). `names` are not consulted: a name says nothing about the
    /// type. `propositionNames` are earlier binders of type `Prop`.
    public static func isHypothesis(bracket: LeanBinder.Bracket, names: [String], type: String,
                                     propositionNames: Set<String> = []) -> Bool {
        var context = Context()
        context.propositions = propositionNames
        return kind(bracket: bracket, type: type, context: context) != .data
    }

    /// The kinds of a signature's binders, each judged with what the earlier ones bound.
    public static func kinds(of binders: [LeanBinder]) -> [Kind] {
        var context = Context()
        return binders.map { binder in
            let result = kind(bracket: binder.bracket, type: binder.type, context: context)
            context.add(names: binder.names, type: binder.type, kind: result)
            return result
        }
    }

    /// What a binder's type says: proposition, data or undetermined.
    public static func kind(bracket: LeanBinder.Bracket, type: String, context: Context = Context()) -> Kind {
        let tokens = unwrapped(significantTokens(type))
        guard !tokens.isEmpty else { return .data }  // an untyped binder such as `{x}`
        if bracket == .instance {
            return headName(tokens).map { propositionClasses.contains($0) } == true ? .proposition : .data
        }
        return kind(of: tokens, context: context)
    }

    static func kind(of tokens: [LeanToken], context: Context) -> Kind {
        let tokens = unwrapped(tokens)
        guard let head = tokens.first else { return .undetermined }
        if head.is("∀") || head.is("Π") {
            // `∀ binders, B`: a proposition exactly when B is one.
            guard let comma = topLevelIndex(of: ",", in: tokens) else { return .undetermined }
            return kind(of: Array(tokens[(comma + 1)...]), context: context)
        }
        if head.is("∃") || head.is("∃!") || head.is("¬") { return .proposition }
        let parts = topLevelSplit(tokens, on: ["→", "->"])
        if parts.count > 1, let result = parts.last {
            // `A → B` lives in B's universe (Prop is impredicative); a top-level relation in A binds
            // tighter than the arrow, so only B decides.
            return kind(of: result, context: context)
        }
        if topLevel(tokens).contains(where: { relations.contains($0.text) && $0.kind != .string && $0.kind != .character }) {
            return .proposition
        }
        if head.is("{") || head.is("↥") || head.is("↑") || head.is("×") { return .data }
        guard head.kind == .identifier || head.kind == .symbol else { return .undetermined }
        let name = head.text
        let last = name.split(separator: ".").last.map(String.init) ?? name
        if context.propositions.contains(name) || context.predicates.contains(name) { return .proposition }
        if context.types.contains(name) { return .data }
        if predicates.contains(last) || predicates.contains(name) || isIsPredicate(last) { return .proposition }
        if typeHeads.contains(last) || typeHeads.contains(name) { return .data }
        if let first = name.unicodeScalars.first, name.unicodeScalars.count == 1, isTypeVariableLetter(first) {
            return .data
        }
        return .undetermined
    }

    /// `α β γ …` (lower-case Greek but `λ`): by convention type variables.
    static func isTypeVariableLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("α"..."ω").contains(scalar) && scalar != "λ"
    }

    static func significantTokens(_ type: String) -> [LeanToken] {
        (try? LeanLexer.tokenize(type).filter { !$0.isTrivia }) ?? []
    }

    /// The tokens without parentheses around the whole.
    static func unwrapped(_ tokens: [LeanToken]) -> [LeanToken] {
        var tokens = tokens
        var unwrapped = 0
        while unwrapped < 8, tokens.count >= 2, tokens.first!.is("("), LeanVocabulary.closingIndex(of: 0, in: tokens) == tokens.count - 1 {
            unwrapped += 1
            tokens = Array(tokens.dropFirst().dropLast())
        }
        return tokens
    }

    private static func isIsPredicate(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        return scalars.count > 2 && scalars[0] == "I" && scalars[1] == "s" && ("A"..."Z").contains(scalars[2])
    }

    private static func headName(_ tokens: [LeanToken]) -> String? {
        guard let first = tokens.first(where: { $0.kind == .identifier }) else { return nil }
        return first.text.split(separator: ".").last.map(String.init)
    }

    static func topLevelIndex(of text: String, in tokens: [LeanToken]) -> Int? {
        var depth = 0
        for (index, token) in tokens.enumerated() {
            if LeanVocabulary.isOpening(token) { depth += 1 }
            if LeanVocabulary.isClosing(token) { depth -= 1 }
            if depth == 0, token.kind == .symbol, token.text == text { return index }
        }
        return nil
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

    static func topLevelSplit(_ tokens: [LeanToken], on separators: Set<String>) -> [[LeanToken]] {
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
}
