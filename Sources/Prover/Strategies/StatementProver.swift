import Ledger
import Synchronization

/// Proves one statement under a budget, cheapest strategy first:
/// automation portfolio → whole-proof sampling → repair → step-wise search.
///
/// Every candidate is checked as one whole command through `ProofVerifying.verify` (search results are
/// composed into one proof first), identical candidates are checked once, and spending stops as soon as
/// a proof is accepted. Level-0 budgets run the portfolio alone.
///
/// ```swift
/// let prover = StatementProver(configuration: .init(), services: .init(verifier: verifier))
/// let outcome = try await prover.prove(target, budget: schedule.budget(forLevel: 0), round: 1, recorder: recorder)
/// outcome.proof  // "omega"
/// ```
public struct StatementProver: Sendable {
    /// How budgets are spent.
    public var configuration: ProverConfiguration
    /// The verifier, model, prompts and REPL sessions.
    public var services: ProverServices

    /// Creates a prover.
    public init(configuration: ProverConfiguration, services: ProverServices) {
        self.configuration = configuration
        self.services = services
    }

    /// Proves `target` within `budget`, recording every checked candidate through `recorder`.
    ///
    /// - Parameters:
    ///   - round: the round used in idempotency keys (a rerun of the same round resumes).
    ///   - portfolio: overrides the configured portfolio (probes use a cheaper one, for example).
    ///   - knownProofs: proofs already known for the target (skipped as duplicates when shortening).
    ///   - released: the round's released checks: drawn on when this budget's checks are used up, and
    ///     given this budget's unspent checks once the target is proved.
    /// - Throws: `ProverError` `.cancelled` when the task is cancelled, `.ledger` when recording fails.
    ///   Model and REPL failures do not throw: they end that strategy and appear in `problems`.
    public func prove(
        _ target: ProofTarget, budget: ProverBudget, round: Int, recorder: any AttemptRecording,
        portfolio: AutomationPortfolio? = nil, knownProofs: [String] = [], released: ReleasedChecks? = nil
    ) async throws(ProverError) -> ProofOutcome {
        let run = ProofRun(target: target, budget: budget, round: round, configuration: configuration,
                           services: services, recorder: recorder, released: released)
        let outcome = try await prove(run, budget: budget, portfolio: portfolio, knownProofs: knownProofs)
        if outcome.isProved { released?.release(run.meter.unspentChecks) }
        return outcome
    }

    private func prove(
        _ run: ProofRun, budget: ProverBudget, portfolio: AutomationPortfolio?, knownProofs: [String]
    ) async throws(ProverError) -> ProofOutcome {
        run.state.withLock { state in
            for proof in knownProofs { state.checkedProofs.insert(ProofTextNormalizer.normalize(proof)) }
        }
        if try await run.runAutomation(portfolio ?? configuration.portfolio) != nil || budget.isAutomationOnly {
            return run.outcome
        }
        let leftovers = try await run.runWholeProof()
        if run.outcome.isProved { return run.outcome }
        if try await run.runRepair(leftovers.failures) != nil { return run.outcome }
        try await runSearch(run, sketches: leftovers.sketches)
        return run.outcome
    }

    func runSearch(_ run: ProofRun, sketches: [String]) async throws(ProverError) {
        guard let stepping = services.stepping, run.meter.budget.searchExpansions > 0 else { return }
        let key = run.keys.search()
        if let recorded = try await run.recorder.recordedAttempt(key: key) {
            if recorded.accepted { run.succeed(recorded.proof, by: .search) }
            return
        }
        let found: ProofRun.SearchSuccess?
        do {
            found = try await stepping.withStepper(header: run.target.header) { stepper in
                try await run.runSearch(sketches: sketches, stepper: stepper)
            }
        } catch let error as ProverError {
            throw error
        } catch {
            run.note(ProverError(.repl, "No REPL session for the step-wise search: \(error)", context: run.target.formalizationID))
            return
        }
        guard let found else { return }
        let candidate = ProofCandidate(proof: found.proof, strategy: .search, label: "step-wise search", key: key, steps: found.steps)
        if case .accepted(let proof) = try await run.check(candidate) {
            run.succeed(proof, by: .search)
        }
    }
}
