import Foundation
import LeanPlayTestSupport
import Testing

/// `leanplay selfplay`, `prove`, `report`, `export` and `formalize`, run as a user would.
@Suite("CLI: self-play, ledger commands, formalize", .enabled(if: CLIRunner.isBuilt))
struct SelfPlayCLITests {
    static let rules = """
        {"rules": [
          {"proof_equals": "omega", "statement_contains": "+ 0", "result": "ok", "axioms": []},
          {"proof_equals": "decide", "statement_contains": "2 ^ 3", "result": "ok", "axioms": []},
          {"proof_equals": "decide", "statement_contains": "¬", "result": "error", "message": "decide failed"}
        ]}
        """

    static let corpus = [
        #"{"id": "add_zero", "informal": "n + 0 = n", "formal_statement": "theorem add_zero' (n : Nat) : n + 0 = n := by", "header": ""}"#,
        #"{"id": "pow", "informal": "2^3 = 8", "formal_statement": "theorem pow_three : 2 ^ 3 = 8 := by", "header": ""}"#,
        #"{"id": "lt", "informal": "a < b gives a + 1 ≤ b", "formal_statement": "theorem lt_succ (a b : Nat) (h : a < b) : a + 1 ≤ b := by", "header": ""}"#,
        #"{"id": "mul", "informal": "3 * n ≥ n", "formal_statement": "theorem mul_ge (n : Nat) (h : 1 ≤ n) : n ≤ 3 * n := by", "header": ""}"#,
        #"{"id": "nl_only", "informal": "Show that the sum of two even numbers is even."}"#,
    ].joined(separator: "\n") + "\n"

    /// A directory with the corpus and a `--lean-repl` command for the fake REPL with `extraFlags`.
    static func workspace(extraFlags: String = "") throws -> (URL, String) {
        let directory = try CLIRunner.temporaryDirectory()
        try corpus.write(to: directory.appendingPathComponent("corpus.jsonl"), atomically: true, encoding: .utf8)
        let repl = try CLIRunner.fakeREPLCommand(rules: rules, in: directory) + extraFlags
        return (directory, repl)
    }

    static func selfPlayArguments(db: String, repl: String, rounds: Int = 2) -> [String] {
        ["selfplay", "--db", db, "--corpus", "corpus.jsonl", "--rounds", String(rounds), "--queue-limit", "8",
         "--lean-repl", repl, "--workers", "2", "--prompts", SharedFixtures.promptsDirectory.path]
    }

    /// `report --json` lines keyed by formalization id, with the fields that must match between runs.
    static func ledgerState(_ db: String, in directory: URL) async throws -> [String: String] {
        let report = try await CLIRunner.run(["report", "--db", db, "--json"], in: directory)
        #expect(report.exitCode == 0, "stderr: \(report.stderr)")
        var state: [String: String] = [:]
        for line in report.stdoutLines {
            let object = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let id = try #require(object["formalization_id"] as? String)
            state[id] = "\(object["status"] ?? "")|\(object["attempts"] ?? "")|\(object["flags"] ?? "")|\(object["budget_level"] ?? "")"
        }
        return state
    }

    @Test func selfPlayRunsWithoutAModelAndTheLedgerCommandsReadIt() async throws {
        let (directory, repl) = try Self.workspace()
        let run = try await CLIRunner.run(Self.selfPlayArguments(db: "run.sqlite", repl: repl), in: directory)
        #expect(run.exitCode == 0, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("no model configured"))
        #expect(run.stdout.contains("round 1:"))
        #expect(run.stdout.contains("round 2:"))

        let state = try await Self.ledgerState("run.sqlite", in: directory)
        #expect(state.count >= 4)
        #expect(state.values.filter { $0.hasPrefix("proved|") }.count >= 2)

        let again = try await CLIRunner.run(Self.selfPlayArguments(db: "run.sqlite", repl: repl), in: directory)
        #expect(again.exitCode == 0)
        #expect(again.stdout.contains("already has 2 finished self-play round(s)"))
        #expect(try await Self.ledgerState("run.sqlite", in: directory) == state)

        let export = try await CLIRunner.run(["export", "--db", "run.sqlite", "--kind", "sft", "--out", "sft.jsonl"], in: directory)
        #expect(export.exitCode == 0, "stderr: \(export.stderr)")
        let sft = try String(contentsOf: directory.appendingPathComponent("sft.jsonl"), encoding: .utf8)
        let first = try #require(sft.split(separator: "\n").first)
        let object = try #require(JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        #expect((object["messages"] as? [[String: Any]])?.last?["role"] as? String == "assistant")

        let badKind = try await CLIRunner.run(["export", "--db", "run.sqlite", "--kind", "nope", "--out", "x"], in: directory)
        #expect(badKind.exitCode != 0)
        #expect(badKind.stderr.contains("sft"))

        let missing = try await CLIRunner.run(["report", "--db", "missing.sqlite"], in: directory)
        #expect(missing.exitCode != 0)
        #expect(missing.stderr.contains("no such ledger"))

        let human = try await CLIRunner.run(["report", "--db", "run.sqlite"], in: directory)
        #expect(human.stdout.contains("round  kind      attempts"))
    }

