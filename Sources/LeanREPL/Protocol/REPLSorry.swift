/// A `sorry` the REPL found in a command, with the proof state it opened for tactic mode.
public struct REPLSorry: Sendable, Hashable, Codable {
    /// The proof state id to continue from with `{"tactic", "proofState"}`.
    public var proofState: Int?
    /// Where the `sorry` starts (absent for some synthesized sorries).
    public var pos: LeanPosition?
    /// Where the `sorry` ends.
    public var endPos: LeanPosition?
    /// The goal at the `sorry`, pretty-printed (`"x : Nat\n⊢ x = x"`).
    public var goal: String

    /// Creates a sorry record.
    public init(proofState: Int?, pos: LeanPosition? = nil, endPos: LeanPosition? = nil, goal: String) {
        self.proofState = proofState
        self.pos = pos
        self.endPos = endPos
        self.goal = goal
    }
}
