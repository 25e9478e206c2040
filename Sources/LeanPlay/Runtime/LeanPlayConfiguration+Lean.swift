public import Foundation
public import LeanREPL
public import LeanVerify

extension LeanPlayConfiguration {
    /// How to start a REPL worker: `[lean] repl` (an explicit command line) wins over `[lean] project`
    /// (`lake env repl` inside that Lean project).
    ///
    /// - Throws: `LeanREPLError` with code `.leanNotFound` and install guidance when neither is set, when
    ///   the project folder is not a Lean project, or when the executable is not on `PATH`.
    public func replLaunch(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(LeanREPLError) -> REPLLaunch {
        if let repl = lean.repl, !repl.isEmpty {
            return try REPLLaunch.commandLine(repl, environment: environment)
        }
        if let project = lean.project, !project.isEmpty {
            return try REPLLaunch.leanProject(URL(fileURLWithPath: Self.expandingTilde(project, environment)), environment: environment)
        }
        throw LeanREPLError(
            .leanNotFound,
            "no Lean is configured: pass --lean-project DIR or --lean-repl CMD, or set `project` or `repl` under [lean] in leanplay.toml. "
                + REPLLaunch.installGuidance)
    }

    /// The worker-pool settings for `launch`. The variables holding this configuration's secrets
    /// (``secretVariableNames``) are removed from the environment Lean's processes are started from, even
    /// where the REPL's allow-list would pass their names (e.g. `password_env = "LC_DBPASS"`).
    public func poolConfiguration(launch: REPLLaunch) -> REPLPoolConfiguration {
        var configuration = REPLPoolConfiguration(launch: launch)
        let secrets = secretVariableNames
        configuration.environment = configuration.environment.filter { !secrets.contains($0.key) }
        if let workers = lean.workers { configuration.workers = max(1, workers) }
        configuration.requestTimeout = .timeout(seconds: lean.timeoutSeconds)
        if lean.maxRequestsPerWorker > 0 { configuration.maximumRequestsPerWorker = lean.maxRequestsPerWorker }
        if lean.memoryLimitMB > 0 {
            configuration.resourceLimits.addressSpaceBytes = UInt64(lean.memoryLimitMB) << 20
        }
        return configuration
    }

    /// The environment variables that hold secrets by this configuration: `PGPASSWORD`, `[ledger]
    /// password_env` and every model's `api_key_env`. Never passed to Lean's processes.
    public var secretVariableNames: Set<String> {
        Set(["PGPASSWORD", ledger.passwordEnv] + models.values.compactMap(\.apiKeyEnv))
    }

    /// The acceptance rules of `[verification]`.
    public var verificationPolicy: VerificationPolicy {
        VerificationPolicy(
            axiomWhitelist: Set(verification.axioms), allowedOptions: Set(verification.allowedOptions),
            allowNativeComputation: verification.allowNative, maxHeartbeats: lean.maxHeartbeats > 0 ? lean.maxHeartbeats : nil)
    }

    /// The verdict cache `leanplay verify` uses: `verdicts/` inside `[cache] directory` (relative paths
    /// resolved against `workingDirectory`); nil when `[cache] enabled = false` or `--no-cache`.
    public func verdictCache(workingDirectory: URL) -> DirectoryVerdictCache? {
        guard cache.enabled else { return nil }
        return DirectoryVerdictCache(directory: cacheDirectory(workingDirectory: workingDirectory))
    }

    static func expandingTilde(_ path: String, _ environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = environment["HOME"] else { return path }
        return home + path.dropFirst()
    }
}
