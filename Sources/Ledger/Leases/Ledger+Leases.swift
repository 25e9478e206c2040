import Foundation

extension Ledger {
    /// Leases up to `limit` undone items of `round`'s stored work list to `peer` for `leaseSeconds`, in
    /// list order, and returns them (empty when nothing is leasable now).
    ///
    /// An item is leasable when it is not done and nobody holds an unexpired lease on it; an expired
    /// lease (its peer died or stalled) is taken over, and the item's ``WorkLease/leaseCount`` grows.
    /// PostgreSQL picks the rows with `FOR UPDATE SKIP LOCKED`, so peers leasing at the same moment get
    /// different items without waiting on each other; SQLite picks and marks them in one write
    /// transaction (one writer at a time on the file).
    ///
    /// ```swift
    /// for lease in try ledger.leaseWork(round: 3, peer: "gpu7-4121", limit: 4, leaseSeconds: 60) {
    ///     let result = work(lease.item)
    ///     try ledger.completeWork(lease, peer: "gpu7-4121", resultJSON: result)
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - round: a round whose work list is stored (``roundWork(_:limit:)``); none stored leases nothing.
    ///   - peer: the peer id (unique among the peers running now).
    ///   - limit: at most this many items (0 leases nothing).
    ///   - leaseSeconds: how long the lease holds without renewal, in seconds (ledger clock).
    /// - Throws: ``LedgerError/Code/corruptRow`` or ``LedgerError/Code/database``.
    public func leaseWork(round: Int, peer: String, limit: Int, leaseSeconds: Double) throws(LedgerError) -> [WorkLease] {
        precondition(leaseSeconds > 0, "a lease must last a positive number of seconds")
        guard limit > 0 else { return [] }
        let now = configuration.now()
        let expires = now.addingTimeInterval(leaseSeconds)
        return try writeReadCommitted("lease work of round \(round)") { conn in
            let leased: [SQLRow]
            switch conn.dialect {
            case .postgres:
                // The picked rows are locked by this transaction; rows another peer is leasing right now
                // are skipped instead of waited for.
                leased = try conn.fetchAll("""
                    UPDATE round_work SET lease_owner = ?, lease_expires_at = ?, lease_count = round_work.lease_count + 1
                    FROM (SELECT round, position FROM round_work
                          WHERE round = ? AND done_at IS NULL AND (lease_owner IS NULL OR lease_expires_at <= ?)
                          ORDER BY position LIMIT ? FOR UPDATE SKIP LOCKED) AS pick
                    WHERE round_work.round = pick.round AND round_work.position = pick.position
                    RETURNING round_work.position, round_work.lease_count
                    """, [peer, expires, round, now, limit])
            case .sqlite:
                // The write transaction holds SQLite's one write lock: nobody else leases meanwhile.
                leased = try conn.fetchAll("""
                    UPDATE round_work SET lease_owner = ?, lease_expires_at = ?, lease_count = lease_count + 1
                    WHERE round = ? AND position IN (
                        SELECT position FROM round_work
                        WHERE round = ? AND done_at IS NULL AND (lease_owner IS NULL OR lease_expires_at <= ?)
                        ORDER BY position LIMIT ?)
                    RETURNING position, lease_count
                    """, [peer, expires, round, round, now, limit])
            }
            guard !leased.isEmpty else { return [] }
            var counts: [Int: Int] = [:]
            for row in leased { counts[row["position"]] = row["lease_count"] }
            try conn.execute("UPDATE peers SET last_seen_at = ? WHERE id = ?", [now, peer])
            return try WorkLeaseSQL.items(conn, round: round, owner: peer).compactMap { position, item -> WorkLease? in
                guard let count = counts[position] else { return nil }
                return WorkLease(round: round, position: position, item: item, peer: peer, expiresAt: expires, leaseCount: count)
            }
        }
    }

