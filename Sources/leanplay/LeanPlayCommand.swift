import ArgumentParser
import Foundation

/// `leanplay`: autoformalization and conjecturer/prover self-play against the Lean 4 kernel.
@main
struct LeanPlayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leanplay",
        abstract: "Autoformalization and conjecturer/prover self-play against the Lean 4 kernel.",
        version: LeanPlayVersion.current,
        subcommands: [
            DoctorCommand.self, VerifyCommand.self, FormalizeCommand.self, VariantsCommand.self,
            SelfPlayCommand.self, ProveCommand.self, ReportCommand.self, ExportCommand.self, EvaluateCommand.self,
        ]
    )

    /// Parses and runs a command like ArgumentParser's own `main()`, with two additions: log messages go
    /// to standard error at warning level (`--verbose` for more), and when parsing fails because of a flag
    /// the command does not define, that flag is named first, with the nearest valid spelling.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        CommandLog.bootstrap(verbose: CommandLog.verboseRequested(in: arguments))
        var command: any ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            reportUnknownFlagOrCommand(in: arguments, error: error)
            exit(withError: error)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }

    /// When parsing failed and an argument names no flag (or no command), says so first and exits 64.
    private static func reportUnknownFlagOrCommand(in arguments: [String], error: any Error) {
        guard !(error is CleanExit) else { return }  // --help, --version
        if let misspelled = UnknownOption.misspelledSubcommand(in: arguments) {
            let hint = misspelled.nearest.map { "; did you mean 'leanplay \($0)'?" } ?? ""
            printError("error: unknown command '\(misspelled.typed)'\(hint) (see 'leanplay --help')")
            Foundation.exit(ExitStatus.usage)
        }
        if let unknown = UnknownOption.find(in: arguments) {
            printError("error: " + unknown.message)
            Foundation.exit(ExitStatus.usage)
        }
    }
}

/// The version printed by `leanplay --version` and `leanplay doctor`.
enum LeanPlayVersion {
    static let current = "0.1.0"
}
