/// One request to the Lean REPL (leanprover-community/repl), encoding to exactly the REPL's JSON keys.
///
/// ```swift
/// let header = REPLRequest.command("import Mathlib")                       // {"cmd": "import Mathlib"}
/// let check = REPLRequest.command("theorem t : 1 = 1 := by rfl", env: 0)   // {"cmd": …, "env": 0}
/// let step = REPLRequest.tactic("simp", proofState: 3)                     // {"tactic": "simp", "proofState": 3}
/// ```
public enum REPLRequest: Sendable, Hashable {
    /// `{"cmd", "env"?, "allTactics"?, "rootGoals"?, "infotree"?}`: elaborate Lean commands, in a fresh
    /// environment (`env` nil: the text may start with `import`) or on top of environment `env`.
    case command(
        _ text: String,
        env: Int? = nil,
        allTactics: Bool? = nil,
        rootGoals: Bool? = nil,
        infotree: String? = nil
    )
    /// `{"tactic", "proofState"}`: run one tactic on a proof state.
    case tactic(_ tactic: String, proofState: Int)
    /// `{"path", "env"?, "allTactics"?}`: elaborate a whole file (path as the REPL process sees it).
    case file(path: String, env: Int? = nil, allTactics: Bool? = nil)
    /// `{"pickleTo", "env"}`: save an environment to an `.olean` file.
    case pickleEnvironment(to: String, env: Int)
    /// `{"pickleTo", "proofState"}`: save a proof state to an `.olean` file.
    case pickleProofState(to: String, proofState: Int)
    /// `{"unpickleEnvFrom"}`: load an environment saved with ``pickleEnvironment(to:env:)``.
    case unpickleEnvironment(from: String)
    /// `{"unpickleProofStateFrom", "env"?}`: load a proof state saved with ``pickleProofState(to:proofState:)``.
    case unpickleProofState(from: String, env: Int? = nil)

    /// The environment this request runs on, if any.
    public var environment: Int? {
        switch self {
        case .command(_, let env, _, _, _), .file(_, let env, _), .unpickleProofState(_, let env): return env
        case .pickleEnvironment(_, let env): return env
        case .tactic, .pickleProofState, .unpickleEnvironment: return nil
        }
    }

    /// A short human description for logs and errors (kind and first characters, never the whole text).
    public var summary: String {
        switch self {
        case .command(let text, _, _, _, _): return "cmd \(REPLRequest.snippet(text))"
        case .tactic(let tactic, let proofState): return "tactic \(REPLRequest.snippet(tactic)) on proofState \(proofState)"
        case .file(let path, _, _): return "path \(path)"
        case .pickleEnvironment(let path, let env): return "pickle env \(env) to \(path)"
        case .pickleProofState(let path, let state): return "pickle proofState \(state) to \(path)"
        case .unpickleEnvironment(let path): return "unpickle env from \(path)"
        case .unpickleProofState(let path, _): return "unpickle proofState from \(path)"
        }
    }

    static func snippet(_ text: String, limit: Int = 60) -> String {
        let flat = String(text.map { $0 == "\n" ? "⏎" : $0 })
        return flat.count <= limit ? "\"\(flat)\"" : "\"\(flat.prefix(limit))…\""
    }
}