    /// Extends every undone lease `peer` holds in `round` to `leaseSeconds` from now (the heartbeat, every
    /// `leaseSeconds / 3`), refreshes the peer's `last_seen_at`, and returns the positions it still holds.
    ///
    /// A lease another peer took over after it expired is not renewed (it is not this peer's any more):
    /// its position is missing from the result, and completing it throws ``LedgerError/Code/lostLease``.
    ///
    /// - Throws: ``LedgerError/Code/database``.
    @discardableResult
    public func renewLeases(round: Int, peer: String, leaseSeconds: Double) throws(LedgerError) -> Set<Int> {
        let now = configuration.now()
        let expires = now.addingTimeInterval(leaseSeconds)
        return try writeReadCommitted("renew leases of round \(round)") { conn in
            try conn.execute("UPDATE peers SET last_seen_at = ? WHERE id = ?", [now, peer])
            let rows = try conn.fetchAll("""
                UPDATE round_work SET lease_expires_at = ?
                WHERE round = ? AND lease_owner = ? AND done_at IS NULL
                RETURNING position
                """, [expires, round, peer])
            return Set(rows.map { $0["position"] as Int })
        }
    }

    /// Marks a leased item done by `peer`, storing `resultJSON` (the item's result, e.g. a
    /// `FormalizationResult`) with it, and ends the lease.
    ///
    /// Completing an item this peer already completed changes nothing (a retried call is harmless).
    ///
    /// - Throws: ``LedgerError/Code/lostLease`` when another peer took the item over (its lease expired
    ///   first) or completed it: drop the item, its attempts are in the ledger already;
    ///   ``LedgerError/Code/invalidRecord`` when `resultJSON` is not JSON; ``LedgerError/Code/database``.
    public func completeWork(_ lease: WorkLease, peer: String, resultJSON: String) throws(LedgerError) {
        try WorkLeaseSQL.requireJSON(resultJSON, what: "work result", context: "round \(lease.round) item \(lease.position)")
        let now = configuration.now()
        let round = lease.round
        let position = lease.position
        try writeReadCommitted("complete work of round \(round)") { conn in
            let changed = try conn.execute("""
                UPDATE round_work SET done_by = ?, done_at = ?, result = ?, lease_owner = NULL, lease_expires_at = NULL
                WHERE round = ? AND position = ? AND done_at IS NULL AND lease_owner = ?
                """, [peer, now, resultJSON, round, position, peer])
            guard changed == 0 else { return }
            guard let row = try conn.fetchOne(
                "SELECT done_by, lease_owner, lease_expires_at FROM round_work WHERE round = ? AND position = ?",
                [round, position])
            else {
                throw LedgerError(
                    .unknownRound, "round \(round) has no work item \(position); lease items with leaseWork(round:peer:limit:leaseSeconds:)",
                    context: "round \(round)")
            }
            let doneBy: String? = row["done_by"]
            if doneBy == peer { return }
            let owner: String? = row["lease_owner"]
            let expires: Date? = row["lease_expires_at"]
            let state = doneBy.map { "peer \($0) completed it" }
                ?? owner.map { "peer \($0) holds it\(expires.map { " until \($0)" } ?? "")" }
                ?? "nobody holds it"
            throw LedgerError(
                .lostLease,
                "this peer (\(peer)) lost its lease on item \(position) of round \(round) (\(lease.item.formalizationID)): "
                    + "\(state). Its lease expired before the work was completed; the attempts it recorded are kept under "
                    + "their idempotency keys, so drop the item and lease another. If this happens often, raise "
                    + "[ledger] lease_seconds above the longest item and check that peers' clocks agree",
                context: "round \(round)")
        }
    }

    /// Ends every undone lease `peer` holds in `round` without completing the items (a peer that stops or
    /// is cancelled), so other peers can lease them at once; returns how many were released.
    ///
    /// - Throws: ``LedgerError/Code/database``.
    @discardableResult
    public func releaseWork(round: Int, peer: String) throws(LedgerError) -> Int {
        try writeReadCommitted("release work of round \(round)") { conn in
            try conn.execute("""
                UPDATE round_work SET lease_owner = NULL, lease_expires_at = NULL
                WHERE round = ? AND lease_owner = ? AND done_at IS NULL
                """, [round, peer])
        }
    }

