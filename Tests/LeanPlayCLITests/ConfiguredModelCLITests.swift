import Foundation
import LeanPlayTestSupport
import Testing

/// A configured model is never dropped silently: one that cannot be used (its `api_key_env` variable is
/// unset) stops every command before any work starts — before Lean is started or a model is asked — naming
/// the variable; one without `api_key_env` (a local server) is used with no key.
@Suite("CLI: configured models", .enabled(if: CLIRunner.isBuilt))
struct ConfiguredModelCLITests {
    /// A workspace whose `--lean-repl` command leaves a `lean-started` marker before starting the fake REPL.
    static func workspace() throws -> (directory: URL, repl: String, marker: URL) {
        let (directory, fake) = try SelfPlayCLITests.workspace()
        let marker = directory.appendingPathComponent("lean-started")
        let script = directory.appendingPathComponent("start-lean.sh")
        try ExecutableScript.write("#!/bin/sh\n/usr/bin/touch '\(marker.path)'\nexec \(fake)\n", to: script)
        try "theorem v (n : Nat) (h : 0 < n) : n + 0 = n := by\n".write(
            to: directory.appendingPathComponent("v.lean"), atomically: true, encoding: .utf8)
        return (directory, script.path, marker)
    }

    static func writeConfiguration(_ server: LoopbackModelServer, apiKeyEnv: String?, in directory: URL) throws {
        var text = "[models.default]\nbase_url = \"\(server.baseURL.absoluteString)\"\nmodel = \"m\"\n"
        if let apiKeyEnv { text += "api_key_env = \"\(apiKeyEnv)\"\n" }
        try text.write(to: directory.appendingPathComponent("leanplay.toml"), atomically: true, encoding: .utf8)
    }

    static let commands: [String: [String]] = [
        "formalize": ["formalize", "corpus.jsonl", "--samples", "1", "--out", "out.jsonl"],
        "variants": ["variants", "--statement", "v.lean", "--count", "2", "--out", "out.jsonl"],
        "selfplay": ["selfplay", "--db", "run.sqlite", "--corpus", "corpus.jsonl", "--rounds", "1", "--queue-limit", "4"],
        "prove": ["prove", "--db", "run.sqlite", "--limit", "4"],
    ]

    @Test(arguments: ["formalize", "variants", "selfplay", "prove"])
    func anUnsetAPIKeyVariableStopsTheCommandBeforeLeanStarts(command: String) async throws {
        let (directory, repl, marker) = try Self.workspace()
        let server = try LoopbackModelServer { request in .completion(answering: request) { _ in "no code" } }
        defer { server.stop() }
        try Self.writeConfiguration(server, apiKeyEnv: "LP_UNSET_KEY", in: directory)
        let arguments = try #require(Self.commands[command]) + ["--lean-repl", repl, "--no-cache"]
        let result = try await CLIRunner.run(arguments, in: directory)
        #expect(result.exitCode == 2, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("LP_UNSET_KEY"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("[models.default]"), "stderr: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: marker.path), "Lean must not be started")
        #expect(server.requestCount == 0)
        for output in ["out.jsonl", "run.sqlite"] {
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent(output).path))
        }
    }

    @Test func aBlankAPIKeyVariableCountsAsUnset() async throws {
        let (directory, repl, marker) = try Self.workspace()
        let server = try LoopbackModelServer { request in .completion(answering: request) { _ in "no code" } }
        defer { server.stop() }
        try Self.writeConfiguration(server, apiKeyEnv: "LP_BLANK_KEY", in: directory)
        let result = try await CLIRunner.run(
            try #require(Self.commands["selfplay"]) + ["--lean-repl", repl, "--no-cache"], in: directory,
            environment: ["LP_BLANK_KEY": "  "])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("LP_BLANK_KEY"))
        #expect(!FileManager.default.fileExists(atPath: marker.path))
    }

    @Test func aLocalServerWithoutAPIKeyEnvIsUsedWithNoKey() async throws {
        let (directory, repl, marker) = try Self.workspace()
        let server = try LoopbackModelServer { request in
            .completion(answering: request) { _ in
                "```lean\ntheorem even_sum (a b : Nat) (ha : a % 2 = 0) (hb : b % 2 = 0) : (a + b) % 2 = 0 := by\n  sorry\n```"
            }
        }
        defer { server.stop() }
        try Self.writeConfiguration(server, apiKeyEnv: nil, in: directory)
        let formalize = try await CLIRunner.run(
            ["formalize", "corpus.jsonl", "--samples", "1", "--limit", "1", "--out", "out.jsonl", "--lean-repl", repl,
             "--no-cache"], in: directory)
        #expect(formalize.exitCode == 0, "stderr: \(formalize.stderr)")
        #expect(server.requestCount > 0)
        #expect(server.requests.allSatisfy { $0.authorization == nil })
        #expect(FileManager.default.fileExists(atPath: marker.path))

        let before = server.requestCount
        let selfPlay = try await CLIRunner.run(
            try #require(Self.commands["selfplay"]) + ["--lean-repl", repl, "--no-cache"], in: directory)
        #expect(selfPlay.exitCode == 0, "stderr: \(selfPlay.stderr)")
        #expect(!selfPlay.stderr.contains("no model configured"))
        #expect(server.requestCount > before, "self-play asks the configured model")
    }

    /// `doctor` with the README's `leanplay.toml` and no `OPENROUTER_API_KEY` said "model not configured"
    /// and "Lean is ready." with exit 0: the diagnosis names the variable and exits 2, after still checking
    /// Lean (so one run shows every problem).
    @Test func doctorNamesAConfiguredModelThatCannotBeUsed() async throws {
        let workspace = try CLIWorkspace()  // its fake Lean accepts doctor's `simp` check
        let directory = workspace.directory
        let server = try LoopbackModelServer { request in .completion(answering: request) { _ in "no code" } }
        defer { server.stop() }
        try Self.writeConfiguration(server, apiKeyEnv: "LP_UNSET_KEY", in: directory)
        let result = try await CLIRunner.run(["doctor", "--lean-repl", workspace.repl], in: directory)
        #expect(result.exitCode == 2, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("LP_UNSET_KEY") && result.stderr.contains("[models.default]"), "stderr: \(result.stderr)")
        #expect(!result.stdout.contains("model not configured"), "stdout: \(result.stdout)")
        #expect(result.stdout.contains("check: theorem leanplay_doctor"), "Lean is still checked: \(result.stdout)")
        #expect(server.requestCount == 0)

        let withKey = try await CLIRunner.run(
            ["doctor", "--lean-repl", workspace.repl], in: directory, environment: ["LP_UNSET_KEY": "k"])
        #expect(withKey.exitCode == 0, "stderr: \(withKey.stderr)")
        #expect(withKey.stdout.contains("model configured"))
    }
}
