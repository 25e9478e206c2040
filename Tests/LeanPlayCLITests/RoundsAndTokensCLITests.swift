import Foundation
import LeanPlayTestSupport
import ModelClient
import Testing

/// Issues 10.1–10.3, 12.11, 12.15–12.17 as a user meets them: the built binary, the fake REPL, the
/// loopback model server.
@Suite("CLI: rounds, tokens, schedule, pairs", .enabled(if: CLIRunner.isBuilt))
struct RoundsAndTokensCLITests {
    static func modelServer() throws -> LoopbackModelServer {
        try LoopbackModelServer { request in
            .completion(answering: request) { _ in
                "```lean\ntheorem even_add (a b : Nat) (ha : a % 2 = 0) (hb : b % 2 = 0) : (a + b) % 2 = 0 := by\n  exact Nat.even_add_helper\n```"
            }
        }
    }

    static func modelFlags(_ server: LoopbackModelServer) -> [String] {
        ["--llm-base-url", server.baseURL.absoluteString, "--llm-model", "m", "--no-cache"]
    }

    /// `report` table rows: round number → the row's text.
    static func reportRows(_ db: String, in directory: URL) async throws -> [Int: String] {
        let report = try await CLIRunner.run(["report", "--db", db], in: directory)
        #expect(report.exitCode == 0, "stderr: \(report.stderr)")
        var rows: [Int: String] = [:]
        for line in report.stdoutLines {
            if let number = Int(line.prefix { $0 != " " }) { rows[number] = line }
        }
        return rows
    }

