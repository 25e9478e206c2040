public import Foundation

/// A formalization as stored in the ledger (table `formalizations`), with its bookkeeping.
public struct Formalization: Sendable, Hashable, Codable {
    /// The stored id.
    public var id: String
    /// The problem it formalizes.
    public var problemID: String
    /// The Lean statement (no `:=`).
    public var statement: String
    /// The Lean header it elaborates under.
    public var header: String
    /// The normalized statement hash (unique in the ledger).
    public var statementHash: String
    /// The formalization it is a variant of.
    public var parentID: String?
    /// The variant operator that made it.
    public var variantOperator: String?
    /// Where it came from.
    public var source: FormalizationSource
    /// Free-form provenance.
    public var provenance: [String: String]
    /// Where it stands.
    public var status: FormalizationStatus
    /// The Lean error that made it ill-formed.
    public var leanError: String?
    /// Suspicion and difficulty marks.
    public var flags: Set<FormalizationFlag>
    /// The shortest accepted proof (tactic text following `:= by`).
    public var bestProof: String?
    /// ``ProofLength`` of ``bestProof``.
    public var bestProofLength: Int?
    /// Prove and shorten attempts recorded on it (every verdict).
    public var attemptCount: Int
    /// The current budget level (budget = base · 2^level, capped).
    public var budgetLevel: Int
    /// The budget level of the attempt that first proved it.
    public var provedAtBudget: Int?
    /// The round that created it.
    public var createdRound: Int
    /// The round in which it became proved or disproved.
    public var settledRound: Int?
    /// How many related formalizations (parent, children, siblings) are proved.
    public var relatedProvedCount: Int
    /// When it was added.
    public var createdAt: Date
    /// When its bookkeeping last changed.
    public var updatedAt: Date

    /// Creates a value; the ledger makes these from rows.
    public init(
        id: String, problemID: String, statement: String, header: String, statementHash: String,
        parentID: String?, variantOperator: String?, source: FormalizationSource, provenance: [String: String],
        status: FormalizationStatus, leanError: String?, flags: Set<FormalizationFlag>, bestProof: String?,
        bestProofLength: Int?, attemptCount: Int, budgetLevel: Int, provedAtBudget: Int?, createdRound: Int,
        settledRound: Int?, relatedProvedCount: Int, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.problemID = problemID
        self.statement = statement
        self.header = header
        self.statementHash = statementHash
        self.parentID = parentID
        self.variantOperator = variantOperator
        self.source = source
        self.provenance = provenance
        self.status = status
        self.leanError = leanError
        self.flags = flags
        self.bestProof = bestProof
        self.bestProofLength = bestProofLength
        self.attemptCount = attemptCount
        self.budgetLevel = budgetLevel
        self.provedAtBudget = provedAtBudget
        self.createdRound = createdRound
        self.settledRound = settledRound
        self.relatedProvedCount = relatedProvedCount
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
