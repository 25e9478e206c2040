/// How far a shared evaluation has come (``Ledger/evaluationProgress(run:)``), at the ledger clock's now.
public struct EvaluationRunProgress: Sendable, Hashable {
    /// Problems in the run.
    public var total: Int
    /// Problems completed.
    public var done: Int
    /// Problems not completed whose lease has not expired (being worked by some peer).
    public var leased: Int

    /// Creates a value.
    public init(total: Int, done: Int, leased: Int) {
        self.total = total
        self.done = done
        self.leased = leased
    }

    /// Problems a peer could lease now: neither completed nor under an unexpired lease.
    public var available: Int { max(0, total - done - leased) }

    /// Whether every problem is completed.
    public var isComplete: Bool { done == total }
}
