import ArgumentParser
import Foundation
import LeanPlay

/// `leanplay variants`: a test-time curriculum of validated variants of one theorem.
struct VariantsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "variants",
        abstract: "Generate N distinct, Lean-validated variants of a theorem (model and symbolic).",
        discussion: """
            The statement file holds one theorem (optionally after its imports/opens, which become the header
            unless --header is given). Symbolic mutations need no model: perturb a constant, drop a hypothesis,
            specialize a variable, swap < and ≤, strengthen or weaken a bound. With a model configured, the
            variant templates (special case, generalization, weaker conclusion, …) are used too. Writes lines
            {"parent_id","variant_id","statement","operator","source","status","lean_error","request_error"}. A rerun
            with a larger --count extends OUT, and says why when the generators run out first.
            """
    )

    @Option(help: "File with the theorem (- for standard input).")
    var statement: String
    @Option(help: "File with the header (imports, opens); default: the statement file's own preamble ([lean] default_header when it has no imports).")
    var header: String?
    @Option(help: "Number of distinct well-formed variants wanted.")
    var count = 8
    @Option(help: "Output JSONL file.")
    var out: String
    @Option(help: "The parent's id in the output (default: the theorem's name).")
    var id: String?

    @OptionGroup var config: ConfigurationOptions
    @OptionGroup var lean: LeanOptions
    @OptionGroup var model: ModelOptions
    @OptionGroup var promptsOption: PromptsOption

    func validate() throws {
        guard count >= 1 else { throw ValidationError("--count must be at least 1") }
        if let id, id.allSatisfy(\.isWhitespace) {
            throw ValidationError("--id must name the parent (it prefixes every variant id); omit it to use the theorem's name")
        }
    }

    func run() async throws {
        try await CommandContext.reportingErrors("variants") {
            let context = try CommandContext(config: config, lean: lean, model: model, prompts: promptsOption)
            try context.requireLean()
            let text = try InputFiles.text(statement, flag: "--statement")
            let file: LeanSourceFile
            do {
                file = try LeanParser.parseFile(text, origin: statement)
            } catch {
                throw CLIError(.inputMalformed, "--statement \(statement): \(error)")
            }
            guard file.declarations.count == 1, let declaration = file.declarations.first else {
                throw CLIError(
                    .inputMalformed, "--statement \(statement): expected exactly one theorem, found \(file.declarations.count) declarations")
            }
            // The statement file's own preamble is the header; one without imports gets `[lean] default_header`
            // in front of its commands (`open …` kept).
            let defaultHeader = context.configuration.lean.defaultHeader
            let headerText = try header.map { try InputFiles.text($0, flag: "--header") }
                ?? (file.preamble.imports.isEmpty
                    ? [defaultHeader, file.preamble.text].filter { !$0.isEmpty }.joined(separator: "\n\n")
                    : file.preamble.text)
            let parent = VariantParent(
                id: id ?? declaration.name ?? "theorem", header: headerText,
                statement: declaration.rendered(ending: .tacticBlock))
            let models = try context.models()
            let prompts = try context.configuration.promptLibrary(workingDirectory: context.workingDirectory)
            var settings = VariantSettings()
            settings.targetCount = count
            settings.seed = context.configuration.search.seed
            settings.maxValidations = max(settings.maxValidations, count * 8)
            let defaults = models.samplingDefaults(for: .variantGenerator)
            if let temperature = defaults.temperature { settings.temperature = temperature }
            if let maxTokens = defaults.maxTokens { settings.maxTokens = maxTokens }
            if models.model(for: .variantGenerator) == nil {
                printError("variants: no model configured; using symbolic mutations only")
            }
            let progressBar = ProgressBar(label: "variants", total: 1)
            let summary = try await LeanPlayRuntime.withLean(context.configuration) { lean in
                let generator = try VariantGenerator(
                    model: models.model(for: .variantGenerator), validator: lean.verifier, prompts: prompts,
                    settings: settings)
                let job = VariantJob(parents: [parent], output: context.url(out), generator: generator, concurrency: 1)
                return try await job.run { progress in
                    progressBar.update(done: progress.settledItems, total: progress.totalItems,
                                       detail: "\(progress.recordsWritten) candidates")
                }
            }
            progressBar.finish()
            JobReporting.print(summary, noun: "parents", output: out)
            if !summary.failures.isEmpty { throw ExitCode(1) }
        }
    }
}
