extension Ledger {
    /// The work list stored for `round`, in its original order, or `nil` when none was stored yet.
    ///
    /// Each item keeps what it had when the list was stored — position, ``QueueItem/reason``,
    /// ``QueueItem/budgetLevel``, ``QueueItem/flags`` and ``QueueItem/bestProofLength`` — so a resumed
    /// round works the same items at the same budgets and with the same kind of work, even though the
    /// work already done moved them in the queue. ``QueueItem/statement`` and ``QueueItem/header`` are the
    /// formalization's current ones.
    ///
    /// - Throws: ``LedgerError/Code/corruptRow`` or ``LedgerError/Code/database``.
    public func roundWork(_ round: Int) throws(LedgerError) -> [QueueItem]? {
        try read("work of round \(round)") { db in try RoundWorkSQL.stored(db, round: round) }
    }

    /// Stores `items` as the work list of `round`, in one transaction, and returns the round's list.
    ///
    /// The first list stored for a round wins: storing again for the same round changes nothing and
    /// returns the list stored first (so two processes racing to store agree on one list). An empty list
    /// is stored too (``roundWork(_:)`` then returns `[]`, not `nil`).
    ///
    /// - Throws: ``LedgerError/Code/unknownRound`` when the round was never started,
    ///   ``LedgerError/Code/unknownFormalization`` when an item names no formalization,
    ///   ``LedgerError/Code/database``.
    @discardableResult
    public func storeRoundWork(_ round: Int, items: [QueueItem]) throws(LedgerError) -> [QueueItem] {
        try write("store work of round \(round)") { db in
            if let stored = try RoundWorkSQL.stored(db, round: round) { return stored }
            try RoundWorkSQL.store(db, round: round, items: items)
            return try RoundWorkSQL.stored(db, round: round) ?? []
        }
    }

    /// The work list of `round`: the stored one, or else the next `limit` queue items
    /// (``nextWork(limit:)``), stored as the round's list in the same transaction.
    ///
    /// This is how a self-play round picks its work: the first call fixes the list, and a rerun after a
    /// kill gets the same list back whatever the queue looks like by then (and whatever `limit` it
    /// passes). A kill before the transaction commits leaves nothing stored, and the next call computes
    /// the list afresh from a queue no work has touched yet.
    ///
    /// - Throws: ``LedgerError/Code/unknownRound`` when the round was never started,
    ///   ``LedgerError/Code/corruptRow`` or ``LedgerError/Code/database``.
    public func roundWork(_ round: Int, limit: Int) throws(LedgerError) -> [QueueItem] {
        let shortenLimit = configuration.shortenAttemptLimit
        return try write("work of round \(round)") { db in
            if let stored = try RoundWorkSQL.stored(db, round: round) { return stored }
            let items = try QueueSQL.nextWork(db, limit: limit, shortenLimit: shortenLimit)
            try RoundWorkSQL.store(db, round: round, items: items)
            return items
        }
    }

    /// The attempts on a formalization recorded in `round`, in recording order (without proof steps).
    ///
    /// - Throws: ``LedgerError/Code/corruptRow`` or ``LedgerError/Code/database``.
    public func attempts(for formalizationID: String, round: Int) throws(LedgerError) -> [StoredAttempt] {
        try read("attempts of \(formalizationID) in round \(round)") { db in
            try db.fetchAll(RoundWorkSQL.attemptsInRound, [round, formalizationID]).map(RowDecoding.attempt)
        }
    }
}

/// Reads and writes the `round_work` table (migration "v2-round-work").
enum RoundWorkSQL {
    /// Two arguments: the round and the formalization id; walks `attempts_round_formalization`.
    static let attemptsInRound = "SELECT * FROM attempts WHERE round = ? AND formalization_id = ? ORDER BY id"

    static func stored(_ db: any SQLConnection, round: Int) throws -> [QueueItem]? {
        let roundRow = try db.fetchOne("SELECT work_count FROM rounds WHERE number = ?", [round])
        guard let count: Int = roundRow?["work_count"] else { return nil }
        let rows = try db.fetchAll(
            """
            SELECT w.formalization_id, w.reason, w.budget_level, w.flags, w.best_proof_length, f.statement, f.header
            FROM round_work w JOIN formalizations f ON f.id = w.formalization_id
            WHERE w.round = ? ORDER BY w.position
            """,
            [round])
        let context = "round \(round)"
        guard rows.count == count else {
            throw LedgerError(
                .corruptRow, "round \(round) stored \(count) work items but \(rows.count) remain; restore the ledger from a backup",
                context: context)
        }
        return try rows.map { row throws(LedgerError) in
            let id: String = row["formalization_id"]
            return QueueItem(
                formalizationID: id, statement: row["statement"], header: row["header"], budgetLevel: row["budget_level"],
                reason: try RowDecoding.enumValue(QueueItem.Reason.self, row, "reason", rowID: id),
                flags: try JSONColumn.decodeFlags(row["flags"], rowID: id), bestProofLength: row["best_proof_length"])
        }
    }

    static func store(_ db: any SQLConnection, round: Int, items: [QueueItem]) throws {
        if try db.execute("UPDATE rounds SET work_count = ? WHERE number = ?", [items.count, round]) == 0 {
            throw LedgerError(.unknownRound, "round \(round) was never started; call startRound()", context: "round \(round)")
        }
        for (position, item) in items.enumerated() {
            guard try db.fetchOne("SELECT 1 FROM formalizations WHERE id = ?", [item.formalizationID]) != nil else {
                throw LedgerError(.unknownFormalization, "no formalization \(item.formalizationID) to store as round work",
                                  context: "round \(round)")
            }
            try db.execute(
                """
                INSERT INTO round_work (round, position, formalization_id, reason, budget_level, flags, best_proof_length)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                [round, position, item.formalizationID, item.reason.rawValue, item.budgetLevel,
                 JSONColumn.encodeFlags(item.flags), item.bestProofLength])
        }
    }
}
