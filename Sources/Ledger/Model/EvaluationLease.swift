public import Foundation

/// A peer's lease on one problem of a shared evaluation (``Ledger/leaseEvaluationItems(run:peer:limit:leaseSeconds:)``):
/// while it holds, no other peer works the problem; once it expires another peer may take it over.
///
/// `leaseCount` is the item's lease counter after this lease was granted; it fences the lease, so a
/// peer whose lease expired and was taken over cannot complete the item with a stale result even if it
/// leased the same item again later.
public struct EvaluationLease: Sendable, Hashable {
    /// The run (``EvaluationRun/id``).
    public var runID: String
    /// The item's position in the run's problem list (0-based, benchmark order).
    public var position: Int
    /// The problem's id.
    public var problemID: String
    /// The peer holding the lease.
    public var peer: String
    /// When the lease runs out unless renewed (``Ledger/renewEvaluationLeases(_:leaseSeconds:)``).
    public var expiresAt: Date
    /// How many times the item has been leased, this lease included (1 for a first lease; more after a
    /// takeover or a release).
    public var leaseCount: Int

    /// Creates a value.
    public init(runID: String, position: Int, problemID: String, peer: String, expiresAt: Date, leaseCount: Int) {
        self.runID = runID
        self.position = position
        self.problemID = problemID
        self.peer = peer
        self.expiresAt = expiresAt
        self.leaseCount = leaseCount
    }
}
