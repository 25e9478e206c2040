import Foundation

extension Ledger {
    /// Leases up to `limit` problems of run `id` to `peer` for `leaseSeconds`, lowest position first:
    /// problems not done and either unleased or whose lease has expired (the ledger clock's now is past
    /// `lease_expires_at`: a dead peer's problems are taken over). Empty when nothing is leasable now.
    ///
    /// PostgreSQL chooses the rows with `FOR UPDATE SKIP LOCKED`; SQLite leases in its single-writer
    /// transaction: two peers never lease the same problem at the same time.
    ///
    /// - Parameters:
    ///   - peer: the peer's id (`HOST-PID` by default in the CLI).
    ///   - leaseSeconds: how long the lease holds unless renewed (``renewEvaluationLeases(_:leaseSeconds:)``).
    /// - Throws: ``LedgerError/Code/invalidRecord`` for an empty peer id, a `limit` below 1 or a
    ///   non-positive `leaseSeconds`; ``LedgerError/Code/database``.
    public func leaseEvaluationItems(run id: String, peer: String, limit: Int, leaseSeconds: Double) throws(LedgerError) -> [EvaluationLease] {
        try Self.checkLease(peer: peer, leaseSeconds: leaseSeconds, context: "evaluation \(id)")
        guard limit >= 1 else { throw LedgerError(.invalidRecord, "lease at least one item (limit \(limit))", context: "evaluation \(id)") }
        let now = configuration.now()
        let expires = now.addingTimeInterval(leaseSeconds)
        return try writeReadCommitted("lease problems of evaluation \(id)") { conn in
            try EvaluationRunSQL.items.lease(conn, id, owner: peer, now: now, expires: expires, limit: limit).map { row in
                EvaluationLease(
                    runID: id, position: row["position"], problemID: row["problem_id"], peer: peer,
                    expiresAt: row["lease_expires_at"], leaseCount: row["lease_count"])
            }
        }
    }

    /// The heartbeat: extends each of `leases` that its peer still holds to `leaseSeconds` from now, in
    /// one transaction; returns the leases renewed (a lease taken over or completed meanwhile is left out).
    /// Call it well within `leaseSeconds` (every third of it, say) with the leases the process is working on.
    ///
    /// ```swift
    /// let kept = try ledger.renewEvaluationLeases(inFlight, leaseSeconds: 60)
    /// ```
    ///
    /// - Throws: ``LedgerError/Code/invalidRecord`` for a non-positive `leaseSeconds`;
    ///   ``LedgerError/Code/database``.
    @discardableResult
    public func renewEvaluationLeases(_ leases: [EvaluationLease], leaseSeconds: Double) throws(LedgerError) -> [EvaluationLease] {
        guard let first = leases.first else { return [] }
        try Self.checkLease(peer: first.peer, leaseSeconds: leaseSeconds, context: "evaluation \(first.runID)")
        let expires = configuration.now().addingTimeInterval(leaseSeconds)
        return try writeReadCommitted("renew leases of evaluation \(first.runID)") { conn in
            try leases.filter { lease in
                try EvaluationRunSQL.items.renew(
                    conn, lease.runID, position: lease.position, owner: lease.peer, leaseCount: lease.leaseCount, expires: expires)
            }.map { lease in
                var renewed = lease
                renewed.expiresAt = expires
                return renewed
            }
        }
    }

    /// Completes the leased problem with its result, when the lease still holds (or ran out with nobody
    /// taking the problem over).
    ///
    /// - Parameter resultJSON: the problem's result (its `results.jsonl` line).
    /// - Throws: ``LedgerError/Code/lostLease`` when another peer took the problem over or completed it
    ///   (its work stands; drop this result), ``LedgerError/Code/invalidRecord`` when `resultJSON` is not
    ///   JSON, ``LedgerError/Code/database``.
    public func completeEvaluationItem(_ lease: EvaluationLease, resultJSON: String) throws(LedgerError) {
        let now = configuration.now()
        let item = "evaluation \(lease.runID), problem \(lease.problemID)"
        try WorkLeaseSQL.requireJSON(resultJSON, what: "problem result", context: item)
        try writeReadCommitted("complete \(item)") { conn in
            let items = EvaluationRunSQL.items
            if try items.complete(
                conn, lease.runID, position: lease.position, owner: lease.peer, leaseCount: lease.leaseCount, now: now,
                result: resultJSON) { return }
            throw try items.lostLease(
                conn, lease.runID, position: lease.position, owner: lease.peer, leaseCount: lease.leaseCount, item: item)
        }
    }

    /// Gives a leased problem back unfinished (on cancellation), so another peer can take it at once
    /// instead of after the lease runs out; returns `false` when the lease was already lost.
    ///
    /// - Throws: ``LedgerError/Code/database``.
    @discardableResult
    public func releaseEvaluationItem(_ lease: EvaluationLease) throws(LedgerError) -> Bool {
        try writeReadCommitted("release evaluation \(lease.runID), problem \(lease.problemID)") { conn in
            try EvaluationRunSQL.items.release(
                conn, lease.runID, position: lease.position, owner: lease.peer, leaseCount: lease.leaseCount)
        }
    }

    /// Ends every lease `peer` holds on unfinished problems of run `id`, so they can be leased at once;
    /// returns how many. A peer restarted under the same id after a crash calls it before leasing, so it
    /// takes over what its dead incarnation held without waiting for the leases to run out (peer ids are
    /// unique among running peers).
    ///
    /// - Throws: ``LedgerError/Code/database``.
    @discardableResult
    public func releaseEvaluationLeases(run id: String, peer: String) throws(LedgerError) -> Int {
        try writeReadCommitted("release leases of \(peer) in evaluation \(id)") { conn in
            try conn.execute(
                """
                UPDATE evaluation_items SET lease_owner = NULL, lease_expires_at = NULL
                WHERE run_id = ? AND lease_owner = ? AND done_at IS NULL
                """,
                [id, peer])
        }
    }

    /// The leases held on unfinished problems of run `id`, by position, expired ones included (compare
    /// ``EvaluationLease/expiresAt`` with the clock): who works on what, for reports.
    ///
    /// - Throws: ``LedgerError/Code/database``.
    public func evaluationLeases(run id: String) throws(LedgerError) -> [EvaluationLease] {
        try read("leases of evaluation \(id)") { conn in
            try conn.fetchAll(
                """
                SELECT position, problem_id, lease_owner, lease_expires_at, lease_count FROM evaluation_items
                WHERE run_id = ? AND done_at IS NULL AND lease_owner IS NOT NULL ORDER BY position
                """,
                [id]
            ).map { row in
                EvaluationLease(
                    runID: id, position: row["position"], problemID: row["problem_id"], peer: row["lease_owner"],
                    expiresAt: row["lease_expires_at"], leaseCount: row["lease_count"])
            }
        }
    }

    static func checkLease(peer: String, leaseSeconds: Double, context: String) throws(LedgerError) {
        guard !peer.isEmpty else { throw LedgerError(.invalidRecord, "a lease needs a peer id", context: context) }
        guard leaseSeconds > 0, leaseSeconds.isFinite else {
            throw LedgerError(.invalidRecord, "lease_seconds must be greater than 0 (got \(leaseSeconds))", context: context)
        }
    }
}
