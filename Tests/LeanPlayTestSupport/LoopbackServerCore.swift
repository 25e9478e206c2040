import Foundation
import Glibc
import Synchronization

/// The loopback server's shared state and accept loop. Threads hold this core, not the public server,
/// so dropping the server still stops everything (its deinit calls `stop()`).
final class LoopbackServerCore: Sendable {
    struct State {
        var requests: [LoopbackRequest] = []
        var requestCount = 0
        var inFlight = 0
        var maxInFlight = 0
        var connections = 0
        var openSockets: Set<Int32> = []
        var stopped = false
    }

    private let listener: Int32
    private let deadline: ContinuousClock.Instant
    let handler: @Sendable (LoopbackRequest) -> LoopbackReply
    private let state = Mutex(State())

    init(listener: Int32, handler: @escaping @Sendable (LoopbackRequest) -> LoopbackReply, deadline: ContinuousClock.Instant) {
        self.listener = listener
        self.handler = handler
        self.deadline = deadline
    }

    func start() {
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "loopback-model-server.accept"
        thread.start()
    }

    /// True once `stop()` ran or the lifetime ended.
    var isStopped: Bool {
        state.withLock { $0.stopped } || ContinuousClock.now >= deadline
    }

    func stop() {
        state.withLock { state in
            guard !state.stopped else { return }
            state.stopped = true
            // Wake every connection thread; each closes its own socket (under this lock, see `closeSocket`).
            for fd in state.openSockets { shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }

    func snapshot() -> State { state.withLock { $0 } }

    private func acceptLoop() {
        defer { close(listener) }
        while !isStopped {
            var ready = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, 50) > 0 else { continue }
            let fd = accept(listener, nil, nil)
            guard fd >= 0 else { continue }
            var yes: Int32 = 1
            _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
            let admitted = state.withLock { state -> Bool in
                guard !state.stopped else { return false }
                state.openSockets.insert(fd)
                state.connections += 1
                return true
            }
            guard admitted else {
                close(fd)
                continue
            }
            let connection = LoopbackConnection(fd: fd, core: self)
            let thread = Thread { connection.serve() }
            thread.name = "loopback-model-server.connection"
            thread.start()
        }
    }

    /// Records a fully received request and marks it in flight.
    func begin(_ request: LoopbackRequest) {
        state.withLock { state in
            state.requests.append(request)
            state.requestCount += 1
            state.inFlight += 1
            state.maxInFlight = max(state.maxInFlight, state.inFlight)
        }
    }

    /// Marks a request answered (or abandoned).
    func end() {
        state.withLock { $0.inFlight -= 1 }
    }

    /// Closes a connection socket; deregistering under the lock means `stop()` never shuts down a
    /// reused descriptor number.
    func closeSocket(_ fd: Int32) {
        state.withLock { state in
            state.openSockets.remove(fd)
            close(fd)
        }
    }
}
