import Foundation
import LeanPlayTestSupport
import Testing

/// The README's library snippet is `Playgrounds/ReadmeSnippet/main.swift` verbatim (so the package build
/// compiles it), and run without Lean it prints the guidance instead of crashing.
@Suite("README library snippet")
struct READMESnippetTests {
    /// The first ```swift block of the README's "Using the library" section.
    static func readmeSnippet() throws -> String {
        let readme = try String(contentsOf: SharedFixtures.projectRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## Using the library"), "the README has a library section")
        let rest = readme[section.upperBound...]
        let open = try #require(rest.range(of: "```swift\n"))
        let close = try #require(rest[open.upperBound...].range(of: "\n```"))
        return String(rest[open.upperBound..<close.lowerBound])
    }

    static var playground: URL {
        SharedFixtures.projectRoot.appendingPathComponent("Playgrounds/ReadmeSnippet/main.swift")
    }

    @Test func thePlaygroundHoldsExactlyTheREADMECode() throws {
        let snippet = try Self.readmeSnippet()
        let source = try String(contentsOf: Self.playground, encoding: .utf8)
        let code = source.split(separator: "\n", omittingEmptySubsequences: false)
            .drop(while: { $0.hasPrefix("//") }).joined(separator: "\n")
        #expect(code.trimmingCharacters(in: .whitespacesAndNewlines) == snippet.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(snippet.contains("do {") && snippet.contains("catch"), "the snippet handles a missing Lean")
    }

    @Test(.enabled(if: CLIRunner.isBuilt)) func withoutLeanTheSnippetPrintsTheGuidance() throws {
        let executable = CLIRunner.executable.deletingLastPathComponent().appendingPathComponent("readme-snippet")
        try #require(FileManager.default.isExecutableFile(atPath: executable.path), "swift build builds readme-snippet")
        let process = Process()
        process.executableURL = executable
        process.currentDirectoryURL = try CLIRunner.temporaryDirectory()
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "LANG": "C.UTF-8"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "no fatal error")
        #expect(output.contains("Lean is not ready"), "\(output)")
        #expect(output.contains("/home/me/lean/leanplay-workspace"), "\(output)")
        #expect(output.contains("elan"), "\(output)")
    }
}
