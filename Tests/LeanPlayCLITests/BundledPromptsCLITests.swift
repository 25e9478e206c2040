import Foundation
import LeanPlayTestSupport
import Testing

/// The templates LeanPlay ships are found wherever the binary runs; a configured folder adds or overrides
/// templates, and a relative folder in `leanplay.toml` is resolved against the file's folder.
@Suite("CLI: bundled prompts", .enabled(if: CLIRunner.isBuilt))
struct BundledPromptsCLITests {
    @Test func selfPlayRunsFromAFolderOutsideTheCheckoutWithNoPromptsConfigured() async throws {
        let (directory, repl) = try SelfPlayCLITests.workspace()
        #expect(!directory.path.hasPrefix(SharedFixtures.projectRoot.path))
        let result = try await CLIRunner.run(
            ["selfplay", "--db", "run.sqlite", "--corpus", "corpus.jsonl", "--rounds", "1", "--queue-limit", "4",
             "--lean-repl", repl], in: directory)
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("round 1:"))
    }

    @Test func aConfiguredFolderOverridesShippedTemplatesRelativeToTheConfigurationFile() async throws {
        let (directory, repl) = try SelfPlayCLITests.workspace()
        // The configuration lives in experiment/, the command runs in its parent.
        let experiment = directory.appendingPathComponent("experiment")
        let partials = experiment.appendingPathComponent("my-prompts/partials")
        try FileManager.default.createDirectory(at: partials, withIntermediateDirectories: true)
        try "Rules: OVERRIDDEN-LEAN-RULES-7F3 — answer with one ```lean4 block.\n".write(
            to: partials.appendingPathComponent("lean_rules.mustache"), atomically: true, encoding: .utf8)
        let server = try LoopbackModelServer { request in .completion(answering: request) { _ in "no code" } }
        defer { server.stop() }
        try """
            [models.default]
            base_url = "\(server.baseURL.absoluteString)"
            model = "m"
            [prompts]
            directory = "my-prompts"
            """.write(to: experiment.appendingPathComponent("leanplay.toml"), atomically: true, encoding: .utf8)
        let result = try await CLIRunner.run(
            ["formalize", "corpus.jsonl", "--samples", "1", "--limit", "1", "--out", "out.jsonl",
             "--config", "experiment/leanplay.toml", "--lean-repl", repl, "--no-cache", "--repair-rounds", "0"],
            in: directory)
        #expect(result.exitCode == 0 || result.exitCode == 1, "stderr: \(result.stderr)")
        let bodies = server.requests.map(\.bodyText)
        #expect(!bodies.isEmpty)
        #expect(bodies.allSatisfy { $0.contains("OVERRIDDEN-LEAN-RULES-7F3") }, "the override replaces the shipped partial")
        #expect(bodies.allSatisfy { $0.contains("Translate") || $0.contains("translate") || $0.contains("formal") },
                "the shipped templates are still used for everything not overridden")
    }

    @Test func aConfiguredFolderThatDoesNotExistIsAnErrorNamingTheResolvedPath() async throws {
        let (directory, repl) = try SelfPlayCLITests.workspace()
        let experiment = directory.appendingPathComponent("experiment")
        try FileManager.default.createDirectory(at: experiment, withIntermediateDirectories: true)
        try "[prompts]\ndirectory = \"Prompts\"\n".write(
            to: experiment.appendingPathComponent("leanplay.toml"), atomically: true, encoding: .utf8)
        let result = try await CLIRunner.run(
            ["selfplay", "--db", "run.sqlite", "--corpus", "corpus.jsonl", "--config", "experiment/leanplay.toml",
             "--lean-repl", repl], in: directory)
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains(experiment.standardizedFileURL.path + "/Prompts"), "stderr: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("run.sqlite").path))
    }
}
