import Foundation
import Testing

/// Issue 12.6 for `leanplay verify`: without `--header` (or a batch line's "header"), the check runs
/// under `[lean] default_header`; an explicit header, even empty, wins.
@Suite("CLI: verify uses the default header", .enabled(if: CLIRunner.isBuilt))
struct DefaultHeaderCLITests {
    /// The stand-in refuses to import Mathlib, so a check under the default header cannot be accepted.
    static let rules = """
        {"headers": [{"contains": "import Mathlib", "result": "error", "message": "unknown module prefix 'Mathlib'"}],
         "rules": [{"statement_contains": "n + 0 = n", "result": "ok", "axioms": []}]}
        """

    @Test func defaultHeaderAppliesOnlyWhenNoneIsGiven() async throws {
        let directory = try CLIRunner.temporaryDirectory()
        let repl = try CLIRunner.fakeREPLCommand(rules: Self.rules, in: directory)
        try "theorem t (n : Nat) : n + 0 = n := by\n".write(
            to: directory.appendingPathComponent("statement.lean"), atomically: true, encoding: .utf8)
        try "simp".write(to: directory.appendingPathComponent("proof.lean"), atomically: true, encoding: .utf8)
        try "".write(to: directory.appendingPathComponent("empty.lean"), atomically: true, encoding: .utf8)
        let batch = """
            {"id": "no-header", "statement": "theorem t (n : Nat) : n + 0 = n := by", "proof": "simp"}
            {"id": "core", "header": "", "statement": "theorem t (n : Nat) : n + 0 = n := by", "proof": "simp"}
            """
        try batch.write(to: directory.appendingPathComponent("batch.jsonl"), atomically: true, encoding: .utf8)

        let defaulted = try await CLIRunner.run(
            ["verify", "--statement", "statement.lean", "--proof", "proof.lean", "--lean-repl", repl], in: directory)
        #expect(defaulted.exitCode == 1, "stdout: \(defaulted.stdout) stderr: \(defaulted.stderr)")
        let explicit = try await CLIRunner.run(
            ["verify", "--header", "empty.lean", "--statement", "statement.lean", "--proof", "proof.lean", "--lean-repl", repl],
            in: directory)
        #expect(explicit.exitCode == 0, "stdout: \(explicit.stdout) stderr: \(explicit.stderr)")

        let lines = try await CLIRunner.run(["verify", "--batch", "batch.jsonl", "--lean-repl", repl], in: directory)
        let statuses = lines.stdout.split(separator: "\n").compactMap { line -> String? in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["status"] as? String
        }
        #expect(statuses.count == 2 && statuses[0] != "accepted" && statuses[1] == "accepted", "\(lines.stdout)")
    }
}
