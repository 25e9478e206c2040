import Foundation
import LeanPlay
import LeanPlayTestSupport
import Testing

/// `leanplay evaluate --db`: two processes at once on one bench and one ledger, on the built binary with
/// the fake REPL and the loopback model server. Both write the same results and summary, equal to a
/// single process's, with no model request made twice; a rerun costs nothing.
@Suite("CLI: evaluate --db (peers)", .enabled(if: CLIRunner.isBuilt))
struct EvaluatePeersCLITests {
    static let statements = EvaluateCLITests.statements.merging([
        "p_d": "theorem p_d : 1 + 1 = 2 := by",
        "p_e": "theorem p_e (n : Nat) : n + 0 = n := by",
        "p_f": "theorem p_f : 2 ^ 3 = 8 := by",
    ]) { $1 }

    /// Sample answers: first successes at 2, 3, never, 1, 4, 2.
    static let answers = EvaluateCLITests.answers.merging([
        "p_d": ["norm_num", "simp", "simp", "simp"],
        "p_e": ["rfl", "simp", "rfl", "omega"],
        "p_f": ["simp", "exact p_c_lemma", "simp", "simp"],
    ]) { $1 }

    static let bench = (["p_a", "p_b", "p_c", "p_d", "p_e", "p_f"].map { id in
        #"{"id": "\#(id)", "informal": "", "formal_statement": "\#(statements[id]!)", "header": "", "tags": ["split:test"]}"#
    } + [#"{"id": "nl_only", "informal": "Show that the sum of two even numbers is even."}"#]).joined(separator: "\n") + "\n"

    static func server() throws -> LoopbackModelServer {
        var bySeed: [Int: (String, String?)] = [:]
        for (id, list) in answers {
            for (index, answer) in list.enumerated() { bySeed[EvaluateCLITests.seed(id: id, index: index)] = (id, answer) }
        }
        let table = bySeed
        return try LoopbackModelServer { request in
            let body = (try? JSONSerialization.jsonObject(with: request.body)) as? [String: Any]
            guard let seed = body?["seed"] as? Int, let (id, answer) = table[seed] else { return .serverError(500) }
            guard let answer else { return .json(#"{"error": {"message": "bad request"}}"#, status: 400) }
            return .completion(texts: ["```lean4\n\(statements[id]!)\n  \(answer)\n```"])
        }
    }

    static func arguments(out: String, repl: String, server: LoopbackModelServer, extra: [String] = []) -> [String] {
        ["evaluate", "bench.jsonl", "--out", out, "--lean-repl", repl, "--workers", "1", "--concurrency", "1",
         "--prompts", SharedFixtures.promptsDirectory.path, "--no-cache",
         "--llm-base-url", server.baseURL.absoluteString, "--llm-model", "m", "--samples", "4", "--k", "1,2,4"] + extra
    }

    /// summary.json without the figures that measure time (wall clock and Lean's simulated seconds differ
    /// between runs of the same work).
    static func timeless(_ url: URL) throws -> String {
        var summary = try EvaluateCLITests.json(url)
        summary["average_search_seconds"] = nil
        summary["lean_seconds"] = nil
        return String(decoding: try JSONSerialization.data(withJSONObject: summary, options: [.sortedKeys]), as: UTF8.self)
    }

    /// The body, for any `--db` value: an SQLite file (below) or a PostgreSQL URL.
    static func twoPeersMatchOneProcess(db: String, directory: URL, environment: [String: String] = [:]) async throws {
        try bench.write(to: directory.appendingPathComponent("bench.jsonl"), atomically: true, encoding: .utf8)
        let repl = try CLIRunner.fakeREPLCommand(rules: EvaluateCLITests.rules, in: directory)
        let server = try server()
        defer { server.stop() }

        async let first = CLIRunner.run(
            arguments(out: "a", repl: repl, server: server, extra: ["--db", db, "--peer-id", "peer-a"]), in: directory,
            environment: environment)
        async let second = CLIRunner.run(
            arguments(out: "b", repl: repl, server: server, extra: ["--db", db, "--peer-id", "peer-b"]), in: directory,
            environment: environment)
        let (a, b) = try await (first, second)
        #expect(a.exitCode == 0, "stderr: \(a.stderr)")
        #expect(b.exitCode == 0, "stderr: \(b.stderr)")
        let peerRequests = server.requestCount

        let outA = directory.appendingPathComponent("a")
        let outB = directory.appendingPathComponent("b")
        for name in ["summary.json", "results.jsonl", "config.json"] {
            #expect(try Data(contentsOf: outA.appendingPathComponent(name)) == Data(contentsOf: outB.appendingPathComponent(name)),
                    "\(name) is the same in both peers' directories")
        }
        let lines = try String(contentsOf: outA.appendingPathComponent("results.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.map { (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["problem_id"] as? String }
                == ["p_a", "p_b", "p_c", "p_d", "p_e", "p_f"], "every problem once, in benchmark order")
        #expect([a.stdout, b.stdout].filter { $0.contains("finished by this peer") }.count == 1, "finished exactly once")

        let single = try await CLIRunner.run(arguments(out: "single", repl: repl, server: server), in: directory)
        #expect(single.exitCode == 0, "stderr: \(single.stderr)")
        #expect(server.requestCount - peerRequests == peerRequests, "the peers together sent what one process sends: no problem twice")
        #expect(try timeless(outA.appendingPathComponent("summary.json"))
                == timeless(directory.appendingPathComponent("single/summary.json")))
        let pass = try #require(try EvaluateCLITests.json(outA.appendingPathComponent("summary.json"))["pass_at_k"] as? [String: Any])
        #expect(EvaluateCLITests.close(pass["1"], 1.0 / 6) && EvaluateCLITests.close(pass["2"], 3.0 / 6)
                && EvaluateCLITests.close(pass["4"], 5.0 / 6))

        let before = server.requestCount
        let rerun = try await CLIRunner.run(
            arguments(out: "a", repl: repl, server: server, extra: ["--db", db, "--peer-id", "peer-a"]), in: directory,
            environment: environment)
        #expect(rerun.exitCode == 0, "stderr: \(rerun.stderr)")
        #expect(server.requestCount == before, "a finished shared evaluation sends no model request")
        #expect(rerun.stdout.contains("finished by another peer"), "stdout: \(rerun.stdout)")

        let report = try await CLIRunner.run(["report", "--db", db], in: directory, environment: environment)
        #expect(report.exitCode == 0, "stderr: \(report.stderr)")
        let peerRows = report.stdoutLines.filter { $0.hasPrefix("peer-a ") || $0.hasPrefix("peer-b ") }
            .map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        #expect(peerRows.count == 2, "report lists the evaluate peers: \(report.stdout)")
        #expect(peerRows.compactMap { $0.count > 4 ? Int($0[4]) : nil }.reduce(0, +) == 6, "items done per peer add up to the problems")

        let changed = try await CLIRunner.run(
            arguments(out: "c", repl: repl, server: server, extra: ["--db", db, "--limit", "2"]), in: directory,
            environment: environment)
        #expect(changed.exitCode == 64 && changed.stderr.contains("6 problems, not the 2 given"), "stderr: \(changed.stderr)")
        #expect(server.requestCount == before)
    }

    @Test func twoProcessesOnOneSQLiteFileMatchOneProcess() async throws {
        let directory = try CLIRunner.temporaryDirectory()
        try await Self.twoPeersMatchOneProcess(db: "shared.sqlite", directory: directory)
        let ledger = try Ledger.open(path: directory.appendingPathComponent("shared.sqlite").path)
        let summary = try EvaluateCLITests.json(directory.appendingPathComponent("a/summary.json"))
        let configuration = try Data(contentsOf: directory.appendingPathComponent("a/config.json"))
        let runs = try ledger.evaluationResults(run: Self.sha256(configuration))
        #expect(runs.count == 6 && Set(runs.map(\.doneBy)).isSubset(of: ["peer-a", "peer-b"]))
        #expect(summary["problems"] as? Int == 6)
    }

    /// The same on PostgreSQL: runs when `LEANPLAY_TEST_POSTGRES_URL` is set, and under `CI=true`, where
    /// an unset server fails it.
    @Test(.enabled(if: PostgresTestServer.shouldRun))
    func twoProcessesOnOnePostgreSQLDatabaseMatchOneProcess() async throws {
        let environment = ProcessInfo.processInfo.environment
        let db = try #require(PostgresTestServer.freshSchemaURL(prefix: "evaluate_peers_"), "run eval \"$(Scripts/start-postgres)\" first")
        try await Self.twoPeersMatchOneProcess(
            db: db, directory: try CLIRunner.temporaryDirectory(), environment: environment.filter { $0.key.hasPrefix("PG") })
    }

    /// A peer killed with SIGKILL while it holds a problem: the next peer takes the problem over once the
    /// lease runs out (`[ledger] lease_seconds = 2`), and the evaluation ends with every problem once.
    @Test func aKilledPeersProblemIsTakenOver() async throws {
        let directory = try CLIRunner.temporaryDirectory()
        try Self.bench.write(to: directory.appendingPathComponent("bench.jsonl"), atomically: true, encoding: .utf8)
        let repl = try CLIRunner.fakeREPLCommand(rules: EvaluateCLITests.rules, in: directory)
        // The first peer's Lean answers each request after 1.5 s, so it is mid-problem when it is killed.
        let slowREPL = repl + " --delay-ms 1500"
        let server = try Self.server()
        defer { server.stop() }
        let peer = ["--db", "shared.sqlite"]
        try "[ledger]\nlease_seconds = 2\n".write(to: directory.appendingPathComponent("leanplay.toml"), atomically: true, encoding: .utf8)

        let victim = Process()
        victim.executableURL = CLIRunner.executable
        victim.arguments = Self.arguments(out: "a", repl: slowREPL, server: server, extra: peer + ["--peer-id", "peer-a"])
        victim.currentDirectoryURL = directory
        victim.environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "LANG": "C.UTF-8"]
        victim.standardOutput = FileHandle.nullDevice
        victim.standardError = FileHandle.nullDevice
        try victim.run()
        var held: [EvaluationLease] = []
        for _ in 0..<600 where held.isEmpty {  // polls until peer-a holds a problem (at most a minute)
            try await Task.sleep(for: .milliseconds(100))
            held = (try? Self.leases(in: directory)) ?? []
        }
        kill(victim.processIdentifier, SIGKILL)
        victim.waitUntilExit()
        held = try Self.leases(in: directory)
        #expect(held.map(\.peer) == ["peer-a"], "peer-a held one problem when it was killed")

        let survivor = try await CLIRunner.run(
            Self.arguments(out: "b", repl: repl, server: server, extra: peer + ["--peer-id", "peer-b"]), in: directory)
        #expect(survivor.exitCode == 0, "stderr: \(survivor.stderr)")
        #expect(survivor.stdout.contains("finished by this peer"))
        let results = try EvaluateCLITests.results(directory.appendingPathComponent("b/results.jsonl"))
        #expect(results.keys.sorted() == ["p_a", "p_b", "p_c", "p_d", "p_e", "p_f"])
        let ledger = try Ledger.open(path: directory.appendingPathComponent("shared.sqlite").path)
        let done = try ledger.evaluationResults(run: Self.sha256(Data(contentsOf: directory.appendingPathComponent("a/config.json"))))
        #expect(done.count == 6)
        for lease in held {
            #expect(done.first { $0.position == lease.position }?.doneBy == "peer-b", "\(lease.problemID) was taken over")
        }
        let pass = try #require(try EvaluateCLITests.json(directory.appendingPathComponent("b/summary.json"))["pass_at_k"] as? [String: Any])
        #expect(EvaluateCLITests.close(pass["1"], 1.0 / 6) && EvaluateCLITests.close(pass["4"], 5.0 / 6))
    }

    /// The leases held in `directory`'s shared ledger, once peer-a has written its config.json and registered the run.
    static func leases(in directory: URL) throws -> [EvaluationLease] {
        let config = try Data(contentsOf: directory.appendingPathComponent("a/config.json"))
        let ledger = try Ledger.open(path: directory.appendingPathComponent("shared.sqlite").path)
        return try ledger.evaluationLeases(run: sha256(config))
    }

    @Test func peerFlagsNeedADatabase() async throws {
        let directory = try CLIRunner.temporaryDirectory()
        try Self.bench.write(to: directory.appendingPathComponent("bench.jsonl"), atomically: true, encoding: .utf8)
        let run = try await CLIRunner.run(["evaluate", "bench.jsonl", "--out", "x", "--peer-id", "me"], in: directory)
        #expect(run.exitCode == 64 && run.stderr.contains("--db"), "stderr: \(run.stderr)")
        let empty = try await CLIRunner.run(["evaluate", "bench.jsonl", "--out", "x", "--db", "l.sqlite", "--peer-id", " "], in: directory)
        #expect(empty.exitCode == 64 && empty.stderr.contains("--peer-id"), "stderr: \(empty.stderr)")
    }

    static func sha256(_ data: Data) throws -> String {
        // The run id is the SHA-256 of config.json; computed here through the library's own function.
        let configuration = try JSONDecoder().decode(EvaluationConfiguration.self, from: data)
        return try EvaluationPeer.runID(for: configuration)
    }
}
