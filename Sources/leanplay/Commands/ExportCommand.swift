import ArgumentParser
import Foundation
import LeanPlay

/// `leanplay export`: training data from a run's ledger.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export training data from a ledger as JSONL.",
        discussion: "Kinds:\n" + ExportKind.allCases.map { "  \($0.rawValue): \(kindSummaries[$0] ?? "")" }.joined(separator: "\n")
            + "\n\nWith --from-leandojo SPLIT.json (LeanDojo Benchmark 4) and --kind steps: one chat-format SFT line per "
            + "traced human step (the prove/next_tactic prompt for state_before → the tactic), streamed; --val N writes "
            + "whole theorems (at least N lines) to FILE.val.jsonl beside FILE."
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

    @Option(help: "The run's ledger: an SQLite file or a postgres:// URL (default: [ledger] url).")
    var db: String?
    @Option(help: "What to export: \(ExportKind.allCases.map(\.rawValue).joined(separator: "|")).")
    var kind: String
    @Option(help: "Output JSONL file (- for standard output).")
    var out: String
    @Option(help: "A LeanDojo Benchmark 4 split file (DIR/SPLIT.json) to export steps from instead of a ledger.")
    var fromLeandojo: String?
    @Option(help: "With --from-leandojo: the most training lines written.")
    var limit: Int?
    @Option(help: "With --from-leandojo: validation lines written to FILE.val.jsonl (whole theorems).")
    var val = 0
    @OptionGroup var promptsOption: PromptsOption
    @OptionGroup var config: ConfigurationOptions

    func validate() throws {
        try DistinctPaths.requireOutput(("--out", out), differsFrom: [("--db", db ?? "-"), ("--from-leandojo", fromLeandojo ?? "-")])
        if fromLeandojo != nil {
            try LeanDojoExportSupport.validate(kind: kind, out: out, limit: limit, val: val)
            return
        }
        if limit != nil || val != 0 {
            throw ValidationError("--limit and --val apply to --from-leandojo only; a ledger export writes every line of its kind")
        }
        guard ExportKind(rawValue: kind) != nil else {
            throw ValidationError("--kind \(kind) is not one of \(ExportKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() async throws {
        if let fromLeandojo {
            try await CommandContext.reportingErrors("export") {
                try LeanDojoExportSupport.run(from: fromLeandojo, out: out, limit: limit, val: val, config: config, prompts: promptsOption)
            }
            return
        }
        try await CommandContext.reportingErrors("export") {
            let kind = ExportKind(rawValue: kind)!
            let configuration = try config.load()
            guard let location = db ?? configuration.ledger.url else {
                throw ValidationError("export needs --db RUN.sqlite (or a postgres:// URL, or [ledger] url), or --from-leandojo SPLIT.json with --kind steps")
            }
            let ledger = try LedgerOption.open(location, mustExist: true, passwordVariable: configuration.ledger.passwordEnv)
            if out == "-" {
                _ = try ledger.export(kind, to: FileHandle.standardOutput)
            } else {
                let lines = try ledger.export(kind, to: URL(fileURLWithPath: out))
                print("\(lines) \(kind.rawValue) lines written to \(out)")
            }
        }
    }
}
