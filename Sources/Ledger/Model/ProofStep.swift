/// One step of a step-wise proof: the goal state before it and the tactic applied (table `proof_steps`).
public struct ProofStep: Sendable, Hashable, Codable {
    /// The pretty-printed goal state before the tactic.
    public var state: String
    /// The tactic applied to it.
    public var tactic: String

    /// Creates a step.
    public init(state: String, tactic: String) {
        self.state = state
        self.tactic = tactic
    }
}
