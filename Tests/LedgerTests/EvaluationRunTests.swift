import Foundation
import Ledger
import Testing

/// The ledger's shared evaluation runs (migration "v6-evaluation-runs"): register once, lease, renew,
/// take over, complete, finish once. Each test body gets a ``SharedLedger`` whose `peer()` opens the same
/// ledger again, as another process would (with the test's manual clock), so the bodies run unchanged on
/// any store that can be opened twice (an SQLite file here; a PostgreSQL schema where the store is built).
@Suite struct EvaluationRunTests {
    static let problems = ["p_a", "p_b", "p_c"]

    /// One shared ledger for a test, opened once per peer: an SQLite file, or a fresh schema of the
    /// PostgreSQL test server (an in-memory ledger cannot be shared, so it is not a case here).
    struct SharedLedger {
        let location: LedgerLocation
        let clock = ManualDateClock()
        let keepAlive: [AnyObject]

        init(_ kind: LedgerKind) throws {
            switch kind {
            case .inMemory, .file:
                let directory = try TemporaryDirectory()
                location = .file(directory.path("shared.sqlite"))
                keepAlive = [directory]
            case .postgres:
                guard let base = TestPostgres.requireURL() else { throw PostgresUnavailable() }
                let schema = PostgresTestSchema(base: base)
                location = .postgres(schema.url)
                keepAlive = [schema]
            }
        }

        /// A peer's own handle on the shared ledger (its own connection), reading the test's clock.
        func peer() throws -> Ledger {
            let clock = clock
            return try Ledger.open(location: location, configuration: LedgerConfiguration(now: { clock.now }))
        }
    }

    /// The stores a ledger can be shared on.
    static let kinds = LedgerKind.allCases.filter { $0 != .inMemory }

    @Test(arguments: kinds) func theFirstRegistrationWinsAndASecondPeerGetsTheSameList(kind: LedgerKind) throws {
        let shared = try SharedLedger(kind)
        let (a, b) = (try shared.peer(), try shared.peer())
        let first = try a.registerEvaluationRun(id: "run1", configuration: "{\"samples\":1}", problemIDs: Self.problems)
        shared.clock.advance(seconds: 5)
        let second = try b.registerEvaluationRun(id: "run1", configuration: "{\"samples\":1}", problemIDs: Self.problems)
        #expect(second == first, "the second peer gets the run as the first stored it (same created_at)")
        #expect(second.problemIDs == Self.problems && !second.isFinished)
        #expect(try b.evaluationProgress(run: "run1") == EvaluationRunProgress(total: 3, done: 0, leased: 0))
        #expect(try a.evaluationRun("other") == nil)
    }

