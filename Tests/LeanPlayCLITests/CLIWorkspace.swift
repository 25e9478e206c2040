import Foundation
import LeanPlay
import LeanPlayTestSupport

/// A temporary folder laid out for the CLI convention tests: a small corpus, a statement, an empty
/// ledger, a regular file `afile` (so `afile/x` is a path that can never be created), and a `--lean-repl`
/// command for the fake REPL.
struct CLIWorkspace {
    static let rules = """
        {"rules": [
          {"statement_contains": "n + 0 = n", "proof_equals": "simp", "result": "ok", "axioms": ["propext"]},
          {"statement_contains": "+ 0", "proof_equals": "omega", "result": "ok", "axioms": []},
          {"proof_contains": "boom", "result": "crash"}
        ]}
        """

    let directory: URL
    let repl: String

    init() throws {
        directory = try CLIRunner.temporaryDirectory()
        repl = try CLIRunner.fakeREPLCommand(rules: Self.rules, in: directory)
        try write("corpus.jsonl", [
            #"{"id": "add_zero", "informal": "n + 0 = n", "formal_statement": "theorem add_zero' (n : Nat) : n + 0 = n := by", "header": ""}"#,
            #"{"id": "lt", "informal": "a < b gives a + 1 ≤ b", "formal_statement": "theorem lt_succ (a b : Nat) (h : a < b) : a + 1 ≤ b := by", "header": ""}"#,
        ].joined(separator: "\n") + "\n")
        try write("malformed.jsonl", "{\"id\": \"ok\", \"informal\": \"x\"}\nthis line is not JSON\n")
        try write("statement.lean", "theorem add_zero'' (n : Nat) (h : 0 < n) : n + 0 = n := by\n")
        try write("proof.lean", "simp")
        try write("afile", "a regular file, so afile/anything can never be created\n")
        try write("afile.empty", "\n")
        _ = try Ledger.open(path: path("run.sqlite"))
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) throws {
        try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    func read(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    /// Runs `leanplay ARGUMENTS` here.
    func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> CLIRunner.Result {
        try await CLIRunner.run(arguments, in: directory, environment: environment)
    }

    /// Lean flags for the fake REPL.
    var lean: [String] { ["--lean-repl", repl, "--workers", "1"] }

    /// The prompt templates (commands that may prompt a model load them at start).
    var prompts: [String] { ["--prompts", SharedFixtures.promptsDirectory.path] }

    /// Model flags for an endpoint nothing listens on (for failures that happen before any request).
    var unreachableModel: [String] {
        ["--llm-base-url", "http://127.0.0.1:9/v1", "--llm-model", "m", "--prompts", SharedFixtures.promptsDirectory.path,
         "--no-cache"]
    }
}
