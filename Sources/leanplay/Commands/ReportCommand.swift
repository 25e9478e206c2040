import ArgumentParser
import Foundation
import LeanPlay

/// `leanplay report`: what a run has done so far.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Summarize a run's ledger: per round, and (with --json) one line per formalization.",
        discussion: """
            With --json prints one line per formalization: {"formalization_id","problem_id","statement","status",
            "flags","best_proof_length","attempts","budget_level","tokens_prompt","tokens_completion"}; with --json --rounds
            one line per round: {"round","kind","started_at","finished_at","attempts","accepted","proved","disproved",
            "formalizations_created","tokens_prompt","tokens_completion","tokens_by_role"}. Rounds are numbered together
            for self-play rounds (kind selfplay) and `prove` passes (kind prove).
            """
    )

    @Option(help: "The run's ledger: an SQLite file or a postgres:// URL (default: [ledger] url).")
    var db: String?
    @OptionGroup var config: ConfigurationOptions
    @Option(parsing: .upToNextOption, help: "Compare two `leanplay evaluate` output directories: --compare DIR_A DIR_B.")
    var compare: [String] = []
    @Flag(help: "One JSON line per formalization (with --rounds: one per round; with --compare: the comparison as one JSON line).")
    var json = false
    @Flag(help: "With --json, one line per round instead: {\"round\",\"kind\",…,\"tokens_prompt\",\"tokens_completion\",\"tokens_by_role\"}.")
    var rounds = false

    func validate() throws {
        if !compare.isEmpty, compare.count != 2 { throw ValidationError("--compare takes two directories: --compare DIR_A DIR_B") }
    }

    func run() async throws {
        if !compare.isEmpty {
            try await CommandContext.reportingErrors("report") { try CompareReport.print(compare[0], compare[1], json: json) }
            return
        }
        try await CommandContext.reportingErrors("report") { try printReport() }
    }

    private func printReport() throws {
        let configuration = try config.load()
        guard let location = db ?? configuration.ledger.url else {
            throw ValidationError("report needs --db RUN.sqlite (or a postgres:// URL, or [ledger] url), or --compare DIR_A DIR_B")
        }
        let ledger = try LedgerOption.open(location, mustExist: true, passwordVariable: configuration.ledger.passwordEnv)
        if json {
            _ = try ledger.export(rounds ? .roundReport : .formalizationReport, to: FileHandle.standardOutput)
            return
        }
        let rounds = try ledger.roundSummaries()
        print("round  kind      attempts  accepted  proved  disproved  new formalizations  tokens (prompt/completion)")
        for round in rounds {
            let byRole = round.tokensByRole.isEmpty ? "" : "  (" + RoundReportFormatting.tokenText(round.tokensByRole) + ")"
            let columns: [(String, Int)] = [
                (String(round.round), 7), (round.kind?.rawValue ?? "-", 10), (String(round.attempts), 10),
                (String(round.accepted), 10), (String(round.proved), 8), (String(round.disproved), 11),
                (String(round.formalizationsCreated), 20),
            ]
            var line = columns.map { $0.0.padding(toLength: $0.1, withPad: " ", startingAt: 0) }.joined()
            line += "\(round.promptTokens)/\(round.completionTokens)" + byRole
            if round.finishedAt == nil { line += "  (unfinished)" }
            print(line)
        }
        if rounds.isEmpty { print("(no rounds yet)") }
        PeerTableFormatting.print(try ledger.peerSummaries())
        let flagged = try ledger.flagCounts()
        for flag in FormalizationFlag.allCases {
            guard let count = flagged[flag] else { continue }  // only the flags that occur, with their meaning
            print("flagged \(flag.rawValue): \(count) — \(flag.explanation)")
        }
    }
}