    @Test(arguments: kinds) func anotherProblemListUnderTheSameIDIsRefusedNamingTheDifference(kind: LedgerKind) throws {
        let shared = try SharedLedger(kind)
        let (a, b) = (try shared.peer(), try shared.peer())
        try a.registerEvaluationRun(id: "run1", configuration: "{}", problemIDs: Self.problems)
        let reordered = #expect(throws: LedgerError.self) {
            try b.registerEvaluationRun(id: "run1", configuration: "{}", problemIDs: ["p_a", "p_c", "p_b"])
        }
        #expect(reordered?.code == .evaluationRunMismatch)
        #expect(reordered?.message.contains("problem 2 is p_b, not p_c") == true, "\(String(describing: reordered))")
        #expect(reordered?.message.contains("--limit") == true, "says what to do")
        let shorter = #expect(throws: LedgerError.self) {
            try b.registerEvaluationRun(id: "run1", configuration: "{}", problemIDs: ["p_a"])
        }
        #expect(shorter?.code == .evaluationRunMismatch && shorter?.message.contains("3 problems, not the 1 given") == true)
        #expect(try a.evaluationRun("run1")?.problemIDs == Self.problems, "the stored list is unchanged")
    }

    @Test(arguments: kinds) func twoPeersNeverLeaseTheSameProblem(kind: LedgerKind) throws {
        let shared = try SharedLedger(kind)
        let (a, b) = (try shared.peer(), try shared.peer())
        try a.registerEvaluationRun(id: "run1", configuration: "{}", problemIDs: Self.problems)
        let leasedByA = try a.leaseEvaluationItems(run: "run1", peer: "host-1", limit: 2, leaseSeconds: 60)
        #expect(leasedByA.map(\.problemID) == ["p_a", "p_b"] && leasedByA.map(\.position) == [0, 1])
        #expect(leasedByA.allSatisfy { $0.peer == "host-1" && $0.leaseCount == 1 && $0.expiresAt == shared.clock.now.addingTimeInterval(60) })
        let leasedByB = try b.leaseEvaluationItems(run: "run1", peer: "host-2", limit: 2, leaseSeconds: 60)
        #expect(leasedByB.map(\.problemID) == ["p_c"])
        #expect(try a.leaseEvaluationItems(run: "run1", peer: "host-1", limit: 5, leaseSeconds: 60).isEmpty)
        #expect(try b.evaluationProgress(run: "run1") == EvaluationRunProgress(total: 3, done: 0, leased: 3))
        #expect(try b.evaluationLeases(run: "run1") == leasedByA + leasedByB, "who holds what")
    }

    @Test(arguments: kinds) func aDeadPeersProblemIsTakenOverAfterItsLeaseRunsOutAndItsLateResultIsRefused(kind: LedgerKind) throws {
        let shared = try SharedLedger(kind)
        let (a, b) = (try shared.peer(), try shared.peer())
        try a.registerEvaluationRun(id: "run1", configuration: "{}", problemIDs: ["p_a"])
        let leaseA = try #require(try a.leaseEvaluationItems(run: "run1", peer: "host-1", limit: 1, leaseSeconds: 60).first)

        shared.clock.advance(seconds: 30)
        #expect(try b.leaseEvaluationItems(run: "run1", peer: "host-2", limit: 1, leaseSeconds: 60).isEmpty, "held for 60 s")
        #expect(try a.renewEvaluationLeases([leaseA], leaseSeconds: 60).map(\.expiresAt) == [shared.clock.now.addingTimeInterval(60)],
                "the heartbeat: now held until 90 s")
        shared.clock.advance(seconds: 45)
        #expect(try b.leaseEvaluationItems(run: "run1", peer: "host-2", limit: 1, leaseSeconds: 60).isEmpty, "renewed at 30 s")

        // host-1 dies: no more heartbeats; at 95 s its lease has run out.
        shared.clock.advance(seconds: 20)
        #expect(try b.evaluationProgress(run: "run1").available == 1)
        let leaseB = try #require(try b.leaseEvaluationItems(run: "run1", peer: "host-2", limit: 1, leaseSeconds: 60).first)
        #expect(leaseB.problemID == "p_a" && leaseB.leaseCount == 2)
        #expect(try a.renewEvaluationLeases([leaseA], leaseSeconds: 60).isEmpty, "a taken-over lease is not renewed")

        let late = #expect(throws: LedgerError.self) { try a.completeEvaluationItem(leaseA, resultJSON: "{\"from\":\"a\"}") }
        #expect(late?.code == .lostLease && late?.message.contains("peer host-2 holds it now") == true, "\(String(describing: late))")
        try b.completeEvaluationItem(leaseB, resultJSON: "{\"from\":\"b\"}")
        let again = #expect(throws: LedgerError.self) { try a.completeEvaluationItem(leaseA, resultJSON: "{\"from\":\"a\"}") }
        #expect(again?.code == .lostLease && again?.message.contains("completed by peer host-2") == true)

        let results = try a.evaluationResults(run: "run1")
        #expect(results.map(\.resultJSON) == ["{\"from\":\"b\"}"] && results.first?.doneBy == "host-2")
        #expect(results.first?.doneAt == shared.clock.now)
    }

    @Test(arguments: kinds) func aLeaseThatRanOutWithNobodyTakingItOverStillCompletes(kind: LedgerKind) throws {
        let shared = try SharedLedger(kind)
        let a = try shared.peer()
        try a.registerEvaluationRun(id: "run1", configuration: "{}", problemIDs: ["p_a"])
        let lease = try #require(try a.leaseEvaluationItems(run: "run1", peer: "host-1", limit: 1, leaseSeconds: 10).first)
        shared.clock.advance(seconds: 100)
        try a.completeEvaluationItem(lease, resultJSON: "{}")
        #expect(try a.evaluationProgress(run: "run1").isComplete)
    }

    @Test(arguments: kinds) func aReleasedProblemIsLeasableAtOnceAndTheReleasingPeerCannotCompleteIt(kind: LedgerKind) throws {
        let shared = try SharedLedger(kind)
        let (a, b) = (try shared.peer(), try shared.peer())
        try a.registerEvaluationRun(id: "run1", configuration: "{}", problemIDs: ["p_a"])
        let leaseA = try #require(try a.leaseEvaluationItems(run: "run1", peer: "host-1", limit: 1, leaseSeconds: 60).first)
        #expect(try a.releaseEvaluationItem(leaseA))
        #expect(try a.releaseEvaluationItem(leaseA) == false, "released once")
        let leaseB = try #require(try b.leaseEvaluationItems(run: "run1", peer: "host-2", limit: 1, leaseSeconds: 60).first)
        #expect(leaseB.leaseCount == 2)
        #expect(try a.releaseEvaluationLeases(run: "run1", peer: "host-1") == 0, "host-1 holds nothing any more")
        #expect(try b.releaseEvaluationLeases(run: "run1", peer: "host-2") == 1)
        #expect(throws: LedgerError.self) { try b.completeEvaluationItem(leaseB, resultJSON: "{}") }
        let again = try #require(try b.leaseEvaluationItems(run: "run1", peer: "host-2", limit: 1, leaseSeconds: 60).first)
        #expect(again.leaseCount == 3)
        try b.completeEvaluationItem(again, resultJSON: "{}")
        #expect(throws: LedgerError.self) { try a.completeEvaluationItem(leaseA, resultJSON: "{}") }
    }

    @Test(arguments: kinds) func theRunIsFinishedExactlyOnceAndOnlyWhenEveryProblemIsDone(kind: LedgerKind) throws {
        let shared = try SharedLedger(kind)
        let (a, b) = (try shared.peer(), try shared.peer())
        try a.registerEvaluationRun(id: "run1", configuration: "{}", problemIDs: Self.problems)
        for lease in try a.leaseEvaluationItems(run: "run1", peer: "host-1", limit: 2, leaseSeconds: 60) {
            try a.completeEvaluationItem(lease, resultJSON: "{\"p\":\"\(lease.problemID)\"}")
        }
        let early = #expect(throws: LedgerError.self) { try b.finishEvaluationRun("run1", peer: "host-2", summary: "{}") }
        #expect(early?.code == .invalidTransition && early?.message.contains("1 problem(s)") == true)
        for lease in try b.leaseEvaluationItems(run: "run1", peer: "host-2", limit: 2, leaseSeconds: 60) {
            try b.completeEvaluationItem(lease, resultJSON: "{\"p\":\"\(lease.problemID)\"}")
        }
        #expect(try b.leaseEvaluationItems(run: "run1", peer: "host-2", limit: 2, leaseSeconds: 60).isEmpty, "done items are never leased")
        #expect(try a.evaluationResults(run: "run1").map(\.doneBy) == ["host-1", "host-1", "host-2"])

        shared.clock.advance(seconds: 1)
        #expect(try b.finishEvaluationRun("run1", peer: "host-2", summary: "{\"by\":\"b\"}"))
        #expect(try a.finishEvaluationRun("run1", peer: "host-1", summary: "{\"by\":\"a\"}") == false)
        let run = try #require(try a.evaluationRun("run1"))
        #expect(run.finishedBy == "host-2" && run.summary == "{\"by\":\"b\"}" && run.finishedAt == shared.clock.now)
        #expect(throws: LedgerError.self) { try a.finishEvaluationRun("nope", peer: "host-1", summary: "{}") }
    }

    @Test(arguments: kinds) func peersLeasingConcurrentlyCompleteEveryProblemOnce(kind: LedgerKind) async throws {
        let shared = try SharedLedger(kind)
        let ids = (0..<40).map { "p\($0)" }
        try shared.peer().registerEvaluationRun(id: "run1", configuration: "{}", problemIDs: ids)
        let peers = try (0..<3).map { _ in try shared.peer() }
        let completed = try await withThrowingTaskGroup(of: [String].self) { group in
            for (index, ledger) in peers.enumerated() {
                group.addTask {
                    var mine: [String] = []
                    while let lease = try ledger.leaseEvaluationItems(run: "run1", peer: "peer-\(index)", limit: 1, leaseSeconds: 60).first {
                        try ledger.completeEvaluationItem(lease, resultJSON: "{}")
                        mine.append(lease.problemID)
                    }
                    return mine
                }
            }
            return try await group.reduce(into: [String]()) { $0 += $1 }
        }
        #expect(completed.count == ids.count && Set(completed) == Set(ids), "every problem completed, none twice")
        #expect(try peers[0].evaluationProgress(run: "run1") == EvaluationRunProgress(total: ids.count, done: ids.count, leased: 0))
    }

    @Test(arguments: kinds) func aLongProblemListIsStoredOnceInBenchmarkOrder(kind: LedgerKind) throws {
        let shared = try SharedLedger(kind)
        let ids = (0..<701).map { "problem_\($0)" }
        try shared.peer().registerEvaluationRun(id: "long", configuration: "{}", problemIDs: ids)
        #expect(try shared.peer().registerEvaluationRun(id: "long", configuration: "{}", problemIDs: ids).problemIDs == ids)
        let leases = try shared.peer().leaseEvaluationItems(run: "long", peer: "p", limit: 1_000, leaseSeconds: 60)
        #expect(leases.map(\.problemID) == ids && leases.map(\.position) == Array(0..<701))
    }

    @Test(arguments: kinds) func leasingNeedsAPeerIDAndAPositiveLease(kind: LedgerKind) throws {
        let shared = try SharedLedger(kind)
        let a = try shared.peer()
        try a.registerEvaluationRun(id: "run1", configuration: "{}", problemIDs: Self.problems)
        #expect(throws: LedgerError.self) { try a.leaseEvaluationItems(run: "run1", peer: "", limit: 1, leaseSeconds: 60) }
        #expect(throws: LedgerError.self) { try a.leaseEvaluationItems(run: "run1", peer: "p", limit: 1, leaseSeconds: 0) }
        #expect(throws: LedgerError.self) { try a.leaseEvaluationItems(run: "run1", peer: "p", limit: 0, leaseSeconds: 60) }
        #expect(throws: LedgerError.self) { try a.registerEvaluationRun(id: "", configuration: "{}", problemIDs: []) }
        let lease = try #require(try a.leaseEvaluationItems(run: "run1", peer: "p", limit: 1, leaseSeconds: 60).first)
        let notJSON = #expect(throws: LedgerError.self) { try a.completeEvaluationItem(lease, resultJSON: "proved") }
        #expect(notJSON?.code == .invalidRecord)
    }
}
