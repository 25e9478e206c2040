import Foundation
import LeanPlayTestSupport
import Testing

/// `leanplay doctor` and `leanplay verify`, run as a user would: the built binary, real pipes, exit codes.
@Suite("CLI: doctor and verify", .enabled(if: CLIRunner.isBuilt))
struct DoctorAndVerifyCLITests {
    static let rules = """
        {"rules": [
          {"statement_contains": "n + 0 = n", "proof_equals": "simp", "result": "ok", "axioms": ["propext"]},
          {"statement_contains": "a + b = b + a", "proof_contains": "omega", "result": "ok", "axioms": []},
          {"statement_contains": "a + b = b + a", "proof_contains": "decide", "result": "error", "message": "failed to synthesize Decidable"}
        ]}
        """

    @Test func doctorWithoutLeanExplainsHowToInstall() async throws {
        let directory = try CLIRunner.temporaryDirectory()
        let result = try await CLIRunner.run(["doctor"], in: directory)
        #expect(result.exitCode == 2, "Lean cannot be started: the same status as every other command")
        #expect(result.stderr.contains("elan"))
        #expect(result.stderr.contains("--lean-project"))
        #expect(result.stderr.contains("--lean-repl"))
    }

    @Test func doctorWithAMissingProjectNamesTheFolder() async throws {
        let directory = try CLIRunner.temporaryDirectory()
        let result = try await CLIRunner.run(["doctor", "--lean-project", "/nonexistent/lean"], in: directory)
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("/nonexistent/lean"))
    }

    /// A REPL command that exits at once (a REPL built for another toolchain, a missing library) made
    /// doctor say "the input probably crashes Lean" and exit 1: it is a setup problem, exit 2, with the
    /// command's own stderr and what to try.
    @Test func doctorWithAREPLThatExitsAtOnceSaysItIsNotSetUp() async throws {
        let directory = try CLIRunner.temporaryDirectory()
        let script = directory.appendingPathComponent("broken-repl.sh")
        try ExecutableScript.write("#!/bin/sh\necho 'error while loading shared libraries: libleanshared.so' >&2\nexit 127\n", to: script)
        for command in [script.path, "/bin/false"] {
            let result = try await CLIRunner.run(["doctor", "--lean-repl", command], in: directory)
            #expect(result.exitCode == 2, "stderr: \(result.stderr)")
            #expect(result.stderr.contains("does not answer a trivial request"), "stderr: \(result.stderr)")
            #expect(result.stderr.contains("run it in a terminal"), "stderr: \(result.stderr)")
            #expect(!result.stderr.contains("the input probably crashes Lean"), "stderr: \(result.stderr)")
            #expect(!result.stdout.contains("Lean is ready."))
        }
    }

    @Test func doctorRunsOneRealCheck() async throws {
        let directory = try CLIRunner.temporaryDirectory()
        let repl = try CLIRunner.fakeREPLCommand(rules: Self.rules, in: directory)
        let result = try await CLIRunner.run(["doctor", "--lean-repl", repl], in: directory)
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("→ accepted"))
        #expect(result.stdout.contains("Lean is ready."))
    }

    @Test func verifyAcceptsAndRejectsWithExitCodes() async throws {
        let directory = try CLIRunner.temporaryDirectory()
        let repl = try CLIRunner.fakeREPLCommand(rules: Self.rules, in: directory)
        try "theorem add_comm' (a b : Nat) : a + b = b + a := by\n".write(
            to: directory.appendingPathComponent("statement.lean"), atomically: true, encoding: .utf8)
        try "omega".write(to: directory.appendingPathComponent("good.lean"), atomically: true, encoding: .utf8)
        try "-- no sorry here\nsorry".write(to: directory.appendingPathComponent("bad.lean"), atomically: true, encoding: .utf8)

        let good = try await CLIRunner.run(
            ["verify", "--statement", "statement.lean", "--proof", "good.lean", "--lean-repl", repl, "--json"], in: directory)
        #expect(good.exitCode == 0, "stderr: \(good.stderr)")
        let object = try #require(
            JSONSerialization.jsonObject(with: Data(good.stdout.utf8)) as? [String: Any])
        #expect(object["status"] as? String == "accepted")
        #expect(Set(object.keys).isSuperset(of: ["id", "status", "reason", "axioms", "errors", "elapsed_ms"]))

        let bad = try await CLIRunner.run(
            ["verify", "--statement", "statement.lean", "--proof", "bad.lean", "--lean-repl", repl], in: directory)
        #expect(bad.exitCode == 1)
        #expect(bad.stdout.hasPrefix("tampered"))

        let fromStdin = try await CLIRunner.run(
            ["verify", "--statement", "statement.lean", "--proof", "-", "--lean-repl", repl], in: directory,
            stdin: "decide")
        #expect(fromStdin.exitCode == 1)
        #expect(fromStdin.stdout.hasPrefix("rejected"))
        #expect(fromStdin.stdout.contains("failed to synthesize Decidable"))
    }

    @Test func verifyBatchPrintsOneVerdictPerLineInOrder() async throws {
        let directory = try CLIRunner.temporaryDirectory()
        let repl = try CLIRunner.fakeREPLCommand(rules: Self.rules, in: directory)
        let statement = "theorem t (a b : Nat) : a + b = b + a := by"
        let lines = [
            #"{"id": "ok", "header": "", "statement": "\#(statement)", "proof": "omega"}"#,
            #"{"id": "hostile", "header": "", "statement": "\#(statement)", "proof": "exact sorryAx _"}"#,
            #"{"id": 7, "statement": "\#(statement)", "proof": "decide"}"#,
            #"{"id": "ok2", "header": "", "statement": "theorem u (n : Nat) : n + 0 = n := by", "proof": "simp"}"#,
        ]
        try (lines.joined(separator: "\n") + "\n").write(
            to: directory.appendingPathComponent("batch.jsonl"), atomically: true, encoding: .utf8)
        let result = try await CLIRunner.run(
            ["verify", "--batch", "batch.jsonl", "--lean-repl", repl, "--workers", "2"], in: directory)
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let verdicts = try result.stdoutLines.map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(verdicts.map { $0["id"] as? String } == ["ok", "hostile", "7", "ok2"])
        #expect(verdicts.map { $0["status"] as? String } == ["accepted", "tampered", "rejected", "accepted"])
    }

    @Test func verifyBatchReportsMalformedLinesAndKeepsTheRest() async throws {
        let directory = try CLIRunner.temporaryDirectory()
        let repl = try CLIRunner.fakeREPLCommand(rules: Self.rules, in: directory)
        let text = """
            {"id": "a", "statement": "theorem u (n : Nat) : n + 0 = n := by", "proof": "simp"}
            {"id": "b", "statement": 
            {"id": "c", "proof": "simp"}
            {"id": "d", "statement": "theorem u (n : Nat) : n + 0 = n := by", "proof": "simp"}

            """
        try text.write(to: directory.appendingPathComponent("batch.jsonl"), atomically: true, encoding: .utf8)
        let result = try await CLIRunner.run(["verify", "--batch", "batch.jsonl", "--lean-repl", repl], in: directory)
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("batch.jsonl:2"))
        #expect(result.stderr.contains("batch.jsonl:3: missing key \"statement\""))
        #expect(result.stdoutLines.count == 2)
    }

    @Test func verifyNamesAMissingInputFileAndABadConfigurationLikeTheOtherCommands() async throws {
        let directory = try CLIRunner.temporaryDirectory()
        let repl = try CLIRunner.fakeREPLCommand(rules: Self.rules, in: directory)
        try "simp".write(to: directory.appendingPathComponent("proof.lean"), atomically: true, encoding: .utf8)
        let missing = try await CLIRunner.run(
            ["verify", "--statement", "missing.lean", "--proof", "proof.lean", "--lean-repl", repl], in: directory)
        #expect(missing.exitCode == 66)
        #expect(missing.stderr.hasPrefix("verify: --statement missing.lean"))
        #expect(!missing.stderr.contains("Usage:"), "no unrelated usage text: \(missing.stderr)")

        try "[lean]\nbogus = 1\n".write(to: directory.appendingPathComponent("bad.toml"), atomically: true, encoding: .utf8)
        let badConfig = try await CLIRunner.run(
            ["verify", "--statement", "proof.lean", "--proof", "proof.lean", "--config", "bad.toml"], in: directory)
        #expect(badConfig.exitCode == 2)
        #expect(badConfig.stderr.hasPrefix("verify: "))
        #expect(badConfig.stderr.contains("bogus"))
    }

    @Test func verifyRejectsContradictoryFlags() async throws {
        let directory = try CLIRunner.temporaryDirectory()
        let result = try await CLIRunner.run(["verify", "--batch", "x.jsonl", "--proof", "p.lean"], in: directory)
        #expect(result.exitCode != 0)
        #expect(result.stderr.contains("--batch cannot be combined"))
    }
}
