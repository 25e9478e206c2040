import Foundation
import LeanPlayTestSupport
import Testing

/// What a round could not do is said, not only stored: a corpus problem whose formal statement is not a
/// theorem was skipped with no word on the terminal (the reason was in `--json` only).
@Suite("CLI: round problems are shown", .enabled(if: CLIRunner.isBuilt))
struct RoundProblemsCLITests {
    @Test func aSkippedCorpusProblemIsNamedOnStandardError() async throws {
        let (directory, repl) = try SelfPlayCLITests.workspace()
        try """
            {"id": "good", "informal": "n + 0 = n", "formal_statement": "theorem good (n : Nat) : n + 0 = n := by"}
            {"id": "not_a_theorem", "informal": "one", "formal_statement": "def f := 1"}

            """.write(to: directory.appendingPathComponent("corpus.jsonl"), atomically: true, encoding: .utf8)
        let run = try await CLIRunner.run(SelfPlayCLITests.selfPlayArguments(db: "run.sqlite", repl: repl, rounds: 1), in: directory)
        #expect(run.exitCode == 0, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("round 1: not_a_theorem: the formal statement does not parse"), "stderr: \(run.stderr)")
        #expect(!run.stdout.contains("not_a_theorem"), "stdout stays the report: \(run.stdout)")
    }
}
