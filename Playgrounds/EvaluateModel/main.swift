// evaluate-model — pass@k of a model (or of the automation portfolio alone) on a slice of a benchmark.
//
// Takes the first --limit problems of a corpus (optionally one split), samples N whole proofs per problem
// (each checked by Lean as one command; a problem stops at its first accepted sample), and prints pass@k
// for k = 1, 2, 4, …, N with the per-problem first accepted sample. Without a model it measures the
// automation portfolio: the baseline to run first. `leanplay evaluate` does the same with resumable
// output files, more strategies and the unbiased all-samples estimator.
//
//   swift run evaluate-model --lean-project ~/lean/workspace [--corpus FILE] [--split test] [--limit 20]
//       [--samples 8] [--llm-base-url URL --llm-model NAME [--api-key-env VAR]]
import Foundation
import LeanPlay

let usage = """
    usage: evaluate-model (--lean-project DIR | --lean-repl CMD) [--corpus FILE] [--split NAME] [--limit N]
           [--samples N] [--llm-base-url URL --llm-model NAME [--api-key-env VAR]]
    """

/// Prints `message` to standard error and exits with `code`.
func fail(_ code: Int32, _ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(code)
}

// 1. Flags: every flag takes one value.
var flags: [String: String] = [:]
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
    guard flag.hasPrefix("--"), let value = arguments.popFirst() else { fail(2, usage) }
    flags[flag] = value
}
let corpusPath = flags["--corpus"] ?? "Corpora/leanplay-core.jsonl"
guard let limit = Int(flags["--limit"] ?? "20"), limit >= 1,
      let samples = Int(flags["--samples"] ?? "8"), samples >= 1
else { fail(2, "--limit and --samples take positive whole numbers\n" + usage) }

do {
    // 2. Configuration: ./leanplay.toml when present, then the flags on top (flags win).
    let workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    var configuration = try LeanPlayConfiguration.resolve(explicit: nil, workingDirectory: workingDirectory)
    configuration.apply(LeanPlayConfiguration.Overrides(flags: flags))
    _ = try configuration.replLaunch()   // fail fast: LeanREPLError(.leanNotFound) with install guidance

    // 3. The slice: bad lines are reported and skipped, problems without a formal statement are skipped.
    let (all, badLines) = CorpusLoader.loadSkippingBadLines(URL(fileURLWithPath: corpusPath))
    for error in badLines { FileHandle.standardError.write(Data("skipped \(error)\n".utf8)) }
    let split = flags["--split"]
    let slice = Array(all.filter { split == nil || $0.tags.contains("split:\(split!)") }.prefix(limit))
    let models = try configuration.modelRoster(workingDirectory: workingDirectory)
    let prompts = models.isEmpty ? nil : try configuration.promptLibrary(workingDirectory: workingDirectory)
    let modelName = configuration.models["prover"]?.model ?? configuration.models["default"]?.model

    // 4. What is measured: whole-proof sampling with a model, the automation portfolio without one.
    let prover = configuration.proverConfiguration
    let evaluation = EvaluationConfiguration(
        benchmark: URL(fileURLWithPath: corpusPath).lastPathComponent, model: models.isEmpty ? nil : modelName,
        strategy: models.isEmpty ? .automation : .wholeProof, samples: samples,
        temperature: prover.temperature, maxTokens: prover.maxTokens, portfolio: prover.portfolio, concurrency: 4)
    print("\(slice.count) problems from \(corpusPath)\(split.map { " (split \($0))" } ?? ""), "
        + "\(evaluation.strategy.rawValue), N = \(evaluation.samples)")

    // 5. Lean lives exactly as long as this closure; the evaluator reports each finished problem.
    let summary = try await LeanPlayRuntime.withLean(configuration) { lean in
        let evaluator = Evaluator(
            configuration: evaluation,
            prover: StatementProver(configuration: prover, services: lean.proverServices(models: models, prompts: prompts)))
        return try await evaluator.run(slice, onResult: { result in
            let first = result.firstSuccess.map { "first accepted sample \($0)" } ?? "no accepted sample"
            print("  \(result.problemID): \(result.status.rawValue), \(result.samples) sample(s), \(first)"
                + (result.proof.map { " — `\($0.prefix(60))`" } ?? ""))
        })
    }

    // 6. The figures (`summary` encodes to the same JSON as `leanplay evaluate`'s summary.json).
    let ks = summary.passAtK.keys.compactMap(Int.init).sorted()
    print("proved \(summary.proved)/\(summary.problems); "
        + ks.map { "pass@\($0) \(String(format: "%.3f", summary.passAtK[String($0)]!))" }.joined(separator: ", ")
        + " (\(summary.estimator)); \(summary.leanChecks) Lean checks in \(String(format: "%.2f", summary.leanSeconds)) s")
    if summary.skipped > 0 { print("skipped (no formal statement): \(summary.skippedProblems.joined(separator: ", "))") }
} catch let error as LeanREPLError where error.code == .leanNotFound {
    fail(1, "evaluate-model: \(error.message)\n\n" + usage)
} catch {
    fail(1, "evaluate-model: \(error)")
}
