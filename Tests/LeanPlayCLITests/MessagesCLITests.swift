import Foundation
import LeanPlay
import LeanPlayTestSupport
import Testing

/// What a user reads: verdict lines that say each thing once, errors without internal names, logs only
/// when asked for, and a report legend limited to the flags that occur.
@Suite("CLI: messages", .enabled(if: CLIRunner.isBuilt))
struct MessagesCLITests {
    @Test func verdictLinesDoNotRepeatTheStatus() async throws {
        let workspace = try CLIWorkspace()
        let accepted = try await workspace.run(["verify", "--statement", "statement.lean", "--proof", "proof.lean"] + workspace.lean)
        #expect(accepted.exitCode == 0, "stderr: \(accepted.stderr)")
        #expect(accepted.stdout.hasPrefix("accepted: kernel-checked"), "stdout: \(accepted.stdout)")
        #expect(!accepted.stdout.contains("accepted: accepted"))

        try workspace.write("crash.lean", "boom")
        let crashed = try await workspace.run(["verify", "--statement", "statement.lean", "--proof", "crash.lean"] + workspace.lean)
        #expect(crashed.exitCode == 1)
        #expect(crashed.stdout.hasPrefix("crashed: "), "stdout: \(crashed.stdout)")
        #expect(!crashed.stdout.contains("crashed: crashed"))
        #expect(!crashed.stdout.contains("see its stderr below"), "nothing follows such a line: \(crashed.stdout)")
        #expect(!crashed.stdout.contains("(crashed)"), "no internal code names: \(crashed.stdout)")
    }

    @Test func timeoutAndCrashReasonsSayItOnce() {
        let timeout = LeanVerifier.verdict(for: LeanREPLError(.timeout, "the request took longer than 5 seconds"))
        #expect(timeout.status == .timeout && timeout.rule == "wall-clock")
        #expect(!timeout.reason.hasPrefix("timeout"), "reason: \(timeout.reason)")
        let crash = LeanVerifier.verdict(for: LeanREPLError(
            .crashed, "the REPL process exited (signal 9) while a request was pending", stderrTail: "line one\nout of memory"))
        #expect(!crash.reason.hasPrefix("crashed"), "reason: \(crash.reason)")
        #expect(crash.reason.contains("out of memory"), "the stderr the message refers to is there: \(crash.reason)")
    }

    @Test func anUnsolvedGoalAtByIsDescribedAsSuch() async throws {
        let workspace = try CLIWorkspace()
        try workspace.write("skip.lean", "skip")
        let result = try await workspace.run(["verify", "--statement", "statement.lean", "--proof", "skip.lean"] + workspace.lean)
        #expect(result.exitCode == 1)
        #expect(result.stdout.contains("goals still open"), "stdout: \(result.stdout)")
        #expect(!result.stdout.contains("outside the proof"))
    }

