import Foundation
import Testing

/// A misspelled flag is named first, with the nearest valid spelling, before any check of missing flags.
@Suite("CLI: unknown flags", .enabled(if: CLIRunner.isBuilt))
struct UnknownFlagCLITests {
    struct Case: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var typed: String
        var suggestion: String?
        var testDescription: String { arguments.joined(separator: " ") }
    }

    /// One misspelling per command (the first two are the issue's own inputs).
    static let cases: [Case] = [
        Case(arguments: ["verify", "--bacth", "x"], typed: "--bacth", suggestion: "--batch"),
        Case(arguments: ["report", "--dbb", "x"], typed: "--dbb", suggestion: "--db"),
        Case(arguments: ["doctor", "--lean-projcet", "x"], typed: "--lean-projcet", suggestion: "--lean-project"),
        Case(arguments: ["formalize", "c.jsonl", "--out", "o.jsonl", "--sampels", "3"], typed: "--sampels", suggestion: "--samples"),
        Case(arguments: ["variants", "--statement", "s.lean", "--out", "o", "--cuont", "3"], typed: "--cuont", suggestion: "--count"),
        Case(arguments: ["selfplay", "--db", "r.sqlite", "--corpus", "c", "--rounsd", "2"], typed: "--rounsd", suggestion: "--rounds"),
        Case(arguments: ["prove", "--db", "r.sqlite", "--limt", "3"], typed: "--limt", suggestion: "--limit"),
        Case(arguments: ["export", "--db", "r.sqlite", "--knid", "sft", "--out", "x"], typed: "--knid", suggestion: "--kind"),
        Case(arguments: ["selfplay", "--queue", "3"], typed: "--queue", suggestion: "--queue-limit"),
        Case(arguments: ["verify", "--statement", "s", "--proof", "p", "--verbsoe"], typed: "--verbsoe", suggestion: "--verbose"),
        Case(arguments: ["report", "--db", "r.sqlite", "--frobnicate"], typed: "--frobnicate", suggestion: nil),
    ]

    @Test(arguments: cases) func theUnknownFlagIsNamedWithTheNearestSpelling(_ testCase: Case) async throws {
        let directory = try CLIRunner.temporaryDirectory()
        let result = try await CLIRunner.run(testCase.arguments, in: directory)
        #expect(result.exitCode == 64)
        let firstLine = try #require(result.stderr.split(separator: "\n").first.map(String.init))
        #expect(firstLine.contains("unknown option '\(testCase.typed)'"), "stderr: \(result.stderr)")
        if let suggestion = testCase.suggestion {
            #expect(firstLine.contains("did you mean '\(suggestion)'?"), "stderr: \(result.stderr)")
        } else {
            #expect(!firstLine.contains("did you mean"))
        }
        #expect(!result.stderr.contains("Missing expected argument"))
        #expect(!result.stderr.contains("give --statement and --proof"))
    }

    @Test func aMisspelledCommandIsNamedWithTheNearestOne() async throws {
        let directory = try CLIRunner.temporaryDirectory()
        let result = try await CLIRunner.run(["verfy", "--batch", "x"], in: directory)
        #expect(result.exitCode == 64)
        #expect(result.stderr.contains("unknown command 'verfy'; did you mean 'leanplay verify'?"), "stderr: \(result.stderr)")
    }

    @Test func validFlagsAfterTheTerminatorAreNotChecked() async throws {
        // A missing flag is still reported as missing when nothing is misspelled.
        let directory = try CLIRunner.temporaryDirectory()
        let result = try await CLIRunner.run(["report"], in: directory)
        #expect(result.exitCode == 64)
        #expect(result.stderr.contains("--db"))
        #expect(!result.stderr.contains("unknown option"))
    }
}
