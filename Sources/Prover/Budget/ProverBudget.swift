/// What one statement may cost at one budget level: model samples, Lean checks and wall time.
///
/// A Lean check is one `verify` call or one tactic request to the REPL. A model sample is one
/// completion (a request for `n` samples spends `n`). Level 0 is automation only: no samples.
public struct ProverBudget: Sendable, Hashable, Codable {
    /// Completions the model may produce for this statement.
    public var modelSamples: Int
    /// Lean checks (whole-proof verifications and tactic steps) allowed.
    public var leanChecks: Int
    /// Wall-clock time allowed for the statement.
    public var wallTime: Duration
    /// Repair rounds allowed after a failed whole proof (each needs a sample and a check).
    public var repairRounds: Int
    /// Frontier expansions the step-wise search may make.
    public var searchExpansions: Int

    /// Creates a budget.
    public init(modelSamples: Int, leanChecks: Int, wallTime: Duration, repairRounds: Int = 0, searchExpansions: Int = 0) {
        precondition(modelSamples >= 0 && leanChecks >= 0 && repairRounds >= 0 && searchExpansions >= 0,
                     "budget quantities cannot be negative")
        self.modelSamples = modelSamples
        self.leanChecks = leanChecks
        self.wallTime = wallTime
        self.repairRounds = repairRounds
        self.searchExpansions = searchExpansions
    }

    /// True when the budget allows neither model samples nor search expansions (level 0: the automation
    /// portfolio only).
    public var isAutomationOnly: Bool { modelSamples == 0 && searchExpansions == 0 }

    /// This budget with every quantity multiplied by `factor` (saturating, never overflowing).
    public func scaled(by factor: Int) -> ProverBudget {
        precondition(factor >= 0, "a budget cannot be scaled by a negative factor")
        let (seconds, attoseconds) = wallTime.components
        let scaledSeconds = seconds.multipliedReportingOverflow(by: Int64(factor))
        let time: Duration = scaledSeconds.overflow
            ? .seconds(Int64.max / 4)
            : .seconds(scaledSeconds.partialValue) + .nanoseconds(attoseconds / 1_000_000_000 * Int64(factor))
        return ProverBudget(
            modelSamples: Self.saturatingMultiply(modelSamples, factor),
            leanChecks: Self.saturatingMultiply(leanChecks, factor),
            wallTime: time,
            repairRounds: repairRounds,
            searchExpansions: Self.saturatingMultiply(searchExpansions, factor))
    }

    static func saturatingMultiply(_ value: Int, _ factor: Int) -> Int {
        let (product, overflow) = value.multipliedReportingOverflow(by: factor)
        return overflow ? Int.max : product
    }
}
