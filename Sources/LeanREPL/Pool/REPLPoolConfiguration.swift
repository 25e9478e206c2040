public import Foundation
public import Logging

/// How a ``REPLWorkerPool`` starts and manages its REPL processes.
///
/// ```swift
/// var configuration = REPLPoolConfiguration(launch: try .leanProject(projectURL))
/// configuration.workers = 4
/// configuration.requestTimeout = .seconds(30)
/// ```
public struct REPLPoolConfiguration: Sendable {
    /// How to start a REPL process.
    public var launch: REPLLaunch
    /// Number of worker processes (default: the number of active processors).
    public var workers: Int
    /// How many callers may wait for a worker before `withSession` throws `.queueFull`.
    public var queueCapacity: Int = 1024
    /// Default per-request timeout (overridable per call).
    public var requestTimeout: Duration = .seconds(60)
    /// Timeout for importing a header (the first request of a process; Mathlib takes a while).
    public var startupTimeout: Duration = .seconds(600)
    /// Recycle a worker after it answered this many requests (checked between leases).
    public var maximumRequestsPerWorker: Int = 5_000
    /// Recycle a worker when its process group's resident memory exceeds this (checked between leases).
    public var memoryCeilingBytes: Int? = 12 << 30
    /// Largest accepted response in bytes (default 64 MiB).
    public var maximumResponseBytes: Int = REPLMessageFramer.defaultMaximumMessageBytes
    /// Keep one extra started process (with the most recent header imported) to replace dead workers.
    public var warmSpare: Bool = true
    /// The environment the child's allow-list is applied to (default: this process's environment).
    public var environment: [String: String] = ProcessInfo.processInfo.environment
    /// Which variables the child may see (secrets are never passed).
    public var environmentPolicy: REPLEnvironmentPolicy = .standard
    /// rlimits applied to every child.
    public var resourceLimits: REPLResourceLimits = .standard
    /// Bytes of stderr kept per process for error reports.
    public var stderrCapacity: Int = 64 * 1024
    /// The clock timeouts are measured on.
    public var clock: any Clock<Duration> = ContinuousClock()
    /// Where lifecycle events (respawns, recycling) are logged. Requests' texts are never logged.
    public var logger = Logger(label: "leanplay.repl")

    /// A configuration with defaults for everything but the launch.
    public init(launch: REPLLaunch, workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        precondition(workers > 0, "a REPL pool needs at least one worker")
        self.launch = launch
        self.workers = workers
    }

    var processOptions: REPLProcessOptions {
        REPLProcessOptions(
            environmentPolicy: environmentPolicy, sourceEnvironment: environment, limits: resourceLimits,
            maximumResponseBytes: maximumResponseBytes, stderrCapacity: stderrCapacity, clock: clock
        )
    }
}
