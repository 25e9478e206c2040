import LeanPlayTestSupport
import LeanREPL
import LeanVerify
import Synchronization
import Testing

/// A clock whose every reading is 7 ms after the previous one: elapsed time becomes deterministic.
final class SteppingClock: Clock, Sendable {
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private let readings = Mutex(0)
    var now: Instant { Instant(offset: .milliseconds(7) * readings.withLock { $0 += 1; return $0 }) }
    var minimumResolution: Duration { .milliseconds(1) }
    func sleep(until deadline: Instant, tolerance: Duration?) async throws {}
}

@Suite("Elapsed time uses the injected clock", .enabled(if: FakeREPL.isBuilt))
struct ElapsedTimeTests {
    @Test func elapsedMillisecondsComeFromTheClock() async throws {
        let pool = REPLWorkerPool(configuration: try FakeREPL.poolConfiguration(["--crash-after", "1"]))
        let verifier = LeanVerifier(pool: pool, clock: SteppingClock())
        let verdict = await verifier.verify(header: "", statement: "theorem t : 1 = 1 := by", proof: "native_decide")
        let check = await verifier.validate(header: "", statement: "def f := 1")
        await pool.shutdown()
        #expect(verdict.status == .tampered)
        #expect(verdict.elapsedMilliseconds == 7)
        #expect(check.elapsedMilliseconds == 7)
    }
}
