public import LeanVerify
public import Ledger

/// One checked candidate proof: what was tried, how, and Lean's verdict. Recorded as one ledger attempt.
public struct ProofAttempt: Sendable, Hashable {
    /// The deterministic idempotency key (see `AttemptKey`).
    public var key: String
    /// Why the proof was attempted.
    public var kind: AttemptKind
    /// How the candidate was produced.
    public var strategy: AttemptStrategy
    /// The tactic (automation) or the model name and template (model strategies).
    public var tacticOrModel: String
    /// The budget level the attempt ran at.
    public var budgetLevel: Int
    /// Lean's verdict, through `ProofVerifying.verify`.
    public var verdict: Verdict
    /// The proof text that was checked.
    public var proof: String
    /// Prompt tokens spent producing the candidate (its share of the request).
    public var promptTokens: Int
    /// Completion tokens spent producing the candidate (its share of the request).
    public var completionTokens: Int
    /// The key of the attempt this one repaired, for repairs.
    public var repairedFromKey: String?
    /// The search steps that produced the proof, for search results.
    public var steps: [ProofStep]

    /// Creates an attempt.
    public init(
        key: String, kind: AttemptKind, strategy: AttemptStrategy, tacticOrModel: String, budgetLevel: Int,
        verdict: Verdict, proof: String, promptTokens: Int = 0, completionTokens: Int = 0,
        repairedFromKey: String? = nil, steps: [ProofStep] = []
    ) {
        self.key = key
        self.kind = kind
        self.strategy = strategy
        self.tacticOrModel = tacticOrModel
        self.budgetLevel = budgetLevel
        self.verdict = verdict
        self.proof = proof
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.repairedFromKey = repairedFromKey
        self.steps = steps
    }

    /// Lean's first error message, or the verdict's reason when Lean gave none.
    public var firstError: String {
        verdict.errors.first(where: { $0.severity == "error" })?.message ?? verdict.reason
    }
}
