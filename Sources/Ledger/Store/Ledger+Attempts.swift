import Foundation
extension Ledger {
    /// Records an attempt and applies the status rules (``AttemptRules``) in ONE transaction.
    ///
    /// The attempt is inserted with `ON CONFLICT(idempotency_key) DO NOTHING`: if the key was recorded
    /// before (for example by a run killed after the commit), nothing changes and the outcome says
    /// `inserted: false`, so re-running the same work never double-counts.
    ///
    /// - Throws: ``LedgerError/Code/invalidRecord`` for an inconsistent record (see
    ///   ``AttemptRules/validate(_:)``) or a key already used for another formalization,
    ///   ``LedgerError/Code/unknownFormalization``, ``LedgerError/Code/unknownAttempt`` for an unknown
    ///   `repairedFromAttemptID`, ``LedgerError/Code/database``. Nothing is written when it throws.
    @discardableResult
    public func recordAttempt(_ attempt: AttemptRecord) throws(LedgerError) -> AttemptOutcome {
        try recordAttempts([attempt])[0]
    }

    /// Records many attempts in one transaction, in order (all or none); see ``recordAttempt(_:)``.
    ///
    /// - Throws: as ``recordAttempt(_:)``; nothing is written if any fails.
    @discardableResult
    public func recordAttempts(_ attempts: [AttemptRecord]) throws(LedgerError) -> [AttemptOutcome] {
        for attempt in attempts {
            try AttemptRules.validate(attempt)
        }
        let now = configuration.now()
        let budget = configuration.budget
        // The formalization's row is locked (`FOR UPDATE`) before its bookkeeping is read, so two peers
        // recording on one formalization take turns, and peers recording on different ones never abort each
        // other (SERIALIZABLE's predicate checks did, under load).
        return try writeReadCommitted("record attempts") { db in
            try attempts.map { try Self.record($0, now: now, budget: budget, in: db) }
        }
    }

    /// Whether an attempt with this idempotency key was recorded; callers skip such work.
    ///
    /// - Throws: ``LedgerError/Code/database``.
    public func hasAttempt(key: String) throws(LedgerError) -> Bool {
        try read("attempt \(key)") { db in
            try db.fetchOne("SELECT 1 FROM attempts WHERE idempotency_key = ?", [key]) != nil
        }
    }

    /// How many attempts `round` holds, recorded by any peer or run (a round's report counts these, not
    /// what one process recorded: work taken over or resumed skips attempts recorded before).
    ///
    /// - Throws: ``LedgerError/Code/database``.
    public func attemptCount(round: Int) throws(LedgerError) -> Int {
        try read("attempts of round \(round)") { db in
            try db.fetchValue(Int.self, "SELECT COUNT(*) FROM attempts WHERE round = ?", [round]) ?? 0
        }
    }

    /// The attempt recorded under this idempotency key, or `nil`.
    ///
    /// - Throws: ``LedgerError/Code/corruptRow`` or ``LedgerError/Code/database``.
    public func attempt(key: String) throws(LedgerError) -> StoredAttempt? {
        try read("attempt \(key)") { db in
            try db.fetchOne("SELECT * FROM attempts WHERE idempotency_key = ?", [key])
                .map(RowDecoding.attempt)
        }
    }

    /// The attempts on a formalization, in recording order (without their proof steps).
    ///
    /// - Throws: ``LedgerError/Code/corruptRow`` or ``LedgerError/Code/database``.
    public func attempts(for formalizationID: String) throws(LedgerError) -> [StoredAttempt] {
        try read("attempts of \(formalizationID)") { db in
            try db.fetchAll("SELECT * FROM attempts WHERE formalization_id = ? ORDER BY id", [formalizationID])
                .map(RowDecoding.attempt)
        }
    }

    /// The (state, tactic) steps recorded with an attempt, in order.
    ///
    /// - Throws: ``LedgerError/Code/database``.
    public func proofSteps(attemptID: Int64) throws(LedgerError) -> [ProofStep] {
        try read("proof steps of attempt \(attemptID)") { db in
            try db.fetchAll("SELECT state, tactic FROM proof_steps WHERE attempt_id = ? ORDER BY step_index", [attemptID])
                .map { ProofStep(state: $0["state"], tactic: $0["tactic"]) }
        }
    }

