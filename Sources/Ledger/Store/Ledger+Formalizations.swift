import Foundation
extension Ledger {
    /// Adds a formalization unless one with the same statement hash exists.
    ///
    /// Its `related_proved_count` starts at the number of proved relatives (parent and siblings). With a
    /// ``NewFormalization/leanError`` it is stored as `ill_formed` with that error in the same insert.
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
        let now = configuration.now()
        return try write("add formalizations") { db in
            var batch = try InsertionBatch(now: now, in: db)
            let insertions = try formalizations.map { try Self.insert($0, batch: &batch, in: db) }
            for (new, insertion) in zip(formalizations, insertions) where !new.repairedFromHashes.isEmpty {
                try Self.insertRepairLineage(repairedID: insertion.id, fromHashes: new.repairedFromHashes, in: db)
            }
            return insertions
        }
    }

    /// The ill-formed formalizations that statement repair turned into `id` (oldest first).
    ///
    /// - Throws: ``LedgerError/Code/corruptRow`` or ``LedgerError/Code/database``.
    public func repairedFrom(_ id: String) throws(LedgerError) -> [Formalization] {
        try read("repair lineage of \(id)") { db in
            try db.fetchAll(
                """
                SELECT f.* FROM statement_repairs r JOIN formalizations f ON f.id = r.ill_formed_id
                WHERE r.repaired_id = ? ORDER BY f.seq
                """,
                [id]
            ).map(RowDecoding.formalization)
        }
    }

    private static func insertRepairLineage(repairedID: String, fromHashes hashes: [String], in db: any SQLConnection) throws {
        for hash in hashes {
            guard let source = try db.fetchValue(String.self, "SELECT id FROM formalizations WHERE statement_hash = ?", [hash])
            else {
                throw LedgerError(
                    .unknownFormalization,
                    "the ill-formed statement it was repaired from (hash \(hash.prefix(16))) is not in the ledger; add it in the same batch",
                    context: repairedID)
            }
            guard source != repairedID else { continue }
            try db.execute(
                """
                INSERT INTO statement_repairs (repaired_id, ill_formed_id) VALUES (?, ?)
                ON CONFLICT (repaired_id, ill_formed_id) DO NOTHING
                """,
                [repairedID, source])
        }
    }

    /// Marks a formalization whose statement does not elaborate; it is never queued again.
    ///
    /// - Throws: ``LedgerError/Code/unknownFormalization``, or ``LedgerError/Code/invalidTransition`` when
    ///   it is already proved or disproved (the kernel accepted a proof, so it does elaborate).
    public func markIllFormed(_ id: String, error leanError: String) throws(LedgerError) {
        let now = configuration.now()
        try write("mark ill-formed \(id)") { db in
            guard let raw = try db.fetchValue(String.self, "SELECT status FROM formalizations WHERE id = ?", [id]) else {
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
            try db.execute("UPDATE formalizations SET status = 'ill_formed', lean_error = ?, updated_at = ? WHERE id = ?",
                [leanError, now, id])
        }
    }

    /// The formalization with `id`, or `nil`.
    ///
    /// - Throws: ``LedgerError/Code/corruptRow`` or ``LedgerError/Code/database``.
    public func formalization(_ id: String) throws(LedgerError) -> Formalization? {
        try read("formalization \(id)") { db in
            try db.fetchOne("SELECT * FROM formalizations WHERE id = ?", [id])
                .map(RowDecoding.formalization)
        }
    }

    /// The formalization with this statement hash, or `nil`.
    ///
    /// - Throws: ``LedgerError/Code/corruptRow`` or ``LedgerError/Code/database``.
    public func formalization(statementHash: String) throws(LedgerError) -> Formalization? {
        try read("formalization with hash \(statementHash)") { db in
            try db.fetchOne("SELECT * FROM formalizations WHERE statement_hash = ?", [statementHash])
                .map(RowDecoding.formalization)
        }
    }

    /// The formalizations of a problem, in the order they were added.
    ///
    /// - Throws: ``LedgerError/Code/corruptRow`` or ``LedgerError/Code/database``.
    public func formalizations(problemID: String) throws(LedgerError) -> [Formalization] {
        try read("formalizations of \(problemID)") { db in
            try db.fetchAll("SELECT * FROM formalizations WHERE problem_id = ? ORDER BY seq", [problemID])
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

    /// What one transaction of inserts shares: the next `seq`, the problems already checked, the timestamp.
    private struct InsertionBatch {
        var nextSeq: Int64
        var knownProblems: Set<String> = []
        let now: Date
        let encoder = JSONEncoder()

        init(now: Date, in db: any SQLConnection) throws {
            self.now = now
            nextSeq = (try db.fetchValue(Int64.self, "SELECT MAX(seq) FROM formalizations") ?? 0) + 1
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        }
    }

    private static func insert(
        _ new: NewFormalization, batch: inout InsertionBatch, in db: any SQLConnection
    ) throws -> FormalizationInsertion {
        if let existing = try db.fetchValue(String.self, "SELECT id FROM formalizations WHERE statement_hash = ?", [new.statementHash]) {
            return FormalizationInsertion(id: existing, inserted: false)
        }
        let id = new.resolvedID
        if !batch.knownProblems.contains(new.problemID) {
            guard try db.fetchOne("SELECT 1 FROM problems WHERE id = ?", [new.problemID]) != nil else {
                throw LedgerError(.unknownProblem, "problem \(new.problemID) is not in the ledger; add it first", context: id)
            }
            batch.knownProblems.insert(new.problemID)
        }
        var relatedProved = 0
        if let parentID = new.parentID {
            guard let parentStatus = try db.fetchValue(String.self, "SELECT status FROM formalizations WHERE id = ?", [parentID]) else {
                throw LedgerError(
                    .unknownFormalization, "parent formalization \(parentID) is not in the ledger; add it first",
                    context: id)
            }
            let provedSiblings = try db.fetchValue(
                Int.self, "SELECT COUNT(*) FROM formalizations WHERE parent_id = ? AND status = 'proved'", [parentID]) ?? 0
            relatedProved = (parentStatus == FormalizationStatus.proved.rawValue ? 1 : 0) + provedSiblings
        }
        let provenance = new.provenance.isEmpty
            ? "{}" : String(decoding: try batch.encoder.encode(new.provenance), as: UTF8.self)
        // An id already taken by another statement inserts nothing (the hash was checked above); the
        // conflict clause keeps the transaction usable on PostgreSQL, where a failed statement aborts it.
        let inserted = try db.execute(
            """
            INSERT INTO formalizations (id, seq, problem_id, statement, header, statement_hash, parent_id,
                operator, source, provenance, created_round, related_proved_count, status, lean_error,
                created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO NOTHING
            """,
            [
                id, batch.nextSeq, new.problemID, new.statement, new.header, new.statementHash, new.parentID,
                new.variantOperator, new.source.rawValue, provenance, new.createdRound, relatedProved,
                (new.leanError == nil ? FormalizationStatus.open : .illFormed).rawValue, new.leanError,
                batch.now, batch.now,
            ])
        guard inserted > 0 else {
            throw LedgerError(
                .invalidRecord, "this id is already used by a different statement; give the formalization another id",
                context: id)
        }
        batch.nextSeq += 1
        return FormalizationInsertion(id: id, inserted: true)
    }
}
