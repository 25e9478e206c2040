public import Foundation

/// Settings for a ``Ledger``.
public struct LedgerConfiguration: Sendable {
    /// How budget levels map to budgets and where they stop growing.
    public var budget: BudgetSchedule
    /// Proved formalizations come back to the queue as "shorten" work while their attempt count is below this.
    public var shortenAttemptLimit: Int
    /// How long a writer waits for another process's lock before failing, in seconds.
    public var busyTimeoutSeconds: Double
    /// `true`: every commit is flushed to disk (survives power loss, slower).
    /// `false` (default): WAL with `synchronous=NORMAL`, which survives process crashes and `kill -9`
    /// without losing a commit; a power loss can drop the last commits but never corrupts the file.
    public var flushEveryCommit: Bool
    /// The clock used for `created_at`, `updated_at` and round times.
    public var now: @Sendable () -> Date

    /// Creates a configuration.
    public init(
        budget: BudgetSchedule = BudgetSchedule(),
        shortenAttemptLimit: Int = 8,
        busyTimeoutSeconds: Double = 10,
        flushEveryCommit: Bool = false,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.budget = budget
        self.shortenAttemptLimit = shortenAttemptLimit
        self.busyTimeoutSeconds = busyTimeoutSeconds
        self.flushEveryCommit = flushEveryCommit
        self.now = now
    }
}
