import Foundation
import Ledger
import ProblemCorpus
@testable import Prover
@testable import SelfPlay
import Testing

/// Several self-play peers on one ledger file (as several `leanplay selfplay` processes run): the
/// conjecture stage runs once per round, every item of the stored work list is worked by one peer and has
/// one result, and each round is finished once — ending where one peer alone ends.
@Suite("Self-play peers share one ledger")
struct SelfPlayPeersTests {
    typealias Fixture = SelfPlayRoundWorkTests

    static func engine(_ ledger: Ledger, verifier: ScriptedVerifier, peer: String, leaseSeconds: Double = 60) -> SelfPlayEngine {
        var engine = Fixture.engine(ledger, verifier: verifier)
        var configuration = engine.configuration
        configuration.peer = PeerConfiguration(id: peer, leaseSeconds: leaseSeconds, pollSeconds: 0.01)
        engine = SelfPlayEngine(ledger: ledger, corpus: engine.corpus, services: engine.services, validator: engine.validator,
                                configuration: configuration)
        return engine
    }

    /// Runs `engine` until the ledger holds `rounds` finished self-play rounds; the reports it got.
    static func runAll(_ engine: SelfPlayEngine, rounds: Int) async throws -> [SelfPlayRoundReport] {
        var reports: [SelfPlayRoundReport] = []
        while let report = try await engine.runRound(untilFinished: rounds) { reports.append(report) }
        return reports
    }

