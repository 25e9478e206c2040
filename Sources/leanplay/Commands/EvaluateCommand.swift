import ArgumentParser
import Foundation
import LeanPlay

/// `leanplay evaluate`: pass@k of a model (or of the automation portfolio) on a benchmark.
struct EvaluateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Measure pass@k of a model (or the automation portfolio alone) on a benchmark.",
        discussion: """
            Writes DIR/results.jsonl (one line per problem, appended as each finishes), DIR/summary.json and
            DIR/config.json, and prints a table per split and overall. Rerunning with the same DIR resumes: finished
            problems are skipped and cost nothing. A different configuration over an existing DIR is an error.

            With --db, evaluate processes started with the same flags on one ledger (an SQLite file, or a PostgreSQL
            URL; on one machine or many) share the evaluation: each problem is leased to one peer at a time, a dead
            peer's problems are taken over after [ledger] lease_seconds, and every peer writes all results to its own DIR.
            """
    )

    @Argument(help: "The benchmark: a JSONL corpus (LeanPlay, miniF2F-style or ProofNet-style).")
    var bench: String

    @Option(help: "The output directory (created when missing; resumed when it holds the same evaluation).")
    var out: String

    @Option(help: "Samples per problem, N (default 8 with a model; automation always uses 1).")
    var samples: Int?

    @Option(help: "whole-proof, whole-proof+repair, search or automation (default: whole-proof with a model, else automation).")
    var strategy: String?

    @Option(help: "The k of pass@k, comma-separated (default 1,2,4,…,N).")
    var k: String?

    @Flag(help: "Check every sample (no early exit) and use the unbiased pass@k estimator.")
    var allSamples = false

    @Option(help: "Only problems tagged split:NAME (miniF2F's valid/test).")
    var split: String?

    @Option(help: "A file of problem ids, one per line; only those are evaluated.")
    var ids: String?

    @Option(help: "Evaluate at most this many problems (after --split and --ids).")
    var limit: Int?

    @Option(help: "Samples worked on at once.")
    var concurrency = 4

    @Option(help: "Repair rounds per failed sample (whole-proof+repair).")
    var repairRounds = 2

    @Option(help: "Frontier expansions per search attempt (search).")
    var searchExpansions = 32

    @Option(help: "Model tactics per search expansion (search).")
    var tacticsPerExpansion = 4

    @Option(help: "Header for problems that have none (default: [lean] default_header, itself `import Mathlib` by default).")
    var defaultHeader: String?

    @Flag(help: "Print the summary as one JSON line instead of the table.")
    var json = false

    @Option(help: "Share the evaluation through this ledger (an SQLite file, or a PostgreSQL URL): evaluate processes started with the same flags and --db split the problems, each writing every result to its own --out.")
    var db: String?

    @OptionGroup var peerOption: PeerOption

    @OptionGroup var config: ConfigurationOptions
    @OptionGroup var lean: LeanOptions
    @OptionGroup var model: ModelOptions
    @OptionGroup var promptsOption: PromptsOption

    func validate() throws {
        if let samples, samples < 1 { throw ValidationError("--samples must be at least 1") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1") }
        if let strategy, EvaluationStrategy(rawValue: strategy) == nil {
            throw ValidationError("--strategy \(strategy) is not one of: "
                                  + EvaluationStrategy.allCases.map(\.rawValue).joined(separator: ", "))
        }
        _ = try parsedKs()
        if db == nil, peerOption.peerId != nil {
            throw ValidationError("--peer-id names a peer sharing an evaluation through a ledger: add --db PATH_OR_URL")
        }
    }

    func parsedKs() throws -> [Int]? {
        guard let k else { return nil }
        let values = k.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let ks = values.compactMap { Int($0) }
        guard ks.count == values.count, !ks.isEmpty, ks.allSatisfy({ $0 >= 1 }) else {
            throw ValidationError("--k takes positive integers separated by commas, e.g. --k 1,8,32")
        }
        return Array(Set(ks)).sorted()
    }

    func run() async throws {
        try await CommandContext.reportingErrors("evaluate") {
            do {
                try await evaluate()
            } catch let error as EvaluationError {
                switch error.code {
                case .configurationChanged, .invalidConfiguration:
                    throw ValidationError(error.description)
                case .unreadableInput:
                    throw CLIError(.inputMissing, error.description)
                case .unreadableDirectory:
                    throw CLIError(.inputMalformed, error.description)
                case .unwritableDirectory:
                    throw CLIError(.outputUnwritable, error.description)
                default:
                    printError("evaluate: \(error)")
                    throw ExitCode(1)
                }
            }
        }
    }

    private func evaluate() async throws {
        let context = try CommandContext(config: config, lean: lean, model: model, prompts: promptsOption)
        try context.requireLean()
        let models = try context.models()
        let benchURL = context.url(bench)
        guard FileManager.default.fileExists(atPath: benchURL.path) else {
            throw CLIError(.inputMissing, "\(bench): no such benchmark file")
        }
        let chosen = try chooseStrategy(hasModel: !models.isEmpty)
        let prover = context.configuration.proverConfiguration
        if chosen == .automation, prover.portfolio.tactics.isEmpty {
            throw LeanPlayError(
                .configuration, "--strategy automation with [search] automation = [] would try no proof and report pass@k 0",
                fix: "list tactics under [search] automation (e.g. [\"rfl\", \"omega\", \"simp\"]) or configure a model and choose a model strategy")
        }
        let configuration = EvaluationConfiguration(
            benchmark: benchURL.lastPathComponent, model: chosen.needsModel ? EvaluateSupport.modelName(context.configuration) : nil,
            strategy: chosen, samples: samples ?? 8, ks: try parsedKs(), allSamples: allSamples, repairRounds: repairRounds,
            searchExpansions: searchExpansions, tacticsPerExpansion: tacticsPerExpansion, temperature: prover.temperature,
            maxTokens: prover.maxTokens, defaultHeader: defaultHeader ?? context.configuration.lean.defaultHeader, portfolio: prover.portfolio,
            verification: context.configuration.verificationPolicy.fingerprint, concurrency: concurrency)
        try configuration.validate()

        let (problems, badLines) = CorpusLoader.loadSkippingBadLines(benchURL)
        for error in badLines { printError("evaluate: \(error)") }
        let selection = try EvaluateSupport.select(
            problems, split: split, idsFile: ids.map(context.url), limit: limit)
        let (formal, skipped) = Evaluator.partition(selection)
        if formal.isEmpty {
            throw CLIError(
                .inputMalformed,
                "\(bench): nothing to evaluate — \(problems.count) problem(s) read, \(skipped.count) of those selected without a "
                    + "formal statement, \(badLines.count) malformed line(s); give a benchmark whose lines carry a formal statement")
        }

        let directory = try EvaluationDirectory.open(context.url(out), configuration: configuration)
        let finished = try directory.finishedResults()
        if let db {
            try await evaluateShared(
                db: db, context: context, configuration: configuration, models: models, selection: selection,
                badLines: badLines.map(\.description), directory: directory, finished: finished)
            return
        }
        let finishedIDs = Set(finished.map(\.problemID))
        let remaining = formal.filter { !finishedIDs.contains($0.id) }
        let prompts = chosen.needsModel ? try context.configuration.promptLibrary(workingDirectory: context.workingDirectory) : nil

        let fresh: [ProblemResult] = try await LeanPlayRuntime.withLean(context.configuration) { lean in
            let services = lean.proverServices(models: chosen.needsModel ? models : .empty, prompts: prompts)
            let evaluator = Evaluator(
                configuration: configuration,
                prover: StatementProver(configuration: prover, services: services))
            let bar = ProgressBar(label: "evaluate", total: remaining.count)
            let results = try await evaluator.evaluate(
                remaining,
                progress: { bar.update(done: $0.completed, detail: "\($0.proved) proved") },
                onResult: { result throws(EvaluationError) in try directory.append(result) })
            bar.finish()
            return results
        }
        let summary = EvaluationSummary(
            configuration: configuration, problems: formal, results: finished + fresh, skipped: skipped.map(\.id),
            malformedLines: badLines.map(\.description))
        try directory.writeSummary(summary)
        if json {
            try JSONLines.print(summary)
        } else {
            EvaluateSupport.printTable(summary, resumed: formal.count - remaining.count)
        }
    }

    private func chooseStrategy(hasModel: Bool) throws -> EvaluationStrategy {
        guard let strategy, let chosen = EvaluationStrategy(rawValue: strategy) else {
            return hasModel ? .wholeProof : .automation
        }
        if chosen.needsModel, !hasModel {
            throw ValidationError(
                "--strategy \(chosen.rawValue) needs a model: set --llm-base-url and --llm-model (or [models.default]), "
                    + "or use --strategy automation")
        }
        return chosen
    }
}
