public import ProblemCorpus
public import Prover
import Foundation
import LeanSource
import Ledger

/// Measures pass@k of a prover strategy on a set of problems.
///
/// Each problem gets N independent samples (`EvaluationConfiguration.samples`), sample i asking the model
/// a question seeded by i so a rerun hits the model's response cache. With early exit a problem stops at
/// its first accepted sample; with `allSamples` every sample is checked. Samples are ordered by index,
/// never by completion time, so concurrency never changes results. A sample whose proof duplicates one
/// already checked takes that verdict without a new Lean check and still counts. A failed model request
/// fails only its own sample, recorded with its reason in `ProblemResult.errors`.
///
/// ```swift
/// let evaluator = Evaluator(configuration: .init(benchmark: "minif2f", model: "m", strategy: .wholeProof, samples: 8),
///                           prover: prover)
/// let summary = try await evaluator.run(problems) { print("\($0.completed)/\($0.total)") }
/// summary.passAtK["8"]
/// ```
public struct Evaluator: Sendable {
    /// What is measured.
    public let configuration: EvaluationConfiguration
    /// The prover whose services (verifier, model, prompts, REPL stepping) the samples use.
    public let prover: StatementProver

    /// Creates an evaluator. The prover's configuration is adjusted per sample (one completion per
    /// request, the configured temperature, token cap and tactics per expansion).
    public init(configuration: EvaluationConfiguration, prover: StatementProver) {
        self.configuration = configuration
        self.prover = prover
    }

    /// Evaluates every problem with a formal statement (the others are skipped and named in the summary).
    ///
    /// - Parameters:
    ///   - progress: called after each problem.
    ///   - onResult: called with each finished problem's result (in completion order), e.g. to append it
    ///     to `results.jsonl`; an error it throws stops the run.
    /// - Throws: `EvaluationError` `.invalidConfiguration` before any work, `.cancelled`, `.prover`, or
    ///   what `onResult` throws.
    public func run(
        _ problems: [Problem], progress: EvaluationProgressHandler? = nil,
        onResult: (@Sendable (ProblemResult) async throws(EvaluationError) -> Void)? = nil
    ) async throws(EvaluationError) -> EvaluationSummary {
        try configuration.validate()
        let (formal, skipped) = Self.partition(problems)
        let results = try await evaluate(formal, progress: progress, onResult: onResult)
        return EvaluationSummary(configuration: configuration, problems: formal, results: results, skipped: skipped.map(\.id))
    }

    /// Problems with a formal statement, and the others.
    public static func partition(_ problems: [Problem]) -> (formal: [Problem], skipped: [Problem]) {
        var formal: [Problem] = []
        var skipped: [Problem] = []
        for problem in problems {
            if let statement = problem.formalStatement, statement.contains(where: { !$0.isWhitespace }) {
                formal.append(problem)
            } else {
                skipped.append(problem)
            }
        }
        return (formal, skipped)
    }

    /// Evaluates `problems` (all must have a formal statement), at most `concurrency` samples at once, and
    /// returns their results in the order given.
    ///
    /// - Throws: as `run`.
    public func evaluate(
        _ problems: [Problem], progress: EvaluationProgressHandler? = nil,
        onResult: (@Sendable (ProblemResult) async throws(EvaluationError) -> Void)? = nil
    ) async throws(EvaluationError) -> [ProblemResult] {
        try configuration.validate()
        let slots = SampleSlots(configuration.concurrency)
        let counter = ProgressCounter(total: problems.count)
        var results = [ProblemResult?](repeating: nil, count: problems.count)
        do {
            try await withThrowingTaskGroup(of: (Int, ProblemResult).self) { group in
                var next = 0
                func launch(_ index: Int) {
                    group.addTask {
                        let result = try await self.evaluate(problems[index], slots: slots)
                        try await onResult?(result)
                        progress?(counter.finished(result))
                        return (index, result)
                    }
                }
                while next < min(problems.count, configuration.concurrency) {
                    launch(next)
                    next += 1
                }
                while let (index, result) = try await group.next() {
                    results[index] = result
                    if next < problems.count {
                        launch(next)
                        next += 1
                    }
                }
            }
        } catch let error as EvaluationError {
            throw error
        } catch {
            throw EvaluationError(.cancelled, "The evaluation was cancelled (\(error)); finished problems are kept. Rerun to resume.")
        }
        return results.compactMap { $0 }
    }

    /// Evaluates one problem with a formal statement.
    ///
    /// - Throws: `EvaluationError` `.cancelled` or `.prover`.
    public func evaluate(_ problem: Problem) async throws(EvaluationError) -> ProblemResult {
        try await evaluate(problem, slots: SampleSlots(configuration.concurrency))
    }
}
