import Synchronization

/// The mutable state of one ``REPLProcess`` (kept behind its Mutex).
struct REPLProcessState: Sendable {
    struct Pending: Sendable {
        var id: UInt64
        var continuation: CheckedContinuation<Result<[UInt8], LeanREPLError>, Never>
        var timer: Task<Void, Never>?
    }

    var stderr: StderrRingBuffer
    var pending: Pending?
    var nextRequestID: UInt64 = 0
    /// Once set, the process is dead or untrustworthy: every later request fails with this error.
    var failure: LeanREPLError?
    var exitDescription: String?
    var hasExited = false
    var exitWaiters: [CheckedContinuation<Void, Never>] = []
    var answeredRequests = 0

    init(stderr: StderrRingBuffer) {
        self.stderr = stderr
    }

    /// Takes the pending request (cancelling its timer) if its id matches (or any id when nil).
    mutating func takePending(id: UInt64? = nil) -> Pending? {
        guard let pending, id == nil || pending.id == id else { return nil }
        self.pending = nil
        pending.timer?.cancel()
        return pending
    }
}

/// A reference to one process's state behind a `Mutex`, shareable between its reader, writer, timer
/// and callers.
final class REPLProcessStateBox: Sendable {
    private let mutex: Mutex<REPLProcessState>

    init(_ state: REPLProcessState) {
        mutex = Mutex(state)
    }

    func withLock<R: Sendable>(_ body: (inout REPLProcessState) -> R) -> R {
        mutex.withLock { body(&$0) }
    }
}
