import Foundation
import LeanPlay
import Synchronization

/// Measures the evaluation harness's own overhead: `Evaluator` with every sample checked (all-samples),
/// 8 samples in flight, a model that answers at once in process (a distinct proof per sample, so no
/// verdict is replayed) and the `fake-lean-repl --instant` stand-in behind the real verifier and pool.
/// Goal: < 2 ms of LeanPlay time per sample: the CPU time (user + system, `getrusage(RUSAGE_SELF)`) of
/// this process — LeanPlay's own work; the stand-in REPL children are not counted, as Lean would not be —
/// divided by the samples. Printed beside it: the in-flight latency, wall time × 8 slots / samples, which
/// on a 2-core machine also carries the stand-in REPL processes' share of the cores.
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
    let cpuBefore = processCPUSeconds()
    let elapsed = try await clock.measure {
        summary = try await Evaluator(configuration: configuration, prover: prover).run(problems)
    }
    let cpuSeconds = processCPUSeconds() - cpuBefore
    await pool.shutdown()
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let total = problems.count * samples
    let cpuPerSample = cpuSeconds / Double(total) * 1000
    let latencyPerSample = seconds * Double(concurrency) / Double(total) * 1000
    return [String(
        format: "evaluation overhead, %d samples (%d problems × %d), %d in flight, instant model and REPL: LeanPlay CPU "
            + "%.2f ms per sample (goal < 2 ms) %@; in-flight latency %.2f ms per sample, %.0f samples/s, %d Lean checks",
        total, problems.count, samples, concurrency, cpuPerSample, cpuPerSample < 2 ? "PASS" : "BELOW GOAL",
        latencyPerSample, Double(total) / seconds, summary?.leanChecks ?? 0)]
}

/// User + system CPU seconds of this process so far (its children not included).
private func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
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
