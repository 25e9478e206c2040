import Foundation
import Testing

/// `leanplay verify` keeps final verdicts in `[cache] directory`/verdicts; `--no-cache` bypasses it.
@Suite("CLI: verify's verdict cache", .enabled(if: CLIRunner.isBuilt))
struct VerifyCacheCLITests {
    static let rules = #"{"rules": [{"proof_contains": "omega", "result": "ok", "axioms": []}]}"#

    func cachedFiles(in directory: URL) -> [String] {
        let root = directory.appendingPathComponent(".leanplay-cache/verdicts")
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        return (enumerator?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".json") }
    }

    @Test func verifyStoresFinalVerdictsAndNoCacheBypassesThem() async throws {
        let directory = try CLIRunner.temporaryDirectory()
        let repl = try CLIRunner.fakeREPLCommand(rules: Self.rules, in: directory)
        try "theorem add_comm' (a b : Nat) : a + b = b + a := by\n".write(
            to: directory.appendingPathComponent("statement.lean"), atomically: true, encoding: .utf8)
        try "omega".write(to: directory.appendingPathComponent("good.lean"), atomically: true, encoding: .utf8)
        let arguments = ["verify", "--statement", "statement.lean", "--proof", "good.lean", "--lean-repl", repl]

        let uncached = try await CLIRunner.run(arguments + ["--no-cache"], in: directory)
        #expect(uncached.exitCode == 0, "stderr: \(uncached.stderr)")
        #expect(cachedFiles(in: directory).isEmpty, "--no-cache neither reads nor writes the cache")

        let first = try await CLIRunner.run(arguments, in: directory)
        #expect(first.exitCode == 0, "stderr: \(first.stderr)")
        #expect(cachedFiles(in: directory).count == 1)
        let second = try await CLIRunner.run(arguments, in: directory)
        #expect(second.exitCode == 0, "stderr: \(second.stderr)")
        #expect(cachedFiles(in: directory).count == 1)
    }
}
