public import Foundation
public import LeanREPL

/// Locates the built `fake-lean-repl` test stand-in and builds launches and pool configurations for it.
/// The binary lives beside the running test executable (SwiftPM builds every product into one folder).
public enum FakeREPL {
    /// The `fake-lean-repl` binary, or nil when it has not been built.
    public static var executable: URL? {
        var candidates: [URL] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            var folder = URL(fileURLWithPath: exe).deletingLastPathComponent()
            candidates.append(folder.appendingPathComponent("fake-lean-repl"))
            // xctest bundles: …/debug/LeanPlayPackageTests.xctest/… → …/debug
            for _ in 0..<3 {
                folder.deleteLastPathComponent()
                candidates.append(folder.appendingPathComponent("fake-lean-repl"))
            }
        }
        let arguments0 = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        candidates.append(arguments0.appendingPathComponent("fake-lean-repl"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// True when the binary is available (use with `.enabled(if:)`).
    public static var isBuilt: Bool { executable != nil }

    /// The binary, or an error telling how to build it.
    /// - Throws: `LeanREPLError` `.leanNotFound` when it has not been built.
    public static func requireExecutable() throws -> URL {
        guard let executable else {
            throw LeanREPLError(.leanNotFound, "the test stand-in fake-lean-repl was not found beside the test executable; run `swift build --build-tests` (or `swift build --product fake-lean-repl`) first")
        }
        return executable
    }

    /// A launch of the fake with the given flags, e.g. `["--transcript", path]` or `["--crash-after", "2"]`.
    /// - Throws: when the binary has not been built.
    public static func launch(_ flags: [String] = []) throws -> REPLLaunch {
        REPLLaunch(executable: try requireExecutable(), arguments: flags)
    }

    /// A pool configuration for the fake with short timeouts suitable for tests.
    /// - Throws: when the binary has not been built.
    public static func poolConfiguration(_ flags: [String] = [], workers: Int = 1) throws -> REPLPoolConfiguration {
        var configuration = REPLPoolConfiguration(launch: try launch(flags), workers: workers)
        configuration.requestTimeout = .seconds(10)
        configuration.startupTimeout = .seconds(10)
        configuration.warmSpare = false
        return configuration
    }

    /// Writes oracle rules (see the top of Tests/FakeLeanREPL/main.swift) to a temporary file and returns
    /// the flags `["--oracle", path]`.
    /// - Throws: when the file cannot be written.
    public static func oracleFlags(rulesJSON: String) throws -> [String] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fake-oracle-\(UUID().uuidString).json")
        try Data(rulesJSON.utf8).write(to: url)
        return ["--oracle", url.path]
    }
}