    private static func record(
        _ attempt: AttemptRecord, now: Date, budget: BudgetSchedule, in db: any SQLConnection
    ) throws -> AttemptOutcome {
        let fid = attempt.formalizationID
        let select = db.dialect == .postgres ? RowDecoding.selectBookkeepingForUpdate : RowDecoding.selectBookkeeping
        guard let row = try db.fetchOne(select, [fid]) else {
            throw LedgerError(
                .unknownFormalization, "formalization \(fid) is not in the ledger; add it before recording attempts",
                context: attempt.idempotencyKey)
        }
        let before = try RowDecoding.bookkeeping(row, rowID: fid)
        let parentID: String? = row[8]

        if let repaired = attempt.repairedFromAttemptID,
            try db.fetchOne("SELECT 1 FROM attempts WHERE id = ?", [repaired]) == nil
        {
            throw LedgerError(
                .unknownAttempt, "the repaired attempt \(repaired) is not in the ledger", context: attempt.idempotencyKey)
        }

        // On a key recorded before, the conflict clause inserts nothing and RETURNING gives no row.
        let insertedID = try db.fetchValue(Int64.self, """
                INSERT INTO attempts (idempotency_key, formalization_id, round, kind, strategy, tactic_or_model,
                    budget_level, verdict, proof, error, duration_ms, tokens_prompt, tokens_completion,
                    repaired_from_attempt_id, created_at, peer)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (idempotency_key) DO NOTHING
                RETURNING id
                """,
            [
                attempt.idempotencyKey, fid, attempt.round, attempt.kind.rawValue, attempt.strategy.rawValue,
                attempt.tacticOrModel, attempt.budgetLevel, attempt.verdict.rawValue, attempt.proof, attempt.error,
                attempt.durationMilliseconds, attempt.promptTokens, attempt.completionTokens,
                attempt.repairedFromAttemptID, now, attempt.peer,
            ])
        guard let attemptID = insertedID else {
            return try duplicateOutcome(of: attempt, status: before.status, in: db)
        }

        for (index, step) in attempt.steps.enumerated() {
            try db.execute("INSERT INTO proof_steps (attempt_id, step_index, state, tactic) VALUES (?, ?, ?, ?)",
                [attemptID, index, step.state, step.tactic])
        }

        let effect = AttemptRules.apply(attempt, to: before, budget: budget)
        if effect.after != before {
            try updateBookkeeping(of: fid, from: before, to: effect.after, now: now, in: db)
        }
        if effect.becameProved {
            try incrementRelatives(of: fid, parentID: parentID, in: db)
        }
        return AttemptOutcome(
            attemptID: attemptID, inserted: true, previousStatus: before.status, status: effect.after.status,
            improvedBestProof: effect.improvedBestProof, addedFlags: effect.addedFlags)
    }

    private static func duplicateOutcome(
        of attempt: AttemptRecord, status: FormalizationStatus, in db: any SQLConnection
    ) throws -> AttemptOutcome {
        guard let existing = try db.fetchOne("SELECT id, formalization_id FROM attempts WHERE idempotency_key = ?",
            [attempt.idempotencyKey])
        else {
            throw LedgerError(
                .database, "the attempt insert was ignored but no attempt has its key", context: attempt.idempotencyKey)
        }
        let existingFormalization: String = existing["formalization_id"]
        guard existingFormalization == attempt.formalizationID else {
            throw LedgerError(
                .invalidRecord,
                "this idempotency key was already used for formalization \(existingFormalization); "
                    + "build keys that include the formalization id",
                context: attempt.idempotencyKey)
        }
        return AttemptOutcome(
            attemptID: existing["id"], inserted: false, previousStatus: status, status: status,
            improvedBestProof: false, addedFlags: [])
    }

    /// Writes only the columns that changed, so SQLite rewrites only the index entries that depend on
    /// them (a failed attempt usually touches `attempt_count` alone).
    private static func updateBookkeeping(
        of id: String, from before: FormalizationBookkeeping, to after: FormalizationBookkeeping,
        now: Date, in db: any SQLConnection
    ) throws {
        var assignments: [String] = []
        var values: SQLArguments = []
        func set(_ column: String, _ changed: Bool, _ value: (any SQLBindable)?) {
            guard changed else { return }
            assignments.append("\(column) = ?")
            values.append(value)
        }
        set("status", after.status != before.status, after.status.rawValue)
        set("flags", after.flags != before.flags, JSONColumn.encodeFlags(after.flags))
        set("best_proof", after.bestProof != before.bestProof, after.bestProof)
        set("best_proof_length", after.bestProofLength != before.bestProofLength, after.bestProofLength)
        set("attempt_count", after.attemptCount != before.attemptCount, after.attemptCount)
        set("budget_level", after.budgetLevel != before.budgetLevel, after.budgetLevel)
        set("proved_at_budget", after.provedAtBudget != before.provedAtBudget, after.provedAtBudget)
        set("settled_round", after.settledRound != before.settledRound, after.settledRound)
        set("updated_at", true, now)
        values.append(id)
        try db.execute("UPDATE formalizations SET \(assignments.joined(separator: ", ")) WHERE id = ?", values)
    }

    /// A formalization just became proved: its parent, children and siblings each have one more proved relative.
    private static func incrementRelatives(of id: String, parentID: String?, in db: any SQLConnection) throws {
        try db.execute("UPDATE formalizations SET related_proved_count = related_proved_count + 1 WHERE parent_id = ?",
            [id])
        if let parentID {
            try db.execute("""
                    UPDATE formalizations SET related_proved_count = related_proved_count + 1
                    WHERE id = ? OR (parent_id = ? AND id <> ?)
                    """,
                [parentID, parentID, id])
        }
    }
}
