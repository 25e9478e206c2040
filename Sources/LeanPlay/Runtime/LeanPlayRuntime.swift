public import Foundation
public import LeanREPL
public import LeanVerify

/// Scoped access to Lean built from a ``LeanPlayConfiguration``: a worker pool and a verifier that live
/// exactly as long as the closure, with every REPL process shut down afterwards (also on error).
///
/// ```swift
/// var configuration = LeanPlayConfiguration()
/// configuration.lean.project = "/home/me/lean/workspace"
/// let verdict = try await LeanPlayRuntime.withLean(configuration) { lean in
///     await lean.verifier.verify(header: "", statement: "theorem t : 2 + 2 = 4 := by", proof: "decide")
/// }
/// print(verdict.status)   // accepted
/// ```
public enum LeanPlayRuntime {
    /// The running Lean side of a job.
    public struct Lean: Sendable {
        /// The REPL worker pool.
        public let pool: REPLWorkerPool
        /// The proof verifier (also validates statements).
        public let verifier: LeanVerifier
        /// How the workers are started.
        public let launch: REPLLaunch
        /// The per-request time limit the pool was configured with.
        public let requestTimeout: Duration
    }

    /// Starts Lean as configured, runs `body`, and shuts every worker down.
    ///
    /// - Throws: `LeanREPLError` `.leanNotFound` (with install guidance) when Lean is not configured or
    ///   cannot be found; whatever `body` throws.
    public static func withLean<T: Sendable>(
        _ configuration: LeanPlayConfiguration,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        _ body: (Lean) async throws -> T
    ) async throws -> T {
        let launch = try configuration.replLaunch(environment: environment)
        var poolConfiguration = configuration.poolConfiguration(launch: launch)
        // Lean never sees the configuration's secrets (the ledger's password, model keys).
        let secrets = configuration.secretVariableNames
        poolConfiguration.environment = environment.filter { !secrets.contains($0.key) }
        let pool = REPLWorkerPool(configuration: poolConfiguration)
        let lean = Lean(
            pool: pool, verifier: LeanVerifier(pool: pool, policy: configuration.verificationPolicy), launch: launch,
            requestTimeout: poolConfiguration.requestTimeout)
        do {
            let result = try await body(lean)
            await pool.shutdown()
            return result
        } catch {
            await pool.shutdown()
            throw error
        }
    }
}
