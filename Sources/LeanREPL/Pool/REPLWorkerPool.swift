import Foundation
import Logging

/// A pool of Lean REPL worker processes. Callers lease one worker at a time for a sequence of requests
/// with ``withSession(header:_:)``; waiting callers queue (bounded). Workers whose process crashed,
/// timed out, served `maximumRequestsPerWorker` requests or outgrew `memoryCeilingBytes` are replaced,
/// preferably by a warm spare that already imported the most recent header.
///
/// ```swift
/// let pool = REPLWorkerPool(configuration: REPLPoolConfiguration(launch: try .leanProject(project)))
/// let response = try await pool.withSession(header: "import Mathlib") { session in
///     try await session.send(.command("theorem t : 1 + 1 = 2 := by norm_num", env: session.headerEnvironment))
/// }
/// await pool.shutdown()
/// ```
public actor REPLWorkerPool {
    /// The configuration the pool was created with.
    public nonisolated let configuration: REPLPoolConfiguration
    let workers: [REPLWorker]
    var idle: [REPLWorker]
    var waiters: [(id: UInt64, continuation: CheckedContinuation<REPLWorker, any Error>)] = []
    var nextWaiterID: UInt64 = 0
    var spare: (process: REPLProcess, headers: [String: Int])?
    var spareStarting = false
    var lastHeader = ""
    var isShutDown = false
    var background: [UInt64: Task<Void, Never>] = [:]
    var nextBackgroundID: UInt64 = 0
    var processCounter = 0
    var importsInLeases = 0
    var recyclesDeferred = 0

    /// Creates a pool. Processes start lazily, on first use.
    public init(configuration: REPLPoolConfiguration) {
        self.configuration = configuration
        let workers = (1...configuration.workers).map {
            REPLWorker(name: "repl-worker-\($0)", maximumRequests: configuration.maximumRequestsPerWorker, memoryCeilingBytes: configuration.memoryCeilingBytes)
        }
        self.workers = workers
        self.idle = workers.reversed()
    }

    /// Leases a worker, makes sure `header` is imported on it (once per process), runs `body` with a
    /// session, and returns the worker to the pool.
    /// - Throws: `LeanREPLError` `.queueFull`, `.shutDown`, `.leanNotFound`/`.spawnFailed` (process could not
    ///   start), `.headerFailed` (Lean rejected the header), `.startupTimeout`; or whatever `body` throws.
    /// The body runs in the caller's isolation (the pool actor is only entered to lease and return the
    /// worker), so it may capture non-Sendable state.
    public nonisolated func withSession<T: Sendable>(header: String, _ body: (REPLSession) async throws -> T) async throws -> T {
        let worker = try await acquire()
        do {
            let env = try await prepare(worker, header: header)
            let session = REPLSession(context: .init(worker: worker, header: header, pool: self, defaultTimeout: configuration.requestTimeout, headerEnv: env))
            let result = try await body(session)
            await release(worker)
            return result
        } catch {
            await release(worker)
            throw error
        }
    }

    /// Stops every process (SIGKILL to each process group), fails waiting callers with `.shutDown`, and
    /// waits until every child is reaped and its temporary folder removed.
    public func shutdown() async {
        isShutDown = true
        let waiting = waiters
        waiters = []
        for waiter in waiting {
            waiter.continuation.resume(throwing: LeanREPLError(.shutDown, "the REPL pool was shut down while waiting for a worker"))
        }
        var processes = workers.compactMap { $0.detach() }
        if let spare { processes.append(spare.process) }
        spare = nil
        for process in processes { await process.terminate() }
        while let (id, task) = background.first {
            await task.value
            background[id] = nil
        }
        if let spare { await spare.process.terminate() }
        self.spare = nil
    }

    /// Live statistics for monitoring and tests.
    public var statistics: REPLPoolStatistics {
        REPLPoolStatistics(
            workers: workers.count, idleWorkers: idle.count, waitingCallers: waiters.count,
            runningProcesses: (workers.compactMap(\.process) + [spare?.process].compactMap { $0 }).filter { !$0.hasExited }.count,
            processesStarted: processCounter, hasWarmSpare: spare.map { !$0.process.isUnusable } ?? false,
            processIDs: workers.compactMap { $0.process?.hasExited == false ? $0.process?.pid : nil },
            headerImportsOnCriticalPath: importsInLeases, recyclesDeferred: recyclesDeferred
        )
    }
}

/// A snapshot of a pool's state.
public struct REPLPoolStatistics: Sendable, Hashable {
    /// Configured worker slots.
    public var workers: Int
    /// Slots not leased.
    public var idleWorkers: Int
    /// Callers waiting for a slot.
    public var waitingCallers: Int
    /// Live child processes, including the warm spare.
    public var runningProcesses: Int
    /// Processes started since the pool was created (respawns and spares included).
    public var processesStarted: Int
    /// Whether a warm spare is ready.
    public var hasWarmSpare: Bool
    /// Pids of the workers' live processes.
    public var processIDs: [Int32]
    /// Header imports a caller waited for inside a lease (a cold start, a new header, or a replaced
    /// process without a ready spare); imports done by warm spares in the background are not counted.
    public var headerImportsOnCriticalPath: Int = 0
    /// Times recycling was due but postponed until a warm spare was ready.
    public var recyclesDeferred: Int = 0
}
