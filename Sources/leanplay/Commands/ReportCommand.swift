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

    @Option(help: "The run's ledger (an SQLite file).")
    var db: String?
    @Option(parsing: .upToNextOption, help: "Compare two `leanplay evaluate` output directories: --compare DIR_A DIR_B.")
    var compare: [String] = []
    @Flag(help: "One JSON line per formalization (with --compare: the comparison as one JSON line).")
    var json = false

    func validate() throws {
        if !compare.isEmpty, compare.count != 2 { throw ValidationError("--compare takes two directories: --compare DIR_A DIR_B") }
        if compare.isEmpty, db == nil { throw ValidationError("report needs --db RUN.sqlite, or --compare DIR_A DIR_B") }
    }

    func run() async throws {
        if !compare.isEmpty {
            try await CommandContext.reportingErrors("report") { try CompareReport.print(compare[0], compare[1], json: json) }
            return
        }
        try await CommandContext.reportingErrors("report") { try printReport() }
    }

    private func printReport() throws {
        let ledger = try LedgerOption.open(db ?? "", mustExist: true)
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
        print("flags: " + FormalizationFlag.allCases.map { "\($0.rawValue) = \($0.explanation)" }.joined(separator: "; "))
    }
}
