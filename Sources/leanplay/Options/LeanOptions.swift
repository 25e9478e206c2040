import ArgumentParser
import LeanPlay

/// Flags that say how to reach Lean; they override `[lean]` and `[verification]` in `leanplay.toml`.
struct LeanOptions: ParsableArguments {
    @Option(help: "A Lean project folder; REPL workers run `lake env repl` inside it.")
    var leanProject: String?

    @Option(help: "An explicit REPL command line, e.g. \"/opt/repl/.lake/build/bin/repl\" (wins over --lean-project).")
    var leanRepl: String?

    @Option(help: "Number of REPL worker processes (default: number of cores).")
    var workers: Int?

    @Option(help: "Per-request Lean time limit in seconds.")
    var timeout: Double?

    @Flag(help: "Allow native_decide / decide +native / bv_decide and the axioms they add.")
    var allowNative = false

    /// Read before parsing by `CommandLog` (logging is set up before any command runs); declared here so
    /// that it is a valid flag of every command that talks to Lean or a model.
    @Flag(help: "Also log lifecycle events (REPL workers started, recycled, respawned) on standard error; by default only warnings are.")
    var verbose = false

    func validate() throws {
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1") }
        if let timeout, !(timeout > 0 && timeout.isFinite) { throw ValidationError("--timeout must be a positive number of seconds") }
    }

    /// `configuration` with these flags applied.
    func apply(to configuration: inout LeanPlayConfiguration) {
        var overrides = LeanPlayConfiguration.Overrides()
        overrides.leanProject = leanProject
        overrides.leanRepl = leanRepl
        overrides.workers = workers
        overrides.timeoutSeconds = timeout
        overrides.allowNative = allowNative
        configuration.apply(overrides)
    }
}
