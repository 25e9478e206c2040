import Foundation
import LeanPlayTestSupport
import Testing

/// One exit-status table for every command (README, "Exit status"): a missing input file is 66, an input
/// in the wrong format 65, an output that cannot be written 73, Lean or configuration 2, a bad flag 64.
@Suite("CLI: exit statuses", .enabled(if: CLIRunner.isBuilt))
struct ExitStatusCLITests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var arguments: @Sendable (CLIWorkspace) -> [String]
        var status: Int32
        var stderrMentions: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        // A missing input file: 66, whatever the command.
        Case(name: "verify --batch missing", arguments: { ["verify", "--batch", "missing.jsonl"] + $0.lean },
             status: 66, stderrMentions: "missing.jsonl"),
        Case(name: "verify --statement missing", arguments: { ["verify", "--statement", "missing.lean", "--proof", "proof.lean"] + $0.lean },
             status: 66, stderrMentions: "missing.lean"),
        Case(name: "formalize missing corpus", arguments: { ["formalize", "missing.jsonl", "--out", "out.jsonl"] + $0.lean + $0.unreachableModel },
             status: 66, stderrMentions: "missing.jsonl"),
        Case(name: "selfplay --corpus missing", arguments: { ["selfplay", "--db", "new.sqlite", "--corpus", "missing.jsonl"] + $0.lean + $0.prompts },
             status: 66, stderrMentions: "missing.jsonl"),
        Case(name: "variants --statement missing", arguments: { ["variants", "--statement", "missing.lean", "--out", "v.jsonl"] + $0.lean + $0.prompts },
             status: 66, stderrMentions: "missing.lean"),
        Case(name: "prove --db missing", arguments: { ["prove", "--db", "missing.sqlite"] + $0.lean + $0.prompts },
             status: 66, stderrMentions: "missing.sqlite"),
        Case(name: "report --db missing", arguments: { _ in ["report", "--db", "missing.sqlite"] },
             status: 66, stderrMentions: "missing.sqlite"),
        Case(name: "export --db missing", arguments: { _ in ["export", "--db", "missing.sqlite", "--kind", "sft", "--out", "x.jsonl"] },
             status: 66, stderrMentions: "missing.sqlite"),
        Case(name: "evaluate missing bench", arguments: { ["evaluate", "missing.jsonl", "--out", "eval"] + $0.lean },
             status: 66, stderrMentions: "missing.jsonl"),
        Case(name: "export --from-leandojo missing", arguments: { _ in ["export", "--kind", "steps", "--from-leandojo", "missing.json", "--out", "s.jsonl"] },
             status: 66, stderrMentions: "missing.json"),
        Case(name: "report --compare missing", arguments: { _ in ["report", "--compare", "missingA", "missingB"] },
             status: 66, stderrMentions: "missingA"),
        // An input in the wrong format: 65.
        Case(name: "selfplay --corpus malformed", arguments: { ["selfplay", "--db", "new.sqlite", "--corpus", "malformed.jsonl"] + $0.lean + $0.prompts },
             status: 65, stderrMentions: "malformed.jsonl:2"),
        // An empty corpus would finish self-play rounds on nothing, and --rounds counts them.
        Case(name: "selfplay --corpus empty", arguments: { ["selfplay", "--db", "new.sqlite", "--corpus", "afile.empty"] + $0.lean + $0.prompts },
             status: 65, stderrMentions: "afile.empty: holds no problems"),
        // A file that is not a ledger given as --db (the corpus, say): 65 for every command, never 66 or 73.
        Case(name: "report --db not a ledger", arguments: { _ in ["report", "--db", "corpus.jsonl"] },
             status: 65, stderrMentions: "corpus.jsonl: not a LeanPlay ledger"),
        Case(name: "export --db not a ledger", arguments: { _ in ["export", "--db", "corpus.jsonl", "--kind", "sft", "--out", "x.jsonl"] },
             status: 65, stderrMentions: "corpus.jsonl: not a LeanPlay ledger"),
        Case(name: "prove --db not a ledger", arguments: { ["prove", "--db", "corpus.jsonl"] + $0.lean + $0.prompts },
             status: 65, stderrMentions: "corpus.jsonl: not a LeanPlay ledger"),
        Case(name: "selfplay --db not a ledger", arguments: { ["selfplay", "--db", "corpus.jsonl", "--corpus", "corpus.jsonl"] + $0.lean + $0.prompts },
             status: 65, stderrMentions: "corpus.jsonl: not a LeanPlay ledger"),
        Case(name: "evaluate with nothing to evaluate", arguments: { ["evaluate", "malformed.jsonl", "--out", "eval"] + $0.lean },
             status: 65, stderrMentions: "nothing to evaluate"),
        // An output that cannot be written: 73, whatever the command.
        Case(name: "export --out unwritable", arguments: { _ in ["export", "--db", "run.sqlite", "--kind", "sft", "--out", "afile/sft.jsonl"] },
             status: 73, stderrMentions: "afile/sft.jsonl"),
        Case(name: "selfplay --db unwritable", arguments: { ["selfplay", "--db", "afile/run.sqlite", "--corpus", "corpus.jsonl"] + $0.lean + $0.prompts },
             status: 73, stderrMentions: "afile/run.sqlite"),
        Case(name: "selfplay --export-dir unwritable",
             arguments: { ["selfplay", "--db", "new.sqlite", "--corpus", "corpus.jsonl", "--export-dir", "afile/exports"] + $0.lean + $0.prompts },
             status: 73, stderrMentions: "afile/exports"),
        Case(name: "formalize --out unwritable", arguments: { ["formalize", "corpus.jsonl", "--out", "afile/out.jsonl"] + $0.lean + $0.unreachableModel },
             status: 73, stderrMentions: "afile/out.jsonl"),
        Case(name: "variants --out unwritable", arguments: { ["variants", "--statement", "statement.lean", "--out", "afile/v.jsonl"] + $0.lean + $0.prompts },
             status: 73, stderrMentions: "afile/v.jsonl"),
        // Lean cannot be started: 2, doctor included.
        Case(name: "doctor without Lean", arguments: { _ in ["doctor"] }, status: 2, stderrMentions: "elan"),
        Case(name: "verify with a missing Lean project",
             arguments: { _ in ["verify", "--statement", "statement.lean", "--proof", "proof.lean", "--lean-project", "/nonexistent/lean"] },
             status: 2, stderrMentions: "/nonexistent/lean"),
        // A bad flag: 64.
        Case(name: "selfplay --rounds 0", arguments: { ["selfplay", "--db", "new.sqlite", "--corpus", "corpus.jsonl", "--rounds", "0"] + $0.lean + $0.prompts },
             status: 64, stderrMentions: "--rounds"),
        Case(name: "evaluate --k with an empty item", arguments: { ["evaluate", "corpus.jsonl", "--out", "eval", "--k", "1,,2"] + $0.lean },
             status: 64, stderrMentions: "--k"),
        Case(name: "export --kind unknown", arguments: { _ in ["export", "--db", "run.sqlite", "--kind", "nope", "--out", "x.jsonl"] },
             status: 64, stderrMentions: "round_report"),
        // A flag that would change nothing is refused, never ignored: `formalize --limit 0` formalized nothing
        // and exited 0; `export --limit`/`--val` without --from-leandojo were dropped silently.
        Case(name: "formalize --limit 0", arguments: { ["formalize", "corpus.jsonl", "--out", "out.jsonl", "--limit", "0"] + $0.lean + $0.unreachableModel },
             status: 64, stderrMentions: "--limit must be at least 1"),
        Case(name: "export --limit from a ledger", arguments: { _ in ["export", "--db", "run.sqlite", "--kind", "sft", "--out", "x.jsonl", "--limit", "3"] },
             status: 64, stderrMentions: "--from-leandojo"),
        Case(name: "variants --id empty", arguments: { ["variants", "--statement", "statement.lean", "--out", "v.jsonl", "--id", ""] + $0.lean + $0.prompts },
             status: 64, stderrMentions: "--id must name the parent"),
        Case(name: "export --val from a ledger", arguments: { _ in ["export", "--db", "run.sqlite", "--kind", "sft", "--out", "x.jsonl", "--val", "3"] },
             status: 64, stderrMentions: "--from-leandojo"),
    ]

    @Test(arguments: cases) func everyCommandUsesTheOneTable(_ testCase: Case) async throws {
        let workspace = try CLIWorkspace()
        let result = try await workspace.run(testCase.arguments(workspace))
        #expect(result.exitCode == testCase.status, "stderr: \(result.stderr)")
        #expect(result.stderr.contains(testCase.stderrMentions), "stderr: \(result.stderr)")
        if testCase.status != 64 {
            #expect(!result.stderr.contains("Usage:"), "a failure found while running shows no usage text: \(result.stderr)")
        }
    }

    /// An output under a path component that is a file said "(NSCocoaErrorDomain error 512.)" or "A file
    /// with the same name already exists": every command says what the system said ("Not a directory").
    @Test(arguments: [
        ["selfplay", "--db", "new.sqlite", "--corpus", "corpus.jsonl", "--export-dir", "afile/exports"],
        ["variants", "--statement", "statement.lean", "--out", "afile/v.jsonl"],
        ["formalize", "corpus.jsonl", "--out", "afile/out.jsonl"],
        ["evaluate", "corpus.jsonl", "--out", "afile/eval"],
    ])
    func unwritableOutputsSayWhyInPlainWords(_ arguments: [String]) async throws {
        let workspace = try CLIWorkspace()
        let model = arguments[0] == "formalize" ? workspace.unreachableModel : workspace.prompts
        let result = try await workspace.run(arguments + workspace.lean + model)
        #expect(result.exitCode == 73, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("afile/"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("Not a directory"), "stderr: \(result.stderr)")
        for leak in ["NSCocoaErrorDomain", "error 512", "same name already exists", "operation could not be completed"] {
            #expect(!result.stderr.contains(leak), "stderr: \(result.stderr)")
        }
    }

    /// `export --db run.sqlite --out run.sqlite` replaced the ledger (the whole run) with its export, and
    /// `--from-leandojo F --out F` emptied the benchmark before reading it: an output that is an input is a
    /// bad flag (64), and the input is left as it was.
    @Test func anOutputThatIsAnInputIsRefusedAndTheInputKept() async throws {
        let workspace = try CLIWorkspace()
        let ledger = try Data(contentsOf: URL(fileURLWithPath: workspace.path("run.sqlite")))
        try FileManager.default.createSymbolicLink(atPath: workspace.path("link.sqlite"), withDestinationPath: workspace.path("run.sqlite"))
        for out in ["run.sqlite", "./run.sqlite", "link.sqlite"] {
            let result = try await workspace.run(["export", "--db", "run.sqlite", "--kind", "sft", "--out", out])
            #expect(result.exitCode == 64, "stderr: \(result.stderr)")
            #expect(result.stderr.contains("is the same file as --db run.sqlite"), "stderr: \(result.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: workspace.path("run.sqlite"))) == ledger)
        let report = try await workspace.run(["report", "--db", "run.sqlite"])
        #expect(report.exitCode == 0, "stderr: \(report.stderr)")

        try workspace.write("split.json", LeanDojoFixture.json)
        let dojo = try await workspace.run(["export", "--kind", "steps", "--from-leandojo", "split.json", "--out", "split.json"])
        #expect(dojo.exitCode == 64, "stderr: \(dojo.stderr)")
        #expect(try workspace.read("split.json") == LeanDojoFixture.json)
    }

    /// A `[cache] directory` that cannot be written was ignored: verify and formalize ran, and every rerun
    /// paid its Lean checks and tokens again. It is an error before any work (73), with the way out.
    @Test(arguments: [
        ["verify", "--statement", "statement.lean", "--proof", "proof.lean"],
        ["formalize", "corpus.jsonl", "--out", "out.jsonl", "--llm-base-url", "http://127.0.0.1:9/v1", "--llm-model", "m",
         "--prompts", SharedFixtures.promptsDirectory.path],
    ])
    func aCacheThatCannotBeWrittenIsAnError(_ arguments: [String]) async throws {
        let workspace = try CLIWorkspace()
        try workspace.write("leanplay.toml", "[cache]\ndirectory = \"afile/cache\"\n")
        let result = try await workspace.run(arguments + workspace.lean)
        #expect(result.exitCode == 73, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("[cache] directory") && result.stderr.contains("Not a directory"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("--no-cache"), "stderr: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: workspace.path("out.jsonl")))

        if arguments[0] == "verify" {
            let without = try await workspace.run(arguments + workspace.lean + ["--no-cache"])
            #expect(without.exitCode == 0, "--no-cache runs without it: \(without.stderr)")
        }
    }

    @Test func malformedBatchLinesArePartialFailure() async throws {
        let workspace = try CLIWorkspace()
        try workspace.write("batch.jsonl", """
            {"id": "ok", "statement": "theorem u (n : Nat) : n + 0 = n := by", "proof": "simp"}
            not json

            """)
        let result = try await workspace.run(["verify", "--batch", "batch.jsonl"] + workspace.lean)
        #expect(result.exitCode == 1)
        #expect(result.stdoutLines.count == 1, "the valid line still gets its verdict")
        #expect(result.stderr.contains("batch.jsonl:2"))
    }

    /// `--out /dev/null` (or any output that is not a regular file) is written, never resumed from.
    @Test func nonRegularOutputsAreNotResumedFrom() async throws {
        let workspace = try CLIWorkspace()
        for _ in 0..<2 {
            let variants = try await workspace.run(
                ["variants", "--statement", "statement.lean", "--count", "2", "--out", "/dev/null"] + workspace.lean + workspace.prompts)
            #expect(variants.exitCode == 0, "stderr: \(variants.stderr)")
            #expect(variants.stdout.contains("written to /dev/null"))
        }

        let server = try LoopbackModelServer { request in
            .completion(answering: request) { _ in "```lean\ntheorem t (n : Nat) : n + 0 = n := by\n  sorry\n```" }
        }
        defer { server.stop() }
        let formalize = try await workspace.run(
            ["formalize", "corpus.jsonl", "--samples", "1", "--out", "/dev/null", "--llm-base-url", server.baseURL.absoluteString,
             "--llm-model", "m", "--prompts", SharedFixtures.promptsDirectory.path, "--no-cache"] + workspace.lean)
        #expect(formalize.exitCode == 0, "stderr: \(formalize.stderr)")
        #expect(formalize.stdout.contains("2 problems done"))
    }
}
