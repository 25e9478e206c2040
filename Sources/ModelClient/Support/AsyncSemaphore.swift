import Synchronization

/// A counting semaphore for tasks: waiting suspends the task (no thread is blocked) and a cancelled
/// waiter leaves the queue at once.
final class AsyncSemaphore: Sendable {
    private struct State: ~Copyable {
        var available: Int
        var nextTicket: UInt64 = 0
        var waiters: [(ticket: UInt64, continuation: CheckedContinuation<Void, any Error>)] = []
        var cancelledTickets: Set<UInt64> = []
    }

    private let state: Mutex<State>

    /// Creates a semaphore with `permits` permits.
    init(permits: Int) {
        precondition(permits >= 1, "AsyncSemaphore needs at least one permit")
        state = Mutex(State(available: permits))
    }

    /// Waits for a permit.
    ///
    /// - Throws: `CancellationError` when the task is cancelled before a permit is granted.
    func acquire() async throws {
        let ticket = state.withLock { state -> UInt64 in
            state.nextTicket += 1
            return state.nextTicket
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let resumeNow: Result<Void, any Error>? = state.withLock { state in
                    if state.cancelledTickets.remove(ticket) != nil { return .failure(CancellationError()) }
                    if state.available > 0 {
                        state.available -= 1
                        return .success(())
                    }
                    state.waiters.append((ticket, continuation))
                    return nil
                }
                if let resumeNow { continuation.resume(with: resumeNow) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Void, any Error>? in
                if let position = state.waiters.firstIndex(where: { $0.ticket == ticket }) {
                    return state.waiters.remove(at: position).continuation
                }
                // Not queued yet (or already granted): remember, so a late enqueue fails instead of waiting.
                state.cancelledTickets.insert(ticket)
                return nil
            }
            waiter?.resume(throwing: CancellationError())
        }
        // A ticket cancelled after its permit was granted stays in the set; drop it.
        state.withLock { _ = $0.cancelledTickets.remove(ticket) }
    }

    /// Returns a permit, waking the longest waiter if any.
    func release() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, any Error>? in
            if state.waiters.isEmpty {
                state.available += 1
                return nil
            }
            return state.waiters.removeFirst().continuation
        }
        waiter?.resume()
    }

    /// Runs `body` holding a permit.
    ///
    /// - Throws: `CancellationError` while waiting, or whatever `body` throws.
    func withPermit<T: Sendable, Failure: Error>(_ body: () async throws(Failure) -> T) async throws -> T {
        try await acquire()
        defer { release() }
        return try await body()
    }
}
