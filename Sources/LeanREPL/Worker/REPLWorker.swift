import Synchronization

/// One pool slot: the current REPL process of the slot and its lifecycle state machine. Leased to one
/// session at a time by the pool; the Mutex only guards against the pool reading it concurrently.
final class REPLWorker: Sendable {
    struct Slot: Sendable {
        var machine: REPLWorkerStateMachine
        var process: REPLProcess?
    }

    let name: String
    private let slot: Mutex<Slot>
    private let maximumRequests: Int
    private let memoryCeilingBytes: Int?

    init(name: String, maximumRequests: Int, memoryCeilingBytes: Int?) {
        self.name = name
        self.maximumRequests = maximumRequests
        self.memoryCeilingBytes = memoryCeilingBytes
        slot = Mutex(Slot(machine: REPLWorkerStateMachine(maximumRequests: maximumRequests, memoryCeilingBytes: memoryCeilingBytes)))
    }

    /// The live process, if it can still take requests.
    var usableProcess: REPLProcess? {
        slot.withLock { slot in
            guard slot.machine.isUsable, let process = slot.process, !process.isUnusable else { return nil }
            return process
        }
    }

    /// The current process (usable or not).
    var process: REPLProcess? { slot.withLock { $0.process } }

    /// Installs a freshly started process with the headers it already imported; returns the old one.
    func install(_ process: REPLProcess, headers: [String: Int]) -> REPLProcess? {
        slot.withLock { slot in
            let old = slot.process
            var machine = REPLWorkerStateMachine(maximumRequests: maximumRequests, memoryCeilingBytes: memoryCeilingBytes)
            machine.processStarted()
            for (header, env) in headers { machine.headerImported(header, environment: env) }
            slot = Slot(machine: machine, process: process)
            return old
        }
    }

    /// Detaches the current process (to be terminated by the caller).
    func detach() -> REPLProcess? {
        slot.withLock { slot in
            let old = slot.process
            _ = slot.machine.shutdownRequested()
            slot.process = nil
            return old
        }
    }

    func lookup(header: String) -> REPLWorkerStateMachine.HeaderLookup {
        slot.withLock { $0.machine.lookup(header: header) }
    }

    func headerImported(_ header: String, environment: Int) {
        slot.withLock { $0.machine.headerImported(header, environment: environment) }
    }

    /// Sends one request through the state machine.
    /// - Throws: `LeanREPLError` from the machine (worker not usable) or the process.
    func send(_ request: REPLRequest, timeout: Duration, timeoutCode: LeanREPLError.Code = .timeout) async throws(LeanREPLError) -> REPLResponse {
        let (actions, process) = slot.withLock { slot in
            slot.process == nil ? ([REPLWorkerStateMachine.Action.failRequest(LeanREPLError(.crashed, "the worker has no process"))], nil) : (slot.machine.requestSubmitted(), slot.process)
        }
        for case .failRequest(let error) in actions { throw error.with(worker: name, request: request.summary) }
        guard let process else { throw LeanREPLError(.crashed, "the worker has no process", worker: name) }
        do {
            let response = try await process.send(request, timeout: timeout, timeoutCode: timeoutCode)
            let after = slot.withLock { $0.machine.responseReceived() }
            if after.contains(.killProcessGroup) { process.killGroup() }
            return response
        } catch {
            let after = slot.withLock { $0.machine.requestFailed(error) }
            if after.contains(.killProcessGroup) { process.killGroup() }
            throw error
        }
    }

    /// What the pool must do when a lease ends.
    enum LeaseEnd {
        /// Keep the process.
        case keep
        /// Replace the process (dead, or due for recycling with a spare ready).
        case replace
        /// Recycling is due but waits for a warm spare: start one.
        case prepareSpare
    }

    /// Ends a lease: whether the worker must be replaced (dead; or too many requests or too much memory
    /// and a warm spare is ready) or needs a spare first.
    func leaseEnded(spareReady: Bool) -> LeaseEnd {
        let (needsMemory, process) = slot.withLock { ($0.machine.needsMemoryCheck, $0.process) }
        guard let process, !process.isUnusable else { return .replace }
        let resident = needsMemory ? process.residentBytes : nil
        let actions = slot.withLock { $0.machine.leaseEnded(residentBytes: resident, spareReady: spareReady) }
        if actions.contains(.respawn) { return .replace }
        return actions.contains(.prepareSpare) ? .prepareSpare : .keep
    }
}
