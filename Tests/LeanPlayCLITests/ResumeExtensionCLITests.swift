import Foundation
import LeanPlayTestSupport
import Testing

/// Issue 10.8: a rerun asking for more than the output holds extends it (or says why it cannot).
@Suite("CLI: resume extends to the requested count", .enabled(if: CLIRunner.isBuilt))
struct ResumeExtensionCLITests {
    static func lines(_ file: String, in directory: URL) throws -> [[String: Any]] {
        let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        return try text.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func variantsCount8OverAnOutputHolding4ExtendsIt() async throws {
        let (directory, repl) = try SelfPlayCLITests.workspace()
        try "theorem v (x : Nat) (h₀ : x ≤ 5) : x < 10 := by\n".write(
            to: directory.appendingPathComponent("v.lean"), atomically: true, encoding: .utf8)
        func run(count: Int) async throws -> CLIRunner.Result {
            try await CLIRunner.run(
                ["variants", "--statement", "v.lean", "--count", String(count), "--out", "v.jsonl",
                 "--lean-repl", repl, "--prompts", SharedFixtures.promptsDirectory.path],
                in: directory)
        }
        let first = try await run(count: 4)
        #expect(first.exitCode == 0, "stderr: \(first.stderr)")
        let four = try Self.lines("v.jsonl", in: directory)
        #expect(four.filter { $0["status"] as? String == "well_formed" }.count == 4)

        let second = try await run(count: 8)
        #expect(second.exitCode == 0, "stderr: \(second.stderr)")
        let eight = try Self.lines("v.jsonl", in: directory)
        #expect(eight.filter { $0["status"] as? String == "well_formed" }.count == 8)
        #expect(Set(eight.compactMap { $0["variant_id"] as? String }).count == eight.count)
        #expect(second.stdout.contains("1 parents done"))

        // Far more than the symbolic operators can give: it says why, on stderr, and still exits 0.
        let most = try await run(count: 400)
        #expect(most.exitCode == 0, "stderr: \(most.stderr)")
        #expect(most.stderr.contains("of 400 well-formed variants"))
    }

    @Test func formalizeSamples4OverAFileWrittenWith2RedoesTheProblems() async throws {
        let (directory, repl) = try SelfPlayCLITests.workspace()
        let server = try LoopbackModelServer { request in
            .completion(answering: request) { _ in
                "```lean\ntheorem even_sum (a b : Nat) (ha : a % 2 = 0) (hb : b % 2 = 0) : (a + b) % 2 = 0 := by\n  sorry\n```"
            }
        }
        defer { server.stop() }
        func run(samples: Int) async throws -> CLIRunner.Result {
            try await CLIRunner.run(
                ["formalize", "corpus.jsonl", "--samples", String(samples), "--out", "out.jsonl", "--limit", "2",
                 "--llm-base-url", server.baseURL.absoluteString, "--llm-model", "test-model",
                 "--lean-repl", repl, "--prompts", SharedFixtures.promptsDirectory.path],
                in: directory)
        }
        let first = try await run(samples: 2)
        #expect(first.exitCode == 0, "stderr: \(first.stderr)")
        #expect(try Self.lines("out.jsonl", in: directory).map { $0["sample_count"] as? Int } == [2, 2])
        let before = server.requestCount
        let second = try await run(samples: 4)
        #expect(second.exitCode == 0, "stderr: \(second.stderr)")
        #expect(try Self.lines("out.jsonl", in: directory).map { $0["sample_count"] as? Int } == [4, 4])
        #expect(server.requestCount == before + 4, "the first two samples of each problem came from the response cache")
    }
}
