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
            "flags","best_proof_length","attempts","budget_level"}.
            """
    )

    @OptionGroup var ledger: LedgerOption
    @Flag(help: "One JSON line per formalization.")
    var json = false

    func run() async throws {
        try await CommandContext.reportingErrors("report") { try printReport() }
    }

    private func printReport() throws {
        let ledger = try ledger.open(mustExist: true)
        if json {
            _ = try ledger.export(.formalizationReport, to: FileHandle.standardOutput)
            return
        }
        let rounds = try ledger.roundSummaries()
        print("round  attempts  accepted  proved  disproved  new formalizations  tokens (prompt/completion)")
        for round in rounds {
            print(
                String(round.round).padding(toLength: 7, withPad: " ", startingAt: 0)
                    + String(round.attempts).padding(toLength: 10, withPad: " ", startingAt: 0)
                    + String(round.accepted).padding(toLength: 10, withPad: " ", startingAt: 0)
                    + String(round.proved).padding(toLength: 8, withPad: " ", startingAt: 0)
                    + String(round.disproved).padding(toLength: 11, withPad: " ", startingAt: 0)
                    + String(round.formalizationsCreated).padding(toLength: 20, withPad: " ", startingAt: 0)
                    + "\(round.promptTokens)/\(round.completionTokens)"
                    + (round.finishedAt == nil ? "  (unfinished)" : ""))
        }
        if rounds.isEmpty { print("(no rounds yet)") }
        let flagged = try ledger.flagCounts()
        for flag in FormalizationFlag.allCases {
            guard let count = flagged[flag] else { continue }  // only the flags that occur, with their meaning
            print("flagged \(flag.rawValue): \(count) — \(flag.explanation)")
        }
    }
}
