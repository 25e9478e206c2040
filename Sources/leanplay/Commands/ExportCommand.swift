import ArgumentParser
import Foundation
import LeanPlay

/// `leanplay export`: training data from a run's ledger.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export training data from a ledger as JSONL.",
        discussion: """
            Kinds: sft (chat messages of accepted proofs); repair (two kinds, labelled by "kind": proof_repair — failed
            proof, error, fixed proof — and statement_repair — ill-formed statement, Lean's error, repaired statement);
            pairs (NL ↔ Lean, only where the text states the statement, labelled by "pair_kind": corpus_statement,
            autoformalization, model_variant; symbolic variants are left out); steps ((state, tactic) pairs from
            step-wise search); curriculum (the queue in the order rounds take it, levels taking turns); report;
            round_report (per round: kind, tokens per role).
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
