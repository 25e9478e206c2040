public import Conjecturer
public import Foundation

extension LeanPlayConfiguration {
    /// The prompt templates: `[prompts] directory` when set, else `./Prompts`, else the `Prompts/` folder
    /// of the LeanPlay checkout the executable was built in (found by walking up from the executable).
    ///
    /// - Throws: `LeanPlayError` `.configuration` when no folder is found; `ConjecturerError` when a template
    ///   cannot be read or parsed (naming the file).
    public func promptLibrary(
        workingDirectory: URL, executable: URL = URL(fileURLWithPath: CommandLine.arguments.first ?? ".")
    ) throws -> PromptLibrary {
        let folder = try promptsFolder(workingDirectory: workingDirectory, executable: executable)
        return try PromptLibrary.load(from: folder)
    }

    /// Where the prompt templates are read from (see ``promptLibrary(workingDirectory:executable:)``).
    public func promptsFolder(workingDirectory: URL, executable: URL) throws(LeanPlayError) -> URL {
        let fileManager = FileManager.default
        func isFolder(_ url: URL) -> Bool {
            var isDirectory: ObjCBool = false
            return fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        if let configured = prompts.directory {
            let url = URL(fileURLWithPath: configured, relativeTo: workingDirectory)
            guard isFolder(url) else {
                throw LeanPlayError(
                    .configuration, "the prompts folder \(url.path) does not exist",
                    fix: "point [prompts] directory (or --prompts) at a folder laid out like LeanPlay's Prompts/")
            }
            return url
        }
        let local = workingDirectory.appendingPathComponent("Prompts")
        if isFolder(local) { return local }
        var candidate = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let prompts = candidate.appendingPathComponent("Prompts")
            if isFolder(prompts), fileManager.fileExists(atPath: candidate.appendingPathComponent("Package.swift").path) {
                return prompts
            }
            candidate.deleteLastPathComponent()
        }
        throw LeanPlayError(
            .configuration, "no Prompts/ folder found (looked in \(local.path) and above the executable)",
            fix: "run from the LeanPlay checkout, or set [prompts] directory in leanplay.toml (or --prompts DIR)")
    }
}
