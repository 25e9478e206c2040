import Foundation
import Ledger
import Testing

@Suite struct RoundTests {
    struct Report: Codable, Equatable {
        var proved: Int
        var note: String
    }

    @Test(arguments: LedgerKind.allCases)
    func unfinishedRoundIsResumedAndFinishedRoundsAdvance(kind: LedgerKind) throws {
        let fixture = try LedgerFixture(kind)
        #expect(try fixture.ledger.latestRound() == nil)
        let first = try fixture.ledger.startRound()
        #expect(first.number == 1 && !first.isFinished)
        fixture.clock.advance(seconds: 60)
        #expect(try fixture.ledger.startRound() == first)  // resumed after a crash: same round, same start
        try fixture.ledger.finishRound(1, report: Report(proved: 3, note: "a/b"))
        let finished = try #require(try fixture.ledger.latestRound())
        #expect(finished.finishedAt == fixture.clock.now)
        #expect(finished.reportJSON == #"{"note":"a/b","proved":3}"#)
        #expect(try fixture.ledger.startRound().number == 2)
        #expect(try fixture.ledger.rounds().map(\.number) == [1, 2])
    }

    @Test(arguments: LedgerKind.allCases)
    func finishRoundRejectsBadInput(kind: LedgerKind) throws {
        let fixture = try LedgerFixture(kind)
        _ = try fixture.ledger.startRound()
        let badJSON = #expect(throws: LedgerError.self) { try fixture.ledger.finishRound(1, reportJSON: "{not json") }
        #expect(badJSON?.code == .invalidRecord)
        let unknown = #expect(throws: LedgerError.self) { try fixture.ledger.finishRound(7, reportJSON: "{}") }
        #expect(unknown?.code == .unknownRound)
        #expect(try fixture.ledger.latestRound()?.isFinished == false)
    }

    @Test(arguments: LedgerKind.allCases)
    func roundSummariesCountAttemptsAndSettlements(kind: LedgerKind) throws {
        let fixture = try LedgerFixture(kind)
        let round = try fixture.ledger.startRound()
        let a = try fixture.add("theorem a : True")
        let b = try fixture.add("theorem b (x : ℕ) : x < 0")
        try fixture.ledger.recordAttempt(proveAttempt(a, round: round.number, verdict: .rejected))
        try fixture.ledger.recordAttempt(proveAttempt(a, round: round.number, tactic: "trivial", verdict: .accepted))
        try fixture.ledger.recordAttempt(proveAttempt(b, round: round.number, verdict: .accepted, proof: "simp", kind: .disprove))
        try fixture.ledger.recordAttempt(proveAttempt(a, round: 2, tactic: "decide", verdict: .rejected, kind: .shorten))
        let summaries = try fixture.ledger.roundSummaries()
        #expect(summaries.map(\.round) == [0, 1, 2])
        #expect(summaries[0].formalizationsCreated == 2)
        #expect(summaries[1].attempts == 3 && summaries[1].accepted == 2)
        #expect(summaries[1].proved == 1 && summaries[1].disproved == 1)
        #expect(summaries[1].promptTokens == 30 && summaries[1].completionTokens == 60)
        #expect(summaries[1].startedAt == round.startedAt)
        #expect(summaries[2].attempts == 1 && summaries[2].startedAt == nil)
    }
}
