import LeanVerify
import Ledger
import Synchronization

/// The work on one target: one budget meter, one set of already-checked proofs, one outcome.
///
/// Strategies (in `ProofRun+*.swift`) produce candidates; `check` is the single gate through which a
/// candidate reaches Lean: resume (a key recorded by an earlier run is replayed, not re-spent), dedupe
/// (identical normalized proofs are checked once), budget, then `ProofVerifying.verify` and recording.
package final class ProofRun: Sendable {
    struct State: Sendable {
        var checkedProofs = Set<String>()
        var outcome = ProofOutcome.empty
        var nextSampleIndex = 0
        /// Normalized proofs Lean rejected in this run (checked or replayed) → the first error.
        var failedProofs: [String: String] = [:]
        /// Set once a verdict said the statement itself cannot be checked (`invalid-statement`): that
        /// verdict depends on the statement, header and policy only, so every further proof would get it.
        var statementIsInvalid = false
    }

    let target: ProofTarget
    let configuration: ProverConfiguration
    let services: ProverServices
    let recorder: any AttemptRecording
    let keys: AttemptKey
    let meter: BudgetMeter
    let state = Mutex(State())

    init(
        target: ProofTarget, budget: ProverBudget, round: Int, configuration: ProverConfiguration,
        services: ProverServices, recorder: any AttemptRecording, released: ReleasedChecks? = nil
    ) {
        self.target = target
        self.configuration = configuration
        self.services = services
        self.recorder = recorder
        self.keys = AttemptKey(round: round, formalizationID: target.formalizationID, kind: target.kind.rawValue)
        self.meter = BudgetMeter(budget: budget, clock: services.clock, released: released)
    }

    /// The outcome so far, with the meter's spending.
    var outcome: ProofOutcome {
        var outcome = state.withLock { $0.outcome }
        outcome.leanChecks = meter.spent.leanChecks - outcome.cachedVerdicts
        outcome.modelSamples = meter.spent.modelSamples
        return outcome
    }

    /// Marks the target proved by `proof` found with `strategy`.
    func succeed(_ proof: String, by strategy: AttemptStrategy) {
        state.withLock { state in
            state.outcome.proof = proof
            state.outcome.strategy = strategy
        }
    }

    /// Claims the next `count` sample indices for this statement (keys stay stable across reruns).
    func claimSampleIndices(_ count: Int) -> Range<Int> {
        state.withLock { state in
            let start = state.nextSampleIndex
            state.nextSampleIndex += count
            return start..<(start + count)
        }
    }

    /// Adds tokens the model reported for this target.
    func addTokens(prompt: Int, completion: Int) {
        state.withLock { state in
            state.outcome.promptTokens += prompt
            state.outcome.completionTokens += completion
        }
    }

    /// Checks a candidate through the single gate described on the type.
    ///
    /// - Parameter keepingChecks: Lean checks that must stay available afterwards.
    /// - Throws: `ProverError` `.cancelled` when the task is cancelled, `.ledger` when recording fails.
    func check(_ candidate: ProofCandidate, keepingChecks: Int = 0) async throws(ProverError) -> CheckResult {
        try Self.checkCancellation(target.formalizationID)
        let normalized = ProofTextNormalizer.normalize(candidate.proof)
        if let recorded = try await recorder.recordedAttempt(key: candidate.key) {
            guard recorded.wasChecked else { return .unusable }
            _ = meter.reserveCheck()  // replay what the recorded check spent, so the rerun decides alike
            state.withLock { state in
                let normalizedRecorded = ProofTextNormalizer.normalize(recorded.proof)
                state.checkedProofs.insert(normalizedRecorded)
                if !recorded.accepted { state.failedProofs[normalizedRecorded] = recorded.error ?? "" }
            }
            return recorded.accepted
                ? .accepted(proof: recorded.proof)
                : .failed(proof: recorded.proof, error: recorded.error ?? "")
        }
        // No further check can succeed on a statement Lean (or the verifier) refused as such.
        if state.withLock({ $0.statementIsInvalid }) { return .outOfBudget }
        let isNew = state.withLock { $0.checkedProofs.insert(normalized).inserted }
        guard isNew else {
            state.withLock { $0.outcome.duplicatesSkipped += 1 }
            return .duplicate
        }
        guard meter.reserveCheck(keeping: keepingChecks) else {
            _ = state.withLock { $0.checkedProofs.remove(normalized) }
            return .outOfBudget
        }
        let verdict = await services.verifier.verify(header: target.header, statement: target.statement, proof: candidate.proof)
        let attempt = ProofAttempt(
            key: candidate.key, kind: target.kind, strategy: candidate.strategy, tacticOrModel: candidate.label,
            budgetLevel: target.budgetLevel, verdict: verdict, proof: candidate.proof,
            promptTokens: candidate.promptTokens, completionTokens: candidate.completionTokens,
            repairedFromKey: candidate.repairedFromKey, steps: candidate.steps)
        try await recorder.record(attempt, formalizationID: target.formalizationID)
        state.withLock { state in
            state.outcome.attempts.append(attempt)
            state.outcome.leanSeconds += verdict.elapsedMilliseconds / 1000
            if verdict.fromCache { state.outcome.cachedVerdicts += 1 }
            if !verdict.isAccepted { state.failedProofs[normalized] = attempt.firstError }
            if verdict.rule == VerificationRule.invalidStatement.rawValue { state.statementIsInvalid = true }
        }
        return verdict.isAccepted ? .accepted(proof: candidate.proof) : .failed(proof: candidate.proof, error: attempt.firstError)
    }

    /// Records a model sample that held no usable proof (no Lean check is spent on it).
    func recordUnusableSample(key: String, strategy: AttemptStrategy, label: String, text: String, why: String,
                              promptTokens: Int, completionTokens: Int, repairedFromKey: String? = nil) async throws(ProverError) {
        if try await recorder.recordedAttempt(key: key) != nil { return }
        let verdict = Verdict(status: .rejected, reason: "\(Self.noProofRule): \(why)", rule: Self.noProofRule)
        let attempt = ProofAttempt(
            key: key, kind: target.kind, strategy: strategy, tacticOrModel: label, budgetLevel: target.budgetLevel,
            verdict: verdict, proof: String(text.prefix(2_000)), promptTokens: promptTokens,
            completionTokens: completionTokens, repairedFromKey: repairedFromKey)
        try await recorder.record(attempt, formalizationID: target.formalizationID)
        state.withLock { $0.outcome.attempts.append(attempt) }
    }

    /// The rule named by attempts recorded for model samples that held no proof.
    package static let noProofRule = "no-proof"

    /// Notes a problem that stopped one strategy but not the run (for example a failed model request).
    func note(_ problem: ProverError) {
        state.withLock { $0.outcome.problems.append(problem.description) }
    }

    package static func checkCancellation(_ context: String) throws(ProverError) {
        if Task.isCancelled {
            throw ProverError(.cancelled, "The run was cancelled; attempts recorded so far are kept. Rerun to resume.",
                              context: context)
        }
    }
}
