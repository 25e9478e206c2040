import Foundation
import GRDB

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
        let now = configuration.now().databaseValue  // formatted once per transaction, not per row
        let budget = configuration.budget
        return try write("record attempts") { db in
            try attempts.map { try Self.record($0, now: now, budget: budget, in: db) }
        }
    }

    /// Whether an attempt with this idempotency key was recorded; callers skip such work.
    ///
    /// - Throws: ``LedgerError/Code/database``.
    public func hasAttempt(key: String) throws(LedgerError) -> Bool {
        try read("attempt \(key)") { db in
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM attempts WHERE idempotency_key = ?"), arguments: [key]) != nil
        }
    }

    /// The attempt recorded under this idempotency key, or `nil`.
    ///
    /// - Throws: ``LedgerError/Code/corruptRow`` or ``LedgerError/Code/database``.
    public func attempt(key: String) throws(LedgerError) -> StoredAttempt? {
        try read("attempt \(key)") { db in
            try db.fetchOneCached(sql: "SELECT * FROM attempts WHERE idempotency_key = ?", arguments: [key])
                .map(RowDecoding.attempt)
        }
    }

    /// The attempts on a formalization, in recording order (without their proof steps).
    ///
    /// - Throws: ``LedgerError/Code/corruptRow`` or ``LedgerError/Code/database``.
    public func attempts(for formalizationID: String) throws(LedgerError) -> [StoredAttempt] {
        try read("attempts of \(formalizationID)") { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM attempts WHERE formalization_id = ? ORDER BY id"), arguments: [formalizationID]
            ).map(RowDecoding.attempt)
        }
    }

    /// The (state, tactic) steps recorded with an attempt, in order.
    ///
    /// - Throws: ``LedgerError/Code/database``.
    public func proofSteps(attemptID: Int64) throws(LedgerError) -> [ProofStep] {
        try read("proof steps of attempt \(attemptID)") { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT state, tactic FROM proof_steps WHERE attempt_id = ? ORDER BY step_index"),
                arguments: [attemptID]
            ).map { ProofStep(state: $0["state"], tactic: $0["tactic"]) }
        }
    }

    private static func record(
        _ attempt: AttemptRecord, now: DatabaseValue, budget: BudgetSchedule, in db: Database
    ) throws -> AttemptOutcome {
        let fid = attempt.formalizationID
        guard let row = try db.fetchOneCached(
            sql: "SELECT \(RowDecoding.bookkeepingColumns) FROM formalizations WHERE id = ?", arguments: [fid])
        else {
            throw LedgerError(
                .unknownFormalization, "formalization \(fid) is not in the ledger; add it before recording attempts",
                context: attempt.idempotencyKey)
        }
        let before = try RowDecoding.bookkeeping(row, rowID: fid)
        let parentID: String? = row[8]

        if let repaired = attempt.repairedFromAttemptID,
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM attempts WHERE id = ?"), arguments: [repaired]) == nil
        {
            throw LedgerError(
                .unknownAttempt, "the repaired attempt \(repaired) is not in the ledger", context: attempt.idempotencyKey)
        }

        try db.executeCached(sql: """
                INSERT INTO attempts (idempotency_key, formalization_id, round, kind, strategy, tactic_or_model,
                    budget_level, verdict, proof, error, duration_ms, tokens_prompt, tokens_completion,
                    repaired_from_attempt_id, created_at, peer)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(idempotency_key) DO NOTHING
                """,
            arguments: [
                attempt.idempotencyKey, fid, attempt.round, attempt.kind.rawValue, attempt.strategy.rawValue,
                attempt.tacticOrModel, attempt.budgetLevel, attempt.verdict.rawValue, attempt.proof, attempt.error,
                attempt.durationMilliseconds, attempt.promptTokens, attempt.completionTokens,
                attempt.repairedFromAttemptID, now, attempt.peer,
            ])
        guard db.changesCount > 0 else {
            return try duplicateOutcome(of: attempt, status: before.status, in: db)
        }
        let attemptID = db.lastInsertedRowID

        for (index, step) in attempt.steps.enumerated() {
            try db.executeCached(sql: "INSERT INTO proof_steps (attempt_id, step_index, state, tactic) VALUES (?, ?, ?, ?)",
                arguments: [attemptID, index, step.state, step.tactic])
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
        of attempt: AttemptRecord, status: FormalizationStatus, in db: Database
    ) throws -> AttemptOutcome {
        guard let existing = try db.fetchOneCached(sql: "SELECT id, formalization_id FROM attempts WHERE idempotency_key = ?",
            arguments: [attempt.idempotencyKey])
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
        now: DatabaseValue, in db: Database
    ) throws {
        var assignments: [String] = []
        var values: [(any DatabaseValueConvertible)?] = []
        func set(_ column: String, _ changed: Bool, _ value: (any DatabaseValueConvertible)?) {
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
        try db.executeCached(
            sql: "UPDATE formalizations SET \(assignments.joined(separator: ", ")) WHERE id = ?",
            arguments: StatementArguments(values))
    }

    /// A formalization just became proved: its parent, children and siblings each have one more proved relative.
    private static func incrementRelatives(of id: String, parentID: String?, in db: Database) throws {
        try db.executeCached(sql: "UPDATE formalizations SET related_proved_count = related_proved_count + 1 WHERE parent_id = ?",
            arguments: [id])
        if let parentID {
            try db.executeCached(sql: """
                    UPDATE formalizations SET related_proved_count = related_proved_count + 1
                    WHERE id = ? OR (parent_id = ? AND id != ?)
                    """,
                arguments: [parentID, parentID, id])
        }
    }
}
