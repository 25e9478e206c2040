import Foundation
import LeanSource
import LeanVerify
import Ledger
import ProblemCorpus
import Prover
import Synchronization

extension Evaluator {
    /// The stages and the per-sample budget of the configured strategy.
    var plan: (stages: ProverStages, budget: ProverBudget) {
        let wall = Duration.milliseconds(Int64(configuration.sampleWallSeconds * 1_000))
        switch configuration.strategy {
        case .automation:
            return ([.automation], ProverBudget(modelSamples: 0, leanChecks: configuration.portfolio.tactics.count, wallTime: wall))
        case .wholeProof:
            return ([.wholeProof], ProverBudget(modelSamples: 1, leanChecks: 1, wallTime: wall))
        case .wholeProofRepair:
            let rounds = configuration.repairRounds
            return ([.wholeProof, .repair],
                    ProverBudget(modelSamples: 1 + rounds, leanChecks: 1 + rounds, wallTime: wall, repairRounds: rounds))
        case .search:
            let expansions = configuration.searchExpansions
            let tactics = configuration.tacticsPerExpansion
            let portfolioSize = configuration.portfolio.tactics.count
            return ([.search], ProverBudget(
                modelSamples: expansions * tactics, leanChecks: expansions * (tactics + portfolioSize) + 2,
                wallTime: wall, searchExpansions: expansions))
        }
    }

    /// The prover a problem's samples use: the configured sampling, and verdicts memoized per problem.
    func sampleProver(verifier: VerdictMemo) -> StatementProver {
        var proverConfiguration = prover.configuration
        proverConfiguration.samplesPerRequest = 1
        proverConfiguration.temperature = configuration.temperature
        proverConfiguration.maxTokens = configuration.maxTokens
        proverConfiguration.tacticsPerExpansion = configuration.tacticsPerExpansion
        proverConfiguration.portfolio = configuration.portfolio
        var services = prover.services
        services.verifier = verifier
        if configuration.strategy != .search { services.stepping = nil }
        return StatementProver(configuration: proverConfiguration, services: services)
    }

    func evaluate(_ problem: Problem, slots: SampleSlots) async throws(EvaluationError) -> ProblemResult {
        let started = ContinuousClock.now
        let declaration: LeanDeclaration
        do {
            declaration = try LeanParser.parseDeclaration(problem.formalStatement ?? "", origin: problem.id)
        } catch {
            return ProblemResult(
                problemID: problem.id, status: .error, samples: 0, correct: 0, firstSuccess: nil, proof: nil,
                proofLength: nil, searchSeconds: 0, leanSeconds: 0, leanChecks: 0, tokens: TokenCounts(),
                errors: ["the formal statement does not parse: \(error.message)"])
        }
        let target = ProofTarget(
            formalizationID: problem.id, header: problem.header ?? configuration.defaultHeader,
            declaration: declaration, kind: .prove, budgetLevel: 0)
        if configuration.strategy.needsModel, prover.services.model == nil || prover.services.prompts == nil {
            throw EvaluationError(.invalidConfiguration,
                                  "--strategy \(configuration.strategy.rawValue) needs a model and prompts; configure a model or use --strategy automation")
        }
        let memo = VerdictMemo(verifier: prover.services.verifier)
        let sampler = sampleProver(verifier: memo)
        var samples: [EvaluatedSample] = []
        if configuration.allSamples {
            samples = try await allSamples(target, sampler: sampler, slots: slots)
        } else {
            for index in 0..<configuration.samples {
                let sample = try await runSample(index, target: target, sampler: sampler, slots: slots)
                samples.append(sample)
                if sample.acceptedProof != nil || sample.invalidStatement != nil { break }
            }
        }
        return result(problem.id, samples: samples, replays: memo.hits, seconds: (ContinuousClock.now - started).seconds)
    }

