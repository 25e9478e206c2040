import Ledger
import Synchronization

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
    /// - Parameter wholeProofSamples: the most whole-proof samples drawn (nil: as many as the budget
    ///   allows). With `[.wholeProof, .repair]` and 1, exactly one whole proof is sampled — even when the
    ///   model's output holds no proof — and the rest of the budget goes to its repairs.
    /// - Throws: `ProverError` `.cancelled` when the task is cancelled, `.ledger` when recording fails.
    ///   Model and REPL failures do not throw: they end that strategy and appear in `problems`.
    public func prove(
        _ target: ProofTarget, budget: ProverBudget, round: Int, recorder: any AttemptRecording,
        stages: ProverStages, portfolio: AutomationPortfolio? = nil, wholeProofSamples: Int? = nil
    ) async throws(ProverError) -> ProofOutcome {
        let run = ProofRun(target: target, budget: budget, round: round, configuration: configuration,
                           services: services, recorder: recorder)
        if stages.contains(.automation), try await run.runAutomation(portfolio ?? configuration.portfolio) != nil {
            return run.outcome
        }
        var leftovers = WholeProofLeftovers()
        if stages.contains(.wholeProof) {
            if let cap = wholeProofSamples {
                // A run of its own whose budget allows `cap` samples and checks; its spending is then
                // charged to `run`, which keeps the rest for the later stages.
                let sampling = ProofRun(
                    target: target,
                    budget: ProverBudget(modelSamples: min(cap, budget.modelSamples), leanChecks: min(cap, budget.leanChecks),
                                         wallTime: budget.wallTime),
                    round: round, configuration: configuration, services: services, recorder: recorder)
                leftovers = try await sampling.runWholeProof()
                run.absorb(sampling)
            } else {
                leftovers = try await run.runWholeProof()
            }
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

extension ProofRun {
    /// Takes over what `other` (a run on the same target) spent, checked and found.
    func absorb(_ other: ProofRun) {
        let spent = other.meter.spent
        if spent.modelSamples > 0 { _ = meter.reserveSamples(spent.modelSamples) }
        for _ in 0..<spent.leanChecks { _ = meter.reserveCheck() }
        let theirs = other.state.withLock { $0 }
        state.withLock { state in
            state.checkedProofs.formUnion(theirs.checkedProofs)
            state.nextSampleIndex = max(state.nextSampleIndex, theirs.nextSampleIndex)
            state.outcome.attempts += theirs.outcome.attempts
            state.outcome.promptTokens += theirs.outcome.promptTokens
            state.outcome.completionTokens += theirs.outcome.completionTokens
            state.outcome.leanSeconds += theirs.outcome.leanSeconds
            state.outcome.duplicatesSkipped += theirs.outcome.duplicatesSkipped
            state.outcome.problems += theirs.outcome.problems
            if let proof = theirs.outcome.proof, state.outcome.proof == nil {
                state.outcome.proof = proof
                state.outcome.strategy = theirs.outcome.strategy
            }
        }
    }
}
