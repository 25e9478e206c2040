import Foundation
import LeanPlayTestSupport
import Testing

/// Inputs as users hand them over: `/dev/null` or a process substitution instead of a file, a batch
/// saved with Windows line endings, one line with bytes that are not UTF-8.
@Suite("CLI: input shapes", .enabled(if: CLIRunner.isBuilt))
struct InputShapesCLITests {
    /// `--header /dev/null` (an empty header, core Lean) was "no such readable file": any readable
    /// input that is not a regular file (a device, a pipe from `<(…)`) is read like a file.
    @Test func aDeviceIsReadAsAnInput() async throws {
        let workspace = try CLIWorkspace()
        let result = try await workspace.run(
            ["verify", "--header", "/dev/null", "--statement", "statement.lean", "--proof", "proof.lean"] + workspace.lean)
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.hasPrefix("accepted"))
    }

    @Test func aFolderGivenAsAnInputIsNamedAsOne() async throws {
        let workspace = try CLIWorkspace()
        try FileManager.default.createDirectory(atPath: workspace.path("folder"), withIntermediateDirectories: true)
        let result = try await workspace.run(["verify", "--statement", "folder", "--proof", "proof.lean"] + workspace.lean)
        #expect(result.exitCode == 66)
        #expect(result.stderr.contains("--statement folder: is a folder"), "stderr: \(result.stderr)")
    }

    /// A batch saved with CRLF line endings was read as one malformed line.
    @Test func aBatchWithWindowsLineEndingsGetsEveryVerdict() async throws {
        let workspace = try CLIWorkspace()
        let lines = [
            #"{"id": "a", "statement": "theorem u (n : Nat) : n + 0 = n := by", "proof": "simp"}"#,
            #"{"id": "b", "statement": "theorem w (n : Nat) : n + 0 = n := by", "proof": "simp"}"#,
        ]
        try workspace.write("batch.jsonl", "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n")
        let result = try await workspace.run(["verify", "--batch", "batch.jsonl"] + workspace.lean)
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdoutLines.count == 2)
        #expect(result.stdoutLines.allSatisfy { $0.contains(#""status":"accepted""#) })
    }

    /// One line with bytes that are not UTF-8 refused the whole batch; it is that line's failure only.
    @Test func invalidUTF8FailsOnlyItsOwnLine() async throws {
        let workspace = try CLIWorkspace()
        var data = Data(#"{"id": "a", "statement": "theorem u (n : Nat) : n + 0 = n := by", "proof": "simp"}"#.utf8 + [0x0A])
        data.append(Data(#"{"id": "b", "statement": "theorem v (n : Nat) : n + 0 = n := by", "proof": "si"#.utf8))
        data.append(contentsOf: [0xFF, 0xFE])
        data.append(Data(#"mp"}"#.utf8 + [0x0A]))
        data.append(Data(#"{"id": "c", "statement": "theorem w (n : Nat) : n + 0 = n := by", "proof": "simp"}"#.utf8 + [0x0A]))
        try data.write(to: URL(fileURLWithPath: workspace.path("batch.jsonl")))
        let result = try await workspace.run(["verify", "--batch", "batch.jsonl"] + workspace.lean)
        #expect(result.exitCode == 1)
        #expect(result.stdoutLines.count == 2, "stdout: \(result.stdout)")
        #expect(result.stdoutLines.first?.contains(#""id":"a""#) == true)
        #expect(result.stdoutLines.last?.contains(#""id":"c""#) == true)
        #expect(result.stderr.contains("batch.jsonl:2: not valid UTF-8"), "stderr: \(result.stderr)")
    }

    /// The README's batch line is `{"id","status","reason","rule","axioms","errors","elapsed_ms"}`: every
    /// key on every line (an accepted verdict has no rule: `null`, as `id` is for a single check), so a
    /// script can read `line["rule"]` without a missing-key error.
    @Test func everyVerdictLineHasEveryDocumentedKey() async throws {
        let workspace = try CLIWorkspace()
        try workspace.write("batch.jsonl", """
            {"id": "a", "statement": "theorem u (n : Nat) : n + 0 = n := by", "proof": "simp"}
            {"id": "b", "statement": "theorem w (n : Nat) : n + 1 = n := by", "proof": "simp"}

            """)
        let result = try await workspace.run(["verify", "--batch", "batch.jsonl"] + workspace.lean)
        #expect(result.stdoutLines.count == 2, "stderr: \(result.stderr)")
        for line in result.stdoutLines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["id", "status", "reason", "rule", "axioms", "errors", "elapsed_ms"], "\(line)")
        }
    }
}
