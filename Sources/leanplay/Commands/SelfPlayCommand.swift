import ArgumentParser
import Foundation
import LeanPlay

/// `leanplay selfplay`: conjecture → validate → prove/disprove → ledger → training data, for N rounds.
struct SelfPlayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "selfplay",
        abstract: "Run self-play rounds: conjecture, validate, prove/disprove, record, export training data.",
        discussion: """
            Each round formalizes new problems of the corpus (or takes their formal statements), varies hard open
            targets and recently proved ones, validates every statement with Lean, works the curriculum queue with
            budgets that double after each failed attempt, and records everything in the ledger. Without a model
            the corpus's formal statements, symbolic variants and the automation portfolio are used. Killing the
            command and rerunning it resumes the round with no attempt lost or counted twice.

            Peers: the same command started several times on one ledger works together: one peer runs a round's conjecture stage while the others wait, and every peer leases the
            round's work items, so no item is worked twice at once; a peer that dies loses its leases after
            [ledger] lease_seconds (default 60) and another takes its items over. --peer-id names a peer (default
            HOST-PID); a restarted peer given its old id takes its items back at once.

            Rounds: --rounds N runs until the ledger holds N finished self-play rounds, so rerunning the same
            command resumes and never overshoots. `leanplay prove` passes are numbered in the same sequence
            (round numbers in `report` count both) but are not self-play rounds and do not count towards N.
            """
    )

    @OptionGroup var ledger: LedgerOption
    @Option(help: "The problem set (LeanPlay, miniF2F-style or ProofNet-style JSONL).")
    var corpus: String
    @Option(help: "Run until the ledger has this many finished self-play rounds (rerunning resumes, never overshoots; `prove` passes do not count).")
    var rounds = 1
    @Option(help: "Queue items worked per round.")
    var queueLimit = 64
    @Option(help: "Write each round's training exports (<kind>.jsonl) into this folder.")
    var exportDir: String?
    @Flag(help: "Print each round's report as one JSON line.")
    var json = false

    @OptionGroup var peer: PeerOption
    @OptionGroup var config: ConfigurationOptions
    @OptionGroup var lean: LeanOptions
    @OptionGroup var model: ModelOptions
    @OptionGroup var promptsOption: PromptsOption

    func validate() throws {
        guard rounds >= 1 else { throw ValidationError("--rounds must be at least 1") }
        guard queueLimit >= 1 else { throw ValidationError("--queue-limit must be at least 1") }
    }

    func run() async throws {
        try await CommandContext.reportingErrors("selfplay") {
            let context = try CommandContext(config: config, lean: lean, model: model, prompts: promptsOption)
            try context.requireLean()
            let problems = try CorpusLoader.load(context.url(corpus))
            // An empty corpus would still finish rounds (counted by --rounds), so a rerun with the right file
            // would do nothing.
            guard !problems.isEmpty else {
                throw CLIError(.inputMalformed, "--corpus \(corpus): holds no problems; give a JSONL file with one problem per line")
            }
            let models = try context.models()
            try context.configuration.checkProverStrategies(models: models)
            let prompts = try context.configuration.promptLibrary(workingDirectory: context.workingDirectory)
            if models.isEmpty {
                printError("selfplay: no model configured; using formal statements, symbolic variants and automation only")
            }
            if let exportDir {
                do {
                    try FileManager.default.createDirectory(at: context.url(exportDir), withIntermediateDirectories: true)
                } catch {
                    throw CLIError(.outputUnwritable, "--export-dir \(exportDir): cannot create the folder (\(error.fileSystemReason)); check that its parent exists and is writable")
                }
            }
            let ledger = try ledger.open(mustExist: false, configuration: context.configuration)
            let selfPlay = context.configuration.selfPlayConfiguration(
                queueLimit: queueLimit, exportDirectory: exportDir.map { context.url($0) },
                peer: peer.peer(context.configuration, command: "selfplay"))
            let finished = try ledger.finishedRoundCount(kind: .selfPlay)
            guard finished < rounds else {
                print("\(self.ledger.shown(context.configuration)) already has \(finished) finished self-play round(s); nothing to do (raise --rounds to run more)")
                return
            }
            try await LeanPlayRuntime.withLean(context.configuration) { lean in
                let engine = SelfPlayEngine(
                    ledger: ledger, corpus: problems,
                    services: lean.proverServices(
                        models: models, prompts: prompts,
                        verdictCache: context.configuration.cache.enabled ? LedgerVerdictCache(ledger: ledger) : nil),
                    validator: lean.verifier, configuration: selfPlay)
                // Until the ledger holds N finished self-play rounds, whichever peers finished them.
                while true {
                    let bar = ProgressBar(label: "round", total: 1)
                    let report = try await engine.runRound(untilFinished: rounds) { progress in
                        bar.update(done: progress.completed, total: progress.total,
                                   detail: "round \(progress.round): \(progress.stage.rawValue)")
                    }
                    bar.finish()
                    guard let report else { break }
                    if json { try JSONLines.print(report) } else { RoundReportFormatting.print(report) }
                }
            }
        }
    }
}