    /// Every sample, concurrently, returned in index order.
    private func allSamples(_ target: ProofTarget, sampler: StatementProver, slots: SampleSlots) async throws(EvaluationError) -> [EvaluatedSample] {
        do {
            return try await withThrowingTaskGroup(of: EvaluatedSample.self) { group in
                for index in 0..<configuration.samples {
                    group.addTask { try await self.runSample(index, target: target, sampler: sampler, slots: slots) }
                }
                var samples: [EvaluatedSample] = []
                for try await sample in group { samples.append(sample) }
                return samples.sorted { $0.index < $1.index }
            }
        } catch let error as EvaluationError {
            throw error
        } catch {
            throw EvaluationError(.cancelled, "The evaluation was cancelled; finished problems are kept. Rerun to resume.")
        }
    }

    /// Sample `index`: one prover run with round `index + 1` (its model seed) holding one slot.
    func runSample(_ index: Int, target: ProofTarget, sampler: StatementProver, slots: SampleSlots) async throws(EvaluationError) -> EvaluatedSample {
        await slots.acquire()
        let outcome: ProofOutcome
        do {
            // One whole proof per sample (its repairs belong to it); search and automation are one run each.
            outcome = try await sampler.prove(target, budget: plan.budget, round: index + 1, recorder: DiscardingRecorder(),
                                              stages: plan.stages, wholeProofSamples: plan.stages.contains(.wholeProof) ? 1 : nil)
        } catch {
            await slots.release()
            if error.code == .cancelled {
                throw EvaluationError(.cancelled, error.message + " Finished problems are kept; rerun to resume.", context: target.formalizationID)
            }
            throw EvaluationError(.prover, error.description, context: target.formalizationID)
        }
        await slots.release()
        let checked = outcome.attempts.contains { $0.verdict.rule != "no-proof" } || outcome.leanChecks > 0
        return EvaluatedSample(
            index: index, acceptedProof: outcome.proof, leanChecks: outcome.leanChecks, leanSeconds: outcome.leanSeconds,
            tokens: TokenCounts(prompt: outcome.promptTokens, completion: outcome.completionTokens),
            failure: outcome.problems.isEmpty ? nil : outcome.problems.joined(separator: "; "), wasChecked: checked,
            invalidStatement: outcome.attempts.first { $0.verdict.rule == VerificationRule.invalidStatement.rawValue }?.verdict.reason)
    }

    /// The problem's line from its samples (in index order).
    func result(_ id: String, samples: [EvaluatedSample], replays: Int, seconds: Double) -> ProblemResult {
        let accepted = samples.filter { $0.acceptedProof != nil }
        let first = accepted.first
        let proof = first?.acceptedProof
        var errors = samples.compactMap { sample in sample.failure.map { "sample \(sample.index + 1): \($0)" } }
        let status: ProblemResult.Status
        if first != nil {
            status = .proved
        } else if let invalid = samples.lazy.compactMap(\.invalidStatement).first {
            // The benchmark's statement cannot be checked at all: an error of the problem, not a failure of the prover.
            status = .error
            errors = ["the formal statement cannot be checked: \(invalid)"]
        } else if !samples.isEmpty, samples.allSatisfy({ $0.failure != nil && !$0.wasChecked }) {
            status = .error
        } else {
            status = .unproved
        }
        return ProblemResult(
            problemID: id, status: status, samples: samples.count, correct: accepted.count,
            firstSuccess: first.map { $0.index + 1 }, proof: proof, proofLength: proof.map(ProofLength.measure),
            searchSeconds: seconds, leanSeconds: samples.reduce(0) { $0 + $1.leanSeconds },
            leanChecks: max(0, samples.reduce(0) { $0 + $1.leanChecks } - replays),
            tokens: samples.reduce(TokenCounts()) { $0 + $1.tokens }, errors: errors)
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

/// Counts finished problems for progress reports.
final class ProgressCounter: Sendable {
    private let state: Mutex<(completed: Int, proved: Int)> = Mutex((0, 0))
    let total: Int

    init(total: Int) { self.total = total }

    func finished(_ result: ProblemResult) -> EvaluationProgress {
        state.withLock { state in
            state.completed += 1
            if result.status == .proved { state.proved += 1 }
            return EvaluationProgress(completed: state.completed, total: total, proved: state.proved, problemID: result.problemID)
        }
    }
}
