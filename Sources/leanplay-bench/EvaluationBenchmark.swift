import Foundation
import LeanPlay
import Synchronization

/// Measures the evaluation harness's own overhead: `Evaluator` with every sample checked (all-samples),
/// 8 samples in flight, a model that answers at once in process (a distinct proof per sample, so no
/// verdict is replayed) and the `fake-lean-repl --instant` stand-in behind the real verifier and pool.
/// Goal: < 2 ms of LeanPlay time per sample (wall time × 8 in-flight slots / samples).
func runEvaluationBenchmark(fakeREPL: URL) async throws -> [String] {
    var poolConfiguration = REPLPoolConfiguration(launch: REPLLaunch(executable: fakeREPL, arguments: ["--instant"]), workers: 2)
    poolConfiguration.warmSpare = false
    poolConfiguration.memoryCeilingBytes = nil
    poolConfiguration.maximumRequestsPerWorker = Int.max
    let pool = REPLWorkerPool(configuration: poolConfiguration)
    let prompts = try PromptLibrary.load(from: promptsFolder())
    let problems = (0..<100).map { index in
        Problem(id: "bench_\(index)", informal: "", formalStatement: "theorem bench_\(index) (n : Nat) : n + \(index) = \(index) + n := by", header: "")
    }
    let samples = 16
    let concurrency = 8
    let prover = StatementProver(
        configuration: ProverConfiguration(),
        services: ProverServices(verifier: LeanVerifier(pool: pool, policy: VerificationPolicy()), model: InstantModel(), prompts: prompts))
    let configuration = EvaluationConfiguration(
        benchmark: "bench", model: "instant", strategy: .wholeProof, samples: samples, allSamples: true, concurrency: concurrency)
    // Warm up: start the workers and import the header once per process.
    _ = try await Evaluator(configuration: configuration, prover: prover).evaluate(Array(problems.prefix(2)))
    let clock = ContinuousClock()
    var summary: EvaluationSummary?
    let elapsed = try await clock.measure {
        summary = try await Evaluator(configuration: configuration, prover: prover).run(problems)
    }
    await pool.shutdown()
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let total = problems.count * samples
    let perSample = seconds * Double(concurrency) / Double(total) * 1000
    return [String(
        format: "evaluation overhead, %d samples (%d problems × %d), %d in flight, instant model and REPL: %.2f ms per sample "
            + "(%.0f samples/s, %d Lean checks; goal < 2 ms) %@",
        total, problems.count, samples, concurrency, perSample, Double(total) / seconds, summary?.leanChecks ?? 0,
        perSample < 2 ? "PASS" : "BELOW GOAL")]
}

/// The repository's Prompts/ folder (next to Package.swift).
private func promptsFolder() -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Prompts")
}

/// A model that answers at once with a distinct whole proof per request.
private final class InstantModel: ChatModel {
    private let counter = Atomic<Int>(0)

    func complete(_ request: ChatRequest, role: ModelRole) async throws(ModelError) -> ChatResponse {
        let index = counter.add(1, ordering: .relaxed).newValue
        let statement = request.messages.last?.content.split(separator: "\n").first { $0.hasPrefix("theorem ") }.map(String.init) ?? ""
        let text = "```lean4\n\(statement)\n  simp [Nat.add_comm] -- \(index)\n  omega\n```"
        return ChatResponse(samples: [ModelSample(index: 0, text: text, outcome: .complete)],
                            usage: TokenUsage(promptTokens: 100, completionTokens: 20), fromCache: false, model: "instant")
    }
}
