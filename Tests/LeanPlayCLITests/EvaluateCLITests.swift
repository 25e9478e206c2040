import Foundation
import LeanPlayTestSupport
import Testing

/// `leanplay evaluate` on the built binary, against the fake REPL and the loopback model server.
@Suite("CLI: evaluate", .enabled(if: CLIRunner.isBuilt))
struct EvaluateCLITests {
    /// Lean accepts exactly: `norm_num` for p_a, `omega` for p_b, `exact p_c_lemma` for p_c; everything else fails (unsolved goals).
    static let rules = """
        {"rules": [
          {"proof_equals": "norm_num", "statement_contains": "1 + 1 = 2", "result": "ok", "axioms": []},
          {"proof_equals": "omega", "statement_contains": "n + 0 = n", "result": "ok", "axioms": []},
          {"proof_equals": "exact p_c_lemma", "statement_contains": "2 ^ 3 = 8", "result": "ok", "axioms": []}
        ]}
        """

    static let statements = [
        "p_a": "theorem p_a : 1 + 1 = 2 := by",
        "p_b": "theorem p_b (n : Nat) : n + 0 = n := by",
        "p_c": "theorem p_c : 2 ^ 3 = 8 := by",
    ]

    /// What the model answers for sample i (0-based) of each problem; nil answers HTTP 400.
    static let answers: [String: [String?]] = [
        "p_a": ["simp", "norm_num", "simp", "norm_num"],
        "p_b": ["rfl", "rfl", "omega", "simp"],
        "p_c": ["simp", "simp", "simp", "simp"],
    ]

    static let bench = [
        #"{"id": "p_a", "informal": "", "formal_statement": "theorem p_a : 1 + 1 = 2 := by", "header": "", "tags": ["split:test"]}"#,
        #"{"id": "p_b", "informal": "", "formal_statement": "theorem p_b (n : Nat) : n + 0 = n := by", "header": "", "tags": ["split:test"]}"#,
        #"{"id": "p_c", "informal": "", "formal_statement": "theorem p_c : 2 ^ 3 = 8 := by", "header": "", "tags": ["split:valid"]}"#,
        #"{"id": "nl_only", "informal": "Show that the sum of two even numbers is even."}"#,
        #"{"id": "broken", "informal": "#,
    ].joined(separator: "\n") + "\n"

    static func workspace() throws -> (URL, String) {
        let directory = try CLIRunner.temporaryDirectory()
        try bench.write(to: directory.appendingPathComponent("bench.jsonl"), atomically: true, encoding: .utf8)
        return (directory, try CLIRunner.fakeREPLCommand(rules: rules, in: directory))
    }

    /// The seed the prover sends for sample `index` of `id` (FNV-1a of its attempt key, as in Prover).
    static func seed(id: String, index: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "r\(index + 1)/\(id)/prove/whole_proof/s0".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return Int(truncatingIfNeeded: hash & 0x7FFF_FFFF)
    }

