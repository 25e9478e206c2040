import ArgumentParser
import Foundation
import LeanPlay

/// `leanplay doctor`: finds Lean, runs one real check, prints versions.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Print the prover's budget schedule, find Lean, run one real proof check, and print versions.",
        discussion: """
            The budget schedule (per budget level: model samples, Lean checks, wall time, and each strategy's share
            of the samples) comes from the configuration alone, so it is printed first, even when Lean is missing.
            Exits 2, with install guidance, when Lean or the REPL cannot be found or does not answer, and when a
            configured model cannot be used (naming what is missing, e.g. an unset api_key_env variable); 1 when
            Lean answers but the check is not accepted.
            """
    )

    @OptionGroup var config: ConfigurationOptions
    @OptionGroup var lean: LeanOptions

    func run() async throws {
        print("leanplay \(LeanPlayVersion.current)")
        try await CommandContext.reportingErrors("doctor") {
            var configuration = try config.load()
            lean.apply(to: &configuration)
            // A configured model that cannot be used (its api_key_env variable unset, say) is named, not
            // shown as "model not configured"; Lean is still checked so that one run shows every problem.
            var modelProblem: String?
            var hasModel = false
            do {
                hasModel = !(try configuration.modelRoster(
                    workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).isEmpty)
            } catch {
                modelProblem = ExitStatus.classify(error, command: "doctor").message
                hasModel = true  // configured: its schedule applies once the problem is fixed
            }
            for line in ScheduleFormatting.lines(configuration.proverConfiguration, hasModel: hasModel) { print(line) }
            if let modelProblem { printError(modelProblem) }
            let launch = try configuration.replLaunch()
            print("REPL command: \(launch)")
            try await LeanPlayRuntime.withLean(configuration) { lean in
                let version: REPLResponse
                do {
                    version = try await lean.pool.withSession(header: "") { session in
                        try await session.send(.command("#eval Lean.versionString"))
                    }
                } catch let error as LeanREPLError where [.crashed, .writeFailed, .protocolViolation].contains(error.code) {
                    // A REPL that dies (or talks nonsense) on `#eval Lean.versionString` twice is not set up:
                    // the request cannot be what crashes it.
                    throw LeanREPLError(
                        .spawnFailed,
                        "the REPL command `\(launch)` does not answer a trivial request: it \(error.code == .protocolViolation ? "answers with something that is not a REPL response" : "exits instead of answering, also when restarted"); run it in a "
                            + "terminal to see why: a REPL built for another Lean toolchain than the project's, a missing "
                            + "library, or too little memory (memory_limit_mb under [lean])",
                        stderrTail: error.stderrTail)
                }
                let versionText = version.messages.first(where: { $0.severity == .info })?.data ?? "unknown"
                print("Lean version: \(versionText.trimmingCharacters(in: CharacterSet(charactersIn: "\"\n ")))")
                let verdict = await lean.verifier.verify(
                    header: "", statement: "theorem leanplay_doctor (n : Nat) : n + 0 = n := by", proof: "simp")
                print("check: theorem leanplay_doctor (n : Nat) : n + 0 = n := by simp → \(verdict.status.rawValue)"
                    + " in \(Int(verdict.elapsedMilliseconds)) ms")
                guard verdict.status == .accepted else {
                    printError("doctor: Lean answered but the check was not accepted: \(verdict.reason)")
                    throw ExitCode(1)
                }
            }
            print("Lean is ready.")
            if modelProblem != nil { throw ExitCode(ExitStatus.setup) }
        }
    }
}
