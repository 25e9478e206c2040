import Foundation
import LeanPlayTestSupport
import LeanREPL
import Testing

/// "No re-import for what a fresh process would not fix": recycling happens between checks, only onto
/// a warm spare that already imported the header, so no check waits for an import.
@Suite("Recycling onto a warm spare", .enabled(if: FakeREPL.isBuilt))
struct WarmRecyclingTests {
    @Test func recycledWorkersNeverPutAnImportOnTheCriticalPath() async throws {
        var configuration = try FakeREPL.poolConfiguration(["--instant"], workers: 1)
        configuration.warmSpare = true
        configuration.maximumRequestsPerWorker = 3
        let pool = REPLWorkerPool(configuration: configuration)
        var pids: Set<Int32> = []
        for index in 0..<12 {
            let pid = try await pool.withSession(header: "import Mathlib") { session in
                _ = try await session.send(.command("theorem t\(index) : True := trivial", env: session.headerEnvironment))
                return session.processID
            }
            if let pid { pids.insert(pid) }
            // Let the background spare finish between checks (a wait, not a timing assertion).
            let clock = ContinuousClock()
            let deadline = clock.now + .seconds(10)
            while await !pool.statistics.hasWarmSpare, clock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        }
        let statistics = await pool.statistics
        await pool.shutdown()
        #expect(pids.count >= 3, "the worker was recycled several times (\(pids.count) processes served checks)")
        #expect(statistics.headerImportsOnCriticalPath == 1, "only the cold start imported inside a lease")
    }
}
