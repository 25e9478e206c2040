/// A mutation of a statement that needs no model, built on LeanSource's tokens and declaration model.
/// The raw value is the operator recorded with each variant.
public enum SymbolicOperator: String, Sendable, Hashable, Codable, CaseIterable {
    /// A natural-number literal in a hypothesis or the conclusion becomes n+1, n−1 or 2n.
    case perturbConstant = "perturb_constant"
    /// One hypothesis (or one name of a multi-name hypothesis group) is removed.
    case dropHypothesis = "drop_hypothesis"
    /// A numeric variable is replaced everywhere by a small constant `(c : T)` and its binder removed.
    case specialize
    /// One `<`/`≤` (or `>`/`≥`) in a hypothesis or the conclusion becomes its counterpart.
    case swapStrictness = "swap_strictness"
    /// A literal bound `x ≤ c` / `c ≤ x` (and `≥`, `<`, `>`) moves by one to make that inequality stronger.
    case strengthenBound = "strengthen_bound"
    /// The same, moved by one to make that inequality weaker.
    case weakenBound = "weaken_bound"
}
