import Foundation

/// The lease statements of a table of work items that peers share: rows keyed by (`scope`, `position`)
/// with the columns `lease_owner`, `lease_expires_at`, `lease_count`, `done_by`, `done_at` and `result`
/// (`evaluation_items`, scoped by `run_id`; the same columns serve any other list of leasable items).
///
/// One statement per operation, so a lease is taken, renewed, completed or released atomically on both
/// stores: PostgreSQL picks the rows to lease with `FOR UPDATE SKIP LOCKED` (peers never wait for each
/// other's candidates), SQLite runs the same statement inside its single-writer transaction. An item is
/// leasable when it is not done and either unleased or its lease has expired (`lease_expires_at <= now`,
/// the ledger's clock). `lease_count` grows with every lease and fences completion: only the holder of
/// the newest lease can complete or release an item.
struct LeaseSQL {
    /// The table, e.g. `evaluation_items`.
    let table: String
    /// The column naming the list an item belongs to, e.g. `run_id`.
    let scope: String
    /// Further columns the lease statement returns (e.g. `problem_id`).
    let returning: [String]

    /// Leases up to `limit` leasable items of `scopeValue` to `owner` until `expires`, lowest position
    /// first; returns the leased rows (`position`, `lease_count`, `lease_expires_at`, then ``returning``)
    /// ordered by position.
    func lease(
        _ conn: any SQLConnection, _ scopeValue: some SQLBindable, owner: String, now: Date, expires: Date, limit: Int
    ) throws -> [SQLRow] {
        let skipLocked = conn.dialect == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        let columns = (["position", "lease_count", "lease_expires_at"] + returning).joined(separator: ", ")
        let rows = try conn.fetchAll(
            """
            UPDATE \(table) SET lease_owner = ?, lease_expires_at = ?, lease_count = lease_count + 1
            WHERE \(scope) = ? AND position IN (
                SELECT position FROM \(table)
                WHERE \(scope) = ? AND done_at IS NULL AND (lease_owner IS NULL OR lease_expires_at <= ?)
                ORDER BY position LIMIT ?\(skipLocked))
            RETURNING \(columns)
            """,
            [owner, expires, scopeValue, scopeValue, now, limit])
        return rows.sorted { ($0["position"] as Int) < ($1["position"] as Int) }
    }

    /// Moves the expiry of the item to `expires` when `owner` still holds its lease number `leaseCount`
    /// (the heartbeat); returns whether it did. Only the leases a peer's process is working on are renewed,
    /// never all leases under its id: a peer restarted under the same id after a crash must not keep its
    /// dead incarnation's leases alive (they run out and are taken over, by itself too).
    func renew(
        _ conn: any SQLConnection, _ scopeValue: some SQLBindable, position: Int, owner: String, leaseCount: Int, expires: Date
    ) throws -> Bool {
        try conn.execute(
            """
            UPDATE \(table) SET lease_expires_at = ?
            WHERE \(scope) = ? AND position = ? AND lease_owner = ? AND lease_count = ? AND done_at IS NULL
            """,
            [expires, scopeValue, position, owner, leaseCount]) == 1
    }

    /// Marks the item done with `result` when `owner` holds its lease number `leaseCount`; returns whether
    /// it did (false: the lease was lost — see ``holder(_:_:position:)``).
    func complete(
        _ conn: any SQLConnection, _ scopeValue: some SQLBindable, position: Int, owner: String, leaseCount: Int,
        now: Date, result: String
    ) throws -> Bool {
        try conn.execute(
            """
            UPDATE \(table) SET done_by = ?, done_at = ?, result = ?, lease_owner = NULL, lease_expires_at = NULL
            WHERE \(scope) = ? AND position = ? AND lease_owner = ? AND lease_count = ? AND done_at IS NULL
            """,
            [owner, now, result, scopeValue, position, owner, leaseCount]) == 1
    }

    /// Gives the item back (unleased, leasable at once) when `owner` holds its lease number `leaseCount`;
    /// returns whether it did.
    func release(
        _ conn: any SQLConnection, _ scopeValue: some SQLBindable, position: Int, owner: String, leaseCount: Int
    ) throws -> Bool {
        try conn.execute(
            """
            UPDATE \(table) SET lease_owner = NULL, lease_expires_at = NULL
            WHERE \(scope) = ? AND position = ? AND lease_owner = ? AND lease_count = ? AND done_at IS NULL
            """,
            [scopeValue, position, owner, leaseCount]) == 1
    }

    /// The item's lease and completion columns (`lease_owner`, `lease_expires_at`, `lease_count`,
    /// `done_by`, `done_at`), or `nil` when there is no such item.
    func holder(_ conn: any SQLConnection, _ scopeValue: some SQLBindable, position: Int) throws -> SQLRow? {
        try conn.fetchOne(
            "SELECT lease_owner, lease_expires_at, lease_count, done_by, done_at FROM \(table) WHERE \(scope) = ? AND position = ?",
            [scopeValue, position])
    }

    /// Why a completion or release by `owner` of lease number `leaseCount` found the lease gone: the
    /// ``LedgerError/Code/lostLease`` error naming who completed or holds the item now.
    func lostLease(
        _ conn: any SQLConnection, _ scopeValue: some SQLBindable, position: Int, owner: String, leaseCount: Int,
        item: String
    ) throws -> LedgerError {
        guard let row = try holder(conn, scopeValue, position: position) else {
            return LedgerError(.invalidRecord, "no such work item; lease items before completing them", context: item)
        }
        let doneBy: String? = row["done_by"]
        let holder: String? = row["lease_owner"]
        let count: Int = row["lease_count"]
        let situation: String
        if let doneBy {
            situation = "it was completed by peer \(doneBy)"
        } else if let holder, holder != owner || count != leaseCount {
            let until: Date? = row["lease_expires_at"]
            situation = "peer \(holder) holds it now (lease \(count)\(until.map { ", until \($0)" } ?? ""))"
        } else {
            situation = "it was released"
        }
        return LedgerError(
            .lostLease,
            "peer \(owner)'s lease \(leaseCount) ran out and \(situation); that work stands — drop this result "
                + "and lease the next item (renew leases more often than lease_seconds if this repeats)",
            context: item)
    }
}
