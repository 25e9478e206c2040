import Synchronization

/// Lean checks released within one round: a statement that was just proved gives the checks its budget
/// still had to the statements still being worked ("cheap before dear inside a budget"), and a
/// statement that has used up its own checks may draw from here before giving up.
///
/// ```swift
/// let released = ReleasedChecks()
/// released.release(5)      // a statement proved with 5 of its checks unspent
/// released.take()          // true: another statement gets one more check
/// ```
public final class ReleasedChecks: Sendable {
    private let checks = Mutex(0)
    private let released = Mutex(0)

    /// An empty pool.
    public init() {}

    /// Adds `count` unspent checks (negative counts are ignored).
    public func release(_ count: Int) {
        guard count > 0 else { return }
        checks.withLock { $0 += count }
        released.withLock { $0 += count }
    }

    /// Takes one check; false when none is left.
    public func take() -> Bool {
        checks.withLock { available in
            guard available > 0 else { return false }
            available -= 1
            return true
        }
    }

    /// Checks currently available.
    public var available: Int { checks.withLock { $0 } }

    /// Checks released so far in total.
    public var totalReleased: Int { released.withLock { $0 } }
}
