/// What ``Ledger/recordAttempt(_:)`` did.
public struct AttemptOutcome: Sendable, Hashable {
    /// The stored attempt's row id (the existing one when ``inserted`` is `false`).
    public var attemptID: Int64
    /// `false` when an attempt with the same idempotency key existed: nothing was changed.
    public var inserted: Bool
    /// The formalization's status before the attempt.
    public var previousStatus: FormalizationStatus
    /// The formalization's status after the attempt.
    public var status: FormalizationStatus
    /// Whether the attempt's proof became the best proof.
    public var improvedBestProof: Bool
    /// Flags the attempt added.
    public var addedFlags: Set<FormalizationFlag>

    /// Creates a value.
    public init(
        attemptID: Int64, inserted: Bool, previousStatus: FormalizationStatus, status: FormalizationStatus,
        improvedBestProof: Bool, addedFlags: Set<FormalizationFlag>
    ) {
        self.attemptID = attemptID
        self.inserted = inserted
        self.previousStatus = previousStatus
        self.status = status
        self.improvedBestProof = improvedBestProof
        self.addedFlags = addedFlags
    }
}
