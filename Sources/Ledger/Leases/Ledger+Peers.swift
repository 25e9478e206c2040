import Foundation

extension Ledger {
    /// Whether this ledger is an SQLite file, which every peer sharing it opens from the same host (WAL
    /// needs shared memory): a peer registered from this host whose process is gone is dead.
    public var isLocalFile: Bool { store.dialect == .sqlite && path != nil }

    /// Registers (or re-registers) peer `id` running `command` as process `pid` on `host`, and releases
    /// every lease and conjecture-stage claim an earlier process under the same id still holds.
    ///
    /// Peer ids must be unique among the peers running at one time: a process that registers an id
    /// takes over whatever that id held, which is how a restarted peer given the same `--peer-id`
    /// resumes its items at once instead of waiting for their leases to expire.
    ///
    /// - Throws: ``LedgerError/Code/database``.
    public func registerPeer(id: String, host: String, pid: Int, command: String) throws(LedgerError) {
        let now = configuration.now()
        try write("register peer \(id)") { conn in
            try conn.execute("""
                INSERT INTO peers (id, host, pid, command, started_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET host = excluded.host, pid = excluded.pid, command = excluded.command,
                    started_at = excluded.started_at, last_seen_at = excluded.last_seen_at
                """, [id, host, pid, command, now, now])
            try PeerSQL.releaseAll(conn, peer: id)
        }
    }

    /// Refreshes `id`'s `last_seen_at` (a heartbeat with nothing leased).
    ///
    /// - Throws: ``LedgerError/Code/database``.
    public func touchPeer(_ id: String) throws(LedgerError) {
        let now = configuration.now()
        _ = try write("touch peer \(id)") { conn in
            try conn.execute("UPDATE peers SET last_seen_at = ? WHERE id = ?", [now, id])
        }
    }

    /// Releases every undone work lease, conjecture-stage claim and evaluation lease `id` holds (a peer
    /// known to be dead: its process is gone). Returns how many were released.
    ///
    /// - Throws: ``LedgerError/Code/database``.
    @discardableResult
    public func releaseLeases(heldBy id: String) throws(LedgerError) -> Int {
        try write("release leases of peer \(id)") { conn in try PeerSQL.releaseAll(conn, peer: id) }
    }

    /// Every registered peer, by id.
    ///
    /// - Throws: ``LedgerError/Code/database``.
    public func peers() throws(LedgerError) -> [PeerRecord] {
        try read("peers") { conn in
            try conn.fetchAll("SELECT id, host, pid, command, started_at, last_seen_at FROM peers ORDER BY id").map { row in
                PeerRecord(id: row["id"], host: row["host"], pid: row["pid"], command: row["command"],
                           startedAt: row["started_at"], lastSeenAt: row["last_seen_at"])
            }
        }
    }

    /// One summary per peer (registered, or seen on an attempt or a completed item), by id: the leases
    /// it holds now, items it completed, attempts it recorded and their Lean-seconds — `leanplay report`'s
    /// peers table.
    ///
    /// - Throws: ``LedgerError/Code/database``.
    public func peerSummaries() throws(LedgerError) -> [PeerSummary] {
        let now = configuration.now()
        return try read("peer summaries") { conn in
            var summaries: [String: PeerSummary] = [:]
            func update(_ id: String, _ change: (inout PeerSummary) -> Void) {
                var summary = summaries[id] ?? PeerSummary(id: id)
                change(&summary)
                summaries[id] = summary
            }
            for row in try conn.fetchAll("SELECT id, host, pid, command, started_at, last_seen_at FROM peers") {
                update(row["id"]) {
                    $0.host = row["host"]
                    $0.pid = row["pid"]
                    $0.command = row["command"]
                    $0.startedAt = row["started_at"]
                    $0.lastSeenAt = row["last_seen_at"]
                }
            }
            for row in try conn.fetchAll("""
                SELECT lease_owner, round, position, formalization_id, lease_expires_at FROM round_work
                WHERE done_at IS NULL AND lease_owner IS NOT NULL AND lease_expires_at > ? ORDER BY round, position
                """, [now]) {
                let lease = PeerSummary.HeldLease(
                    round: row["round"], position: row["position"], formalizationID: row["formalization_id"],
                    expiresAt: row["lease_expires_at"])
                update(row["lease_owner"]) { $0.leases.append(lease) }
            }
            for row in try conn.fetchAll("""
                SELECT number, stage_owner FROM rounds
                WHERE conjectured_at IS NULL AND stage_owner IS NOT NULL AND stage_expires_at > ? ORDER BY number
                """, [now]) {
                update(row["stage_owner"]) { $0.conjectureStageRound = row["number"] }
            }
            for row in try conn.fetchAll("SELECT done_by, COUNT(*) AS n FROM round_work WHERE done_by IS NOT NULL GROUP BY done_by") {
                update(row["done_by"]) { $0.itemsDone = row["n"] }
            }
            // Problems of shared evaluations (`leanplay evaluate --db`) are items too.
            for row in try conn.fetchAll(
                "SELECT done_by, COUNT(*) AS n FROM evaluation_items WHERE done_by IS NOT NULL GROUP BY done_by") {
                update(row["done_by"]) { $0.itemsDone += row["n"] as Int }
            }
            for row in try conn.fetchAll("""
                SELECT peer, COUNT(*) AS n, SUM(duration_ms) AS ms FROM attempts WHERE peer IS NOT NULL GROUP BY peer
                """) {
                let milliseconds: Double? = row["ms"]
                update(row["peer"]) {
                    $0.attempts = row["n"]
                    $0.leanSeconds = (milliseconds ?? 0) / 1000
                }
            }
            return summaries.values.sorted { $0.id < $1.id }
        }
    }
}

enum PeerSQL {
    @discardableResult
    static func releaseAll(_ conn: any SQLConnection, peer: String) throws -> Int {
        let items = try conn.execute(
            "UPDATE round_work SET lease_owner = NULL, lease_expires_at = NULL WHERE lease_owner = ? AND done_at IS NULL", [peer])
        let stages = try conn.execute(
            "UPDATE rounds SET stage_owner = NULL, stage_expires_at = NULL WHERE stage_owner = ? AND conjectured_at IS NULL", [peer])
        let problems = try conn.execute(
            "UPDATE evaluation_items SET lease_owner = NULL, lease_expires_at = NULL WHERE lease_owner = ? AND done_at IS NULL", [peer])
        return items + stages + problems
    }
}
