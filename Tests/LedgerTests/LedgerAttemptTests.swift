import Foundation
import Ledger
import Testing

@Suite struct LedgerAttemptTests {
    @Test(arguments: LedgerKind.allCases)
    func sameIdempotencyKeyNeverCountsTwice(kind: LedgerKind) throws {
        let fixture = try LedgerFixture(kind)
        let id = try fixture.add("theorem a (x : ℕ) : x + 0 = x")
        let failed = proveAttempt(id, verdict: .rejected)
        let first = try fixture.ledger.recordAttempt(failed)
        let second = try fixture.ledger.recordAttempt(failed)
        #expect(first.inserted)
        #expect(!second.inserted)
        #expect(second.attemptID == first.attemptID)
        let stored = try #require(try fixture.ledger.formalization(id))
        #expect(stored.attemptCount == 1)
        #expect(stored.budgetLevel == 1)
        #expect(try fixture.ledger.attempts(for: id).count == 1)
        #expect(try fixture.ledger.hasAttempt(key: failed.idempotencyKey))
        #expect(try !fixture.ledger.hasAttempt(key: failed.idempotencyKey + "/other"))
    }

    @Test(arguments: LedgerKind.allCases)
    func attemptsRoundTripWithTheirSteps(kind: LedgerKind) throws {
        let fixture = try LedgerFixture(kind)
        let id = try fixture.add("theorem a (x : ℕ) : x + 0 = x")
        var record = proveAttempt(id, strategy: .search, tactic: "search", verdict: .accepted, proof: "intro x\nsimp")
        record.steps = [ProofStep(state: "⊢ ∀ (x : ℕ), x + 0 = x", tactic: "intro x"), ProofStep(state: "x : ℕ\n⊢ x + 0 = x", tactic: "simp")]
        let outcome = try fixture.ledger.recordAttempt(record)
        #expect(outcome.status == .proved && outcome.previousStatus == .open && outcome.improvedBestProof)
        #expect(try fixture.ledger.proofSteps(attemptID: outcome.attemptID) == record.steps)
        let stored = try #require(try fixture.ledger.attempt(key: record.idempotencyKey))
        var expected = record
        expected.steps = []
        #expect(stored.record == expected)
        #expect(stored.createdAt == fixture.clock.now)
    }

    @Test(arguments: LedgerKind.allCases)
    func aFailingBatchWritesNothing(kind: LedgerKind) throws {
        let fixture = try LedgerFixture(kind)
        let id = try fixture.add("theorem a : True")
        let good = proveAttempt(id, verdict: .rejected)
        let unknown = proveAttempt("no-such-formalization", verdict: .rejected)
        let error = #expect(throws: LedgerError.self) { try fixture.ledger.recordAttempts([good, unknown]) }
        #expect(error?.code == .unknownFormalization)
        #expect(error?.context == unknown.idempotencyKey)
        #expect(try !fixture.ledger.hasAttempt(key: good.idempotencyKey))
        #expect(try fixture.ledger.formalization(id)?.attemptCount == 0)
    }

    @Test(arguments: LedgerKind.allCases)
    func reusingAKeyForAnotherFormalizationIsAnError(kind: LedgerKind) throws {
        let fixture = try LedgerFixture(kind)
        let a = try fixture.add("theorem a : True")
        let b = try fixture.add("theorem b : 1 = 1")
        try fixture.ledger.recordAttempt(proveAttempt(a, verdict: .rejected, suffix: "/shared"))
        var reused = proveAttempt(b, verdict: .rejected)
        reused.idempotencyKey = proveAttempt(a, verdict: .rejected, suffix: "/shared").idempotencyKey
        let error = #expect(throws: LedgerError.self) { try fixture.ledger.recordAttempt(reused) }
        #expect(error?.code == .invalidRecord)
    }

