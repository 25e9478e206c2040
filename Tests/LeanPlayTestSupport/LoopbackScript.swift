import Synchronization

/// A queue of scripted replies shared by the server's connection threads.
final class LoopbackScript: Sendable {
    private let remaining: Mutex<[LoopbackReply]>

    init(_ replies: [LoopbackReply]) {
        remaining = Mutex(replies.reversed())
    }

    /// The next scripted reply, or nil when the script is used up.
    func next() -> LoopbackReply? {
        remaining.withLock { $0.popLast() }
    }
}