    /// A model server answering from `answers` by problem and sample index (found from the request's seed).
    static func server(_ answers: [String: [String?]] = answers) throws -> LoopbackModelServer {
        var bySeed: [Int: (String, String?)] = [:]
        for (id, list) in answers {
            for (index, answer) in list.enumerated() { bySeed[seed(id: id, index: index)] = (id, answer) }
        }
        let table = bySeed
        return try LoopbackModelServer { request in
            let body = (try? JSONSerialization.jsonObject(with: request.body)) as? [String: Any]
            guard let seed = body?["seed"] as? Int, let (id, answer) = table[seed] else { return .serverError(500) }
            guard let answer else { return .json(#"{"error": {"message": "bad request"}}"#, status: 400) }
            return .completion(texts: ["```lean4\n\(statements[id]!)\n  \(answer)\n```"])
        }
    }

    static func arguments(out: String, repl: String, server: LoopbackModelServer?, extra: [String] = []) -> [String] {
        var arguments = ["evaluate", "bench.jsonl", "--out", out, "--lean-repl", repl, "--workers", "2", "--concurrency", "4",
                         "--prompts", SharedFixtures.promptsDirectory.path]
        if let server {
            arguments += ["--llm-base-url", server.baseURL.absoluteString, "--llm-model", "m", "--samples", "4", "--k", "1,2,4"]
        }
        return arguments + extra
    }

    static func json(_ url: URL) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    static func results(_ url: URL) throws -> [String: [String: Any]] {
        let text = try String(contentsOf: url, encoding: .utf8)
        var byID: [String: [String: Any]] = [:]
        for line in text.split(separator: "\n") {
            let object = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            byID[object["problem_id"] as! String] = object
        }
        return byID
    }

    static func close(_ value: Any?, _ expected: Double) -> Bool {
        guard let number = value as? Double else { return false }
        return abs(number - expected) < 1e-9
    }

    @Test func earlyExitGivesExactPassAtKAndResumesForFree() async throws {
        let (directory, repl) = try Self.workspace()
        let server = try Self.server()
        defer { server.stop() }
        let arguments = Self.arguments(out: "out", repl: repl, server: server)
        let run = try await CLIRunner.run(arguments, in: directory)
        #expect(run.exitCode == 0, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("bench.jsonl:5:"), "the malformed line is named file:line")

        let out = directory.appendingPathComponent("out")
        let results = try Self.results(out.appendingPathComponent("results.jsonl"))
        #expect(results.count == 3)
        #expect(results["p_a"]?["first_success"] as? Int == 2 && results["p_a"]?["samples"] as? Int == 2)
        #expect(results["p_b"]?["first_success"] as? Int == 3 && results["p_b"]?["proof"] as? String == "omega")
        #expect(results["p_c"]?["status"] as? String == "unproved" && results["p_c"]?["first_success"] is NSNull)
        #expect(results["p_c"]?["samples"] as? Int == 4 && results["p_c"]?["lean_checks"] as? Int == 1,
                "four identical samples: one Lean check")

        let summary = try Self.json(out.appendingPathComponent("summary.json"))
        #expect(summary["estimator"] as? String == "early_exit")
        let pass = try #require(summary["pass_at_k"] as? [String: Any])
        #expect(Self.close(pass["1"], 0) && Self.close(pass["2"], 1.0 / 3) && Self.close(pass["4"], 2.0 / 3))
        #expect(summary["skipped"] as? Int == 1 && (summary["skipped_problems"] as? [String]) == ["nl_only"])
        #expect((summary["malformed_lines"] as? [String])?.first?.contains("bench.jsonl:5") == true)
        let test = try #require((summary["by_split"] as? [String: Any])?["test"] as? [String: Any])
        #expect(Self.close((test["pass_at_k"] as? [String: Any])?["4"], 1))
        #expect(run.stdout.contains("overall") && run.stdout.contains("pass@4") && run.stdout.contains("0.667"))

        let requests = server.requestCount
        let again = try await CLIRunner.run(arguments, in: directory)
        #expect(again.exitCode == 0, "stderr: \(again.stderr)")
        #expect(server.requestCount == requests, "a resumed evaluation sends no model request")
        #expect(again.stdout.contains("resumed: 3"))
        #expect(try Self.json(out.appendingPathComponent("summary.json"))["pass_at_k"] as? [String: Double]
                == summary["pass_at_k"] as? [String: Double])

        let changed = try await CLIRunner.run(Self.arguments(out: "out", repl: repl, server: server, extra: ["--all-samples"]),
                                              in: directory)
        #expect(changed.exitCode != 0)
        #expect(changed.stderr.contains("different configuration") && changed.stderr.contains("all_samples"))
        #expect(server.requestCount == requests)
    }

    @Test func allSamplesUsesTheUnbiasedEstimator() async throws {
        let (directory, repl) = try Self.workspace()
        let server = try Self.server()
        defer { server.stop() }
        let run = try await CLIRunner.run(Self.arguments(out: "all", repl: repl, server: server, extra: ["--all-samples"]), in: directory)
        #expect(run.exitCode == 0, "stderr: \(run.stderr)")
        let out = directory.appendingPathComponent("all")
        let results = try Self.results(out.appendingPathComponent("results.jsonl"))
        #expect(results["p_a"]?["correct"] as? Int == 2 && results["p_a"]?["samples"] as? Int == 4)
        #expect(results["p_a"]?["lean_checks"] as? Int == 2, "duplicates take the earlier verdict")
        #expect(results["p_b"]?["correct"] as? Int == 1 && results["p_b"]?["first_success"] as? Int == 3)
        let summary = try Self.json(out.appendingPathComponent("summary.json"))
        #expect(summary["estimator"] as? String == "unbiased")
        let pass = try #require(summary["pass_at_k"] as? [String: Any])
        // p_a n=4 c=2: 1/2, 5/6, 1; p_b n=4 c=1: 1/4, 1/2, 1; p_c: 0.
        #expect(Self.close(pass["1"], 0.25) && Self.close(pass["2"], 4.0 / 9) && Self.close(pass["4"], 2.0 / 3))
    }

