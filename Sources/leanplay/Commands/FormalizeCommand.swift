import ArgumentParser
import Foundation
import LeanPlay

/// `leanplay formalize`: natural-language problems → distinct, Lean-validated formal statements.
struct FormalizeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formalize",
        abstract: "Formalize a problem set into Lean statements, several stochastic samples per problem.",
        discussion: """
            Writes one JSON line per distinct formalization: {"problem_id","formalization_id","statement","status",
            "lean_error","sample_count","provenance":{"model","template","temperature","seed","repair_round"},"request_error"}
            with status well_formed, ill_formed, no_statement or request_failed (samples whose model request failed;
            the other samples are kept). A rerun skips problems already finished in OUT and redoes those written
            with fewer answered samples than --samples asks.
            """
    )

    @Argument(help: "A problem set: LeanPlay, miniF2F-style or ProofNet-style JSONL.")
    var corpus: String
    @Option(help: "Samples per problem.")
    var samples = 8
    @Option(help: "Output JSONL file (appended to; finished problems are skipped on rerun).")
    var out: String
    @Option(help: "Statement repair rounds with Lean's error message.")
    var repairRounds: Int?
    @Option(help: "Problems formalized at once.")
    var concurrency = 2
    @Option(help: "Only the first N problems of the corpus.")
    var limit: Int?

    @OptionGroup var config: ConfigurationOptions
    @OptionGroup var lean: LeanOptions
    @OptionGroup var model: ModelOptions
    @OptionGroup var promptsOption: PromptsOption

    func validate() throws {
        guard samples >= 1 else { throw ValidationError("--samples must be at least 1") }
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1") }
        if let repairRounds, repairRounds < 0 { throw ValidationError("--repair-rounds cannot be negative") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        try await CommandContext.reportingErrors("formalize") {
            let context = try CommandContext(config: config, lean: lean, model: model, prompts: promptsOption)
            try context.requireLean()
            let models = try context.models()
            guard let formalizer = models.model(for: .formalizer) else {
                throw LeanPlayError(
                    .modelNotConfigured, "formalize needs a model for the formalizer role",
                    fix: "pass --llm-base-url URL --llm-model NAME [--api-key-env VAR], or set [models.default] in leanplay.toml")
            }
            var problems = try CorpusLoader.load(context.url(corpus))
            if let limit { problems = Array(problems.prefix(limit)) }
            let prompts = try context.configuration.promptLibrary(workingDirectory: context.workingDirectory)
            var settings = AutoformalizationSettings()
            settings.samplesPerProblem = samples
            settings.seed = context.configuration.search.seed
            settings.repairRounds = repairRounds ?? context.configuration.search.repairRounds
            settings.defaultHeader = context.configuration.lean.defaultHeader
            let defaults = models.samplingDefaults(for: .formalizer)
            if let temperature = defaults.temperature { settings.baseTemperature = temperature }
            if let maxTokens = defaults.maxTokens { settings.maxTokens = maxTokens }
            if let topP = defaults.topP { settings.topP = topP }
            let progressBar = ProgressBar(label: "formalize", total: problems.count)
            let summary = try await LeanPlayRuntime.withLean(context.configuration) { lean in
                let formalizer = try Autoformalizer(
                    model: formalizer, validator: lean.verifier, prompts: prompts,
                    exemplars: ExemplarPool(corpus: problems), settings: settings)
                let job = FormalizationJob(
                    problems: problems, output: context.url(out), formalizer: formalizer, concurrency: concurrency)
                return try await job.run { progress in
                    progressBar.update(done: progress.settledItems, total: progress.totalItems,
                                       detail: "\(progress.recordsWritten) formalizations")
                }
            }
            progressBar.finish()
            JobReporting.print(summary, noun: "problems", output: out)
            for (role, usage) in models.usageByRole().sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                print("tokens (\(role.rawValue)): prompt \(usage.promptTokens), completion \(usage.completionTokens), requests \(usage.requests), cache hits \(usage.cacheHits)")
            }
            if !summary.failures.isEmpty { throw ExitCode(1) }
        }
    }
}
