import Foundation
@testable import Ledger
import Testing

/// `leanplay prove` started while `selfplay` peers share the ledger: it must neither turn their round into
/// a `prove` pass (the self-play peers would then overshoot `--rounds N`) nor fix the round's work list
/// before their conjecture stage is done (the conjectured statements would miss the round).
@Suite struct ProvePassTests {
    @Test(arguments: LedgerKind.allCases)
    func aProvePeerWaitsForALiveConjectureStageThenHelpsTheSelfPlayRound(kind: LedgerKind) throws {
        let fixture = try LedgerFixture(kind)
        let ledger = fixture.ledger
        let round = try #require(try ledger.startRound(kind: .selfPlay, unlessFinished: 2)).number

        // Started a moment ago, stage not claimed yet: wait (the self-play peer is about to claim it).
        #expect(try ledger.startProvePass(leaseSeconds: 10)
                == .waitForConjectureStage(round: round, until: fixture.clock.now.addingTimeInterval(10)))
        #expect(try ledger.claimConjectureStage(round: round, peer: "S", leaseSeconds: 10) == .claimed)
        fixture.clock.advance(seconds: 5)
        #expect(try ledger.startProvePass(leaseSeconds: 10)
                == .waitForConjectureStage(round: round, until: fixture.clock.now.addingTimeInterval(5)))
        #expect(try ledger.roundWork(round) == nil, "the prove peer fixed no work list")
        #expect(try ledger.round(round)?.kind == .selfPlay)

        // The stage is done: the prove peer joins the round, which stays a self-play round.
        let id = try fixture.add("theorem conjectured : 1 = 1")
        #expect(try ledger.completeConjectureStage(round: round, peer: "S", reportJSON: #"{"newFormalizations":1}"#))
        guard case .work(let joined) = try ledger.startProvePass(leaseSeconds: 10) else {
            Issue.record("the prove peer should join the round once its conjecture stage is done")
            return
        }
        #expect(joined.number == round && joined.kind == .selfPlay)
        #expect(try ledger.round(round)?.kind == .selfPlay)
        #expect(try ledger.roundWork(round, limit: 8).map(\.formalizationID) == [id], "the conjectured statement is in the list")
        #expect(try ledger.finishRoundOnce(round, reportJSON: "{}", peer: "P"))
        #expect(try ledger.finishedRoundCount(kind: .selfPlay) == 1, "the round counts towards selfplay --rounds N")
    }

    @Test(arguments: LedgerKind.allCases)
    func anAbandonedSelfPlayRoundIsTakenOverAsAProvePass(kind: LedgerKind) throws {
        let fixture = try LedgerFixture(kind)
        let ledger = fixture.ledger
        // Claimed, then its peer died: once the claim expires, `prove` resumes the round as before.
        let round = try #require(try ledger.startRound(kind: .selfPlay, unlessFinished: 2)).number
        #expect(try ledger.claimConjectureStage(round: round, peer: "S", leaseSeconds: 10) == .claimed)
        fixture.clock.advance(seconds: 10)
        #expect(try ledger.startProvePass(leaseSeconds: 10)
                == .work(RoundRecord(number: round, startedAt: try #require(try ledger.round(round)).startedAt,
                                     finishedAt: nil, reportJSON: nil, kind: .prove)))
        #expect(try ledger.round(round)?.kind == .prove)
        #expect(try ledger.finishRoundOnce(round, reportJSON: "{}", peer: "P"))

        // Never claimed for lease_seconds (killed right after starting it): taken over too.
        let next = try #require(try ledger.startRound(kind: .selfPlay, unlessFinished: 2)).number
        fixture.clock.advance(seconds: 10)
        guard case .work(let taken) = try ledger.startProvePass(leaseSeconds: 10) else {
            Issue.record("an unclaimed round older than lease_seconds is taken over")
            return
        }
        #expect(taken.number == next && taken.kind == .prove)
        #expect(try ledger.finishRoundOnce(next, reportJSON: "{}", peer: "P"))

        // Nothing open: a new prove round; an open prove round is joined.
        guard case .work(let fresh) = try ledger.startProvePass(leaseSeconds: 10) else {
            Issue.record("a new prove round starts when none is open")
            return
        }
        #expect(fresh.number == next + 1 && fresh.kind == .prove)
        #expect(try ledger.startProvePass(leaseSeconds: 10) == .work(fresh))
    }
}