    @Test func aRejectedRequestFailsOnlyItsSample() async throws {
        let (directory, repl) = try Self.workspace()
        var answers = Self.answers
        answers["p_a"] = ["simp", nil, "simp", "norm_num"]
        let server = try Self.server(answers)
        defer { server.stop() }
        let run = try await CLIRunner.run(Self.arguments(out: "e", repl: repl, server: server, extra: ["--all-samples", "--no-cache"]),
                                          in: directory)
        #expect(run.exitCode == 0, "stderr: \(run.stderr)")
        let results = try Self.results(directory.appendingPathComponent("e/results.jsonl"))
        let a = try #require(results["p_a"])
        #expect(a["status"] as? String == "proved" && a["samples"] as? Int == 4 && a["correct"] as? Int == 1)
        #expect(a["first_success"] as? Int == 4)
        let errors = try #require(a["errors"] as? [String])
        #expect(errors.count == 1 && errors[0].hasPrefix("sample 2:") && errors[0].contains("400"))
    }

    @Test func automationRunsWithoutAModel() async throws {
        let (directory, repl) = try Self.workspace()
        let run = try await CLIRunner.run(Self.arguments(out: "auto", repl: repl, server: nil, extra: ["--strategy", "automation"]),
                                          in: directory)
        #expect(run.exitCode == 0, "stderr: \(run.stderr)")
        let out = directory.appendingPathComponent("auto")
        let results = try Self.results(out.appendingPathComponent("results.jsonl"))
        // The portfolio tries rfl, decide, norm_num, simp, omega, …: norm_num closes p_a, omega p_b.
        #expect(results["p_a"]?["proof"] as? String == "norm_num")
        #expect(results["p_b"]?["proof"] as? String == "omega")
        #expect(results["p_c"]?["status"] as? String == "unproved")
        let summary = try Self.json(out.appendingPathComponent("summary.json"))
        #expect(summary["strategy"] as? String == "automation" && summary["model"] is NSNull && summary["samples"] as? Int == 1)
        #expect(Self.close((summary["pass_at_k"] as? [String: Any])?["1"], 2.0 / 3))

        try "p_c\nunknown_id\n".write(to: directory.appendingPathComponent("ids.txt"), atomically: true, encoding: .utf8)
        let byIDs = try await CLIRunner.run(Self.arguments(out: "ids", repl: repl, server: nil, extra: ["--ids", "ids.txt"]), in: directory)
        #expect(byIDs.exitCode == 0 && byIDs.stderr.contains("unknown_id"))
        #expect(try Self.results(directory.appendingPathComponent("ids/results.jsonl")).keys.sorted() == ["p_c"])
        let bySplit = try await CLIRunner.run(Self.arguments(out: "split", repl: repl, server: nil, extra: ["--split", "test", "--limit", "1"]),
                                              in: directory)
        #expect(bySplit.exitCode == 0)
        #expect(try Self.results(directory.appendingPathComponent("split/results.jsonl")).keys.sorted() == ["p_a"])

        let needsModel = try await CLIRunner.run(Self.arguments(out: "x", repl: repl, server: nil, extra: ["--strategy", "search"]),
                                                 in: directory)
        #expect(needsModel.exitCode != 0 && needsModel.stderr.contains("needs a model"))
    }

    /// `--strategy automation` with `[search] automation = []` would report pass@k = 0 for every problem
    /// after spending nothing: it is refused as a configuration that cannot work, and nothing is written.
    @Test func automationWithAnEmptyPortfolioIsRefused() async throws {
        let (directory, repl) = try Self.workspace()
        try "[search]\nautomation = []\n".write(to: directory.appendingPathComponent("empty.toml"), atomically: true, encoding: .utf8)
        let run = try await CLIRunner.run(Self.arguments(out: "none", repl: repl, server: nil, extra: ["--config", "empty.toml"]),
                                          in: directory)
        #expect(run.exitCode == 2, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("[search] automation"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("none").path))
    }

    @Test func withoutLeanItStopsAtOnceAndWritesNothing() async throws {
        let (directory, _) = try Self.workspace()
        let run = try await CLIRunner.run(["evaluate", "bench.jsonl", "--out", "out"], in: directory)
        #expect(run.exitCode == 2, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("evaluate:") && run.stderr.lowercased().contains("lean"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out").path))
    }

