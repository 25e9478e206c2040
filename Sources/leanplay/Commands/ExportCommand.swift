import ArgumentParser
import Foundation
import LeanPlay

/// `leanplay export`: training data from a run's ledger.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export training data from a ledger as JSONL.",
        discussion: """
            Kinds: sft (chat messages of accepted proofs), repair (failed proof, error, fixed proof), pairs (NL ↔ Lean),
            steps ((state, tactic) pairs from step-wise search), curriculum (the queue in order), report, round_report.
            """
    )

    @OptionGroup var ledger: LedgerOption
    @Option(help: "What to export: \(ExportKind.allCases.map(\.rawValue).joined(separator: "|")).")
    var kind: String
    @Option(help: "Output JSONL file (- for standard output).")
    var out: String

    func validate() throws {
        guard ExportKind(rawValue: kind) != nil else {
            throw ValidationError("--kind \(kind) is not one of \(ExportKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() async throws {
        try await CommandContext.reportingErrors("export") {
            let kind = ExportKind(rawValue: kind)!
            let ledger = try ledger.open(mustExist: true)
            if out == "-" {
                _ = try ledger.export(kind, to: FileHandle.standardOutput)
            } else {
                let lines = try ledger.export(kind, to: URL(fileURLWithPath: out))
                print("\(lines) \(kind.rawValue) lines written to \(out)")
            }
        }
    }
}
