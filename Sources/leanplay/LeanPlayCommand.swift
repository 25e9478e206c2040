import ArgumentParser
import Foundation
import Logging

/// `leanplay`: autoformalization and conjecturer/prover self-play against the Lean 4 kernel.
@main
struct LeanPlayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leanplay",
        abstract: "Autoformalization and conjecturer/prover self-play against the Lean 4 kernel.",
        version: LeanPlayVersion.current,
        subcommands: [
            DoctorCommand.self, VerifyCommand.self, FormalizeCommand.self, VariantsCommand.self,
            SelfPlayCommand.self, ProveCommand.self, ReportCommand.self, ExportCommand.self,
        ]
    )

    /// Parses and runs a command like ArgumentParser's own `main()`, with two additions: log messages go
    /// to standard error at warning level (`--verbose` for more), and when parsing fails because of a flag
    /// the command does not define, that flag is named first, with the nearest valid spelling.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        CommandLog.bootstrap(verbose: CommandLog.verboseRequested(in: arguments))
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if !(error is ExitCode), let unknown = UnknownOption.find(in: arguments) {
                printError("error: " + unknown.message)
                Foundation.exit(ExitStatus.usage)
            }
            if !(error is ExitCode), let (typed, nearest) = UnknownOption.misspelledSubcommand(in: arguments) {
                let hint = nearest.map { "; did you mean 'leanplay \($0)'?" } ?? ""
                printError("error: unknown command '\(typed)'\(hint) (see 'leanplay --help')")
                Foundation.exit(ExitStatus.usage)
            }
            exit(withError: error)
        }
    }
}

/// The version printed by `leanplay --version` and `leanplay doctor`.
enum LeanPlayVersion {
    static let current = "0.1.0"
}