    @Test func compareShowsWinsLossesAndDeltas() async throws {
        let (directory, repl) = try Self.workspace()
        var answers = Self.answers
        answers["p_a"] = ["simp", "simp", "simp", "simp"]
        answers["p_c"] = ["exact p_c_lemma", "simp", "simp", "simp"]
        let server = try Self.server(answers)
        defer { server.stop() }
        let automation = try await CLIRunner.run(Self.arguments(out: "a", repl: repl, server: nil), in: directory)
        #expect(automation.exitCode == 0, "stderr: \(automation.stderr)")
        let model = try await CLIRunner.run(Self.arguments(out: "b", repl: repl, server: server, extra: ["--no-cache"]), in: directory)
        #expect(model.exitCode == 0, "stderr: \(model.stderr)")

        let report = try await CLIRunner.run(["report", "--compare", "a", "b", "--json"], in: directory)
        #expect(report.exitCode == 0, "stderr: \(report.stderr)")
        let object = try #require(JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        #expect(object["wins"] as? [String] == ["p_c"] && object["losses"] as? [String] == ["p_a"])
        #expect(object["both_proved"] as? [String] == ["p_b"])
        // A (automation): pass@1 = 2/3; B: only p_c at sample 1, so pass@1 = 1/3.
        #expect(Self.close((object["pass_at_k_delta"] as? [String: Any])?["1"], -1.0 / 3))

        let table = try await CLIRunner.run(["report", "--compare", "a", "b"], in: directory)
        #expect(table.exitCode == 0 && table.stdout.contains("wins (B only): 1: p_c") && table.stdout.contains("-0.333"))
        let missing = try await CLIRunner.run(["report", "--compare", "a", "nowhere"], in: directory)
        #expect(missing.exitCode != 0 && missing.stderr.contains("summary.json"))
    }

    @Test func exportStepsFromLeanDojo() async throws {
        let directory = try CLIRunner.temporaryDirectory()
        try LeanDojoFixture.json.write(to: directory.appendingPathComponent("train.json"), atomically: true, encoding: .utf8)
        let run = try await CLIRunner.run(
            ["export", "--kind", "steps", "--from-leandojo", "train.json", "--val", "1", "--limit", "2", "--out", "steps.jsonl",
             "--prompts", SharedFixtures.promptsDirectory.path], in: directory)
        #expect(run.exitCode == 0, "stderr: \(run.stderr)")
        let train = try String(contentsOf: directory.appendingPathComponent("steps.jsonl"), encoding: .utf8).split(separator: "\n")
        let val = try String(contentsOf: directory.appendingPathComponent("steps.val.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(train.count == 2 && val.count == 2)
        let line = try #require(JSONSerialization.jsonObject(with: Data(train[0].utf8)) as? [String: Any])
        let messages = try #require(line["messages"] as? [[String: String]])
        #expect(messages.last?["content"] == "```lean4\ncases l with\n| nil => simp at h\n| cons a t => rfl\n```")
        #expect(messages[1]["content"]?.contains("h : l ≠ []") == true)
        #expect(run.stdout.contains("2 steps lines written"))

        let wrongKind = try await CLIRunner.run(["export", "--kind", "sft", "--from-leandojo", "train.json", "--out", "x.jsonl"], in: directory)
        #expect(wrongKind.exitCode != 0 && wrongKind.stderr.contains("--kind steps"))
        try "[{\"full_name\": 3}]".write(to: directory.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
        let bad = try await CLIRunner.run(["export", "--kind", "steps", "--from-leandojo", "bad.json", "--out", "y.jsonl",
                                           "--prompts", SharedFixtures.promptsDirectory.path], in: directory)
        #expect(bad.exitCode != 0 && bad.stderr.contains("bad.json") && bad.stderr.contains("theorem 1"))
    }

    @Test func searchAttemptsAreSamples() async throws {
        let directory = try CLIRunner.temporaryDirectory()
        try Self.bench.write(to: directory.appendingPathComponent("bench.jsonl"), atomically: true, encoding: .utf8)
        let rules = """
            {"rules": [{"proof_contains": "exact Nat.add_zero n", "statement_contains": "n + 0 = n", "result": "ok", "axioms": []}],
             "tactics": [{"goal_contains": "n + 0 = n", "tactic": "exact Nat.add_zero n", "goals": []}]}
            """
        let repl = try CLIRunner.fakeREPLCommand(rules: rules, in: directory)
        let server = try LoopbackModelServer { request in
            .completion(answering: request) { _ in "```lean4\nexact Nat.add_zero n\n```" }
        }
        defer { server.stop() }
        let run = try await CLIRunner.run(
            ["evaluate", "bench.jsonl", "--out", "search", "--strategy", "search", "--samples", "2", "--search-expansions", "4",
             "--tactics-per-expansion", "1", "--lean-repl", repl, "--workers", "1", "--prompts", SharedFixtures.promptsDirectory.path,
             "--llm-base-url", server.baseURL.absoluteString, "--llm-model", "m", "--no-cache"], in: directory)
        #expect(run.exitCode == 0, "stderr: \(run.stderr)")
        let results = try Self.results(directory.appendingPathComponent("search/results.jsonl"))
        #expect(results["p_b"]?["status"] as? String == "proved" && results["p_b"]?["first_success"] as? Int == 1)
        #expect(results["p_b"]?["proof"] as? String == "exact Nat.add_zero n", "the search's steps composed into one proof, as Lean layout")
        #expect(results["p_c"]?["status"] as? String == "unproved" && results["p_c"]?["samples"] as? Int == 2)
        #expect(server.requestCount > 0)
    }
}
