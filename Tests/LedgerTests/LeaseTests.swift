import Foundation
@testable import Ledger
import Testing

/// Leases on a round's stored work list, the conjecture stage's claim and finishing a round once: what
/// lets several peers (processes on one SQLite file, machines on one PostgreSQL ledger) share a round
/// without duplicated work. The ledger clock is a manual one, so expiry is exact.
@Suite struct LeaseTests {
    /// A fixture with `count` formalizations and round 1 started with all of them as its work list.
    static func round(_ kind: LedgerKind, items count: Int = 5) throws -> (LedgerFixture, [String]) {
        let fixture = try LedgerFixture(kind)
        let ids = try (0..<count).map { try fixture.add("theorem t\($0) : \($0) = \($0)") }
        let round = try fixture.ledger.startRound().number
        #expect(try fixture.ledger.roundWork(round, limit: count).map(\.formalizationID) == ids)
        return (fixture, ids)
    }

    @Test(arguments: LedgerKind.allCases)
    func peersLeaseDisjointItemsInListOrder(kind: LedgerKind) throws {
        let (fixture, ids) = try Self.round(kind)
        let ledger = fixture.ledger
        let a = try ledger.leaseWork(round: 1, peer: "A", limit: 2, leaseSeconds: 10)
        #expect(a.map(\.position) == [0, 1])
        #expect(a.map(\.item.formalizationID) == Array(ids.prefix(2)))
        #expect(a.allSatisfy { $0.peer == "A" && $0.leaseCount == 1 && $0.expiresAt == fixture.clock.now.addingTimeInterval(10) })
        #expect(a[0].item == (try ledger.roundWork(1))?[0], "the leased item is the stored one")
        let b = try ledger.leaseWork(round: 1, peer: "B", limit: 2, leaseSeconds: 10)
        #expect(b.map(\.position) == [2, 3])
        #expect(try ledger.leaseWork(round: 1, peer: "A", limit: 5, leaseSeconds: 10).map(\.position) == [4])
        #expect(try ledger.leaseWork(round: 1, peer: "B", limit: 5, leaseSeconds: 10).isEmpty, "everything is leased")
        #expect(try ledger.leaseWork(round: 1, peer: "A", limit: 0, leaseSeconds: 10).isEmpty)
        #expect(try ledger.leaseWork(round: 2, peer: "A", limit: 3, leaseSeconds: 10).isEmpty, "no list stored for round 2")

        let progress = try ledger.roundProgress(round: 1, peer: "A")
        #expect(progress == RoundProgress(total: 5, done: 0, leasedByThisPeer: 3, leasedByOthers: 2,
                                          earliestExpiry: fixture.clock.now.addingTimeInterval(10)))
        #expect(progress.leasable == 0 && !progress.isComplete)
    }

    @Test(arguments: LedgerKind.allCases)
    func anExpiredLeaseIsTakenOverAndTheOldHolderLosesIt(kind: LedgerKind) throws {
        let (fixture, _) = try Self.round(kind, items: 2)
        let ledger = fixture.ledger
        let a = try #require(try ledger.leaseWork(round: 1, peer: "A", limit: 1, leaseSeconds: 10).first)
        fixture.clock.advance(seconds: 9.5)
        #expect(try ledger.leaseWork(round: 1, peer: "B", limit: 2, leaseSeconds: 10).map(\.position) == [1],
                "A's lease has not expired yet")
        fixture.clock.advance(seconds: 1)
        let b = try #require(try ledger.leaseWork(round: 1, peer: "B", limit: 2, leaseSeconds: 10).first)
        #expect(b.position == 0 && b.leaseCount == 2, "taken over: the second lease on the item")

        let error = try #require(throws: LedgerError.self) {
            try ledger.completeWork(a, peer: "A", resultJSON: #"{"by":"A"}"#)
        }
        #expect(error.code == .lostLease)
        #expect(error.message.contains("B holds it") && error.message.contains("lease_seconds"), "\(error.message)")
        #expect(try ledger.renewLeases(round: 1, peer: "A", leaseSeconds: 10).isEmpty, "A holds nothing any more")

        try ledger.completeWork(b, peer: "B", resultJSON: #"{"by":"B"}"#)
        try ledger.completeWork(b, peer: "B", resultJSON: #"{"by":"B"}"#)  // a retried completion is harmless
        #expect(try ledger.workResults(round: 1).map(\.resultJSON) == [#"{"by":"B"}"#])
        let late = try #require(throws: LedgerError.self) { try ledger.completeWork(a, peer: "A", resultJSON: "{}") }
        #expect(late.code == .lostLease && late.message.contains("B completed it"))
        #expect(throws: LedgerError.self) { try ledger.completeWork(b, peer: "B", resultJSON: "not json") }
    }

    @Test(arguments: LedgerKind.allCases)
    func theHeartbeatKeepsALeasePastItsFirstExpiry(kind: LedgerKind) throws {
        let (fixture, _) = try Self.round(kind, items: 1)
        let ledger = fixture.ledger
        let lease = try #require(try ledger.leaseWork(round: 1, peer: "A", limit: 1, leaseSeconds: 10).first)
        for _ in 0..<4 {
            fixture.clock.advance(seconds: 8)
            #expect(try ledger.renewLeases(round: 1, peer: "A", leaseSeconds: 10) == [0])
            #expect(try ledger.leaseWork(round: 1, peer: "B", limit: 1, leaseSeconds: 10).isEmpty, "renewed: still A's")
        }
        try ledger.completeWork(lease, peer: "A", resultJSON: "{}")
        #expect(try ledger.roundProgress(round: 1, peer: "B").isComplete)
        fixture.clock.advance(seconds: 60)
        #expect(try ledger.leaseWork(round: 1, peer: "B", limit: 1, leaseSeconds: 10).isEmpty, "done items are never leased")
    }

    @Test(arguments: LedgerKind.allCases)
    func releasedAndReRegisteredLeasesAreLeasableAtOnce(kind: LedgerKind) throws {
        let (fixture, _) = try Self.round(kind, items: 4)
        let ledger = fixture.ledger
        try ledger.registerPeer(id: "A", host: "h", pid: 1, command: "selfplay")
        #expect(try ledger.leaseWork(round: 1, peer: "A", limit: 2, leaseSeconds: 10).count == 2)
        #expect(try ledger.releaseWork(round: 1, peer: "A") == 2)
        #expect(try ledger.leaseWork(round: 1, peer: "B", limit: 1, leaseSeconds: 10).map(\.position) == [0])
        #expect(try ledger.leaseWork(round: 1, peer: "A", limit: 1, leaseSeconds: 10).map(\.position) == [1])
        // A restarted process under the same id takes back what its predecessor held.
        try ledger.registerPeer(id: "A", host: "h", pid: 2, command: "selfplay")
        #expect(try ledger.leaseWork(round: 1, peer: "C", limit: 4, leaseSeconds: 10).map(\.position) == [1, 2, 3])
        #expect(try ledger.peers().map(\.pid) == [2])
        #expect(try ledger.releaseLeases(heldBy: "C") == 3)
        #expect(try ledger.roundProgress(round: 1, peer: "C").leasable == 3)
    }

    @Test(arguments: LedgerKind.allCases)
    func aRoundIsFinishedExactlyOnce(kind: LedgerKind) throws {
        let (fixture, _) = try Self.round(kind, items: 1)
        let ledger = fixture.ledger
        #expect(try ledger.finishRoundOnce(1, reportJSON: #"{"by":"A"}"#, peer: "A"))
        #expect(try !ledger.finishRoundOnce(1, reportJSON: #"{"by":"B"}"#, peer: "B"))
        #expect(try ledger.round(1)?.reportJSON == #"{"by":"A"}"#, "the first report stays")
        #expect(try ledger.finishedRoundCount(kind: .selfPlay) == 1)
        let unknown = try #require(throws: LedgerError.self) { try ledger.finishRoundOnce(7, reportJSON: "{}", peer: "A") }
        #expect(unknown.code == .unknownRound)
        #expect(throws: LedgerError.self) { try ledger.finishRoundOnce(1, reportJSON: "{", peer: "A") }
    }

    @Test(arguments: LedgerKind.allCases)
    func roundsStopAtTheFinishedLimit(kind: LedgerKind) throws {
        let fixture = try LedgerFixture(kind)
        let ledger = fixture.ledger
        let first = try #require(try ledger.startRound(kind: .selfPlay, unlessFinished: 2))
        #expect(try ledger.startRound(kind: .selfPlay, unlessFinished: 2)?.number == first.number, "an open round is joined")
        _ = try ledger.finishRoundOnce(first.number, reportJSON: "{}", peer: "A")
        let second = try #require(try ledger.startRound(kind: .selfPlay, unlessFinished: 2))
        #expect(second.number == 2)
        _ = try ledger.finishRoundOnce(2, reportJSON: "{}", peer: "B")
        #expect(try ledger.startRound(kind: .selfPlay, unlessFinished: 2) == nil, "two finished: no third round")
        #expect(try ledger.rounds().count == 2)
        #expect(try ledger.startRound(kind: .prove, unlessFinished: 1)?.number == 3, "prove passes count apart")
    }

    @Test(arguments: LedgerKind.allCases)
    func theConjectureStageIsClaimedByOnePeerAndTakenOverWhenItsClaimExpires(kind: LedgerKind) throws {
        let (fixture, _) = try Self.round(kind, items: 1)
        let ledger = fixture.ledger
        let start = fixture.clock.now
        #expect(try ledger.claimConjectureStage(round: 1, peer: "A", leaseSeconds: 10) == .claimed)
        #expect(try ledger.claimConjectureStage(round: 1, peer: "B", leaseSeconds: 10) == .held(by: "A", until: start.addingTimeInterval(10)))
        fixture.clock.advance(seconds: 6)
        #expect(try ledger.renewConjectureStage(round: 1, peer: "A", leaseSeconds: 10))
        fixture.clock.advance(seconds: 6)
        #expect(try ledger.claimConjectureStage(round: 1, peer: "B", leaseSeconds: 10) == .held(by: "A", until: start.addingTimeInterval(16)),
                "renewed by A's heartbeat")
        #expect(try ledger.peerSummaries().first { $0.id == "A" }?.conjectureStageRound == 1)
        fixture.clock.advance(seconds: 5)
        #expect(try ledger.claimConjectureStage(round: 1, peer: "B", leaseSeconds: 10) == .claimed, "A's claim expired")
        #expect(try !ledger.renewConjectureStage(round: 1, peer: "A", leaseSeconds: 10), "A lost the stage")
        #expect(try ledger.completeConjectureStage(round: 1, peer: "B", reportJSON: #"{"added":3}"#))
        #expect(try !ledger.completeConjectureStage(round: 1, peer: "A", reportJSON: #"{"added":0}"#), "done once")
        #expect(try ledger.claimConjectureStage(round: 1, peer: "A", leaseSeconds: 10) == .done(reportJSON: #"{"added":3}"#))
        let unknown = try #require(throws: LedgerError.self) { try ledger.claimConjectureStage(round: 9, peer: "A", leaseSeconds: 10) }
        #expect(unknown.code == .unknownRound)
    }

    @Test(arguments: LedgerKind.allCases)
    func peerSummariesCountLeasesItemsAttemptsAndLeanSeconds(kind: LedgerKind) throws {
        let (fixture, ids) = try Self.round(kind, items: 3)
        let ledger = fixture.ledger
        try ledger.registerPeer(id: "A", host: "alpha", pid: 11, command: "selfplay")
        try ledger.registerPeer(id: "B", host: "beta", pid: 22, command: "prove")
        let a = try ledger.leaseWork(round: 1, peer: "A", limit: 2, leaseSeconds: 30)
        for (index, milliseconds) in [1500.0, 2500.0].enumerated() {
            var attempt = proveAttempt(ids[0], verdict: .rejected, suffix: "/\(index)")
            attempt.durationMilliseconds = milliseconds
            attempt.peer = "A"
            try ledger.recordAttempt(attempt)
        }
        var other = proveAttempt(ids[2], verdict: .rejected)
        other.durationMilliseconds = 250
        other.peer = "B"
        try ledger.recordAttempt(other)
        try ledger.recordAttempt(proveAttempt(ids[2], verdict: .rejected, suffix: "/no-peer"))
        fixture.clock.advance(seconds: 5)
        try ledger.completeWork(a[0], peer: "A", resultJSON: "{}")
        #expect(try ledger.attempt(key: proveAttempt(ids[0], verdict: .rejected, suffix: "/0").idempotencyKey)?.record.peer == "A")

        let summaries = try ledger.peerSummaries()
        #expect(summaries.map(\.id) == ["A", "B"])
        let summaryA = summaries[0]
        #expect(summaryA.host == "alpha" && summaryA.pid == 11 && summaryA.command == "selfplay")
        #expect(summaryA.lastSeenAt == fixture.clock.now.addingTimeInterval(-5), "leasing refreshed it")
        #expect(summaryA.leases == [PeerSummary.HeldLease(round: 1, position: 1, formalizationID: ids[1],
                                                           expiresAt: a[1].expiresAt)])
        #expect(summaryA.itemsDone == 1 && summaryA.attempts == 2 && summaryA.leanSeconds == 4.0)
        let summaryB = summaries[1]
        #expect(summaryB.leases.isEmpty && summaryB.itemsDone == 0 && summaryB.attempts == 1 && summaryB.leanSeconds == 0.25)
        fixture.clock.advance(seconds: 30)
        #expect(try ledger.peerSummaries()[0].leases.isEmpty, "an expired lease is held by nobody")
    }

    /// Peers with their own connections (an SQLite file's pool each, or a PostgreSQL connection each, as
    /// separate processes have) leasing at the same time get disjoint items: every item once, none twice.
    @Test(arguments: LedgerKind.allCases.filter { $0 != .inMemory })
    func concurrentPeersNeverShareAnItem(kind: LedgerKind) async throws {
        let fixture = try LedgerFixture(kind)
        let setup = fixture.ledger
        for index in 0..<40 { try fixture.add("theorem t\(index) : \(index) = \(index)") }
        _ = try setup.startRound()
        _ = try setup.roundWork(1, limit: 40)
        let schemaURL = fixture.keepAlive.compactMap { ($0 as? PostgresTestSchema)?.url }.first
        let location: LedgerLocation = switch kind {
        case .postgres: .postgres(try #require(schemaURL))
        default: .file(try #require(fixture.directory).path("ledger.sqlite"))
        }
        let peers = try (0..<4).map { _ in try Ledger.open(location: location) }
        let leased = try await withThrowingTaskGroup(of: [Int].self) { group in
            for (index, ledger) in peers.enumerated() {
                group.addTask {
                    var mine: [Int] = []
                    while true {
                        let leases = try ledger.leaseWork(round: 1, peer: "P\(index)", limit: 3, leaseSeconds: 60)
                        if leases.isEmpty { return mine }
                        for lease in leases { try ledger.completeWork(lease, peer: "P\(index)", resultJSON: "{}") }
                        mine += leases.map(\.position)
                    }
                }
            }
            var all: [Int] = []
            for try await positions in group { all += positions }
            return all
        }
        #expect(leased.sorted() == Array(0..<40), "every item once, none twice")
        #expect(try setup.workResults(round: 1).count == 40)
    }
}