    /// kill -9 in the middle of a round, rerun the same command: the ledger ends exactly where a run that
    /// was never interrupted ends — no attempt lost, none counted twice.
    @Test func killNineThenRerunEqualsACleanRun() async throws {
        let (directory, repl) = try Self.workspace()
        let clean = try await CLIRunner.run(Self.selfPlayArguments(db: "clean.sqlite", repl: repl), in: directory)
        #expect(clean.exitCode == 0, "stderr: \(clean.stderr)")
        let cleanState = try await Self.ledgerState("clean.sqlite", in: directory)

        // The same job with a slow Lean, killed once attempts are being recorded.
        let slowRepl = repl + " --delay-ms 15"
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = Self.selfPlayArguments(db: "killed.sqlite", repl: slowRepl)
        process.currentDirectoryURL = directory
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now + .seconds(20)
        var sawAttempts = false
        while ContinuousClock.now < deadline, process.isRunning {
            try await Task.sleep(for: .milliseconds(150))
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("killed.sqlite").path),
               let state = try? await Self.ledgerState("killed.sqlite", in: directory),
               state.values.contains(where: { !$0.contains("|0|") }) {
                sawAttempts = true
                break
            }
        }
        #expect(sawAttempts, "the slow run recorded no attempt before the deadline")
        #expect(process.isRunning, "the slow run finished before it could be killed; slow it down further")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let resumed = try await CLIRunner.run(Self.selfPlayArguments(db: "killed.sqlite", repl: repl), in: directory)
        #expect(resumed.exitCode == 0, "stderr: \(resumed.stderr)")
        #expect(try await Self.ledgerState("killed.sqlite", in: directory) == cleanState)
    }

    @Test func variantsSendsTheConfiguredTemperatureAndMaxTokens() async throws {
        let (directory, repl) = try Self.workspace()
        let server = try LoopbackModelServer { request in .completion(answering: request) { _ in "no variants here" } }
        defer { server.stop() }
        try """
            [models.default]
            base_url = "\(server.baseURL.absoluteString)"
            model = "m"
            temperature = 0.25
            max_tokens = 321
            """.write(to: directory.appendingPathComponent("models.toml"), atomically: true, encoding: .utf8)
        try "theorem v (n : Nat) (h : 0 < n) : n + 0 = n := by\n".write(
            to: directory.appendingPathComponent("v.lean"), atomically: true, encoding: .utf8)
        let result = try await CLIRunner.run(
            ["variants", "--statement", "v.lean", "--count", "8", "--out", "v.jsonl", "--config", "models.toml",
             "--lean-repl", repl, "--prompts", SharedFixtures.promptsDirectory.path, "--no-cache"],
            in: directory)
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let bodies = server.requests.compactMap(\.chat)
        #expect(!bodies.isEmpty, "the variant templates were asked")
        #expect(bodies.allSatisfy { $0.temperature == 0.25 && $0.maxTokens == 321 })
    }

    @Test func formalizeWritesDistinctValidatedStatementsAndResumes() async throws {
        let (directory, repl) = try Self.workspace()
        let server = try LoopbackModelServer { request in
            .completion(answering: request) { _ in
                "Here it is:\n```lean\ntheorem even_sum (a b : Nat) (ha : a % 2 = 0) (hb : b % 2 = 0) : (a + b) % 2 = 0 := by\n  sorry\n```"
            }
        }
        defer { server.stop() }
        let arguments = [
            "formalize", "corpus.jsonl", "--samples", "2", "--out", "out.jsonl", "--limit", "2",
            "--llm-base-url", server.baseURL.absoluteString, "--llm-model", "test-model", "--api-key-env", "LP_TEST_KEY",
            "--lean-repl", repl, "--prompts", SharedFixtures.promptsDirectory.path, "--no-cache",
        ]
        let secret = "sk-leanplay-test-secret-0123456789"
        let first = try await CLIRunner.run(arguments, in: directory, environment: ["LP_TEST_KEY": secret])
        #expect(first.exitCode == 0, "stderr: \(first.stderr)")
        let text = try String(contentsOf: directory.appendingPathComponent("out.jsonl"), encoding: .utf8)
        let records = try text.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(records.count == 2)
        for record in records {
            #expect(Set(record.keys) == ["problem_id", "formalization_id", "statement", "status", "lean_error", "sample_count", "provenance", "request_error", "header", "repaired_from"])
            #expect(record["status"] as? String == "well_formed")
            #expect(record["sample_count"] as? Int == 2)
        }
        #expect(server.requests.allSatisfy { $0.authorization == "Bearer \(secret)" })
        #expect(!text.contains(secret) && !first.stdout.contains(secret) && !first.stderr.contains(secret))

        let requestsBefore = server.requestCount
        let second = try await CLIRunner.run(arguments, in: directory, environment: ["LP_TEST_KEY": secret])
        #expect(second.exitCode == 0)
        #expect(server.requestCount == requestsBefore, "a rerun must skip finished problems")
        #expect(second.stdout.contains("2 already done"))
    }

    @Test func selfPlayWithAModelReportsTokensPerRole() async throws {
        let (directory, repl) = try Self.workspace()
        let server = try LoopbackModelServer { request in
            .completion(answering: request) { _ in "```lean\ntheorem even_add (a b : Nat) (ha : a % 2 = 0) (hb : b % 2 = 0) : (a + b) % 2 = 0 := by\n  omega\n```" }
        }
        defer { server.stop() }
        let result = try await CLIRunner.run(
            Self.selfPlayArguments(db: "run.sqlite", repl: repl, rounds: 1)
                + ["--llm-base-url", server.baseURL.absoluteString, "--llm-model", "m", "--no-cache"],
            in: directory)
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(server.requestCount > 0)
        #expect(result.stdout.contains("model tokens prompt/completion:"))
        #expect(result.stdout.contains("formalizer"), "the problem without a formal statement is formalized by the model")
    }

    @Test func withoutLeanSelfPlayExplainsAndWritesNothing() async throws {
        let (directory, _) = try Self.workspace()
        let result = try await CLIRunner.run(
            ["selfplay", "--db", "run.sqlite", "--corpus", "corpus.jsonl", "--lean-project", "/nonexistent/lean"],
            in: directory)
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("elan"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("run.sqlite").path))
    }

    @Test func formalizeWithoutAModelSaysHowToConfigureOne() async throws {
        let (directory, repl) = try Self.workspace()
        let result = try await CLIRunner.run(
            ["formalize", "corpus.jsonl", "--out", "out.jsonl", "--lean-repl", repl], in: directory)
        #expect(result.exitCode != 0)
        #expect(result.stderr.contains("--llm-base-url"))
    }

    @Test func aMissingAPIKeyVariableIsNamedNotGuessed() async throws {
        let (directory, repl) = try Self.workspace()
        let server = try LoopbackModelServer { request in .completion(answering: request) { _ in "no code" } }
        defer { server.stop() }
        let result = try await CLIRunner.run(
            ["formalize", "corpus.jsonl", "--out", "out.jsonl", "--limit", "1", "--samples", "1",
             "--llm-base-url", server.baseURL.absoluteString, "--llm-model", "m", "--api-key-env", "LP_UNSET_KEY",
             "--lean-repl", repl, "--prompts", SharedFixtures.promptsDirectory.path, "--no-cache"],
            in: directory)
        #expect(result.exitCode != 0)
        #expect(result.stderr.contains("LP_UNSET_KEY"))
        #expect(server.requestCount == 0)
    }
}
