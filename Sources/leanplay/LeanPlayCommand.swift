import ArgumentParser

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
}

/// The version printed by `leanplay --version` and `leanplay doctor`.
enum LeanPlayVersion {
    static let current = "0.1.0"
}
