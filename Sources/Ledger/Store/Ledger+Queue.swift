import GRDB

extension Ledger {
    /// The next units of work, best first.
    ///
    /// Open formalizations come first, ordered by budget level (lowest first), then closeness to the
    /// frontier (`related_proved_count`: how many of its parent, children and siblings are proved; more
    /// first, so barely-provable variants of solved statements are tried early), then the order they were
    /// added. Proved formalizations follow at low priority as "shorten" work while their attempt count is
    /// below ``LedgerConfiguration/shortenAttemptLimit`` (fewest attempts first). Ill-formed and disproved
    /// formalizations are never returned. Both queries walk partial indexes, so the cost does not grow with
    /// the size of the ledger.
    ///
    /// - Throws: ``LedgerError/Code/corruptRow`` or ``LedgerError/Code/database``.
    public func nextWork(limit: Int) throws(LedgerError) -> [QueueItem] {
        guard limit > 0 else { return [] }
        let shortenLimit = configuration.shortenAttemptLimit
        return try read("next work") { db in try QueueSQL.nextWork(db, limit: limit, shortenLimit: shortenLimit) }
    }

    /// The number of formalizations in each status.
    ///
    /// - Throws: ``LedgerError/Code/database``.
    public func statusCounts() throws(LedgerError) -> [FormalizationStatus: Int] {
        try read("status counts") { db in
            var counts: [FormalizationStatus: Int] = [:]
            for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT status, COUNT(*) AS n FROM formalizations GROUP BY status")) {
                let status = try RowDecoding.enumValue(FormalizationStatus.self, row, "status", rowID: "status counts")
                counts[status] = row["n"]
            }
            return counts
        }
    }
}

/// The two queue queries, shared by ``Ledger/nextWork(limit:)`` and the curriculum export.
enum QueueSQL {
    static let columns = "id, statement, header, budget_level, flags, best_proof_length"

    /// Matches the partial index `formalizations_open_queue`.
    static let open = """
        SELECT \(columns) FROM formalizations WHERE status = 'open'
        ORDER BY budget_level, related_proved_count DESC, seq
        """

    /// Matches the partial index `formalizations_shorten_queue`; one argument: the attempt limit.
    static let shorten = """
        SELECT \(columns) FROM formalizations WHERE status = 'proved' AND attempt_count < ?
        ORDER BY attempt_count, seq
        """

    /// The body of ``Ledger/nextWork(limit:)``, in the caller's transaction.
    static func nextWork(_ db: Database, limit: Int, shortenLimit: Int) throws -> [QueueItem] {
        guard limit > 0 else { return [] }
        var items = try Row.fetchAll(db.cachedStatement(sql: open + " LIMIT ?"), arguments: [limit])
            .map { row throws(LedgerError) in try item(row, reason: .open) }
        if items.count < limit {
            items += try Row.fetchAll(db.cachedStatement(sql: shorten + " LIMIT ?"), arguments: [shortenLimit, limit - items.count]
            ).map { row throws(LedgerError) in try item(row, reason: .shorten) }
        }
        return items
    }

    static func item(_ row: Row, reason: QueueItem.Reason) throws(LedgerError) -> QueueItem {
        let id: String = row["id"]
        return QueueItem(
            formalizationID: id,
            statement: row["statement"],
            header: row["header"],
            budgetLevel: row["budget_level"],
            reason: reason,
            flags: try JSONColumn.decodeFlags(row["flags"], rowID: id),
            bestProofLength: reason == .shorten ? row["best_proof_length"] : nil
        )
    }
}
