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
        .repair: "repair triples: a failed proof, Lean's error, the proof that fixed it",
        .pairs: "natural-language ↔ Lean statement pairs",
        .steps: "(proof state, tactic) pairs from step-wise search",
        .curriculum: "the curriculum queue in order",
        .roundReport: "per-round counts (attempts, proved, disproved, tokens)",
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
