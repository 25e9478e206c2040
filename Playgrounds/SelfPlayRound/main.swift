// selfplay-round — one conjecturer/prover self-play round recorded in a ledger.
//
// The round takes the corpus's formal statements into the ledger (validated by Lean), conjectures
// symbolic variants of hard open and recently proved ones, works the curriculum queue with the
// automation portfolio (and disproof via the negation), and records every attempt. No model is needed;
// with --llm-base-url/--llm-model the model also formalizes, varies and proves. Rerun with the same
// --db for the next round (an interrupted round resumes). `leanplay selfplay` does the same for N rounds.
//
//   swift run selfplay-round --lean-project ~/lean/workspace [--db selfplay.sqlite] [--limit 12]
import Foundation
import LeanPlay

let usage = """
    usage: selfplay-round (--lean-project DIR | --lean-repl CMD) [--corpus FILE] [--limit N] [--db FILE]
           [--queue-limit N] [--llm-base-url URL --llm-model NAME [--api-key-env VAR]]
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
let ledgerPath = flags["--db"] ?? "selfplay.sqlite"
guard let limit = Int(flags["--limit"] ?? "12"), limit >= 1,
      let queueLimit = Int(flags["--queue-limit"] ?? "32"), queueLimit >= 1
else { fail(2, "--limit and --queue-limit take positive whole numbers\n" + usage) }

do {
    // 2. Configuration: ./leanplay.toml when present, then the flags on top (flags win).
    let workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    var configuration = try LeanPlayConfiguration.resolve(explicit: nil, workingDirectory: workingDirectory)
    configuration.apply(LeanPlayConfiguration.Overrides(flags: flags))   // flags win over the file
    _ = try configuration.replLaunch()   // fail fast: LeanREPLError(.leanNotFound) with install guidance

    // 3. Inputs: the problems, the (possibly empty) model roster, the prompts, the ledger file.
    let problems = Array(try CorpusLoader.load(URL(fileURLWithPath: corpusPath)).prefix(limit))
    let models = try configuration.modelRoster(workingDirectory: workingDirectory)
    let prompts = try configuration.promptLibrary(workingDirectory: workingDirectory)
    let ledger = try Ledger.open(path: ledgerPath)
    let selfPlay = configuration.selfPlayConfiguration(queueLimit: queueLimit)
    print("\(problems.count) problems, ledger \(ledgerPath), "
        + (models.isEmpty ? "no model: formal statements, symbolic variants, automation" : models.summary.joined(separator: ", ")))

    // 4. Lean lives exactly as long as this closure; every REPL worker is shut down afterwards.
    let report = try await LeanPlayRuntime.withLean(configuration) { lean in
        let engine = SelfPlayEngine(
            ledger: ledger, corpus: problems, services: lean.proverServices(models: models, prompts: prompts),
            validator: lean.verifier, configuration: selfPlay)
        return try await engine.runRound { progress in
            if progress.completed == progress.total {   // one line per finished stage
                print("  round \(progress.round): \(progress.stage.rawValue) \(progress.completed)/\(progress.total)")
            }
        }
    }

    // 5. The round report (also stored in the ledger's rounds table).
    print("""
        round \(report.round): \(report.newFormalizations) new formalizations (\(report.newVariants) variants), \
        \(report.illFormed) ill-formed; worked \(report.worked): \(report.proved) proved, \(report.disproved) disproved, \
        pass rate \(String(format: "%.1f", report.passRate * 100))%; \
        \(report.leanChecks) Lean checks in \(String(format: "%.2f", report.leanSeconds)) s, \(report.attempts) attempts
        """)
    for result in report.formalizations {
        let proof = result.proof.map { " by `\($0)`" } ?? ""   // status: open, proved, disproved, ill_formed
        print("  \(result.formalizationID) [\(result.work), budget \(result.budgetLevel)]: \(result.status)\(proof)")
    }
    for (flag, count) in report.flagged.sorted(by: { $0.key < $1.key }) {
        print("  flagged \(flag) ×\(count): \(report.flagExplanations[flag] ?? "")")
    }
    if report.unformalizedProblems > 0 {
        print("  \(report.unformalizedProblems) problems have no formal statement (a model would formalize them)")
    }
} catch let error as LeanREPLError where error.code == .leanNotFound {
    fail(1, "selfplay-round: \(error.message)\n\n" + usage)
} catch {
    fail(1, "selfplay-round: \(describe(error))")
}
