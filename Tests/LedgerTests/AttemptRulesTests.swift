import Ledger
import Testing

@Suite struct AttemptRulesTests {
    let budget = BudgetSchedule(base: 1, cap: 8)

    private func attempt(
        _ verdict: AttemptVerdict, kind: AttemptKind = .prove, level: Int = 0,
        strategy: AttemptStrategy = .wholeProof, proof: String? = "simp", round: Int = 2
    ) -> AttemptRecord {
        AttemptRecord(
            idempotencyKey: "k", formalizationID: "f", round: round, kind: kind, strategy: strategy,
            budgetLevel: level, verdict: verdict, proof: proof)
    }

    @Test func acceptedProofOfOpenStatementProvesItAndKeepsTheProof() {
        let effect = AttemptRules.apply(attempt(.accepted, level: 2, proof: "norm_num\n  linarith"), to: .init(), budget: budget)
        #expect(effect.becameProved)
        #expect(effect.after.status == .proved)
        #expect(effect.after.bestProof == "norm_num\n  linarith")
        #expect(effect.after.bestProofLength == 16)
        #expect(effect.after.provedAtBudget == 2)
        #expect(effect.after.settledRound == 2)
        #expect(effect.after.attemptCount == 1)
        #expect(effect.addedFlags.isEmpty)
    }

    @Test func singleAutomationTacticAtLevelZeroIsEasy() {
        let easy = AttemptRules.apply(attempt(.accepted, strategy: .automation, proof: "omega"), to: .init(), budget: budget)
        #expect(easy.addedFlags == [.easy])
        let notEasy = AttemptRules.apply(attempt(.accepted, level: 1, strategy: .automation, proof: "omega"), to: .init(), budget: budget)
        #expect(notEasy.after.flags.isEmpty)
    }

    @Test func onlyAStrictlyShorterProofReplacesTheBest() {
        let proved = FormalizationBookkeeping(status: .proved, bestProof: "nlinarith [sq_nonneg x]", bestProofLength: 21)
        let longer = AttemptRules.apply(attempt(.accepted, kind: .shorten, proof: "nlinarith [sq_nonneg x, sq_nonneg y]"), to: proved, budget: budget)
        #expect(!longer.improvedBestProof)
        #expect(longer.after.bestProof == "nlinarith [sq_nonneg x]")
        let reformatted = AttemptRules.apply(attempt(.accepted, kind: .shorten, proof: "  nlinarith   [sq_nonneg x]  "), to: proved, budget: budget)
        #expect(!reformatted.improvedBestProof)
        let shorter = AttemptRules.apply(attempt(.accepted, kind: .shorten, proof: "positivity"), to: proved, budget: budget)
        #expect(shorter.improvedBestProof)
        #expect(shorter.after.bestProofLength == 10)
        #expect(shorter.after.status == .proved)
        #expect(!shorter.becameProved)
        #expect(shorter.after.attemptCount == 1)
    }

    @Test func failedProofClimbsOneLevelPerLevelUpToTheCap() {
        var state = FormalizationBookkeeping()
        state = AttemptRules.apply(attempt(.rejected, level: 0), to: state, budget: budget).after
        #expect(state.budgetLevel == 1)
        // A second failure recorded at the old level does not climb again.
        state = AttemptRules.apply(attempt(.timeout, level: 0), to: state, budget: budget).after
        #expect(state.budgetLevel == 1)
        #expect(state.attemptCount == 2)
        for level in 1...10 {
            state = AttemptRules.apply(attempt(.incomplete, level: level), to: state, budget: budget).after
        }
        #expect(state.budgetLevel == budget.maximumLevel)
        #expect(budget.maximumLevel == 3)
        #expect(state.status == .open)
    }

    @Test func disprovedIsNeverReopened() {
        let disproved = AttemptRules.apply(attempt(.accepted, kind: .disprove, proof: "intro h; omega"), to: .init(), budget: budget)
        #expect(disproved.after.status == .disproved)
        #expect(disproved.after.settledRound == 2)
        let proofAfter = AttemptRules.apply(attempt(.accepted, proof: "omega"), to: disproved.after, budget: budget)
        #expect(proofAfter.after.status == .disproved)
        #expect(proofAfter.after.bestProof == nil)
        #expect(proofAfter.addedFlags == [.contradictory])
        let failAfter = AttemptRules.apply(attempt(.rejected), to: disproved.after, budget: budget)
        #expect(failAfter.after == disproved.after)
    }

    @Test func disproofOfProvedStatementIsContradictoryNotAStatusChange() {
        let proved = FormalizationBookkeeping(status: .proved, bestProof: "simp", bestProofLength: 4)
        let effect = AttemptRules.apply(attempt(.accepted, kind: .disprove), to: proved, budget: budget)
        #expect(effect.after.status == .proved)
        #expect(effect.addedFlags == [.contradictory])
    }

    @Test func probesAddFlagsOnlyWhenAccepted() {
        let vacuous = AttemptRules.apply(attempt(.accepted, kind: .vacuity), to: .init(), budget: budget)
        #expect(vacuous.addedFlags == [.vacuous])
        #expect(vacuous.after.status == .open)
        let trivial = AttemptRules.apply(attempt(.accepted, kind: .triviality), to: .init(), budget: budget)
        #expect(trivial.addedFlags == [.trivialConclusion])
        let failed = AttemptRules.apply(attempt(.rejected, kind: .vacuity), to: .init(), budget: budget)
        #expect(failed.after == FormalizationBookkeeping())
    }

    @Test func illFormedNeverChanges() {
        let illFormed = FormalizationBookkeeping(status: .illFormed)
        for kind in AttemptKind.allCases {
            #expect(AttemptRules.apply(attempt(.accepted, kind: kind), to: illFormed, budget: budget).after == illFormed)
        }
    }

    @Test func acceptedProofWithoutTextIsRejectedBeforeWriting() {
        #expect(throws: LedgerError.self) { try AttemptRules.validate(attempt(.accepted, proof: "  \n")) }
        #expect(throws: LedgerError.self) { try AttemptRules.validate(attempt(.accepted, kind: .disprove, proof: nil)) }
        #expect(throws: Never.self) { try AttemptRules.validate(attempt(.rejected, proof: nil)) }
        var emptyKey = attempt(.rejected)
        emptyKey.idempotencyKey = ""
        let error = #expect(throws: LedgerError.self) { try AttemptRules.validate(emptyKey) }
        #expect(error?.code == .invalidRecord)
    }

    @Test func budgetDoublesPerLevelUpToTheCap() {
        let schedule = BudgetSchedule(base: 4, cap: 100)
        #expect((0...6).map(schedule.budget(for:)) == [4, 8, 16, 32, 64, 100, 100])
        #expect(schedule.maximumLevel == 5)
        #expect(BudgetSchedule(base: 1, cap: Int.max).budget(for: 200) == Int.max)
    }

    @Test func proofLengthCountsNonWhitespaceCharacters() {
        #expect(ProofLength.measure("  norm_num\n  linarith") == 16)
        #expect(ProofLength.measure("exact ℕ.le_refl _") == 15)
        #expect(ProofLength.measure("") == 0)
    }
}
