/// One attempt to record with ``Ledger/recordAttempt(_:)``.
///
/// The ``idempotencyKey`` is built by the caller deterministically from what the attempt is, e.g.
/// `"round3/mathd_algebra_478/ab12…/prove/automation/omega"`, so that re-running the same work after a
/// crash records nothing twice.
public struct AttemptRecord: Sendable, Hashable {
    /// The caller-built key that identifies this unit of work across runs.
    public var idempotencyKey: String
    /// The formalization the attempt was made on.
    public var formalizationID: String
    /// The self-play round.
    public var round: Int
    /// What the attempt tried to establish.
    public var kind: AttemptKind
    /// How it searched.
    public var strategy: AttemptStrategy
    /// The tactic (for automation) or model name (for model strategies).
    public var tacticOrModel: String?
    /// The budget level it ran at.
    public var budgetLevel: Int
    /// The kernel verdict.
    public var verdict: AttemptVerdict
    /// The proof text that was checked (tactics following `:= by`); required when accepted.
    public var proof: String?
    /// The error shown to the prover (Lean messages, hygiene rule, timeout note).
    public var error: String?
    /// Wall time of the attempt in milliseconds.
    public var durationMilliseconds: Double
    /// Prompt tokens spent.
    public var promptTokens: Int
    /// Completion tokens spent.
    public var completionTokens: Int
    /// The failed attempt this one repairs, if a repair.
    public var repairedFromAttemptID: Int64?
    /// The (state, tactic) steps of a step-wise proof, in order.
    public var steps: [ProofStep]
    /// The peer that recorded it (`--peer-id`; nil when recorded outside a peer, or before peers existed).
    public var peer: String?

    /// Creates an attempt record.
    public init(
        idempotencyKey: String,
        formalizationID: String,
        round: Int,
        kind: AttemptKind,
        strategy: AttemptStrategy,
        tacticOrModel: String? = nil,
        budgetLevel: Int,
        verdict: AttemptVerdict,
        proof: String? = nil,
        error: String? = nil,
        durationMilliseconds: Double = 0,
        promptTokens: Int = 0,
        completionTokens: Int = 0,
        repairedFromAttemptID: Int64? = nil,
        steps: [ProofStep] = [],
        peer: String? = nil
    ) {
        self.idempotencyKey = idempotencyKey
        self.formalizationID = formalizationID
        self.round = round
        self.kind = kind
        self.strategy = strategy
        self.tacticOrModel = tacticOrModel
        self.budgetLevel = budgetLevel
        self.verdict = verdict
        self.proof = proof
        self.error = error
        self.durationMilliseconds = durationMilliseconds
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.repairedFromAttemptID = repairedFromAttemptID
        self.steps = steps
        self.peer = peer
    }
}
