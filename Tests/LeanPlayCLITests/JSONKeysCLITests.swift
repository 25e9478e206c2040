import Foundation
import LeanPlay
import LeanPlayTestSupport
import Testing

/// Every JSON the CLI writes — on standard output or into files — uses snake_case keys.
@Suite("CLI: one JSON key convention", .enabled(if: CLIRunner.isBuilt))
struct JSONKeysCLITests {
    /// Every object key in `value`, recursively, with its path.
    static func keys(in value: Any, path: String = "$") -> [String] {
        if let object = value as? [String: Any] {
            return object.flatMap { key, child in ["\(path).\(key)"] + keys(in: child, path: "\(path).\(key)") }
        }
        if let array = value as? [Any] { return array.flatMap { keys(in: $0, path: path + "[]") } }
        return []
    }

    /// snake_case, or a number: a map keyed by budget level (`worked_by_budget_level`) has data as keys.
    static func isSnakeCase(_ key: String) -> Bool {
        if !key.isEmpty, key.allSatisfy(\.isNumber) { return true }
        return !key.isEmpty && key.allSatisfy { ($0.isLowercase && $0.isASCII) || $0.isNumber || $0 == "_" } && key.first!.isLetter
    }

    /// The keys of every JSON line of `text` that are not snake_case (`where` names the output).
    static func offending(_ text: String, where origin: String) throws -> [String] {
        var bad: [String] = []
        for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let value = try JSONSerialization.jsonObject(with: Data(line.utf8))
            for path in keys(in: value) {
                let key = String(path.split(separator: ".").last ?? "")
                if !isSnakeCase(key) { bad.append("\(origin): \(path)") }
            }
        }
        return bad
    }

    @Test func everyCommandsJSONUsesSnakeCaseKeys() async throws {
        let workspace = try CLIWorkspace()
        var outputs: [(String, String)] = []

        let selfplay = try await workspace.run(
            ["selfplay", "--db", "play.sqlite", "--corpus", "corpus.jsonl", "--rounds", "1", "--queue-limit", "4", "--json"]
                + workspace.lean + workspace.prompts)
        #expect(selfplay.exitCode == 0, "stderr: \(selfplay.stderr)")
        outputs.append(("selfplay --json", selfplay.stdout))

        let prove = try await workspace.run(["prove", "--db", "play.sqlite", "--limit", "4", "--json"] + workspace.lean + workspace.prompts)
        #expect(prove.exitCode == 0, "stderr: \(prove.stderr)")
        #expect(prove.stdout.contains("lean_seconds"), "the issue's own key: \(prove.stdout)")
        #expect(!prove.stdout.contains("leanSeconds") && !prove.stdout.contains("formalizationID"))
        outputs.append(("prove --json", prove.stdout))

        let report = try await workspace.run(["report", "--db", "play.sqlite", "--json"])
        #expect(report.exitCode == 0, "stderr: \(report.stderr)")
        outputs.append(("report --json", report.stdout))

        let verify = try await workspace.run(["verify", "--statement", "statement.lean", "--proof", "proof.lean", "--json"] + workspace.lean)
        outputs.append(("verify --json", verify.stdout))
        try workspace.write("batch.jsonl", #"{"id": "a", "statement": "theorem u (n : Nat) : n + 0 = n := by", "proof": "simp"}"# + "\n")
        let batch = try await workspace.run(["verify", "--batch", "batch.jsonl"] + workspace.lean)
        #expect(batch.exitCode == 0, "stderr: \(batch.stderr)")
        outputs.append(("verify --batch", batch.stdout))

        for kind in ExportKind.allCases {
            let export = try await workspace.run(["export", "--db", "play.sqlite", "--kind", kind.rawValue, "--out", "-"])
            #expect(export.exitCode == 0, "stderr: \(export.stderr)")
            outputs.append(("export --kind \(kind.rawValue)", export.stdout))
        }

        let variants = try await workspace.run(
            ["variants", "--statement", "statement.lean", "--count", "2", "--out", "variants.jsonl"] + workspace.lean + workspace.prompts)
        #expect(variants.exitCode == 0, "stderr: \(variants.stderr)")
        outputs.append(("variants OUT", try workspace.read("variants.jsonl")))

        var bad: [String] = []
        for (origin, text) in outputs { bad += try Self.offending(text, where: origin) }
        #expect(bad.isEmpty, "keys that are not snake_case: \(bad)")
        #expect(!selfplay.stdout.isEmpty && !report.stdout.isEmpty && !verify.stdout.isEmpty)
    }
}
