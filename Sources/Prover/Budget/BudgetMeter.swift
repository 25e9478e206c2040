import Synchronization

/// Counts what one statement has spent against its `ProverBudget`.
///
/// Shared by the strategies that work on one statement (they may run inside REPL sessions on other
/// tasks), so the counters live behind a `Mutex`. Time comes from an injected clock: tests drive a manual
/// clock and never sleep.
public final class BudgetMeter: Sendable {
    /// What has been spent so far.
    public struct Spending: Sendable, Hashable {
        /// Model completions requested.
        public var modelSamples = 0
        /// Lean checks made.
        public var leanChecks = 0
        /// Step-wise search expansions made.
        public var searchExpansions = 0
        /// Lean checks drawn from checks other statements released (included in ``leanChecks``).
        public var borrowedChecks = 0
    }

    /// The budget being spent.
    public let budget: ProverBudget
    private let elapsedTime: @Sendable () -> Duration
    private let spending = Mutex(Spending())
    /// Checks released by statements proved earlier in the round; drawn on when this budget's are used up.
    public let released: ReleasedChecks?

    /// Starts a meter now, on `clock`.
    ///
    /// - Parameter released: checks other statements of the round released; nil for none.
    public init<C: Clock>(budget: ProverBudget, clock: C, released: ReleasedChecks? = nil) where C.Duration == Duration {
        self.budget = budget
        self.released = released
        let start = clock.now
        self.elapsedTime = { start.duration(to: clock.now) }
    }

    /// A snapshot of what has been spent.
    public var spent: Spending { spending.withLock { $0 } }

    /// Time since the meter started.
    public var elapsed: Duration { elapsedTime() }

    /// True when the wall-time budget is used up.
    public var isOutOfTime: Bool { elapsedTime() >= budget.wallTime }

    /// Reserves `count` model samples; returns how many were granted (0 when the budget or time is out).
    ///
    /// - Parameter reserve: samples that must stay available afterwards (whole-proof sampling keeps the
    ///   repair rounds' samples once it has a failed proof to repair).
    public func reserveSamples(_ count: Int, keeping reserve: Int = 0) -> Int {
        guard count > 0, !isOutOfTime else { return 0 }
        return spending.withLock { state in
            let granted = min(count, budget.modelSamples - state.modelSamples - max(0, reserve))
            guard granted > 0 else { return 0 }
            state.modelSamples += granted
            return granted
        }
    }

    /// Reserves one Lean check; false when the check budget or the time is used up.
    ///
    /// - Parameter reserve: checks that must stay available afterwards (the step-wise search keeps one
    ///   for re-verifying the proof it composes).
    /// When the statement's own checks are used up, one released by a statement proved earlier in the
    /// round (``released``) is drawn instead.
    public func reserveCheck(keeping reserve: Int = 0) -> Bool {
        guard !isOutOfTime else { return false }
        let own = spending.withLock { state in
            guard state.leanChecks + reserve < budget.leanChecks + state.borrowedChecks else { return false }
            state.leanChecks += 1
            return true
        }
        if own { return true }
        guard let released, released.take() else { return false }
        spending.withLock { state in
            state.leanChecks += 1
            state.borrowedChecks += 1
        }
        return true
    }

    /// Checks of this budget left unspent (what a proved statement releases to the round).
    public var unspentChecks: Int {
        spending.withLock { max(0, budget.leanChecks - ($0.leanChecks - $0.borrowedChecks)) }
    }

    /// Reserves one search expansion; false when the expansion budget or the time is used up.
    public func reserveExpansion() -> Bool {
        guard !isOutOfTime else { return false }
        return spending.withLock { state in
            guard state.searchExpansions < budget.searchExpansions else { return false }
            state.searchExpansions += 1
            return true
        }
    }

    /// True when at least one more Lean check could be made.
    public var canCheck: Bool {
        !isOutOfTime && (spending.withLock { $0.leanChecks < budget.leanChecks + $0.borrowedChecks } || (released?.available ?? 0) > 0)
    }

    /// True when at least one more model sample could be drawn.
    public var canSample: Bool {
        !isOutOfTime && spending.withLock { $0.modelSamples < budget.modelSamples }
    }
}