    /// How far `round`'s stored work list is, seen from `peer` (now, by the ledger clock).
    ///
    /// - Throws: ``LedgerError/Code/database``.
    public func roundProgress(round: Int, peer: String) throws(LedgerError) -> RoundProgress {
        let now = configuration.now()
        return try read("progress of round \(round)") { conn in
            let live = "done_at IS NULL AND lease_owner IS NOT NULL AND lease_expires_at > ?"
            guard let row = try conn.fetchOne("""
                SELECT COUNT(*) AS total,
                    SUM(CASE WHEN done_at IS NOT NULL THEN 1 ELSE 0 END) AS done,
                    SUM(CASE WHEN \(live) AND lease_owner = ? THEN 1 ELSE 0 END) AS mine,
                    SUM(CASE WHEN \(live) AND lease_owner <> ? THEN 1 ELSE 0 END) AS others,
                    MIN(CASE WHEN \(live) AND lease_owner <> ? THEN lease_expires_at END) AS earliest
                FROM round_work WHERE round = ?
                """, [now, peer, now, peer, now, peer, round])
            else { return RoundProgress(total: 0, done: 0, leasedByThisPeer: 0, leasedByOthers: 0, earliestExpiry: nil) }
            let done: Int? = row["done"]
            let mine: Int? = row["mine"]
            let others: Int? = row["others"]
            return RoundProgress(
                total: row["total"], done: done ?? 0, leasedByThisPeer: mine ?? 0, leasedByOthers: others ?? 0,
                earliestExpiry: row["earliest"])
        }
    }

    /// The results stored with `round`'s completed items (``completeWork(_:peer:resultJSON:)``), in
    /// work-list order, as position → JSON text.
    ///
    /// - Throws: ``LedgerError/Code/database``.
    public func workResults(round: Int) throws(LedgerError) -> [(position: Int, resultJSON: String)] {
        try read("results of round \(round)") { conn in
            try conn.fetchAll(
                "SELECT position, result FROM round_work WHERE round = ? AND done_at IS NOT NULL ORDER BY position", [round]
            ).compactMap { row -> (Int, String)? in
                guard let result: String = row["result"] else { return nil }
                return (row["position"], result)
            }
        }
    }
}

/// Statements the lease API shares.
enum WorkLeaseSQL {
    /// The undone items of `round` leased to `owner`, by position, with their current statement and header.
    static func items(_ conn: any SQLConnection, round: Int, owner: String) throws -> [(Int, QueueItem)] {
        try conn.fetchAll("""
            SELECT w.position, w.formalization_id, w.reason, w.budget_level, w.flags, w.best_proof_length,
                f.statement, f.header
            FROM round_work w JOIN formalizations f ON f.id = w.formalization_id
            WHERE w.round = ? AND w.lease_owner = ? AND w.done_at IS NULL ORDER BY w.position
            """, [round, owner]
        ).map { row throws(LedgerError) -> (Int, QueueItem) in
            let id: String = row["formalization_id"]
            let rawReason: String = row["reason"]
            guard let reason = QueueItem.Reason(rawValue: rawReason) else {
                throw LedgerError(.corruptRow, "column reason holds \(String(reflecting: rawReason)), not a known reason; "
                                    + "was the ledger written by a newer LeanPlay?", context: id)
            }
            let item = QueueItem(
                formalizationID: id, statement: row["statement"], header: row["header"], budgetLevel: row["budget_level"],
                reason: reason, flags: try JSONColumn.decodeFlags(row["flags"], rowID: id),
                bestProofLength: row["best_proof_length"])
            return (row["position"], item)
        }
    }

    static func requireJSON(_ text: String, what: String, context: String) throws(LedgerError) {
        guard (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) != nil else {
            throw LedgerError(.invalidRecord, "the \(what) is not valid JSON", context: context)
        }
    }
}
