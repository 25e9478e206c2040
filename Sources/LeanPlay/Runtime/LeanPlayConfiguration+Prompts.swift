public import Conjecturer
public import Foundation

extension LeanPlayConfiguration {
    /// The prompt templates: the ones LeanPlay ships (bundled with the package, found wherever the binary
    /// runs), with `[prompts] directory` (or `--prompts DIR`) adding templates or overriding shipped ones
    /// with the same id.
    ///
    /// - Parameter workingDirectory: a relative folder given as a flag is resolved against it (one written
    ///   in `leanplay.toml` was already resolved against the file's folder when it was loaded).
    /// - Throws: `LeanPlayError` `.configuration` when the configured folder does not exist;
    ///   `ConjecturerError` when a template cannot be read or parsed (naming the file).
    public func promptLibrary(workingDirectory: URL) throws -> PromptLibrary {
        try PromptLibrary.bundled(adding: promptsFolders(workingDirectory: workingDirectory))
    }

    /// The folders of templates that add to or override the shipped ones: `[prompts] directory` when set,
    /// else none.
    ///
    /// - Throws: `LeanPlayError` `.configuration` naming the folder when it does not exist.
    public func promptsFolders(workingDirectory: URL) throws(LeanPlayError) -> [URL] {
        guard let configured = prompts.directory, !configured.isEmpty else { return [] }
        let path = Self.expandingTilde(configured, ProcessInfo.processInfo.environment)
        let url = URL(fileURLWithPath: path, relativeTo: workingDirectory).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LeanPlayError(
                .configuration,
                "the prompts folder \(url.path) (from [prompts] directory or --prompts) does not exist",
                fix: "point it at a folder of *.mustache templates laid out like LeanPlay's Prompts/, or remove it to use the templates LeanPlay ships (a relative path in leanplay.toml is resolved against the file's folder)")
        }
        return [url]
    }
}
