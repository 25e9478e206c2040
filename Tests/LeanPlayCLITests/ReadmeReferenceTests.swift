import Foundation
import LeanPlay
import Testing

/// The README's command-line reference, first lines and exit-status table stay in step with the binary.
@Suite("CLI: README reference matches --help", .enabled(if: CLIRunner.isBuilt))
struct ReadmeReferenceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func readme() throws -> String {
        try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    }

    /// The text of the README section that starts with `heading`, up to the next `## ` heading.
    static func section(_ heading: String, in text: String) throws -> String {
        let start = try #require(text.range(of: "\n" + heading + "\n"))
        let rest = text[start.upperBound...]
        let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    /// Long flags (`--name`) in `text`.
    static func flags(in text: some StringProtocol) -> Set<String> {
        let pattern = /--[a-z][a-z0-9-]*[a-z0-9]/
        return Set(String(text).matches(of: pattern).map { String($0.output) })
    }

    /// The long flags listed under OPTIONS in `leanplay COMMAND --help`.
    static func helpFlags(_ command: String) async throws -> (Set<String>, String) {
        let directory = try CLIRunner.temporaryDirectory()
        let help = try await CLIRunner.run([command, "--help"], in: directory, environment: ["COLUMNS": "200"])
        #expect(help.exitCode == 0)
        let options = try #require(help.stdout.range(of: "OPTIONS:"))
        var declared = Set<String>()
        for line in help.stdout[options.upperBound...].split(separator: "\n") {
            let trimmed = String(line.drop { $0 == " " })
            guard trimmed.hasPrefix("-") else { continue }  // a flag's own line, not wrapped help text
            // "--lean-project <lean-project>   A Lean project…": the names end at the first double space.
            let spec = trimmed.components(separatedBy: "  ").first ?? ""
            declared.formUnion(flags(in: spec))
        }
        declared.subtract(["--help", "--version"])
        return (declared, help.stdout)
    }

    static let commands = ["doctor", "verify", "formalize", "variants", "selfplay", "prove", "report", "export", "evaluate"]

    @Test func everyCommandAndFlagOfTheBinaryIsInTheReadmeReference() async throws {
        let reference = try Self.section("## Command-line reference", in: try Self.readme())
        let documentedCommands = Set(reference.matches(of: /\| `leanplay ([a-z]+)/).map { String($0.output.1) })
        #expect(documentedCommands == Set(Self.commands))

        let directory = try CLIRunner.temporaryDirectory()
        let rootHelp = try await CLIRunner.run(["--help"], in: directory)
        for command in Self.commands { #expect(rootHelp.stdout.contains("  \(command)"), "\(command) is a subcommand") }

        let documentedFlags = Self.flags(in: reference)
        for command in Self.commands {
            let (declared, _) = try await Self.helpFlags(command)
            #expect(!declared.isEmpty)
            let undocumented = declared.subtracting(documentedFlags)
            #expect(undocumented.isEmpty, "`leanplay \(command) --help` has flags the README's reference does not: \(undocumented.sorted())")
            // Flags the README's rows give this command exist in its --help.
            for row in reference.split(separator: "\n") where row.hasPrefix("| `leanplay \(command) ") || row.hasPrefix("| `leanplay \(command)`") {
                let cell = row.split(separator: "|", omittingEmptySubsequences: true).first ?? ""
                let claimed = Self.flags(in: cell)
                #expect(claimed.isSubset(of: declared), "README row for \(command) names flags it lacks: \(claimed.subtracting(declared).sorted())")
            }
        }
    }

    @Test func exportKindsAreTheSameInHelpReadmeAndCode() async throws {
        let reference = try Self.section("## Command-line reference", in: try Self.readme())
        let row = try #require(reference.split(separator: "\n").first { $0.hasPrefix("| `leanplay export") })
        let match = try #require(row.firstMatch(of: /--kind ([a-z_\\|]+)/))
        let readmeKinds = Set(match.output.1.replacingOccurrences(of: "\\", with: "").split(separator: "|").map(String.init))
        let codeKinds = Set(ExportKind.allCases.map(\.rawValue))
        #expect(readmeKinds == codeKinds, "README: \(readmeKinds.sorted()), code: \(codeKinds.sorted())")

        let (_, help) = try await Self.helpFlags("export")
        let helpMatch = try #require(help.firstMatch(of: /What to export:\s+([a-z_|]+)/))
        let helpKinds = Set(helpMatch.output.1.split(separator: "|").map(String.init))
        #expect(helpKinds == codeKinds)
        for kind in codeKinds { #expect(help.contains("  \(kind): "), "--help explains \(kind)") }
    }

    @Test func theExitStatusTableListsEveryStatus() throws {
        let reference = try Self.section("## Command-line reference", in: try Self.readme())
        let statuses = Set(reference.split(separator: "\n").compactMap { line in
            line.firstMatch(of: #/^\| (\d+) \| /#).flatMap { Int32($0.output.1) }
        })
        #expect(statuses == [0, 1, 2, 64, 65, 66, 69, 73])
    }

    /// The README's first command runs the committed install script, which works as root and as a user;
    /// CI runs the same script, so the two cannot drift.
    @Test func theFirstLinesAreTheSetupCommandThenTheTestCommand() throws {
        let readme = try Self.readme()
        let block = try #require(readme.firstMatch(of: /```sh\n([^\n]*)\n([^\n]*)\n```/))
        #expect(block.output.1.hasPrefix("Scripts/install-system-libraries && swift run leanplay selfplay "))
        #expect(!block.output.1.contains("sudo"))
        #expect(block.output.2 == "swift test")
        let script = Self.root.appendingPathComponent("Scripts/install-system-libraries")
        #expect(FileManager.default.isExecutableFile(atPath: script.path))
        let ci = try String(contentsOf: Self.root.appendingPathComponent(".ci/run"), encoding: .utf8)
        #expect(ci.contains("\nScripts/install-system-libraries\n"))
        #expect(ci.contains("\nswift test\n"))
    }
}
