extension Ledger {
    /// The next units of work, best first, fair across budget levels.
    ///
    /// Open formalizations come first. Each budget level present in the queue gets its turn: the list takes
    /// the best item of every level (lowest level first), then the second best of every level, and so on
    /// until `limit` — so new level-0 statements never crowd out the ones that failed automation and wait
    /// at level 1 or higher for model samples (AlphaProof-style ramp: every level gets its share of each
    /// round). Within a level, items are ordered by closeness to the frontier (`related_proved_count`: how
    /// many of its parent, children and siblings are proved; more first, so barely-provable variants of
    /// solved statements are tried early), then the order they were added. A level with fewer items than
    /// its share leaves the rest to the other levels. Proved formalizations follow at low priority as
    /// "shorten" work while their attempt count is below ``LedgerConfiguration/shortenAttemptLimit``
    /// (fewest attempts first). Ill-formed and disproved formalizations are never returned. Every query
    /// walks a partial index, so the cost grows with `limit` and the number of levels, not with the size
    /// of the ledger.
    ///
    /// ```swift
    /// // 10 open at level 0, 3 at level 1:
    /// try ledger.nextWork(limit: 4).map(\.budgetLevel)  // [0, 1, 0, 1]
    /// ```
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
            for row in try db.fetchAll("SELECT status, COUNT(*) AS n FROM formalizations GROUP BY status") {
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

    /// The open queue in fair order (the whole queue, for the curriculum export): the `turn`-th best
    /// item of every level before the `turn + 1`-th of any, lowest level first within a turn — the same
    /// order ``Ledger/nextWork(limit:)`` builds level by level.
    static let open = """
        SELECT \(columns) FROM (
            SELECT \(columns), ROW_NUMBER() OVER (
                PARTITION BY budget_level ORDER BY related_proved_count DESC, seq) AS turn
            FROM formalizations WHERE status = 'open') AS ranked
        ORDER BY turn, budget_level
        """

    /// The lowest budget level of an open formalization above the argument (pass -1 for the lowest);
    /// answered from the partial index `formalizations_open_queue`.
    static let nextOpenLevel = "SELECT MIN(budget_level) FROM formalizations WHERE status = 'open' AND budget_level > ?"

    /// The open items of one level, best first; arguments: the level and a limit. Matches the partial
    /// index `formalizations_open_queue`.
    static let openAtLevel = """
        SELECT \(columns) FROM formalizations WHERE status = 'open' AND budget_level = ?
        ORDER BY related_proved_count DESC, seq LIMIT ?
        """

    /// Matches the partial index `formalizations_shorten_queue`; one argument: the attempt limit.
    static let shorten = """
        SELECT \(columns) FROM formalizations WHERE status = 'proved' AND attempt_count < ?
        ORDER BY attempt_count, seq
        """

    /// ``shorten`` with a second argument: the number of items.
    static let shortenWithLimit = shorten + " LIMIT ?"

    /// The body of ``Ledger/nextWork(limit:)``, in the caller's transaction.
    static func nextWork(_ db: any SQLConnection, limit: Int, shortenLimit: Int) throws -> [QueueItem] {
        guard limit > 0 else { return [] }
        var items = try fairOpen(db, limit: limit)
        if items.count < limit {
            items += try db.fetchAll(shortenWithLimit, [shortenLimit, limit - items.count]).map { row throws(LedgerError) in try item(row, reason: .shorten) }
        }
        return items
    }

    /// Up to `limit` open items, the levels taking turns (see ``Ledger/nextWork(limit:)``).
    static func fairOpen(_ db: any SQLConnection, limit: Int) throws -> [QueueItem] {
        var perLevel: [[QueueItem]] = []
        var level = -1
        while let next = try db.fetchValue(Int.self, nextOpenLevel, [level]) {
            perLevel.append(try db.fetchAll(openAtLevel, [next, limit])
                .map { row throws(LedgerError) in try item(row, reason: .open) })
            level = next
        }
        var items: [QueueItem] = []
        var turn = 0
        while items.count < limit {
            let round = perLevel.compactMap { $0.count > turn ? $0[turn] : nil }
            if round.isEmpty { break }
            items += round.prefix(limit - items.count)
            turn += 1
        }
        return items
    }

    static func item(_ row: SQLRow, reason: QueueItem.Reason) throws(LedgerError) -> QueueItem {
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