    /// Issue 10.2: the tokens a round printed are the tokens `report` shows, per role too; `prove` likewise.
    @Test func tokensPrintedByARoundAreTheTokensReportShows() async throws {
        let (directory, repl) = try SelfPlayCLITests.workspace()
        let server = try Self.modelServer()
        defer { server.stop() }
        let run = try await CLIRunner.run(
            SelfPlayCLITests.selfPlayArguments(db: "run.sqlite", repl: repl, rounds: 1) + Self.modelFlags(server), in: directory)
        #expect(run.exitCode == 0, "stderr: \(run.stderr)")
        let roundLine = try #require(run.stdoutLines.first { $0.hasPrefix("round 1:") })
        let tokens = try #require(roundLine.range(of: "tokens ").map { String(roundLine[$0.upperBound...]) })
        #expect(!tokens.hasPrefix("0 prompt"), "the formalizer's tokens count: \(roundLine)")
        let numbers = tokens.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        let rows = try await Self.reportRows("run.sqlite", in: directory)
        let row = try #require(rows[1])
        #expect(row.contains("\(numbers[0])/\(numbers[1])"), "report: \(row); round line: \(roundLine)")
        #expect(row.contains("formalizer "), "per-role tokens: \(row)")
        #expect(run.stdout.contains("model tokens prompt/completion: formalizer "))

        let prove = try await CLIRunner.run(
            ["prove", "--db", "run.sqlite", "--lean-repl", repl, "--prompts", SharedFixtures.promptsDirectory.path]
                + Self.modelFlags(server), in: directory)
        #expect(prove.exitCode == 0, "stderr: \(prove.stderr)")
        let proveRows = try await Self.reportRows("run.sqlite", in: directory)
        let proveRow = try #require(proveRows[2])
        #expect(proveRow.contains("prove"))
        let proveLine = try #require(prove.stdoutLines.first { $0.hasPrefix("round 2:") })
        let proveTokens = try #require(proveLine.range(of: "tokens ").map { String(proveLine[$0.upperBound...]) })
            .split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        #expect(proveRow.contains("\(proveTokens[0])/\(proveTokens[1])"), "report: \(proveRow); prove: \(proveLine)")
        #expect(proveTokens[0] > 0, "the prover asked the model at budget level 1")

        let json = try await CLIRunner.run(["report", "--db", "run.sqlite", "--json"], in: directory)
        let spent = json.stdoutLines.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["tokens_prompt"] as? Int
        }
        #expect(spent.reduce(0, +) > 0, "per-formalization tokens in report --json")
        let roundLines = try await CLIRunner.run(["report", "--db", "run.sqlite", "--json", "--rounds"], in: directory)
        let roundObjects = roundLines.stdoutLines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let second = try #require(roundObjects.first { $0["round"] as? Int == 2 })
        #expect(second["kind"] as? String == "prove" && second["tokens_prompt"] as? Int == proveTokens[0])
        #expect((second["tokens_by_role"] as? [String: Any])?["prover"] != nil)
    }

    /// Issue 10.3: a `prove` pass does not make a later `selfplay --rounds 3` run fewer rounds.
    @Test func provePassesDoNotCountAsSelfPlayRounds() async throws {
        let (directory, repl) = try SelfPlayCLITests.workspace()
        let first = try await CLIRunner.run(SelfPlayCLITests.selfPlayArguments(db: "run.sqlite", repl: repl, rounds: 1), in: directory)
        #expect(first.exitCode == 0, "stderr: \(first.stderr)")
        let prove = try await CLIRunner.run(["prove", "--db", "run.sqlite", "--lean-repl", repl], in: directory)
        #expect(prove.exitCode == 0, "stderr: \(prove.stderr)")
        let more = try await CLIRunner.run(SelfPlayCLITests.selfPlayArguments(db: "run.sqlite", repl: repl, rounds: 3), in: directory)
        #expect(more.exitCode == 0, "stderr: \(more.stderr)")
        #expect(more.stdoutLines.filter { $0.hasPrefix("round ") }.count == 2, "rounds 3 and 4 (round 2 was the prove pass)")
        let rows = try await Self.reportRows("run.sqlite", in: directory)
        #expect(Set(rows.keys).isSuperset(of: [1, 2, 3, 4]) && rows[5] == nil)
        #expect(rows.values.filter { $0.contains("selfplay") }.count == 3)
        #expect(rows[2]?.contains("prove") == true)
        let help = try await CLIRunner.run(["selfplay", "--help"], in: directory)
        #expect(help.stdout.contains("self-play rounds") && help.stdout.contains("prove"))
    }

    /// Issue 12.16: `[search] automation = []` and no model is refused before any work, naming the key.
    @Test func anEmptyPortfolioWithoutAModelIsRefused() async throws {
        let (directory, repl) = try SelfPlayCLITests.workspace()
        try "[search]\nautomation = []\n".write(to: directory.appendingPathComponent("leanplay.toml"), atomically: true, encoding: .utf8)
        let run = try await CLIRunner.run(SelfPlayCLITests.selfPlayArguments(db: "run.sqlite", repl: repl, rounds: 1), in: directory)
        #expect(run.exitCode == 2)
        #expect(run.stderr.contains("[search] automation is empty"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("run.sqlite").path))
    }

    /// Issue 12.17: `doctor` prints the schedule from the configuration, even when Lean is missing.
    @Test func doctorPrintsTheBudgetScheduleEvenWithoutLean() async throws {
        let directory = try CLIRunner.temporaryDirectory()
        try "[search]\nmax_budget_level = 3\n".write(to: directory.appendingPathComponent("leanplay.toml"), atomically: true, encoding: .utf8)
        let result = try await CLIRunner.run(["doctor"], in: directory)
        #expect(result.exitCode == 2, "Lean missing is exit 2, as for every command")
        #expect(result.stdout.contains("budget schedule (levels 0…3"))
        let levelRows = result.stdoutLines.filter { $0.first?.isNumber == true }
        #expect(levelRows.count == 4)
        #expect(levelRows.first?.contains("automation only") == true)
        #expect(levelRows.dropFirst().allSatisfy { !$0.contains("automation only") })
    }

    /// Issue 12.11: selfplay's variant requests carry `[models.*]` temperature and max_tokens.
    @Test func selfPlayVariantRequestsUseTheConfiguredSampling() async throws {
        let (directory, repl) = try SelfPlayCLITests.workspace()
        // A statement symbolic mutation can hardly vary, so the variant templates are asked in round 2.
        try #"{"id": "imp", "informal": "p implies p", "formal_statement": "theorem imp_self' (p : Prop) : p → p := by", "header": ""}"#
            .write(to: directory.appendingPathComponent("corpus.jsonl"), atomically: true, encoding: .utf8)
        let server = try LoopbackModelServer { request in .completion(answering: request) { _ in "no code here" } }
        defer { server.stop() }
        try """
            [models.default]
            base_url = "\(server.baseURL.absoluteString)"
            model = "m"
            temperature = 0.25
            max_tokens = 321
            """.write(to: directory.appendingPathComponent("leanplay.toml"), atomically: true, encoding: .utf8)
        let run = try await CLIRunner.run(
            SelfPlayCLITests.selfPlayArguments(db: "run.sqlite", repl: repl, rounds: 2) + ["--no-cache"], in: directory)
        #expect(run.exitCode == 0, "stderr: \(run.stderr)")
        let bodies = server.requests.compactMap(\.chat)
        let variantBodies = bodies.filter { $0.messages?.contains { $0.content.lowercased().contains("variant") } == true }
        #expect(!variantBodies.isEmpty, "round 2 varies statements with the model")
        #expect(variantBodies.allSatisfy { $0.temperature == 0.25 && $0.maxTokens == 321 })
    }

    /// Issue 10.1: `export --kind pairs` never pairs a symbolic variant with its parent's text.
    @Test func pairsExportLeavesOutVariantsWithoutTheirOwnText() async throws {
        let (directory, repl) = try SelfPlayCLITests.workspace()
        let run = try await CLIRunner.run(SelfPlayCLITests.selfPlayArguments(db: "run.sqlite", repl: repl), in: directory)
        #expect(run.exitCode == 0, "stderr: \(run.stderr)")
        let curriculum = try await CLIRunner.run(["report", "--db", "run.sqlite", "--json"], in: directory)
        let statements = curriculum.stdoutLines.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["statement"] as? String
        }
        let export = try await CLIRunner.run(["export", "--db", "run.sqlite", "--kind", "pairs", "--out", "-"], in: directory)
        #expect(export.exitCode == 0, "stderr: \(export.stderr)")
        let pairs = try export.stdoutLines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(statements.count > pairs.count, "the ledger holds symbolic variants (\(statements.count) formalizations)")
        #expect(pairs.count == 4, "the four corpus statements")
        #expect(pairs.allSatisfy { $0["pair_kind"] as? String == "corpus_statement" && $0["informal_source"] as? String == "problem" })
    }
}
