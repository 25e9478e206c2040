import Foundation
import GRDB

extension Ledger {
    /// Adds a formalization unless one with the same statement hash exists.
    ///
    /// Its `related_proved_count` starts at the number of proved relatives (parent and siblings).
    ///
    /// - Returns: the new id with `inserted: true`, or the existing formalization's id with `inserted: false`.
    /// - Throws: ``LedgerError/Code/unknownProblem`` when the problem is not in the ledger,
    ///   ``LedgerError/Code/unknownFormalization`` when the parent is not, ``LedgerError/Code/invalidRecord``
    ///   for an empty statement or hash or an id already used by a different statement.
    @discardableResult
    public func addFormalization(_ formalization: NewFormalization) throws(LedgerError) -> FormalizationInsertion {
        try addFormalizations([formalization])[0]
    }

    /// Adds many formalizations in one transaction (all or none); see ``addFormalization(_:)``.
    ///
    /// - Throws: as ``addFormalization(_:)``; nothing is written if any fails.
    @discardableResult
    public func addFormalizations(_ formalizations: [NewFormalization]) throws(LedgerError) -> [FormalizationInsertion] {
        for formalization in formalizations {
            try Self.validate(formalization)
        }
        let now = configuration.now().databaseValue  // formatted once per transaction, not per row
        return try write("add formalizations") { db in
            try formalizations.map { try Self.insert($0, now: now, in: db) }
        }
    }

    /// Marks a formalization whose statement does not elaborate; it is never queued again.
    ///
    /// - Throws: ``LedgerError/Code/unknownFormalization``, or ``LedgerError/Code/invalidTransition`` when
    ///   it is already proved or disproved (the kernel accepted a proof, so it does elaborate).
    public func markIllFormed(_ id: String, error leanError: String) throws(LedgerError) {
        let now = configuration.now().databaseValue  // formatted once per transaction, not per row
        try write("mark ill-formed \(id)") { db in
            guard let raw = try String.fetchOne(db.cachedStatement(sql: "SELECT status FROM formalizations WHERE id = ?"), arguments: [id]) else {
                throw LedgerError(.unknownFormalization, "no formalization with this id; add it first", context: id)
            }
            let status = FormalizationStatus(rawValue: raw)
            guard status == .open || status == .illFormed else {
                throw LedgerError(
                    .invalidTransition,
                    "a \(raw) formalization cannot become ill_formed: the kernel already checked a proof against it; "
                        + "check that the right id and header were used",
                    context: id)
            }
            try db.executeCached(sql: "UPDATE formalizations SET status = 'ill_formed', lean_error = ?, updated_at = ? WHERE id = ?",
                arguments: [leanError, now, id])
        }
    }

    /// The formalization with `id`, or `nil`.
    ///
    /// - Throws: ``LedgerError/Code/corruptRow`` or ``LedgerError/Code/database``.
    public func formalization(_ id: String) throws(LedgerError) -> Formalization? {
        try read("formalization \(id)") { db in
            try db.fetchOneCached(sql: "SELECT * FROM formalizations WHERE id = ?", arguments: [id])
                .map(RowDecoding.formalization)
        }
    }

    /// The formalization with this statement hash, or `nil`.
    ///
    /// - Throws: ``LedgerError/Code/corruptRow`` or ``LedgerError/Code/database``.
    public func formalization(statementHash: String) throws(LedgerError) -> Formalization? {
        try read("formalization with hash \(statementHash)") { db in
            try db.fetchOneCached(sql: "SELECT * FROM formalizations WHERE statement_hash = ?", arguments: [statementHash])
                .map(RowDecoding.formalization)
        }
    }

    /// The formalizations of a problem, in the order they were added.
    ///
    /// - Throws: ``LedgerError/Code/corruptRow`` or ``LedgerError/Code/database``.
    public func formalizations(problemID: String) throws(LedgerError) -> [Formalization] {
        try read("formalizations of \(problemID)") { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM formalizations WHERE problem_id = ? ORDER BY seq"), arguments: [problemID])
                .map(RowDecoding.formalization)
        }
    }

    private static func validate(_ formalization: NewFormalization) throws(LedgerError) {
        let context = formalization.resolvedID
        if formalization.problemID.isEmpty {
            throw LedgerError(.invalidRecord, "the problem id is empty", context: context)
        }
        if formalization.statement.allSatisfy(\.isWhitespace) {
            throw LedgerError(.invalidRecord, "the statement is empty", context: context)
        }
        if formalization.statementHash.isEmpty {
            throw LedgerError(
                .invalidRecord, "the statement hash is empty; use LeanDeclaration.statementHash", context: context)
        }
        if formalization.createdRound < 0 {
            throw LedgerError(.invalidRecord, "the created round must not be negative", context: context)
        }
    }

    private static func insert(_ new: NewFormalization, now: DatabaseValue, in db: Database) throws -> FormalizationInsertion {
        if let existing = try String.fetchOne(db.cachedStatement(sql: "SELECT id FROM formalizations WHERE statement_hash = ?"), arguments: [new.statementHash])
        {
            return FormalizationInsertion(id: existing, inserted: false)
        }
        let id = new.resolvedID
        guard try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM problems WHERE id = ?"), arguments: [new.problemID]) != nil else {
            throw LedgerError(.unknownProblem, "problem \(new.problemID) is not in the ledger; add it first", context: id)
        }
        if try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM formalizations WHERE id = ?"), arguments: [id]) != nil {
            throw LedgerError(
                .invalidRecord, "this id is already used by a different statement; give the formalization another id",
                context: id)
        }
        var relatedProved = 0
        if let parentID = new.parentID {
            guard let parentStatus = try String.fetchOne(db.cachedStatement(sql: "SELECT status FROM formalizations WHERE id = ?"), arguments: [parentID])
            else {
                throw LedgerError(
                    .unknownFormalization, "parent formalization \(parentID) is not in the ledger; add it first",
                    context: id)
            }
            relatedProved = (parentStatus == FormalizationStatus.proved.rawValue ? 1 : 0)
                + (try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM formalizations WHERE parent_id = ? AND status = 'proved'"),
                    arguments: [parentID]) ?? 0)
        }
        let seq = try Int64.fetchOne(db.cachedStatement(sql: "SELECT IFNULL(MAX(seq), 0) + 1 FROM formalizations")) ?? 1
        try db.executeCached(sql: """
                INSERT INTO formalizations (id, seq, problem_id, statement, header, statement_hash, parent_id,
                    operator, source, provenance, created_round, related_proved_count, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id, seq, new.problemID, new.statement, new.header, new.statementHash, new.parentID,
                new.variantOperator, new.source.rawValue, JSONColumn.encode(new.provenance), new.createdRound,
                relatedProved, now, now,
            ])
        return FormalizationInsertion(id: id, inserted: true)
    }
}
