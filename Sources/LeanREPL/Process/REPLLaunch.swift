public import Foundation

/// How to start a Lean REPL process: an executable, its arguments and a working directory.
///
/// ```swift
/// let direct = try REPLLaunch.commandLine("/opt/repl/.lake/build/bin/repl")   // --lean-repl CMD
/// let project = try REPLLaunch.leanProject(URL(fileURLWithPath: "~/mathlib-project"))  // lake env repl
/// ```
public struct REPLLaunch: Sendable, Hashable, CustomStringConvertible {
    /// The resolved executable (an absolute path that exists and is executable).
    public var executable: URL
    /// Arguments after the executable.
    public var arguments: [String]
    /// The working directory of the REPL (the Lean project for `lake env repl`), or nil to inherit.
    public var workingDirectory: URL?

    /// A launch of an already resolved executable.
    public init(executable: URL, arguments: [String] = [], workingDirectory: URL? = nil) {
        self.executable = executable
        self.arguments = arguments
        self.workingDirectory = workingDirectory
    }

    /// `--lean-repl CMD`: a command line split like a shell does (single/double quotes, backslash escapes);
    /// the first word is resolved on `PATH` unless it contains a `/`.
    /// - Throws: `LeanREPLError` `.invalidLaunch` (empty or unbalanced quotes) or `.leanNotFound` (with
    ///   instructions for installing Lean and the REPL).
    public static func commandLine(
        _ text: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(LeanREPLError) -> REPLLaunch {
        let words = try CommandLineSplitter.split(text)
        guard let first = words.first else {
            throw LeanREPLError(.invalidLaunch, "the --lean-repl command is empty; pass the REPL binary, e.g. --lean-repl \"/path/to/repl/.lake/build/bin/repl\"")
        }
        let executable = try ExecutableResolver.resolve(first, path: environment["PATH"])
        return REPLLaunch(executable: executable, arguments: Array(words.dropFirst()))
    }

    /// `--lean-project DIR`: runs `lake env repl` inside a Lean project that has the REPL as a dependency.
    /// - Throws: `LeanREPLError` `.leanNotFound` when the folder is missing, is not a Lean project (no
    ///   lakefile.lean / lakefile.toml / lean-toolchain), or `lake` is not on `PATH`.
    public static func leanProject(
        _ directory: URL, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(LeanREPLError) -> REPLLaunch {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LeanREPLError(.leanNotFound, "the Lean project folder \(directory.path) does not exist. " + installGuidance)
        }
        let markers = ["lakefile.lean", "lakefile.toml", "lean-toolchain"]
        guard markers.contains(where: { FileManager.default.fileExists(atPath: directory.appendingPathComponent($0).path) }) else {
            throw LeanREPLError(.leanNotFound, "\(directory.path) is not a Lean project (no lakefile.lean, lakefile.toml or lean-toolchain). " + installGuidance)
        }
        let lake = try ExecutableResolver.resolve("lake", path: environment["PATH"])
        return REPLLaunch(executable: lake, arguments: ["env", "repl"], workingDirectory: directory)
    }

    /// What to do when Lean or the REPL cannot be found.
    public static let installGuidance = """
        To check proofs LeanPlay needs the Lean 4 REPL (leanprover-community/repl): \
        1) install elan (the Lean toolchain manager): curl https://elan.lean-lang.org/elan-init.sh -sSf | sh ; \
        2) build the REPL: git clone https://github.com/leanprover-community/repl && cd repl && lake build \
        (use the same Lean toolchain as your project's lean-toolchain); \
        3) pass either --lean-project DIR (a Lean project, e.g. one depending on Mathlib, with the REPL as a \
        dependency so that `lake env repl` works in it) or --lean-repl "/path/to/repl/.lake/build/bin/repl".
        """

    /// The command line as one string (for logs).
    public var description: String {
        ([executable.path] + arguments).joined(separator: " ") + (workingDirectory.map { " (in \($0.path))" } ?? "")
    }
}
