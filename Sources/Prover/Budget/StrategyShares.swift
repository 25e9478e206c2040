/// The model samples each strategy is guaranteed out of one statement's budget, so that no enabled
/// strategy is starved by the others (issue: at budget level 1 the step-wise search's reserve used to
/// leave whole-proof sampling with zero samples).
///
/// Shares are floors, not caps: a strategy that runs earlier (whole-proof sampling, then repair, then the
/// search) keeps the later strategies' shares when it reserves samples, and samples a strategy leaves
/// unused flow to the ones after it.
///
/// Allocation, from the budget's `modelSamples` `S` and the enabled sampling strategies: each enabled
/// strategy first gets one sample (whole proof, then repair, then search, while samples last); the rest is
/// split 2 : 1 : 1 between whole proof, repair and search (only among the enabled ones), and what rounding
/// leaves goes to whole proof.
///
/// ```swift
/// let budget = ProverBudgetSchedule.standard.budget(forLevel: 1)   // 4 samples, 2 repair rounds, 8 expansions
/// StrategyShares(budget: budget, hasModel: true, hasSearch: true, tacticsPerExpansion: 4)
/// // wholeProof 2, repair 1, search 1
/// ```
public struct StrategyShares: Sendable, Hashable, Codable {
    /// Samples guaranteed to whole-proof sampling.
    public var wholeProof: Int
    /// Samples guaranteed to repair (0 when repair is disabled).
    public var repair: Int
    /// Tactic samples guaranteed to the step-wise search (0 when it does not sample the model).
    public var search: Int
    /// Search expansions (the search also runs on portfolio tactics alone, without samples).
    public var searchExpansions: Int

    /// The sampling strategies the budget enables, in the order they run.
    public enum Strategy: String, Sendable, Hashable, Codable, CaseIterable {
        /// Whole-proof sampling.
        case wholeProof = "whole_proof"
        /// Repair from Lean's error.
        case repair
        /// Model tactics for the step-wise search.
        case search
    }

    /// The strategies that get samples under these inputs.
    public let enabled: [Strategy]

    /// Computes the shares of `budget`.
    ///
    /// - Parameters:
    ///   - hasModel: whether a model (and prompts) is configured; without one no strategy samples.
    ///   - hasSearch: whether REPL proof states are available for the step-wise search.
    ///   - tacticsPerExpansion: model tactics the search asks for per expansion (0: portfolio tactics only).
    public init(budget: ProverBudget, hasModel: Bool, hasSearch: Bool, tacticsPerExpansion: Int) {
        var enabled: [Strategy] = []
        if hasModel, budget.modelSamples > 0 {
            enabled.append(.wholeProof)
            if budget.repairRounds > 0 { enabled.append(.repair) }
            if hasSearch, budget.searchExpansions > 0, tacticsPerExpansion > 0 { enabled.append(.search) }
        }
        self.enabled = enabled
        var shares: [Strategy: Int] = [:]
        var remaining = budget.modelSamples
        for strategy in enabled where remaining > 0 {
            shares[strategy] = 1
            remaining -= 1
        }
        let weights: [Strategy: Int] = [.wholeProof: 2, .repair: 1, .search: 1]
        let totalWeight = enabled.reduce(0) { $0 + weights[$1, default: 0] }
        if remaining > 0, totalWeight > 0 {
            var handedOut = 0
            for strategy in enabled {
                let extra = remaining / totalWeight * weights[strategy, default: 0]
                    + (remaining % totalWeight) * weights[strategy, default: 0] / totalWeight
                shares[strategy, default: 0] += extra
                handedOut += extra
            }
            shares[.wholeProof, default: 0] += remaining - handedOut
        }
        wholeProof = shares[.wholeProof, default: 0]
        repair = shares[.repair, default: 0]
        search = shares[.search, default: 0]
        searchExpansions = hasSearch ? budget.searchExpansions : 0
    }

    /// The share of `strategy`.
    public func samples(for strategy: Strategy) -> Int {
        switch strategy {
        case .wholeProof: wholeProof
        case .repair: repair
        case .search: search
        }
    }

    /// Lean checks the automation portfolio leaves for the model strategies at this level: one per
    /// guaranteed sample, plus one for the search's composed proof.
    public var checksKeptFromAutomation: Int {
        wholeProof + repair + (enabled.contains(.search) || searchExpansions > 0 ? search + 1 : 0)
    }
}

extension ProverConfiguration {
    /// The shares of a proof at `level`.
    public func proofShares(forLevel level: Int, hasModel: Bool, hasSearch: Bool) -> StrategyShares {
        StrategyShares(budget: schedule.budget(forLevel: level), hasModel: hasModel, hasSearch: hasSearch,
                       tacticsPerExpansion: tacticsPerExpansion)
    }

    /// The shares of a disproof at `level` (no search: ``disproofBudget(forLevel:)``).
    public func disproofShares(forLevel level: Int, hasModel: Bool) -> StrategyShares {
        StrategyShares(budget: disproofBudget(forLevel: level), hasModel: hasModel, hasSearch: false,
                       tacticsPerExpansion: tacticsPerExpansion)
    }
}
