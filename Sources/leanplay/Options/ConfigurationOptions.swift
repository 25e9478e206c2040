import ArgumentParser
import Foundation
import LeanPlay

/// `--config FILE`: where `leanplay.toml` is read from (default: `./leanplay.toml` when present).
struct ConfigurationOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: "A leanplay.toml file (default: ./leanplay.toml when present).")
    var configPath: String?

    /// The configuration file's contents, or the defaults.
    func load() throws -> LeanPlayConfiguration {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        return try LeanPlayConfiguration.resolve(explicit: configPath, workingDirectory: cwd)
    }
}
