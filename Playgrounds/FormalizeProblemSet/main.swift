// formalize-problem-set — natural-language problems → Lean statements checked by the Lean kernel.
//
// Loads the first N problems of a corpus, asks a model for K stochastic formalizations of each (random
// template, few-shot exemplars and temperature per sample), validates every distinct statement with Lean
// (repairing ill-formed ones with Lean's error), and appends one JSON line per distinct formalization to
// OUT. A rerun skips problems already finished in OUT. `leanplay formalize` does the same with more knobs.
//
//   swift run formalize-problem-set --lean-project ~/lean/workspace \
//       --llm-base-url https://openrouter.ai/api/v1 --llm-model deepseek/deepseek-prover-v2 \
//       --api-key-env OPENROUTER_API_KEY --limit 3 --samples 4
import Foundation
import LeanPlay

let usage = """
    usage: formalize-problem-set (--lean-project DIR | --lean-repl CMD) --llm-base-url URL --llm-model NAME
           [--api-key-env VAR] [--corpus FILE] [--limit N] [--samples K] [--out FILE]
    """

/// What to print for `error`: LeanPlay's errors describe themselves (what happened, what to do);
/// Foundation's file errors get their readable sentence instead of the raw domain and code.
func describe(_ error: any Error) -> String {
    if let error = error as? CocoaError { return error.localizedDescription }
    let bridged = error as NSError
    if bridged.domain == NSCocoaErrorDomain || bridged.domain == NSPOSIXErrorDomain { return bridged.localizedDescription }
    return "\(error)"
}

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
let outputPath = flags["--out"] ?? "formalizations.jsonl"
guard let limit = Int(flags["--limit"] ?? "3"), limit >= 1,
      let samples = Int(flags["--samples"] ?? "4"), samples >= 1
else { fail(2, "--limit and --samples take positive whole numbers\n" + usage) }

do {
    // 2. Configuration: ./leanplay.toml when present, then the flags on top (flags win).
    let workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    var configuration = try LeanPlayConfiguration.resolve(explicit: nil, workingDirectory: workingDirectory)
    configuration.apply(LeanPlayConfiguration.Overrides(flags: flags))   // flags win over the file

    // Fail fast, before any model call: throws LeanREPLError(.leanNotFound) with install guidance.
    _ = try configuration.replLaunch()

    // 3. The model. The API key is read from the named environment variable only when a request is sent.
    let models = try configuration.modelRoster(workingDirectory: workingDirectory)
    guard let model = models.model(for: .formalizer) else {
        fail(2, "formalize-problem-set needs a model: pass --llm-base-url URL --llm-model NAME\n" + usage)
    }

    // 4. The problems and the prompt templates (the ones LeanPlay ships, plus [prompts] directory if set).
    let problems = Array(try CorpusLoader.load(URL(fileURLWithPath: corpusPath)).prefix(limit))
    let prompts = try configuration.promptLibrary(workingDirectory: workingDirectory)
    var settings = AutoformalizationSettings()
    settings.samplesPerProblem = samples
    settings.seed = configuration.search.seed
    print("formalizing \(problems.count) problems × \(samples) samples with \(models.summary.filter { $0.hasPrefix("formalizer") }.joined())")

    // 5. Lean lives exactly as long as this closure; every REPL worker is shut down afterwards.
    let summary = try await LeanPlayRuntime.withLean(configuration) { lean in
        let formalizer = try Autoformalizer(
            model: model, validator: lean.verifier, prompts: prompts,
            exemplars: ExemplarPool(corpus: problems), settings: settings)
        let job = FormalizationJob(
            problems: problems, output: URL(fileURLWithPath: outputPath), formalizer: formalizer, concurrency: 2)
        return try await job.run { progress in
            print("  \(progress.settledItems)/\(progress.totalItems) problems, \(progress.recordsWritten) lines written")
        }
    }

    // 6. Summary: read this run's problems back from OUT (it also holds earlier runs' lines).
    let wanted = Set(problems.map(\.id))
    let records = try String(contentsOfFile: outputPath, encoding: .utf8)
        .split(separator: "\n")
        .compactMap { try? JSONDecoder().decode(FormalizationRecord.self, from: Data($0.utf8)) }
        .filter { wanted.contains($0.problemID) }
    for record in records {
        print("[\(record.status.rawValue)] \(record.problemID) (\(record.sampleCount) samples, \(record.provenance.template))")
        if let statement = record.statement { print("    \(statement)") }
        if let error = record.leanError { print("    lean: \(error.prefix(120))") }
    }
    let progress = summary.progress
    print("\(progress.completedItems) done, \(progress.skippedItems) already in \(outputPath), \(progress.failedItems) failed")
    for failure in summary.failures { print("failed: \(failure.itemID): \(failure.error)") }
    let tokens = models.usageByRole()[.formalizer] ?? .zero
    print("tokens: \(tokens.promptTokens) prompt, \(tokens.completionTokens) completion, \(tokens.requests) requests")
    exit(summary.failures.isEmpty ? 0 : 1)
} catch let error as LeanREPLError where error.code == .leanNotFound {
    fail(1, "formalize-problem-set: \(error.message)\n\n" + usage)
} catch {
    fail(1, "formalize-problem-set: \(describe(error))")
}
