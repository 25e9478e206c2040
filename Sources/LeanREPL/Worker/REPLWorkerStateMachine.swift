/// The lifecycle of one REPL worker as a value type: starting → ready ⇄ busy → draining → exited.
/// Every event returns the actions the owner must perform; no I/O happens here, so every transition is
/// unit-tested without processes.
///
/// The machine also owns the worker's header cache (header text → pristine env id). REPL environments
/// are immutable, so a header's env is imported once per process and reused by every later check.
public struct REPLWorkerStateMachine: Sendable, Hashable {
    /// Where the worker is in its life.
    public enum State: Sendable, Hashable {
        /// The process is being spawned.
        case starting
        /// Idle and healthy.
        case ready
        /// One request is in flight.
        case busy
        /// Being stopped (killed, or recycled); no new requests.
        case draining(Reason)
        /// The process has been reaped.
        case exited
    }

    /// Why a worker is draining.
    public enum Reason: String, Sendable, Hashable {
        /// A request timed out (or was cancelled) and the process group was killed.
        case timeout
        /// The process exited or its stdin broke.
        case crashed
        /// The process wrote something that is not a REPL response.
        case protocolViolation
        /// The worker served its maximum requests or outgrew the memory ceiling.
        case recycled
        /// The pool is shutting down.
        case shutdown
        /// The process could not be started.
        case startFailed
    }

    /// What the owner must do after an event.
    public enum Action: Sendable, Hashable {
        /// Write the request to the process.
        case send
        /// Hand the response to the caller.
        case deliver
        /// Fail the request with this error.
        case failRequest(LeanREPLError)
        /// SIGKILL the process group.
        case killProcessGroup
        /// Start a replacement process (after the old one is reaped).
        case respawn
        /// Recycling is due but no warm spare is ready: keep serving on this process and start a spare,
        /// so the swap happens later without any check waiting for an import.
        case prepareSpare
    }

    /// How the header's environment can be obtained.
    public enum HeaderLookup: Sendable, Hashable {
        /// Already imported on this process (nil for an empty header).
        case cached(Int?)
        /// Must be imported with `{"cmd": header}` (no env) first.
        case needsImport
    }

    /// The current state.
    public private(set) var state: State = .starting
    /// Requests answered by this process.
    public private(set) var requestsServed = 0
    /// Header text → env id on this process.
    public private(set) var headerEnvironments: [String: Int] = [:]
    /// Recycle after this many answered requests.
    public let maximumRequests: Int
    /// Recycle when the process group's resident memory exceeds this many bytes (checked between leases).
    public let memoryCeilingBytes: Int?

    /// Creates a machine for a process being started.
    public init(maximumRequests: Int = 10_000, memoryCeilingBytes: Int? = nil) {
        precondition(maximumRequests > 0, "maximumRequests must be positive")
        self.maximumRequests = maximumRequests
        self.memoryCeilingBytes = memoryCeilingBytes
    }

    /// The process is running.
    public mutating func processStarted() {
        if state == .starting { state = .ready }
    }

    /// Spawning failed.
    public mutating func startFailed() -> [Action] {
        state = .exited
        return []
    }

    /// A caller wants to send a request.
    public mutating func requestSubmitted() -> [Action] {
        switch state {
        case .ready:
            state = .busy
            return [.send]
        case .busy:
            preconditionFailure("a REPL worker serves one request at a time; await the previous response first")
        case .starting:
            return [.failRequest(LeanREPLError(.crashed, "the REPL worker has not started yet"))]
        case .draining(let reason):
            let code: LeanREPLError.Code = reason == .shutdown ? .shutDown : .crashed
            return [.failRequest(LeanREPLError(code, "the REPL worker is being stopped (\(reason.rawValue)); retry on a fresh worker"))]
        case .exited:
            return [.failRequest(LeanREPLError(.crashed, "the REPL worker's process has exited; retry on a fresh worker"))]
        }
    }

    /// The in-flight request got its response.
    public mutating func responseReceived() -> [Action] {
        guard state == .busy else { return [.killProcessGroup] }
        state = .ready
        requestsServed += 1
        return [.deliver]
    }

    /// The in-flight request failed. Process-level failures drain the worker and ask for a respawn.
    public mutating func requestFailed(_ error: LeanREPLError) -> [Action] {
        let reason: Reason? = switch error.code {
        case .timeout, .startupTimeout, .cancelled: .timeout
        case .crashed, .writeFailed: .crashed
        case .protocolViolation, .responseTooLarge: .protocolViolation
        case .shutDown: .shutdown
        default: nil
        }
        guard let reason else {
            if state == .busy { state = .ready }
            return [.failRequest(error)]
        }
        if case .draining = state {} else if state != .exited { state = .draining(reason) }
        return [.killProcessGroup, .failRequest(error)]
    }

    /// A header was imported on this process.
    public mutating func headerImported(_ header: String, environment: Int) {
        headerEnvironments[header] = environment
    }

    /// How to get the pristine environment of `header` on this process.
    public func lookup(header: String) -> HeaderLookup {
        if header.allSatisfy(\.isWhitespace) { return .cached(nil) }
        if let env = headerEnvironments[header] { return .cached(env) }
        return .needsImport
    }

    /// A lease ended; recycle if the worker has served enough requests or grown too large.
    ///
    /// Recycling happens only between checks, and only once a warm spare (with the header imported) is
    /// ready to take over (`spareReady`), so no check waits for an import: until then the answer is
    /// ``Action/prepareSpare`` and the worker keeps serving. A worker far past its limits (twice the
    /// requests, or 1.5 × the memory ceiling) is recycled even without a spare.
    public mutating func leaseEnded(residentBytes: Int?, spareReady: Bool = true) -> [Action] {
        guard state == .ready else { return state == .exited ? [.respawn] : [] }
        let tooMany = requestsServed >= maximumRequests
        let tooLarge = memoryCeilingBytes.map { ceiling in (residentBytes ?? 0) > ceiling } ?? false
        guard tooMany || tooLarge else { return [] }
        let overdue = requestsServed / 2 >= maximumRequests
            || (memoryCeilingBytes.map { ceiling in (residentBytes ?? 0) / 3 > ceiling / 2 } ?? false)
        guard spareReady || overdue else { return [.prepareSpare] }
        state = .draining(.recycled)
        return [.killProcessGroup, .respawn]
    }

    /// Whether a lease-end check needs the process's memory (so callers read /proc only then).
    public var needsMemoryCheck: Bool { memoryCeilingBytes != nil }

    /// The process has been reaped.
    public mutating func processExited() -> [Action] {
        let previous = state
        state = .exited
        switch previous {
        case .busy:
            return [.failRequest(LeanREPLError(.crashed, "the REPL process exited while a request was pending")), .respawn]
        case .draining(.shutdown):
            return []
        default:
            return [.respawn]
        }
    }

    /// The pool is shutting down.
    public mutating func shutdownRequested() -> [Action] {
        let wasBusy = state == .busy
        if state != .exited { state = .draining(.shutdown) }
        var actions: [Action] = [.killProcessGroup]
        if wasBusy { actions.append(.failRequest(LeanREPLError(.shutDown, "the REPL pool was shut down"))) }
        return actions
    }

    /// True when the worker can take a new lease.
    public var isUsable: Bool { state == .ready }
}
