@testable import SelfPlay
import Synchronization
import Testing

/// A clock whose sleepers wake only when the test advances it past their deadline.
final class SteppedClock: Clock, Sendable {
    typealias Instant = ManualClock.Instant
    private struct State {
        var now = Instant(offset: .zero)
        var sleepers: [(deadline: Instant, continuation: CheckedContinuation<Void, any Error>)] = []
    }
    private let state = Mutex(State())

    var now: Instant { state.withLock { $0.now } }
    var minimumResolution: Duration { .nanoseconds(1) }
    var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        try Task.checkCancellation()
        try await withCheckedThrowingContinuation { continuation in
            let wake = state.withLock { state -> Bool in
                if deadline <= state.now { return true }
                state.sleepers.append((deadline, continuation))
                return false
            }
            if wake { continuation.resume() }
        }
    }

    /// Moves time on and wakes every sleeper whose deadline passed.
    func advance(by duration: Duration) {
        let woken = state.withLock { state -> [CheckedContinuation<Void, any Error>] in
            state.now = state.now.advanced(by: duration)
            let now = state.now
            let due = state.sleepers.filter { $0.deadline <= now }.map(\.continuation)
            state.sleepers.removeAll { $0.deadline <= now }
            return due
        }
        for continuation in woken { continuation.resume() }
    }

    /// Wakes every sleeper with `CancellationError` (the end of a test).
    func cancelSleepers() {
        let all = state.withLock { state -> [CheckedContinuation<Void, any Error>] in
            defer { state.sleepers = [] }
            return state.sleepers.map(\.continuation)
        }
        for continuation in all { continuation.resume(throwing: CancellationError()) }
    }
}

@Suite struct HeartbeatTests {
    static func waitUntil(_ condition: () -> Bool) async {
        while !condition() { await Task.yield() }
    }

    @Test("the heartbeat beats once per interval of the injected clock, and stops when cancelled")
    func beatsOncePerInterval() async throws {
        let clock = SteppedClock()
        let beats = Mutex(0)
        let heartbeat = Heartbeat.start(every: 20, clock: clock) { beats.withLock { $0 += 1 } }
        for expected in 1...3 {
            await Self.waitUntil { clock.sleeperCount == 1 }
            clock.advance(by: .seconds(19))
            #expect(beats.withLock { $0 } == expected - 1, "not before the interval ends")
            clock.advance(by: .seconds(1))
            await Self.waitUntil { beats.withLock { $0 } == expected }
        }
        await Self.waitUntil { clock.sleeperCount == 1 }
        heartbeat.cancel()
        clock.cancelSleepers()
        await heartbeat.value
        #expect(beats.withLock { $0 } == 3, "no beat after cancellation")
    }

    @Test func theHeartbeatIsAThirdOfTheLease() {
        #expect(PeerConfiguration(id: "p", leaseSeconds: 90).heartbeatSeconds == 30)
    }
}
