/// One tactic invocation reported with `"allTactics": true`.
public struct REPLTacticRecord: Sendable, Hashable, Codable {
    /// The tactic's source text.
    public var tactic: String
    /// A proof state id for the goals before the tactic.
    public var proofState: Int?
    /// Where the tactic starts.
    public var pos: LeanPosition?
    /// Where the tactic ends.
    public var endPos: LeanPosition?
    /// The goals before the tactic, pretty-printed as one string.
    public var goals: String
    /// Constants the tactic used, when the REPL reports them.
    public var usedConstants: [String]?

    /// Creates a tactic record.
    public init(
        tactic: String, proofState: Int? = nil, pos: LeanPosition? = nil, endPos: LeanPosition? = nil,
        goals: String, usedConstants: [String]? = nil
    ) {
        self.tactic = tactic
        self.proofState = proofState
        self.pos = pos
        self.endPos = endPos
        self.goals = goals
        self.usedConstants = usedConstants
    }
}
