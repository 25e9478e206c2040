import Foundation
import LeanPlayTestSupport

/// Runs the built `leanplay` binary (it sits next to the test executable) and captures its output.
struct CLIRunner {
    struct Result {
        var exitCode: Int32
        var stdout: String
        var stderr: String
        var stdoutLines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    static var executable: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("leanplay")
    }

    static var isBuilt: Bool { FileManager.default.isExecutableFile(atPath: executable.path) }

    /// Runs `leanplay ARGUMENTS` in `directory` with a minimal environment plus `environment`.
    ///
    /// The blocking waits happen on a thread of their own, never on Swift's cooperative pool (which has
    /// only as many threads as cores: blocking it would stall unrelated tests running in parallel).
    static func run(
        _ arguments: [String], in directory: URL, environment: [String: String] = [:], stdin: String? = nil
    ) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Swift.Result {
                    try runBlocking(arguments, in: directory, environment: environment, stdin: stdin)
                })
            }
        }
    }

    private static func runBlocking(
        _ arguments: [String], in directory: URL, environment: [String: String], stdin: String?
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var base = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "LANG": "C.UTF-8"]
        base.merge(environment) { $1 }
        process.environment = base
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently so a chatty child cannot block on a full pipe.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            exitCode: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = cliTestRoot.appendingPathComponent("leanplay-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `--lean-repl` text that starts the fake REPL with an oracle rules file written into `directory`.
    static func fakeREPLCommand(rules: String, in directory: URL) throws -> String {
        let rulesFile = directory.appendingPathComponent("rules.json")
        try rules.write(to: rulesFile, atomically: true, encoding: .utf8)
        return "\(try FakeREPL.requireExecutable().path) --oracle \(rulesFile.path)"
    }
}

/// One folder per test process for every CLI test's working directory, removed when the process exits,
/// so a test run leaves nothing behind in the system's temporary folder.
private let cliTestRoot: URL = {
    let url = cliTestRootURL()
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(at: cliTestRootURL()) }
    return url
}()

private func cliTestRootURL() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("leanplay-cli-tests-\(getpid())")
}
