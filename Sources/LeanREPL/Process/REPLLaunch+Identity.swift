import Foundation

extension REPLLaunch {
    /// A stable description of the Lean a launch runs, for verdict-cache keys: the executable, its
    /// arguments and working directory, and — when the working directory (or the directory above a
    /// `.lake/build/bin/repl` executable) is a Lean project — its `lean-toolchain` and
    /// `lake-manifest.json` (Lean version and the pinned revision of every dependency, Mathlib
    /// included). Changing the toolchain or updating Mathlib changes the identity, so verdicts decided by
    /// another Lean are never reused.
    public var identity: String {
        var parts = ["executable=\(executable.standardizedFileURL.path)", "arguments=\(arguments.joined(separator: "\u{1F}"))"]
        if let workingDirectory { parts.append("directory=\(workingDirectory.standardizedFileURL.path)") }
        for project in projectDirectories {
            for name in ["lean-toolchain", "lake-manifest.json"] {
                if let text = try? String(contentsOf: project.appendingPathComponent(name), encoding: .utf8) {
                    parts.append("\(project.lastPathComponent)/\(name)=\(text)")
                }
            }
        }
        return parts.joined(separator: "\n")
    }

    /// The folders that may hold the Lean project's toolchain files.
    private var projectDirectories: [URL] {
        var folders: [URL] = []
        if let workingDirectory { folders.append(workingDirectory) }
        // …/project/.lake/build/bin/repl → …/project
        let binary = executable.standardizedFileURL
        let components = binary.pathComponents
        if components.count >= 5, Array(components.suffix(4).prefix(3)) == [".lake", "build", "bin"] {
            folders.append(binary.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent())
        }
        return folders
    }
}
