/// The status rules applied when an attempt is recorded: a pure function, tested without a database.
///
/// - `prove`/`shorten`, accepted: `open` → `proved` (remembering the budget level and round); the proof
///   replaces the best proof when strictly shorter by ``ProofLength``; `easy` is added when the attempt
///   ran at budget level 0 with the `automation` strategy (a single tactic).
/// - `prove`/`shorten`, not accepted, on `open`: the budget level moves to `attempt level + 1` (never
///   down, never past ``BudgetSchedule/maximumLevel``), so several failures at one level climb one level.
/// - Every `prove`/`shorten` attempt on an `open` or `proved` formalization counts in `attemptCount`.
/// - `disprove`, accepted: `open` → `disproved`, terminal.
/// - An accepted proof on a `disproved` formalization, or an accepted disproof on a `proved` one,
///   changes no status and adds `contradictory`.
/// - `vacuity`/`triviality`, accepted: add `vacuous`/`trivial_conclusion`.
/// - `ill_formed` formalizations never change.
public enum AttemptRules {
    /// What an attempt does to a formalization's bookkeeping.
    public struct Effect: Sendable, Hashable {
        /// The bookkeeping after the attempt.
        public var after: FormalizationBookkeeping
        /// Whether the formalization went from `open` to `proved`.
        public var becameProved: Bool
        /// Whether the attempt's proof became the best proof.
        public var improvedBestProof: Bool
        /// Flags the attempt added.
        public var addedFlags: Set<FormalizationFlag>
    }

    /// Applies `attempt` to `before` under `budget`.
    public static func apply(
        _ attempt: AttemptRecord, to before: FormalizationBookkeeping, budget: BudgetSchedule
    ) -> Effect {
        var after = before
        var becameProved = false
        var improved = false
        let accepted = attempt.verdict.isAccepted

        switch (before.status, attempt.kind) {
        case (.illFormed, _):
            break
        case (.disproved, .prove), (.disproved, .shorten):
            if accepted { after.flags.insert(.contradictory) }
        case (_, .prove), (_, .shorten):
            after.attemptCount += 1
            if accepted {
                if before.status == .open {
                    after.status = .proved
                    after.provedAtBudget = attempt.budgetLevel
                    after.settledRound = attempt.round
                    becameProved = true
                }
                let proof = attempt.proof ?? ""
                let length = ProofLength.measure(proof)
                if before.bestProofLength.map({ length < $0 }) ?? true {
                    after.bestProof = proof
                    after.bestProofLength = length
                    improved = true
                }
                if attempt.budgetLevel == 0, attempt.strategy == .automation {
                    after.flags.insert(.easy)
                }
            } else if before.status == .open {
                let next = max(before.budgetLevel, attempt.budgetLevel + 1)
                after.budgetLevel = min(next, max(before.budgetLevel, budget.maximumLevel))
            }
        case (.open, .disprove):
            if accepted {
                after.status = .disproved
                after.settledRound = attempt.round
            }
        case (.proved, .disprove):
            if accepted { after.flags.insert(.contradictory) }
        case (_, .vacuity):
            if accepted { after.flags.insert(.vacuous) }
        case (_, .triviality):
            if accepted { after.flags.insert(.trivialConclusion) }
        case (.disproved, .disprove):
            break
        }
        return Effect(
            after: after,
            becameProved: becameProved,
            improvedBestProof: improved,
            addedFlags: after.flags.subtracting(before.flags)
        )
    }

    /// Checks that an attempt record is consistent before anything is written.
    ///
    /// - Throws: ``LedgerError/Code/invalidRecord`` for an empty idempotency key or formalization id,
    ///   a negative budget level, round, duration or token count, or an accepted prove/shorten/disprove
    ///   attempt without proof text.
    public static func validate(_ attempt: AttemptRecord) throws(LedgerError) {
        func invalid(_ message: String) -> LedgerError {
            LedgerError(.invalidRecord, message, context: attempt.idempotencyKey)
        }
        if attempt.idempotencyKey.isEmpty {
            throw invalid("the idempotency key is empty; build it from round, formalization, kind and strategy")
        }
        if attempt.formalizationID.isEmpty {
            throw invalid("the formalization id is empty")
        }
        if attempt.budgetLevel < 0 || attempt.round < 0 {
            throw invalid("budget level and round must not be negative")
        }
        if attempt.promptTokens < 0 || attempt.completionTokens < 0 || !(attempt.durationMilliseconds >= 0) {
            throw invalid("token counts and duration must be non-negative numbers")
        }
        let needsProof: Set<AttemptKind> = [.prove, .shorten, .disprove]
        if attempt.verdict.isAccepted, needsProof.contains(attempt.kind),
            (attempt.proof ?? "").allSatisfy(\.isWhitespace)
        {
            throw invalid("an accepted \(attempt.kind.rawValue) attempt must carry the proof text that was checked")
        }
    }
}
