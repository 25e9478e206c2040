import Foundation
import LeanPlayTestSupport
import Testing

/// `Scripts/install-system-libraries` (the README's first command, and CI's) on a fresh Debian machine,
/// as root and as a user, with `id`, `dpkg`, `apt-get` and `sudo` replaced by stubs that record calls.
@Suite("Install script")
struct InstallScriptTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scripts/install-system-libraries")

    /// Runs the script with stubs; returns (exit status, the recorded calls in order).
    static func run(uid: Int, installed: Bool, sudoAvailable: Bool = true) throws -> (Int32, [String]) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("install-\(UUID().uuidString)")
        let bin = directory.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let log = directory.appendingPathComponent("calls.log").path
        var stubs = [
            "uname": "echo Linux",
            "id": "echo \(uid)",
            "dpkg": installed ? "exit 0" : "exit 1",
            "apt-get": "echo \"apt-get $*\" >> \(log)",
        ]
        if sudoAvailable { stubs["sudo"] = "echo \"sudo $1\" >> \(log); exec \"$@\"" }
        for (name, body) in stubs {
            let path = bin.appendingPathComponent(name).path
            try ExecutableScript.write("#!/bin/sh\n\(body)\n", to: path)
        }
        // `env` and `sh` come from a folder of their own, so that no real sudo is found when there is none.
        let tools = directory.appendingPathComponent("tools")
        try FileManager.default.createDirectory(at: tools, withIntermediateDirectories: true)
        for tool in ["env", "sh", "cat", "echo"] {
            for folder in ["/usr/bin", "/bin"] where FileManager.default.fileExists(atPath: "\(folder)/\(tool)") {
                try? FileManager.default.createSymbolicLink(atPath: tools.appendingPathComponent(tool).path, withDestinationPath: "\(folder)/\(tool)")
                break
            }
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [script.path]
        process.environment = ["PATH": "\(bin.path):\(tools.path)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let calls = (try? String(contentsOfFile: log, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        return (process.terminationStatus, calls)
    }

    @Test func asRootItUpdatesThenInstallsWithoutSudo() throws {
        let (status, calls) = try Self.run(uid: 0, installed: false, sudoAvailable: false)
        #expect(status == 0)
        #expect(calls.count == 2, "\(calls)")
        #expect(calls.first == "apt-get update -qq")
        #expect(calls.last?.hasPrefix("apt-get install -y") == true)
        #expect(calls.last?.contains("libpcre2-dev libcurl4-openssl-dev pkg-config") == true)
        #expect(!calls.contains { $0.hasPrefix("sudo") })
    }

    @Test func asAUserItUsesSudoForBothSteps() throws {
        let (status, calls) = try Self.run(uid: 1000, installed: false)
        #expect(status == 0)
        #expect(calls == [
            "sudo apt-get", "apt-get update -qq", "sudo env",
            "apt-get install -y -qq --no-install-recommends libpcre2-dev libcurl4-openssl-dev pkg-config",
        ])
    }

    @Test func aUserWithoutSudoIsToldWhatToDo() throws {
        let (status, calls) = try Self.run(uid: 1000, installed: false, sudoAvailable: false)
        #expect(status == 1)
        #expect(calls.isEmpty)
    }

    @Test func nothingIsInstalledWhenEverythingIsPresent() throws {
        let (status, calls) = try Self.run(uid: 1000, installed: true)
        #expect(status == 0)
        #expect(calls.isEmpty)
    }
}
