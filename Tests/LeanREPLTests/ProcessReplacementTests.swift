import Foundation
import LeanPlayTestSupport
import LeanREPL
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What survives (and what must not survive) the replacement of a dead REPL process.
@Suite("REPL process replacement", .serialized, .enabled(if: FakeREPL.isBuilt))
struct ProcessReplacementTests {
    /// Waits (up to 5 s) until `condition` holds; returns whether it did.
    private func eventually(_ condition: () async -> Bool) async throws -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(5)
        while clock.now < deadline {
            if await condition() { return true }
            try await Task.sleep(for: .milliseconds(10))
        }
        return await condition()
    }

    /// Pids of live (not zombie) processes whose command line contains `marker`.
    private func livePIDs(withArgument marker: String) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> Int32? in
            guard let pid = Int32(entry),
                  let commandLine = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline"),
                  String(decoding: commandLine, as: UTF8.self).contains(marker),
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let state = stat.split(separator: ")").last?.split(separator: " ").first,
                  state != "Z"
            else { return nil }
            return pid
        }
    }

    @Test func tacticOnAProofStateIsNotRetriedOnAFreshProcessWhereTheStateDoesNotExist() async throws {
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("crash-once-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: marker) }
        // Request 1 imports the header, 2 makes proof state 0, 3 (the tactic) crashes the first process.
        let pool = REPLWorkerPool(configuration: try FakeREPL.poolConfiguration(["--crash-after", "3", "--crash-once-marker", marker]))
        do {
            let response = try await pool.withSession(header: "import Lean") { session in
                let sorry = try await session.send(.command("theorem t : True := by sorry", env: session.headerEnvironment))
                let state = try #require(sorry.sorries.first?.proofState)
                return try await session.send(.tactic("trivial", proofState: state))
            }
            Issue.record("expected the crash to be reported, got \(response)")
        } catch let error as LeanREPLError {
            #expect(error.code == .crashed, "\(error)")
            #expect(error.stderrTail?.contains("crashing on request 3") == true)
        }
        await pool.shutdown()
    }

    @Test func aWarmSpareThatDiedIsReplacedAndNotReportedAsReady() async throws {
        // A harmless flag whose unique value finds this test's processes in /proc.
        let marker = "/nonexistent/spare-\(UUID().uuidString)"
        var configuration = try FakeREPL.poolConfiguration(["--crash-once-marker", marker])
        configuration.maximumRequestsPerWorker = 1
        configuration.warmSpare = true
        let pool = REPLWorkerPool(configuration: configuration)
        _ = try await pool.withSession(header: "import Lean") { try await $0.send(.command("def a := 1", env: $0.headerEnvironment)) }
        // The worker's process was recycled; the spare (with the header imported) is the only one left.
        #expect(try await eventually { await pool.statistics.hasWarmSpare })
        #expect(try await eventually { livePIDs(withArgument: marker).count == 1 })
        let spare = try #require(livePIDs(withArgument: marker).first)
        kill(spare, SIGKILL)
        #expect(try await eventually { await !pool.statistics.hasWarmSpare })

        let env = try await pool.withSession(header: "import Lean") { $0.headerEnvironment }
        #expect(env == 0)
        #expect(try await eventually { await pool.statistics.hasWarmSpare })
        #expect(await pool.statistics.processesStarted == 4)  // worker, spare, new worker, new spare
        await pool.shutdown()
        #expect(await pool.statistics.runningProcesses == 0)
        #expect(livePIDs(withArgument: marker).isEmpty)
    }
}
