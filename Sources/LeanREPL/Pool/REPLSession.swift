import Synchronization

/// A lease on one REPL worker for a sequence of requests (env and proof state ids are per process, so
/// a verification — command, `#print axioms`, type check — or a step-wise search runs in one session).
///
/// Commands should run on ``headerEnvironment`` (the header's pristine env, never polluted: REPL
/// environments are immutable). When the worker's process crashes or was killed by a timeout, a request
/// on the header env (or on no env) is retried once on a fresh process with the header re-imported;
/// requests on envs or proof states created during the session cannot be, and throw.
///
/// Requests within one session are sequential (the REPL answers one at a time): await each `send` before
/// the next; sending concurrently on one session is API misuse and traps.
public struct REPLSession: Sendable {
    final class Context: Sendable {
        let worker: REPLWorker
        let header: String
        let pool: REPLWorkerPool
        let defaultTimeout: Duration
        let headerEnv: Mutex<Int?>
        init(worker: REPLWorker, header: String, pool: REPLWorkerPool, defaultTimeout: Duration, headerEnv: Int?) {
            self.worker = worker
            self.header = header
            self.pool = pool
            self.defaultTimeout = defaultTimeout
            self.headerEnv = Mutex(headerEnv)
        }
    }

    let context: Context

    /// The pristine environment of the session's header on the current process (nil for an empty header).
    public var headerEnvironment: Int? { context.headerEnv.withLock { $0 } }

    /// The session's header text.
    public var header: String { context.header }

    /// The pid of the worker's current REPL process (its process group id), when one is running.
    public var processID: Int32? { context.worker.process?.pid }

    /// A description of the leased worker, for logs.
    public var workerDescription: String { context.worker.process?.label ?? context.worker.name }

    /// Sends one request and returns the REPL's response (protocol errors such as "Unknown environment."
    /// come back in ``REPLResponse/protocolError``, not as thrown errors).
    /// - Parameter timeout: overrides the pool's request timeout for this request.
    /// - Throws: `LeanREPLError` `.timeout` (process group killed; the next request gets a fresh process),
    ///   `.crashed` (after one retry on a fresh process), `.protocolViolation`, `.responseTooLarge`,
    ///   `.headerFailed` (re-import after a crash failed), `.shutDown`.
    public func send(_ request: REPLRequest, timeout: Duration? = nil) async throws(LeanREPLError) -> REPLResponse {
        let limit = timeout ?? context.defaultTimeout
        var translated = request
        if context.worker.usableProcess == nil {
            translated = try await revive(request, after: nil)
        }
        do {
            return try await context.worker.send(translated, timeout: limit)
        } catch where error.code == .crashed || error.code == .writeFailed {
            let retried = try await revive(translated, after: error)
            do {
                return try await context.worker.send(retried, timeout: limit)
            } catch {
                throw LeanREPLError(.crashed, "the REPL crashed on this request twice (also on a fresh process); the input probably crashes Lean: \(error.message)", worker: error.worker, request: request.summary, stderrTail: error.stderrTail)
            }
        }
    }

    /// Replaces the worker's dead process, re-imports the header, and rewrites the request's env.
    private func revive(_ request: REPLRequest, after error: LeanREPLError?) async throws(LeanREPLError) -> REPLRequest {
        let oldEnv = headerEnvironment
        if let proofState = request.proofState {
            throw error ?? LeanREPLError(.crashed, "the session's REPL process was replaced after a failure; proofState \(proofState) no longer exists (only the header env is restored)", worker: context.worker.name, request: request.summary)
        }
        guard request.environment == nil || request.environment == oldEnv else {
            throw error ?? LeanREPLError(.crashed, "the session's REPL process was replaced after a failure; env \(request.environment ?? -1) no longer exists (only the header env is restored)", worker: context.worker.name, request: request.summary)
        }
        let newEnv = try await context.pool.revive(context.worker, header: context.header)
        context.headerEnv.withLock { $0 = newEnv }
        guard request.environment != nil, let newEnv else { return request }
        return request.replacingEnvironment(with: newEnv)
    }
}

extension REPLRequest {
    /// The proof state this request runs on, if any (proof states, like envs, exist on one process only).
    var proofState: Int? {
        switch self {
        case .tactic(_, let proofState), .pickleProofState(_, let proofState): return proofState
        case .command, .file, .pickleEnvironment, .unpickleEnvironment, .unpickleProofState: return nil
        }
    }

    /// The same request on another environment (requests without an env are returned unchanged).
    func replacingEnvironment(with env: Int) -> REPLRequest {
        switch self {
        case .command(let text, _, let allTactics, let rootGoals, let infotree):
            return .command(text, env: env, allTactics: allTactics, rootGoals: rootGoals, infotree: infotree)
        case .file(let path, _, let allTactics): return .file(path: path, env: env, allTactics: allTactics)
        case .pickleEnvironment(let path, _): return .pickleEnvironment(to: path, env: env)
        case .unpickleProofState(let path, _): return .unpickleProofState(from: path, env: env)
        case .tactic, .pickleProofState, .unpickleEnvironment: return self
        }
    }
}
