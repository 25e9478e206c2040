import ArgumentParser
import Foundation
import LeanPlay

/// `leanplay export`: training data from a run's ledger.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export training data from a ledger as JSONL.",
        discussion: "Kinds:\n" + ExportKind.allCases.map { "  \($0.rawValue): \(kindSummaries[$0] ?? "")" }.joined(separator: "\n")
    )

    /// One line per kind for --help; the README's command reference lists the same kinds (a test compares).
    static let kindSummaries: [ExportKind: String] = [
        .sft: "chat messages (system, statement, proof) of accepted proofs",
        .repair: "repair triples, labelled by \"kind\": proof_repair (failed proof, Lean's error, the proof that fixed it) "
            + "and statement_repair (ill-formed statement, Lean's error, repaired statement)",
        .pairs: "natural-language ↔ Lean statement pairs, only where the text states the statement, labelled by "
            + "\"pair_kind\": corpus_statement, autoformalization, model_variant (symbolic variants are left out)",
        .steps: "(proof state, tactic) pairs from step-wise search",
        .curriculum: "the curriculum queue in the order rounds take it (budget levels taking turns)",
        .roundReport: "per-round counts (kind, attempts, proved, disproved, tokens per role)",
        .formalizationReport: "one line per formalization, as `report --json`",
    ]

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
