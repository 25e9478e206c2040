import Foundation

/// Finds an executable by name on a `PATH` value (or checks a path containing `/`).
enum ExecutableResolver {
    static func resolve(_ name: String, path: String?) throws(LeanREPLError) -> URL {
        let manager = FileManager.default
        if name.contains("/") {
            let url = URL(fileURLWithPath: (name as NSString).expandingTildeInPath)
            guard manager.isExecutableFile(atPath: url.path), !isDirectory(url.path) else {
                throw LeanREPLError(.leanNotFound, "the REPL executable \(url.path) does not exist or is not executable. " + REPLLaunch.installGuidance)
            }
            return url
        }
        for folder in (path ?? "").split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if manager.isExecutableFile(atPath: candidate.path), !isDirectory(candidate.path) { return candidate }
        }
        throw LeanREPLError(.leanNotFound, "`\(name)` was not found on PATH. " + REPLLaunch.installGuidance)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }
}
