extension LeanDeclaration {
    /// The statement as one closed proposition: `∀ (x y : ℤ) (h₀ : 0 < y), x = 26`
    /// (just the conclusion when there are no binders).
    public func universalClosure() -> String {
        guard !binders.isEmpty else { return conclusion }
        return "∀ " + binders.map(\.rendered).joined(separator: " ") + ", " + conclusion
    }

    /// `theorem NAME : ¬ (∀ binders, conclusion)`: proving it disproves this statement.
    /// Attributes and doc comments are dropped, the scoped prefixes (`open … in`, …) kept; no body.
    public func negation(named name: String) -> LeanDeclaration {
        LeanDeclaration(keyword: .theorem, name: name, binders: [],
                        conclusion: "¬ (" + universalClosure() + ")", modifiers: scopedPrefixText)
    }

    /// The same statement with the conclusion's leading `∀` binders and `→` premises moved into binders
    /// (what `intro` would do): `theorem t : ∀ x : ℝ, 0 < x → P x` becomes
    /// `theorem t (x : ℝ) (hyp₁ : 0 < x) : P x`. The new binders are classified like parsed ones (by
    /// type); existing binders keep their flags. Generated premise names (`hyp₁`, `hyp₂`, …) avoid every
    /// identifier of the statement. See `ConclusionIntroducer` for what is and is not introduced.
    ///
    /// An introduced variable without a type (`∀ x ∈ S, …`, `∀ ε > 0, …`, `∀ x, …`) gets its type in the
    /// statement from everything after it: `∀ x ∈ S, 0 ≤ x` with `S : Finset ℤ` binds `x : ℤ`. Split into
    /// probes, the same `(x)` would be typed by what is left (`(x) : 0 ≤ x` defaults to `ℕ` and is
    /// trivially true), so a typing anchor follows the introduced binders:
    /// `(binder_types : (x ∈ S → 0 ≤ x) → True)` mentions the premises and the conclusion exactly as the
    /// statement does, so Lean gives every variable its original type. The anchor is provable
    /// (`fun _ => trivial`), so it can neither make the hypotheses contradictory nor prove the
    /// conclusion; it is kept by both probes and is not a hypothesis to probe.
    public func introducingConclusionBinders() -> LeanDeclaration {
        var taken = Set(binders.flatMap(\.names))
        if let tokens = try? LeanLexer.tokenize(conclusion) {
            taken.formUnion(tokens.filter { $0.kind == .identifier }.map(\.text))
        }
        for binder in binders {
            if let tokens = try? LeanLexer.tokenize(binder.type) {
                taken.formUnion(tokens.filter { $0.kind == .identifier }.map(\.text))
            }
        }
        let (groups, rest) = ConclusionIntroducer.introduce(conclusion, takenNames: taken)
        guard !groups.isEmpty else { return self }
        let introduced = groups.map { LeanBinder(bracket: $0.bracket, names: $0.names, type: $0.type, isHypothesis: false) }
        let kinds = HypothesisHeuristic.kinds(of: binders + introduced)
        var copy = self
        copy.binders = binders + introduced.enumerated().map { offset, binder in
            var binder = binder
            binder.isHypothesis = kinds[binders.count + offset] != .data
            return binder
        }
        copy.conclusion = rest
        if introduced.contains(where: { $0.type.isEmpty }) {
            let premises = copy.binders[binders.count...].filter(\.isHypothesis).map(\.type)
            let typing = (premises + [rest]).map { "(\($0))" }.joined(separator: " → ")
            var anchor = "binder_types"
            while taken.contains(anchor) { anchor += "'" }
            copy.binders.append(LeanBinder(bracket: .explicit, names: [anchor], type: "(\(typing)) → True", isHypothesis: false))
        }
        return copy
    }

    /// True when the statement has hypotheses to probe: binder hypotheses, or premises of the
    /// conclusion (`∀ x, 0 < x → …`).
    public var hasProbeHypotheses: Bool { !introducingConclusionBinders().hypotheses.isEmpty }

    /// Same binders with conclusion `False`: proving it shows the hypotheses are contradictory
    /// (the statement is vacuously true). The conclusion's leading `∀`/`→` become binders first
    /// (``introducingConclusionBinders()``). Scoped prefixes are kept, other modifiers dropped; no body.
    public func vacuityProbe(named name: String) -> LeanDeclaration {
        let introduced = introducingConclusionBinders()
        return LeanDeclaration(keyword: .theorem, name: name, binders: introduced.binders, conclusion: "False",
                               modifiers: scopedPrefixText)
    }

    /// Only the variables (hypotheses dropped), same conclusion: proving it shows the hypotheses are
    /// not needed (the statement is trivial). The conclusion's leading `∀`/`→` become binders first
    /// (``introducingConclusionBinders()``), so its premises are dropped too. Scoped prefixes are kept,
    /// other modifiers dropped; no body.
    public func trivialityProbe(named name: String) -> LeanDeclaration {
        let introduced = introducingConclusionBinders()
        return LeanDeclaration(keyword: .theorem, name: name, binders: introduced.variables, conclusion: introduced.conclusion,
                               modifiers: scopedPrefixText)
    }

    /// The same declaration under another name; an `example` becomes a `theorem`.
    public func renamed(_ name: String) -> LeanDeclaration {
        var copy = self
        copy.name = name
        if copy.keyword == .example { copy.keyword = .theorem }
        return copy
    }
}