    @Test("two peers running two rounds together end as one peer alone, with no item or check twice")
    func twoPeersMatchOnePeer() async throws {
        let clean = try await Fixture.cleanRun()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("peers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("ledger.sqlite").path
        _ = try Ledger.open(path: path)
        // Two connections to one file, as two processes have.
        let ledgerA = try Ledger.open(path: path)
        let ledgerB = try Ledger.open(path: path)
        let verifierA = ScriptedVerifier(accepts: Fixture.accepts)
        let verifierB = ScriptedVerifier(accepts: Fixture.accepts)
        async let reportsA = Self.runAll(Self.engine(ledgerA, verifier: verifierA, peer: "A"), rounds: 2)
        async let reportsB = Self.runAll(Self.engine(ledgerB, verifier: verifierB, peer: "B"), rounds: 2)
        let (a, b) = try await (reportsA, reportsB)

        #expect(try ledgerA.finishedRoundCount(kind: .selfPlay) == 2)
        #expect(try ledgerA.rounds().count == 2, "no third round was started")
        #expect(verifierA.callCount + verifierB.callCount == clean.calls.reduce(0, +), "no Lean check made twice")
        #expect(try Fixture.state(ledgerA) == clean.states[1])
        for round in 1...2 {
            let items = try #require(try ledgerA.roundWork(round))
            let results = try ledgerA.workResults(round: round)
            #expect(results.map(\.position) == Array(items.indices), "round \(round): every item has one result")
            #expect(items.map(\.formalizationID) == clean.worked[round - 1])
            let stored = try #require(try ledgerA.round(round)?.reportJSON)
            let report = try JSONDecoder().decode(SelfPlayRoundReport.self, from: Data(stored.utf8))
            #expect(report.formalizations.map(\.formalizationID) == clean.worked[round - 1])
            // A peer that took part in the round returns the stored report.
            for peerReports in [a, b] {
                if let mine = peerReports.first(where: { $0.round == round }) { #expect(mine == report) }
            }
        }
        #expect(a.count + b.count >= 2)
        let peers = Set(try ledgerA.peerSummaries().filter { $0.attempts > 0 || $0.itemsDone > 0 }.map(\.id))
        #expect(peers.isSubset(of: ["A", "B"]))
        let summaries = try ledgerA.peerSummaries()
        #expect(summaries.reduce(0) { $0 + $1.itemsDone } == clean.worked.reduce(0) { $0 + $1.count })
    }

    @Test("a peer that holds an item and dies loses it when its lease expires; another peer takes it over")
    func aDeadPeersItemIsTakenOver() async throws {
        // Round 1's conjecture stage and work list; then a "dead" peer leases the first item and never
        // completes it (its lease lasts 0.2 s).
        let fresh = try Ledger.inMemory()
        let freshRound = try #require(try fresh.startRound(kind: .selfPlay, unlessFinished: 1)).number
        let stage = Self.engine(fresh, verifier: ScriptedVerifier(accepts: Fixture.accepts), peer: "stage")
        _ = try await stage.conjectureStage(round: freshRound, services: stage.services, progress: nil)
        let items = try fresh.roundWork(freshRound, limit: 4)
        #expect(items.count == 4)
        let dead = try fresh.leaseWork(round: freshRound, peer: "dead", limit: 1, leaseSeconds: 0.2)
        #expect(dead.map(\.position) == [0])

        let liveVerifier = ScriptedVerifier(accepts: Fixture.accepts)
        let report = try #require(try await Self.engine(fresh, verifier: liveVerifier, peer: "live").runRound(untilFinished: 1))
        #expect(report.formalizations.map(\.formalizationID) == items.map(\.formalizationID), "the dead peer's item was worked too")
        #expect(try fresh.workResults(round: freshRound).count == 4)
        #expect(try fresh.peerSummaries().first { $0.id == "live" }?.itemsDone == 4)
        let error = try #require(throws: LedgerError.self) { try fresh.completeWork(dead[0], peer: "dead", resultJSON: "{}") }
        #expect(error.code == .lostLease)
        #expect(try fresh.finishedRoundCount(kind: .selfPlay) == 1)
    }

    @Test("two `prove` peers join one pass and work each item once")
    func twoProvePeersShareOnePass() async throws {
        let cleanLedger = try Ledger.inMemory()
        _ = try await Fixture.engine(cleanLedger, verifier: ScriptedVerifier(accepts: Fixture.accepts)).runRound()
        let cleanVerifier = ScriptedVerifier(accepts: Fixture.accepts)
        let clean = try await ProverLoop(prover: Fixture.prover(cleanVerifier), ledger: cleanLedger).prove(queueLimit: 4)

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("prove-peers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("ledger.sqlite").path
        _ = try await Fixture.engine(try Ledger.open(path: path), verifier: ScriptedVerifier(accepts: Fixture.accepts)).runRound()
        let verifiers = [ScriptedVerifier(accepts: Fixture.accepts), ScriptedVerifier(accepts: Fixture.accepts)]
        let loops = try verifiers.enumerated().map { index, verifier in
            ProverLoop(prover: Fixture.prover(verifier), ledger: try Ledger.open(path: path),
                       peer: PeerConfiguration(id: "P\(index)", pollSeconds: 0.01))
        }
        async let first = loops[0].prove(queueLimit: 4)
        async let second = loops[1].prove(queueLimit: 4)
        let reports = try await [first, second]
        let ledger = try Ledger.open(path: path)
        #expect(reports[0] == reports[1], "both return the stored report")
        #expect(reports[0].round == clean.round)
        #expect(reports[0].formalizations.map(\.formalizationID) == clean.formalizations.map(\.formalizationID))
        #expect(verifiers[0].callCount + verifiers[1].callCount == cleanVerifier.callCount, "no check twice")
        #expect(try Fixture.state(ledger) == (try Fixture.state(cleanLedger)))
        #expect(try ledger.rounds().filter { $0.kind == .prove }.count == 1, "one pass, joined by both")
    }

    @Test("a conjecture stage claimed by a peer that dies is taken over when its claim expires")
    func aDeadPeersConjectureStageIsTakenOver() async throws {
        let ledger = try Ledger.inMemory()
        let round = try #require(try ledger.startRound(kind: .selfPlay, unlessFinished: 1)).number
        #expect(try ledger.claimConjectureStage(round: round, peer: "dead", leaseSeconds: 0.2) == .claimed)
        let report = try #require(try await Self.engine(ledger, verifier: ScriptedVerifier(accepts: Fixture.accepts), peer: "live")
            .runRound(untilFinished: 1))
        #expect(report.newFormalizations == Fixture.corpus.count, "the live peer ran the stage")
        guard case .done(let json) = try ledger.claimConjectureStage(round: round, peer: "other", leaseSeconds: 1) else {
            Issue.record("the stage is done")
            return
        }
        #expect(json?.contains("\"newFormalizations\":\(Fixture.corpus.count)") == true, "\(json ?? "nil")")
        #expect(try ledger.finishedRoundCount(kind: .selfPlay) == 1)
        #expect(try await Self.engine(ledger, verifier: ScriptedVerifier(accepts: Fixture.accepts), peer: "late").runRound(untilFinished: 1) == nil,
                "the limit is reached: nothing more to run")
    }
}
