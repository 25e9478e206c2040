import ArgumentParser
import Foundation
import LeanPlay

/// What every job command resolves first: the configuration with flags applied, the working directory,
/// and helpers that turn library errors into messages and exit codes.
struct CommandContext {
    var configuration: LeanPlayConfiguration
    let workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)

    init(
        config: ConfigurationOptions, lean: LeanOptions? = nil, model: ModelOptions? = nil,
        prompts: PromptsOption? = nil
    ) throws {
        configuration = try config.load()
        lean?.apply(to: &configuration)
        model?.apply(to: &configuration)
        prompts?.apply(to: &configuration)
    }

    /// Fails early, before any file is written, when Lean is not configured or cannot be found.
    func requireLean() throws {
        _ = try configuration.replLaunch()
    }

    /// The configured models (empty when none).
    func models() throws -> ModelRoster {
        try configuration.modelRoster(workingDirectory: workingDirectory)
    }

    /// A URL for a path given on the command line.
    func url(_ path: String) -> URL { URL(fileURLWithPath: path, relativeTo: workingDirectory) }

    /// Runs `body`, printing LeanPlay's typed errors as one clear message and exiting non-zero: 2 when
    /// Lean cannot be started or the configuration is invalid, 64 for a bad input file or flag value found
    /// while running, 1 for the other failures.
    static func reportingErrors(_ command: String, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as ExitCode {
            throw error
        } catch let error as ValidationError {
            // A bad input found while running (a missing file, a missing ledger): the message alone, named
            // after the command; ArgumentParser would add the root command's usage, which does not help.
            printError("\(command): \(error.message)")
            throw ExitCode.validationFailure
        } catch let error as LeanREPLError {
            printError("\(command): \(error.message)")
            throw ExitCode(2)
        } catch let error as LeanPlayError {
            printError("\(command): \(error.message)\n  fix: \(error.fix)")
            throw ExitCode(2)
        } catch let error as ConjecturerError {
            printError("\(command): \(error)")
            throw ExitCode(1)
        } catch let error as CorpusError {
            printError("\(command): \(error)")
            throw ExitCode(1)
        } catch let error as ProverError {
            printError("\(command): \(error)")
            printError("rerun the same command to resume: finished work is kept and never counted twice")
            throw ExitCode(1)
        } catch let error as LedgerError {
            printError("\(command): \(error)")
            throw ExitCode(1)
        } catch let error as ModelError {
            printError("\(command): \(error)")
            throw ExitCode(1)
        }
    }
}
