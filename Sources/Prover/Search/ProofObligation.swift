/// One goal the step-wise search still has to close: the REPL proof state reached from one `sorry` of a
/// sketch, with the tactics applied to it so far.
public struct ProofObligation: Sendable, Hashable, Codable {
    /// Which `sorry` of the sketch (in source order) this obligation replaces.
    public var sorryIndex: Int
    /// The REPL proof state to continue from.
    public var proofState: Int
    /// The goals of that state as the REPL prints them (hypotheses, then `⊢ goal`).
    public var goals: [String]
    /// Tactics applied since the `sorry`, in order.
    public var tactics: [String]
    /// The goals (joined) each of `tactics` was applied to, for the (state, tactic) training export.
    public var states: [String] = []

    /// The goals as one text (the cache key of the search and the `goals` of the next-tactic prompt).
    public var goalKey: String { goals.joined(separator: "\n\n") }

    /// Creates an obligation.
    public init(sorryIndex: Int, proofState: Int, goals: [String], tactics: [String] = []) {
        self.sorryIndex = sorryIndex
        self.proofState = proofState
        self.goals = goals
        self.tactics = tactics
    }
}
