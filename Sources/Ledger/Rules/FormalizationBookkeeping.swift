/// The mutable bookkeeping of one formalization that attempts change.
public struct FormalizationBookkeeping: Sendable, Hashable {
    /// Where it stands.
    public var status: FormalizationStatus
    /// Its flags.
    public var flags: Set<FormalizationFlag>
    /// The shortest accepted proof.
    public var bestProof: String?
    /// ``ProofLength`` of the best proof.
    public var bestProofLength: Int?
    /// Prove and shorten attempts recorded.
    public var attemptCount: Int
    /// The current budget level.
    public var budgetLevel: Int
    /// The budget level of the first accepted proof.
    public var provedAtBudget: Int?
    /// The round in which it became proved or disproved.
    public var settledRound: Int?

    /// Creates a value.
    public init(
        status: FormalizationStatus = .open, flags: Set<FormalizationFlag> = [], bestProof: String? = nil,
        bestProofLength: Int? = nil, attemptCount: Int = 0, budgetLevel: Int = 0, provedAtBudget: Int? = nil,
        settledRound: Int? = nil
    ) {
        self.status = status
        self.flags = flags
        self.bestProof = bestProof
        self.bestProofLength = bestProofLength
        self.attemptCount = attemptCount
        self.budgetLevel = budgetLevel
        self.provedAtBudget = provedAtBudget
        self.settledRound = settledRound
    }
}
