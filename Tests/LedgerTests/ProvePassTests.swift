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

    /// The reverse: `selfplay` started while `prove` peers work a pass waits for it (it used to turn the pass
    /// into its own self-play round, counted towards --rounds N with the pass's work list).
    @Test(arguments: LedgerKind.allCases)
    func aSelfPlayPeerWaitsForALiveProvePassThenStartsItsOwnRound(kind: LedgerKind) throws {
        let fixture = try LedgerFixture(kind)
        let ledger = fixture.ledger
        _ = try fixture.add("theorem a : 1 = 1")
        guard case .work(let pass) = try ledger.startProvePass(leaseSeconds: 10) else {
            Issue.record("a prove pass starts on an empty ledger")
            return
        }
        try ledger.registerPeer(id: "P", host: "h", pid: 1, command: "prove")
        _ = try ledger.roundWork(pass.number, limit: 8)
        let lease = try #require(try ledger.leaseWork(round: pass.number, peer: "P", limit: 1, leaseSeconds: 10).first)
        #expect(try ledger.startSelfPlayRound(unlessFinished: 2, leaseSeconds: 10)
                == .waitForProvePass(round: pass.number, until: fixture.clock.now.addingTimeInterval(10)))
        #expect(try ledger.round(pass.number)?.kind == .prove, "the live pass stays a prove pass")

        // Finished by its peer: the self-play peer starts the next round.
        try ledger.completeWork(lease, peer: "P", resultJSON: "{}")
        #expect(try ledger.finishRoundOnce(pass.number, reportJSON: "{}", peer: "P"))
        guard case .run(let round) = try ledger.startSelfPlayRound(unlessFinished: 2, leaseSeconds: 10) else {
            Issue.record("a self-play round starts once the pass is finished")
            return
        }
        #expect(round.number == pass.number + 1 && round.kind == .selfPlay)
        #expect(try ledger.finishRoundOnce(round.number, reportJSON: "{}", peer: "S"))

        // A pass abandoned by its peers (no live lease, no prove peer seen for lease_seconds) is resumed.
        guard case .work(let abandoned) = try ledger.startProvePass(leaseSeconds: 10) else {
            Issue.record("a second prove pass starts")
            return
        }
        #expect(try ledger.startSelfPlayRound(unlessFinished: 2, leaseSeconds: 10)
                == .waitForProvePass(round: abandoned.number, until: fixture.clock.now.addingTimeInterval(10)),
                "prove peer P was seen a moment ago")
        fixture.clock.advance(seconds: 11)
        guard case .run(let resumed) = try ledger.startSelfPlayRound(unlessFinished: 2, leaseSeconds: 10) else {
            Issue.record("an abandoned pass is resumed")
            return
        }
        #expect(resumed.number == abandoned.number && resumed.kind == .selfPlay)
        #expect(try ledger.finishRoundOnce(resumed.number, reportJSON: "{}", peer: "S"))
        #expect(try ledger.startSelfPlayRound(unlessFinished: 2, leaseSeconds: 10) == .limitReached)
    }
}