    @Test func poolLogsAppearOnlyWithVerbose() async throws {
        let workspace = try CLIWorkspace()
        try workspace.write("leanplay.toml", "[lean]\nmax_requests_per_worker = 1\n")
        let items = (1...3).map { #"{"id": "i\#($0)", "statement": "theorem u\#($0) (n : Nat) : n + 0 = n := by", "proof": "simp"}"# }
        try workspace.write("batch.jsonl", items.joined(separator: "\n") + "\n")
        let quiet = try await workspace.run(["verify", "--batch", "batch.jsonl"] + workspace.lean)
        #expect(quiet.exitCode == 0, "stderr: \(quiet.stderr)")
        #expect(!quiet.stderr.contains("recycling REPL worker"), "stderr: \(quiet.stderr)")
        // --no-cache: the first run cached every verdict, and a cache hit starts no REPL worker.
        let verbose = try await workspace.run(["verify", "--batch", "batch.jsonl", "--verbose", "--no-cache"] + workspace.lean)
        #expect(verbose.exitCode == 0, "stderr: \(verbose.stderr)")
        #expect(verbose.stderr.contains("recycling REPL worker"), "stderr: \(verbose.stderr)")
    }

    @Test func reportPrintsOnlyTheFlagsThatOccur() async throws {
        let workspace = try CLIWorkspace()
        let empty = try await workspace.run(["report", "--db", "run.sqlite"])
        #expect(empty.exitCode == 0, "stderr: \(empty.stderr)")
        #expect(!empty.stdout.contains("flag"), "nothing is flagged, so no legend: \(empty.stdout)")
        for flag in FormalizationFlag.allCases { #expect(!empty.stdout.contains(flag.explanation)) }

        let play = try await workspace.run(
            ["selfplay", "--db", "play.sqlite", "--corpus", "corpus.jsonl", "--rounds", "1"] + workspace.lean + workspace.prompts)
        #expect(play.exitCode == 0, "stderr: \(play.stderr)")
        let json = try await workspace.run(["report", "--db", "play.sqlite", "--json"])
        var occurring = Set<String>()
        for line in json.stdoutLines {
            let object = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            occurring.formUnion(object["flags"] as? [String] ?? [])
        }
        #expect(!occurring.isEmpty, "automation proved something at level 0, so it is flagged easy")
        let human = try await workspace.run(["report", "--db", "play.sqlite"])
        for flag in FormalizationFlag.allCases {
            #expect(human.stdout.contains("flagged \(flag.rawValue):") == occurring.contains(flag.rawValue), "stdout: \(human.stdout)")
        }
    }

    /// Every module's error reads as a sentence: no type names, no internal code names in brackets.
    @Test func errorDescriptionsCarryNoInternalNames() {
        let errors: [(any Error & CustomStringConvertible, String)] = [
            (ConjecturerError(.outputWriteFailed, "cannot append to the output", origin: "out.jsonl"), "outputWriteFailed"),
            (ConjecturerError(.promptsFolderMissing, "no such folder"), "promptsFolderMissing"),
            (ModelError(.rateLimited, "slow down", endpoint: "http://h/v1", httpStatus: 429, attempts: 3), "rateLimited"),
            (LedgerError(.openFailed, "cannot open the ledger", context: "run.sqlite"), "open-failed"),
            (LeanREPLError(.crashed, "the REPL process exited", worker: "repl-worker-1"), "crashed"),
            (ProverError(.ledger, "the ledger refused a write", context: "round 2"), "ledger]"),
            (LeanVerifyError(.invalidStatement, "not one theorem", context: "def x"), "invalid-statement"),
            (LeanSourceError(code: .unterminatedComment, message: "a comment is never closed", origin: "s.lean", line: 1, column: 0),
             "unterminated-comment"),
            (CorpusError(code: .malformedJSON, message: "not JSON", file: "c.jsonl", line: 2), "malformed-json"),
            (ExtractionError(code: .invalidPattern, message: "missing )", pattern: "(", pcre2ErrorCode: 114), "invalid-pattern"),
        ]
        for (error, code) in errors {
            let text = error.description
            #expect(!text.contains(code), "\(text)")
            #expect(!text.contains("error ["), "\(text)")
            #expect(!text.contains("Error."), "\(text)")
            #expect(!text.contains("LeanExtraction ["), "\(text)")
        }
    }

    /// The playgrounds print what happened, never a raw Foundation error dump.
    @Test func playgroundsDescribeAMissingFile() async throws {
        let playground = CLIRunner.executable.deletingLastPathComponent().appendingPathComponent("variant-curriculum")
        try #require(FileManager.default.isExecutableFile(atPath: playground.path))
        let workspace = try CLIWorkspace()
        let process = Process()
        process.executableURL = playground
        process.arguments = ["--lean-repl", workspace.repl, "--statement", "missing.lean"]
        process.currentDirectoryURL = workspace.directory
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": workspace.directory.path]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(stderr.contains("missing.lean"), "stderr: \(stderr)")
        #expect(!stderr.contains("NSCocoaErrorDomain") && !stderr.contains("Code=260"), "stderr: \(stderr)")
    }
}
