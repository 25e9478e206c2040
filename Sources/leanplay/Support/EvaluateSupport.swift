import ArgumentParser
import Foundation
import LeanPlay

/// Problem selection, model naming and the human table of `leanplay evaluate`.
enum EvaluateSupport {
    /// The prover role's model name (inheriting `[models.default]`), nil when none is configured.
    static func modelName(_ configuration: LeanPlayConfiguration) -> String? {
        configuration.models[ModelRole.prover.rawValue]?.model ?? configuration.models["default"]?.model
    }

    /// `problems` narrowed to `split:NAME`, then to the ids listed in `idsFile`, then to the first `limit`.
    ///
    /// - Throws: `ValidationError` naming the ids file when it cannot be read or names no known problem.
    static func select(_ problems: [Problem], split: String?, idsFile: URL?, limit: Int?) throws -> [Problem] {
        var selected = problems
        if let split {
            selected = selected.filter { $0.tags.contains("split:\(split)") }
            if selected.isEmpty { throw ValidationError("--split \(split): no problem is tagged split:\(split)") }
        }
        if let idsFile {
            let text: String
            do {
                text = try String(contentsOf: idsFile, encoding: .utf8)
            } catch {
                throw CLIError(.inputMissing, "--ids \(idsFile.path): cannot read the file (\(error.localizedDescription))")
            }
            let wanted = Set(text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            let known = Set(selected.map(\.id))
            let unknown = wanted.subtracting(known).sorted()
            if !unknown.isEmpty {
                printError("evaluate: --ids names \(unknown.count) problem(s) not in the selection: \(unknown.prefix(5).joined(separator: ", "))")
            }
            selected = selected.filter { wanted.contains($0.id) }
        }
        if let limit { selected = Array(selected.prefix(limit)) }
        return selected
    }

    /// Prints the table: one row per split, then overall, then what was skipped.
    static func printTable(_ summary: EvaluationSummary, resumed: Int) {
        let ks = summary.passAtK.keys.compactMap(Int.init).sorted()
        let header = ["split".padding(toLength: 12, withPad: " ", startingAt: 0), "problems", "proved"]
            + ks.map { "pass@\($0)" }
        print("\(summary.benchmark) · \(summary.strategy) · \(summary.model ?? "no model") · N=\(summary.samples) · estimator \(summary.estimator)")
        print(header.map { $0.count < 9 ? $0.padding(toLength: 9, withPad: " ", startingAt: 0) : $0 + " " }.joined())
        func row(_ name: String, _ group: EvaluationSummary.Group) {
            let cells = [name.padding(toLength: 12, withPad: " ", startingAt: 0) + " ", String(group.problems), String(group.proved)]
                + ks.map { String(format: "%.3f", group.passAtK[String($0)] ?? 0) }
            print(cells.map { $0.count < 9 ? $0.padding(toLength: 9, withPad: " ", startingAt: 0) : $0 }.joined())
        }
        for name in summary.bySplit.keys.sorted() { row(name, summary.bySplit[name]!) }
        row("overall", EvaluationSummary.Group(
            problems: summary.problems, proved: summary.proved, accuracy: summary.accuracy, passAtK: summary.passAtK))
        print(String(format: "lean checks %d · lean %.1f s · tokens %d/%d · avg proof length %@",
                     summary.leanChecks, summary.leanSeconds, summary.tokens.prompt, summary.tokens.completion,
                     summary.averageProofLength.map { String(format: "%.1f", $0) } ?? "-"))
        if resumed > 0 { print("resumed: \(resumed) problem(s) taken from results.jsonl") }
        if summary.errors > 0 { print("errors: \(summary.errors) problem(s) could not be checked (see results.jsonl)") }
        if summary.skipped > 0 {
            print("skipped (no formal statement): \(summary.skipped): \(summary.skippedProblems.prefix(10).joined(separator: ", "))"
                  + (summary.skipped > 10 ? ", …" : ""))
        }
        if !summary.malformedLines.isEmpty { print("malformed benchmark lines: \(summary.malformedLines.count) (named on stderr)") }
    }
}
