import Foundation
import LeanPlayTestSupport
import LeanREPL
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Failure modes of real REPL processes, provoked with the fake's fault flags over real pipes.
@Suite("REPL process faults", .serialized, .enabled(if: FakeREPL.isBuilt))
struct FaultTests {
    private func pool(_ flags: [String], workers: Int = 1, configure: (inout REPLPoolConfiguration) -> Void = { _ in }) throws -> REPLWorkerPool {
        var configuration = try FakeREPL.poolConfiguration(flags, workers: workers)
        configure(&configuration)
        return REPLWorkerPool(configuration: configuration)
    }

    private func isAlive(_ pid: Int32) -> Bool { kill(pid, 0) == 0 }

    private func expectError(_ code: LeanREPLError.Code, _ body: () async throws -> Void) async -> LeanREPLError? {
        do {
            try await body()
            Issue.record("expected LeanREPLError.\(code)")
            return nil
        } catch let error as LeanREPLError {
            #expect(error.code == code, "\(error)")
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test func crashMidRequestIsRetriedOnceThenReportedAsCrashed() async throws {
        let pool = try pool(["--crash-after", "1"])
        let error = await expectError(.crashed) {
            _ = try await pool.withSession(header: "") { try await $0.send(.command("theorem t : True := trivial")) }
        }
        #expect(error?.message.contains("twice") == true)
        #expect(error?.stderrTail?.contains("crashing on request 1") == true)
        #expect(await pool.statistics.processesStarted == 2)
        await pool.shutdown()
    }

    @Test func crashMidRequestSucceedsOnAFreshProcessWithTheHeaderReimported() async throws {
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("crash-once-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: marker) }
        let pool = try pool(["--crash-after", "2", "--crash-once-marker", marker])
        let (before, after, response) = try await pool.withSession(header: "import Lean") { session in
            let before = session.headerEnvironment
            let response = try await session.send(.command("theorem t : True := by sorry", env: session.headerEnvironment))
            return (before, session.headerEnvironment, response)
        }
        #expect(before == 0)
        #expect(after == 0)  // re-imported on the fresh process, which numbers envs from 0 again
        #expect(response.sorries.count == 1)
        #expect(await pool.statistics.processesStarted == 2)
        await pool.shutdown()
    }

    @Test func hangTimesOutKillsTheGroupAndTheNextRequestGetsAFreshProcess() async throws {
        let pool = try pool(["--hang-after", "2"]) { $0.requestTimeout = .milliseconds(400) }
        let clock = ContinuousClock()
        var hungPID: Int32?
        let started = clock.now
        let error = await expectError(.timeout) {
            _ = try await pool.withSession(header: "") { session in
                _ = try await session.send(.command("def a := 1"))
                hungPID = session.processID
                return try await session.send(.command("def b := 2"))
            }
        }
        #expect(clock.now - started < .seconds(3))
        #expect(error?.worker?.contains("repl-") == true)
        let response = try await pool.withSession(header: "") { try await $0.send(.command("def c := 3")) }
        #expect(response.env == 0)
        await pool.shutdown()
        let pid = try #require(hungPID)
        #expect(!isAlive(pid))
    }

    @Test func perCallTimeoutOverridesThePoolDefault() async throws {
        let pool = try pool(["--delay-ms", "1500"])
        _ = await expectError(.timeout) {
            _ = try await pool.withSession(header: "") { try await $0.send(.command("def a := 1"), timeout: .milliseconds(200)) }
        }
        await pool.shutdown()
    }

    @Test func garbageIsAProtocolViolationNamingTheWorkerWithASnippet() async throws {
        let pool = try pool(["--garbage-after", "1"])
        let error = await expectError(.protocolViolation) {
            _ = try await pool.withSession(header: "") { try await $0.send(.command("def a := 1")) }
        }
        #expect(error?.message.contains("not JSON") == true)
        #expect(error?.worker?.contains("repl-1") == true)
        await pool.shutdown()
    }

    @Test func partialJSONThenExitIsAProtocolViolation() async throws {
        let pool = try pool(["--partial-after", "1"])
        let error = await expectError(.protocolViolation) {
            _ = try await pool.withSession(header: "") { try await $0.send(.command("def a := 1")) }
        }
        #expect(error?.message.contains("middle of a response") == true)
        await pool.shutdown()
    }

    @Test func tenMegabyteResponseIsDecoded() async throws {
        let pool = try pool(["--instant", "--huge-response-bytes", "10000000"])
        let response = try await pool.withSession(header: "") { try await $0.send(.command("def a := 1")) }
        #expect(response.env == 0)
        #expect((response.messages.first?.data.utf8.count ?? 0) > 9_900_000)
        await pool.shutdown()
    }

    @Test func responseOverTheConfiguredMaximumIsResponseTooLarge() async throws {
        let pool = try pool(["--instant", "--huge-response-bytes", "2000000"]) { $0.maximumResponseBytes = 1_000_000 }
        _ = await expectError(.responseTooLarge) {
            _ = try await pool.withSession(header: "") { try await $0.send(.command("def a := 1")) }
        }
        await pool.shutdown()
    }

    @Test func stderrNoiseDoesNotDeadlockAndTheTailIsBounded() async throws {
        let pool = try pool(["--instant", "--stderr-noise"])
        let envs = try await pool.withSession(header: "") { session in
            var envs: [Int?] = []
            for index in 0..<5 { envs.append(try await session.send(.command("def a\(index) := 1")).env) }
            return envs
        }
        #expect(envs == [0, 1, 2, 3, 4])
        await pool.shutdown()
        let crashing = try self.pool(["--stderr-noise", "--crash-after", "1"])
        let error = await expectError(.crashed) {
            _ = try await crashing.withSession(header: "") { try await $0.send(.command("def z := 1")) }
        }
        let tail = try #require(error?.stderrTail)
        #expect(tail.contains("noise"))
        #expect(tail.utf8.count <= 64 * 1024 + 100)
        await crashing.shutdown()
    }

    @Test func slowStartWithinTheStartupTimeoutWorks() async throws {
        let pool = try pool(["--slow-start-ms", "300"])
        let env = try await pool.withSession(header: "import Lean") { $0.headerEnvironment }
        #expect(env == 0)
        await pool.shutdown()
    }

    @Test func replThatNeverAnswersItsFirstRequestHitsTheStartupTimeout() async throws {
        let pool = try pool(["--slow-start-ms", "10000"]) { $0.startupTimeout = .milliseconds(300) }
        let error = await expectError(.startupTimeout) {
            _ = try await pool.withSession(header: "import Mathlib") { $0.headerEnvironment }
        }
        #expect(error?.message.contains("startup") == true)
        await pool.shutdown()
    }

    @Test func processThatExitsSilentlyFailsThePendingRequest() async throws {
        let pool = try pool(["--exit-silently-after", "1"])
        let error = await expectError(.crashed) {
            _ = try await pool.withSession(header: "") { try await $0.send(.command("def a := 1")) }
        }
        #expect(error?.message.contains("exited(0)") == true)
        await pool.shutdown()
    }

    @Test func missingExecutableIsLeanNotFoundWithoutHanging() async throws {
        var configuration = REPLPoolConfiguration(launch: REPLLaunch(executable: URL(fileURLWithPath: "/nonexistent/repl")), workers: 1)
        configuration.warmSpare = false
        let pool = REPLWorkerPool(configuration: configuration)
        let error = await expectError(.leanNotFound) {
            _ = try await pool.withSession(header: "") { try await $0.send(.command("def a := 1")) }
        }
        #expect(error?.message.contains("elan") == true)
        await pool.shutdown()
    }

    @Test func secretsNeverReachTheChildAndTMPDIRIsPrivateAndRemoved() async throws {
        let pool = try pool(["--echo-env"]) { configuration in
            configuration.environment = [
                "PATH": "/usr/bin:/bin", "HOME": "/root", "LANG": "C.UTF-8", "FAKE_API_KEY": "sk-test-123",
                "LC_SECRET_TOKEN": "t", "UNRELATED": "u",
            ]
        }
        let response = try await pool.withSession(header: "") { try await $0.send(.command("def a := 1")) }
        let names = Set((response.messages.first?.data ?? "").split(separator: "\n").map(String.init))
        #expect(!names.contains("FAKE_API_KEY"))
        #expect(!names.contains("LC_SECRET_TOKEN"))
        #expect(!names.contains("UNRELATED"))
        #expect(names.isSuperset(of: ["PATH", "HOME", "LANG", "TMPDIR"]))
        let tmpdir = String((response.messages.last?.data ?? "").dropFirst("TMPDIR=".count))
        #expect(tmpdir.contains("leanplay-repl-"))
        #expect(FileManager.default.fileExists(atPath: tmpdir))
        await pool.shutdown()
        #expect(!FileManager.default.fileExists(atPath: tmpdir))
    }

    @Test func resourceLimitsAreAppliedToTheChild() async throws {
        let pool = try pool(["--instant"]) {
            $0.resourceLimits = REPLResourceLimits(addressSpaceBytes: 8 << 30, cpuSeconds: 4321, fileSizeBytes: 1 << 20)
        }
        let limits = try await pool.withSession(header: "") { session -> String in
            _ = try await session.send(.command("def a := 1"))
            let pid = try #require(session.processID)
            return try String(contentsOfFile: "/proc/\(pid)/limits", encoding: .utf8)
        }
        #expect(limits.contains { _ in true })
        let cpuLine = limits.split(separator: "\n").first { $0.hasPrefix("Max cpu time") } ?? ""
        #expect(cpuLine.contains("4321"))
        let fileLine = limits.split(separator: "\n").first { $0.hasPrefix("Max file size") } ?? ""
        #expect(fileLine.contains("\(1 << 20)"))
        await pool.shutdown()
    }

    @Test func parallelSessionsUseEveryWorker() async throws {
        let pool = try pool(["--instant", "--delay-ms", "50"], workers: 4)
        let pids = try await withThrowingTaskGroup(of: Int32?.self) { group in
            for index in 0..<16 {
                group.addTask {
                    try await pool.withSession(header: "") { session in
                        let response = try await session.send(.command("def a\(index) := 1"))
                        #expect(response.env != nil)
                        return session.processID
                    }
                }
            }
            var pids = Set<Int32>()
            for try await pid in group { if let pid { pids.insert(pid) } }
            return pids
        }
        #expect(pids.count == 4)
        await pool.shutdown()
        #expect(pids.allSatisfy { !isAlive($0) })
    }

    @Test func fullQueueThrowsQueueFull() async throws {
        let pool = try pool(["--instant"]) { $0.queueCapacity = 1 }
        let (gate, opener) = AsyncStream<Void>.makeStream()
        let holder = Task {
            try await pool.withSession(header: "") { _ in
                for await _ in gate { break }
            }
        }
        while await pool.statistics.idleWorkers > 0 { await Task.yield() }
        let waiter = Task { try await pool.withSession(header: "") { try await $0.send(.command("def w := 1")).env } }
        while await pool.statistics.waitingCallers < 1 { await Task.yield() }
        _ = await expectError(.queueFull) {
            _ = try await pool.withSession(header: "") { _ in 0 }
        }
        opener.yield()
        try await holder.value
        #expect(try await waiter.value == 0)
        await pool.shutdown()
    }

    @Test func workerIsRecycledAfterMaximumRequests() async throws {
        let pool = try pool(["--instant"]) { $0.maximumRequestsPerWorker = 2 }
        var pids: [Int32?] = []
        for _ in 0..<3 {
            pids.append(try await pool.withSession(header: "") { session in
                _ = try await session.send(.command("def a := 1"))
                return session.processID
            })
        }
        #expect(pids[0] == pids[1])
        #expect(pids[1] != pids[2])
        await pool.shutdown()
        #expect(pids.compactMap { $0 }.allSatisfy { !isAlive($0) })
    }

    @Test func workerIsRecycledWhenOverTheMemoryCeiling() async throws {
        let pool = try pool(["--instant"]) { $0.memoryCeilingBytes = 1024 }
        let first = try await pool.withSession(header: "") { session in
            _ = try await session.send(.command("def a := 1"))
            return session.processID
        }
        let second = try await pool.withSession(header: "") { session in
            _ = try await session.send(.command("def a := 1"))
            return session.processID
        }
        #expect(first != nil && second != nil && first != second)
        await pool.shutdown()
    }

    @Test func warmSpareWithTheRecentHeaderReplacesARecycledWorker() async throws {
        let pool = try pool([]) { configuration in
            configuration.maximumRequestsPerWorker = 1
            configuration.warmSpare = true
        }
        _ = try await pool.withSession(header: "import Lean") { try await $0.send(.command("def a := 1", env: $0.headerEnvironment)) }
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(5)
        while await !pool.statistics.hasWarmSpare, clock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(await pool.statistics.hasWarmSpare)
        let started = await pool.statistics.processesStarted
        let env = try await pool.withSession(header: "import Lean") { $0.headerEnvironment }
        #expect(env == 0)
        #expect(await pool.statistics.processesStarted >= started)
        await pool.shutdown()
        #expect(await pool.statistics.runningProcesses == 0)
    }

    @Test func shutdownFailsWaitingCallersAndLaterCalls() async throws {
        let pool = try pool(["--instant"])
        await pool.shutdown()
        _ = await expectError(.shutDown) {
            _ = try await pool.withSession(header: "") { _ in 0 }
        }
    }
}
