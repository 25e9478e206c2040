import Ledger

/// The strategies one `StatementProver` call may run, always in the prover's fixed order
/// (automation → whole-proof sampling → repair → step-wise search).
///
/// Evaluation harnesses use this to measure one strategy at a time:
/// ```swift
/// let outcome = try await prover.prove(target, budget: budget, round: 1, recorder: recorder, stages: [.wholeProof])
/// ```
public struct ProverStages: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    /// Creates a set from its raw bits.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// The automation portfolio (no model).
    public static let automation = ProverStages(rawValue: 1 << 0)
    /// Whole-proof sampling from the model.
    public static let wholeProof = ProverStages(rawValue: 1 << 1)
    /// Repair rounds on failed whole proofs (needs `.wholeProof` to have failures to repair).
    public static let repair = ProverStages(rawValue: 1 << 2)
    /// Step-wise best-first search over REPL proof states (needs `ProverServices.stepping`).
    public static let search = ProverStages(rawValue: 1 << 3)
    /// Every strategy: what `StatementProver.prove(_:budget:round:recorder:portfolio:knownProofs:)` runs.
    public static let all: ProverStages = [.automation, .wholeProof, .repair, .search]
}

extension StatementProver {
    /// Proves `target` within `budget` using only `stages`, recording every checked candidate through
    /// `recorder`. Spending stops at the first accepted proof.
    ///
    /// - Throws: `ProverError` `.cancelled` when the task is cancelled, `.ledger` when recording fails.
    ///   Model and REPL failures do not throw: they end that strategy and appear in `problems`.
    public func prove(
        _ target: ProofTarget, budget: ProverBudget, round: Int, recorder: any AttemptRecording,
        stages: ProverStages, portfolio: AutomationPortfolio? = nil
    ) async throws(ProverError) -> ProofOutcome {
        let run = ProofRun(target: target, budget: budget, round: round, configuration: configuration,
                           services: services, recorder: recorder)
        if stages.contains(.automation), try await run.runAutomation(portfolio ?? configuration.portfolio) != nil {
            return run.outcome
        }
        var leftovers = WholeProofLeftovers()
        if stages.contains(.wholeProof) {
            leftovers = try await run.runWholeProof()
            if run.outcome.isProved { return run.outcome }
        }
        if stages.contains(.repair), try await run.runRepair(leftovers.failures) != nil {
            return run.outcome
        }
        if stages.contains(.search) {
            try await runSearch(run, sketches: leftovers.sketches)
        }
        return run.outcome
    }
}
