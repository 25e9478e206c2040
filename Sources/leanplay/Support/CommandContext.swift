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

    /// The configured models (empty when none); with a model, the response cache must be writable.
    func models() throws -> ModelRoster {
        let roster = try configuration.modelRoster(workingDirectory: workingDirectory)
        if !roster.isEmpty { try configuration.requireWritableCache(workingDirectory: workingDirectory) }
        return roster
    }

    /// A URL for a path given on the command line.
    func url(_ path: String) -> URL { URL(fileURLWithPath: path, relativeTo: workingDirectory) }

    /// Runs `body`, printing any error as one clear message named after the command and exiting with the
    /// status ``ExitStatus`` assigns to it (the one table every command shares).
    static func reportingErrors(_ command: String, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as ExitCode {
            throw error
        } catch {
            let (status, message) = ExitStatus.classify(error, command: command)
            printError(message)
            throw ExitCode(status)
        }
    }
}