    @Test(arguments: LedgerKind.allCases)
    func repairMustNameARecordedAttempt(kind: LedgerKind) throws {
        let fixture = try LedgerFixture(kind)
        let id = try fixture.add("theorem a : True")
        var repair = proveAttempt(id, strategy: .repair, tactic: "model", verdict: .accepted, proof: "trivial")
        repair.repairedFromAttemptID = 999
        let error = #expect(throws: LedgerError.self) { try fixture.ledger.recordAttempt(repair) }
        #expect(error?.code == .unknownAttempt)
        let failed = try fixture.ledger.recordAttempt(proveAttempt(id, strategy: .wholeProof, tactic: "model", verdict: .rejected))
        repair.repairedFromAttemptID = failed.attemptID
        #expect(try fixture.ledger.recordAttempt(repair).status == .proved)
    }

    @Test(arguments: LedgerKind.allCases)
    func statusRulesThroughTheLedger(kind: LedgerKind) throws {
        let fixture = try LedgerFixture(kind)
        let id = try fixture.add("theorem a (x : ℕ) (h : x > 2) : x > 1")
        try fixture.ledger.recordAttempt(proveAttempt(id, strategy: .wholeProof, tactic: "m1", verdict: .accepted, proof: "omega\n  -- long\n  exact h"))
        try fixture.ledger.recordAttempt(proveAttempt(id, round: 2, strategy: .automation, tactic: "omega", level: 0, verdict: .accepted, kind: .shorten))
        try fixture.ledger.recordAttempt(proveAttempt(id, round: 3, strategy: .wholeProof, tactic: "m2", verdict: .accepted, proof: "exact Nat.lt_of_lt_of_le (by norm_num) h", kind: .shorten))
        let stored = try #require(try fixture.ledger.formalization(id))
        #expect(stored.status == .proved)
        #expect(stored.bestProof == "omega")
        #expect(stored.bestProofLength == 5)
        #expect(stored.flags == [.easy])
        #expect(stored.settledRound == 1)
        #expect(stored.attemptCount == 3)

        let vacuity = AttemptRecord(
            idempotencyKey: "round1/\(id)/vacuity", formalizationID: id, round: 1, kind: .vacuity,
            strategy: .automation, budgetLevel: 0, verdict: .accepted, proof: "omega")
        #expect(try fixture.ledger.recordAttempt(vacuity).addedFlags == [.vacuous])
    }

    @Test(arguments: LedgerKind.allCases)
    func markIllFormedOnlyFromOpen(kind: LedgerKind) throws {
        let fixture = try LedgerFixture(kind)
        let open = try fixture.add("theorem a : foo = bar")
        try fixture.ledger.markIllFormed(open, error: "unknown identifier 'foo'")
        let stored = try #require(try fixture.ledger.formalization(open))
        #expect(stored.status == .illFormed)
        #expect(stored.leanError == "unknown identifier 'foo'")

        let proved = try fixture.add("theorem b : True")
        try fixture.ledger.recordAttempt(proveAttempt(proved, verdict: .accepted, proof: "trivial"))
        let error = #expect(throws: LedgerError.self) { try fixture.ledger.markIllFormed(proved, error: "x") }
        #expect(error?.code == .invalidTransition)
        let unknown = #expect(throws: LedgerError.self) { try fixture.ledger.markIllFormed("nope", error: "x") }
        #expect(unknown?.code == .unknownFormalization)
    }

    @Test(arguments: LedgerKind.allCases)
    func formalizationNeedsItsProblemAndParent(kind: LedgerKind) throws {
        let fixture = try LedgerFixture(kind)
        let missingProblem = #expect(throws: LedgerError.self) {
            try fixture.ledger.addFormalization(NewFormalization(
                problemID: "ghost", statement: "theorem a : True", header: "", statementHash: "h1", source: .corpus))
        }
        #expect(missingProblem?.code == .unknownProblem)
        _ = try fixture.add("theorem root : True")
        let missingParent = #expect(throws: LedgerError.self) { try fixture.add("theorem v : True ∧ True", parent: "ghost") }
        #expect(missingParent?.code == .unknownFormalization)
        let idClash = #expect(throws: LedgerError.self) { try fixture.add("theorem w : 2 = 2", id: "p1/clash") ; try fixture.add("theorem z : 3 = 3", id: "p1/clash") }
        #expect(idClash?.code == .invalidRecord)
    }
}
