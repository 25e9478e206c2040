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

    /// Same binders with conclusion `False`: proving it shows the hypotheses are contradictory
    /// (the statement is vacuously true). Scoped prefixes are kept, other modifiers dropped; no body.
    public func vacuityProbe(named name: String) -> LeanDeclaration {
        LeanDeclaration(keyword: .theorem, name: name, binders: binders, conclusion: "False", modifiers: scopedPrefixText)
    }

    /// Only the variables (hypotheses dropped), same conclusion: proving it shows the hypotheses are
    /// not needed (the statement is trivial). Scoped prefixes are kept, other modifiers dropped; no body.
    public func trivialityProbe(named name: String) -> LeanDeclaration {
        LeanDeclaration(keyword: .theorem, name: name, binders: variables, conclusion: conclusion,
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
