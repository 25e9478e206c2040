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
            With --from-leandojo SPLIT.json (LeanDojo Benchmark 4) and --kind steps: one chat-format SFT line per traced
            human step (the prove/next_tactic prompt for state_before → the tactic), streamed; --val N writes whole
            theorems (at least N lines) to FILE.val.jsonl beside FILE.
            """
    )

    @Option(help: "The run's ledger (an SQLite file).")
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
        if fromLeandojo != nil {
            try LeanDojoExportSupport.validate(kind: kind, out: out, limit: limit, val: val)
            return
        }
        if db == nil { throw ValidationError("export needs --db RUN.sqlite (or --from-leandojo SPLIT.json with --kind steps)") }
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
            let ledger = try LedgerOption.open(db ?? "", mustExist: true)
            if out == "-" {
                _ = try ledger.export(kind, to: FileHandle.standardOutput)
            } else {
                let lines = try ledger.export(kind, to: URL(fileURLWithPath: out))
                print("\(lines) \(kind.rawValue) lines written to \(out)")
            }
        }
    }
}
