/// Where the prover records attempts, and how it learns what a previous run already recorded.
///
/// `LedgerAttemptRecorder` writes to the ledger; tests may record in memory. Recording happens right
/// after each check, so an interrupted run loses at most the check in flight.
public protocol AttemptRecording: Sendable {
    /// The attempt recorded earlier under `key`, or nil. Used to resume without spending again.
    ///
    /// - Throws: `ProverError` with code `ledger` when the store cannot be read.
    func recordedAttempt(key: String) async throws(ProverError) -> RecordedAttempt?

    /// Records `attempt` for `formalizationID` (idempotent on `attempt.key`).
    ///
    /// - Throws: `ProverError` with code `ledger` when the store cannot be written.
    func record(_ attempt: ProofAttempt, formalizationID: String) async throws(ProverError)
}

/// What a previous run recorded under a key: enough to resume exactly where it stopped.
public struct RecordedAttempt: Sendable, Hashable {
    /// True when that attempt's verdict was accepted.
    public var accepted: Bool
    /// The proof it checked.
    public var proof: String
    /// Lean's first error for that proof, when it failed (used to continue a repair chain).
    public var error: String?
    /// False for a model sample that held no proof: no Lean check was spent on it.
    public var wasChecked: Bool

    /// Creates a summary.
    public init(accepted: Bool, proof: String, error: String? = nil, wasChecked: Bool = true) {
        self.accepted = accepted
        self.proof = proof
        self.error = error
        self.wasChecked = wasChecked
    }
}
