import ArgumentParser
import Foundation
import LeanPlay

/// `leanplay prove`: works the curriculum queue of a ledger.
struct ProveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prove",
        abstract: "Prove (and try to disprove) what is queued in a ledger, with ramped budgets.",
        discussion: """
            Each run is one `prove` pass: a ledger round of its own (numbered with the self-play rounds, shown by
            `report`), which does not count towards `selfplay --rounds N`. A killed pass is resumed by the next
            `prove` (or `selfplay`) run. Several `prove` processes on one ledger join the same pass and lease its
            items (--peer-id, [ledger] lease_seconds), so none is worked twice at once. Started while `selfplay`
            peers run a round, it waits for that round's conjecture stage and then helps work the round's items (the
            round stays a self-play round).
            """
    )

    @OptionGroup var ledger: LedgerOption
    @Option(help: "Queue items to work.")
    var limit = 64
    @Flag(help: "Print the report as one JSON line.")
    var json = false

    @OptionGroup var peer: PeerOption
    @OptionGroup var config: ConfigurationOptions
    @OptionGroup var lean: LeanOptions
    @OptionGroup var model: ModelOptions
    @OptionGroup var promptsOption: PromptsOption

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        try await CommandContext.reportingErrors("prove") {
            let context = try CommandContext(config: config, lean: lean, model: model, prompts: promptsOption)
            try context.requireLean()
            let models = try context.models()
            try context.configuration.checkProverStrategies(models: models)
            let prompts = try context.configuration.promptLibrary(workingDirectory: context.workingDirectory)
            let ledger = try ledger.open(mustExist: true, configuration: context.configuration)
            try await LeanPlayRuntime.withLean(context.configuration) { lean in
                let prover = StatementProver(
                    configuration: context.configuration.proverConfiguration,
                    services: lean.proverServices(
                        models: models, prompts: prompts,
                        verdictCache: context.configuration.cache.enabled ? LedgerVerdictCache(ledger: ledger) : nil))
                let bar = ProgressBar(label: "prove", total: limit)
                let report = try await ProverLoop(
                    prover: prover, ledger: ledger, peer: peer.peer(context.configuration, command: "prove")
                ).prove(queueLimit: limit) { progress in
                    bar.update(done: progress.completed, total: progress.total, detail: progress.stage.rawValue)
                }
                bar.finish()
                if json { try JSONLines.print(report) } else { RoundReportFormatting.print(report) }
            }
        }
    }
}
