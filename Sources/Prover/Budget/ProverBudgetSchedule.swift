/// How budgets ramp with the ledger's budget level.
///
/// Level 0 is the automation portfolio alone (`automationOnly`). Level 1 is `base`; every level after
/// doubles it, up to `maximumLevel` (levels above the cap get the cap's budget).
///
/// ```swift
/// let schedule = ProverBudgetSchedule.standard
/// schedule.budget(forLevel: 0).modelSamples  // 0
/// schedule.budget(forLevel: 3).modelSamples  // base.modelSamples * 4
/// ```
public struct ProverBudgetSchedule: Sendable, Hashable, Codable {
    /// The budget of level 0: no model, a few Lean checks for the portfolio.
    public var automationOnly: ProverBudget
    /// The budget of level 1.
    public var base: ProverBudget
    /// The highest level that still doubles; higher levels get this level's budget.
    public var maximumLevel: Int

    /// Creates a schedule.
    public init(automationOnly: ProverBudget, base: ProverBudget, maximumLevel: Int) {
        precondition(maximumLevel >= 0, "the maximum budget level cannot be negative")
        precondition(automationOnly.isAutomationOnly, "level 0 is automation only: it allows no model samples and no search")
        self.automationOnly = automationOnly
        self.base = base
        self.maximumLevel = maximumLevel
    }

    /// A schedule that suits small self-play runs: 4 samples, 2 repair rounds and 24 checks at level 1.
    public static let standard = ProverBudgetSchedule(
        automationOnly: ProverBudget(modelSamples: 0, leanChecks: 16, wallTime: .seconds(120)),
        base: ProverBudget(modelSamples: 4, leanChecks: 24, wallTime: .seconds(300), repairRounds: 2, searchExpansions: 8),
        maximumLevel: 6)

    /// The budget for a ledger budget level (negative levels are treated as 0).
    public func budget(forLevel level: Int) -> ProverBudget {
        guard level > 0 else { return automationOnly }
        if base.isAutomationOnly { return base }
        let effective = min(level, max(maximumLevel, 1))
        let factor = 1 << min(effective - 1, 30)
        return base.scaled(by: factor)
    }
}
