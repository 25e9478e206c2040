public import LeanREPL

/// Step-wise search sessions on a `REPLWorkerPool`: one leased worker per search (proof-state ids are
/// per process), sketch commands on the header's pristine environment, `{"tactic","proofState"}`
/// requests for every step.
public struct PoolTacticStepper: TacticSteppingProvider {
    /// The pool whose workers run the search.
    public let pool: REPLWorkerPool
    /// Per-request timeout for tactic steps (nil: the pool's default).
    public let stepTimeout: Duration?

    /// Creates a provider over `pool`.
    public init(pool: REPLWorkerPool, stepTimeout: Duration? = nil) {
        self.pool = pool
        self.stepTimeout = stepTimeout
    }

    /// Leases one worker that imported `header` for the duration of `body`.
    ///
    /// - Throws: `LeanREPLError` when no worker can be leased, or what `body` throws.
    public func withStepper<T: Sendable>(header: String, _ body: (any TacticStepping) async throws -> T) async throws -> T {
        let timeout = stepTimeout
        return try await pool.withSession(header: header) { session in
            try await body(SessionStepper(session: session, timeout: timeout))
        }
    }
}

/// One leased session seen as a `TacticStepping`.
struct SessionStepper: TacticStepping {
    let session: REPLSession
    let timeout: Duration?

    func start(_ command: String) async throws -> REPLResponse {
        try await session.send(.command(command, env: session.headerEnvironment), timeout: timeout)
    }

    func apply(_ tactic: String, to proofState: Int) async throws -> REPLResponse {
        try await session.send(.tactic(tactic, proofState: proofState), timeout: timeout)
    }
}
