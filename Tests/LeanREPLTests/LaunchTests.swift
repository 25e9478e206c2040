import Foundation
import LeanPlayTestSupport
import LeanREPL
import Testing

@Suite("REPL launch resolution and environment scrubbing")
struct LaunchTests {
    @Test func commandLineSplitsLikeAShell() throws {
        let launch = try REPLLaunch.commandLine(#"/bin/echo "a b" 'c d' e\ f "x\"y""#)
        #expect(launch.executable.path == "/bin/echo")
        #expect(launch.arguments == ["a b", "c d", "e f", "x\"y"])
    }

    @Test func commandLineResolvesOnPath() throws {
        let launch = try REPLLaunch.commandLine("sh -c true", environment: ["PATH": "/nonexistent:/bin:/usr/bin"])
        #expect(launch.executable.lastPathComponent == "sh")
    }

    @Test func missingExecutableIsLeanNotFoundWithGuidance() {
        do {
            _ = try REPLLaunch.commandLine("definitely-not-a-lean-repl --flag", environment: ["PATH": "/bin:/usr/bin"])
            Issue.record("expected leanNotFound")
        } catch {
            #expect(error.code == .leanNotFound)
            #expect(error.message.contains("elan-init.sh"))
            #expect(error.message.contains("--lean-project"))
            #expect(error.message.contains("--lean-repl"))
        }
    }

    @Test func emptyOrUnbalancedCommandLineIsInvalid() {
        #expect(throws: LeanREPLError.self) { try REPLLaunch.commandLine("   ") }
        do {
            _ = try REPLLaunch.commandLine("repl \"unclosed")
            Issue.record("expected invalidLaunch")
        } catch {
            #expect(error.code == .invalidLaunch)
        }
    }

    @Test func leanProjectChecksTheFolder() throws {
        let missing = URL(fileURLWithPath: "/nonexistent/lean-project")
        #expect(throws: LeanREPLError.self) { try REPLLaunch.leanProject(missing) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try REPLLaunch.leanProject(folder)
            Issue.record("a folder without lakefile must be rejected")
        } catch {
            #expect(error.code == .leanNotFound)
            #expect(error.message.contains("not a Lean project"))
        }
        try Data("leanprover/lean4:v4.33.0".utf8).write(to: folder.appendingPathComponent("lean-toolchain"))
        let bin = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let lake = bin.appendingPathComponent("lake")
        try ExecutableScript.write("#!/bin/sh\n", to: lake)
        let launch = try REPLLaunch.leanProject(folder, environment: ["PATH": bin.path])
        #expect(launch.executable.path == lake.path)
        #expect(launch.arguments == ["env", "repl"])
        #expect(launch.workingDirectory == folder)
        #expect(throws: LeanREPLError.self) { try REPLLaunch.leanProject(folder, environment: ["PATH": "/nonexistent"]) }
    }

    @Test func environmentPolicyDropsSecretsEvenWhenAllowListed() {
        let source = [
            "PATH": "/usr/bin", "HOME": "/home/u", "LANG": "C.UTF-8", "LC_ALL": "C", "LEAN_PATH": "/lean",
            "OPENAI_API_KEY": "sk-secret", "LC_SECRET_TOKEN": "x", "GITHUB_TOKEN": "y", "RANDOM_VAR": "z",
        ]
        var policy = REPLEnvironmentPolicy.standard
        policy.allowedNames.insert("GITHUB_TOKEN")
        let child = policy.childEnvironment(from: source, temporaryDirectory: "/tmp/w1")
        #expect(Set(child.keys) == ["PATH", "HOME", "LANG", "LC_ALL", "LEAN_PATH", "TMPDIR"])
        #expect(child["TMPDIR"] == "/tmp/w1")
    }
}
