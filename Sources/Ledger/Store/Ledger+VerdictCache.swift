import Foundation
/// One row of the ledger's verdict cache (migration `v4-verdict-cache`).
public struct CachedVerdictRow: Sendable, Hashable {
    /// The full cache key, as JSON (compared by the caller, so a digest collision is a miss).
    public var key: String
    /// The verdict's status: `accepted`, `rejected`, `incomplete` or `tampered`.
    public var status: String
    /// The verdict, as JSON.
    public var verdict: String
    /// How often the verdict was served from the cache.
    public var hits: Int

    /// Creates a row.
    public init(key: String, status: String, verdict: String, hits: Int = 0) {
        self.key = key
        self.status = status
        self.verdict = verdict
        self.hits = hits
    }
}

extension Ledger {
    /// The statuses a cached verdict may have: final ones only (never `timeout` or `crashed`).
    public static let cacheableVerdictStatuses: Set<String> = ["accepted", "rejected", "incomplete", "tampered"]

    /// The cached verdict stored under `digest`, counting the hit; nil when there is none.
    ///
    /// - Throws: ``LedgerError/Code/database``.
    public func cachedVerdict(digest: String) throws(LedgerError) -> CachedVerdictRow? {
        try write("verdict cache lookup") { db in
            guard let row = try db.fetchOne("SELECT key, status, verdict, hits FROM verdict_cache WHERE digest = ?", [digest]) else {
                return nil
            }
            try db.execute("UPDATE verdict_cache SET hits = hits + 1 WHERE digest = ?", [digest])
            return CachedVerdictRow(key: row["key"], status: row["status"], verdict: row["verdict"], hits: (row["hits"] as Int) + 1)
        }
    }

    /// Stores a final verdict under `digest` (the first verdict stored for a digest wins).
    ///
    /// - Throws: ``LedgerError/Code/invalidRecord`` for a status that is not final (`timeout`, `crashed`:
    ///   those say nothing about the proof and must be checked again), ``LedgerError/Code/database``.
    public func storeVerdict(digest: String, _ row: CachedVerdictRow) throws(LedgerError) {
        guard Self.cacheableVerdictStatuses.contains(row.status) else {
            throw LedgerError(.invalidRecord, "only final verdicts are cached, not `\(row.status)`; check the proof again instead", context: digest)
        }
        _ = try write("verdict cache store") { db in
            try db.execute(
                """
                INSERT INTO verdict_cache (digest, key, status, verdict, hits, created_at) VALUES (?, ?, ?, ?, 0, ?)
                ON CONFLICT (digest) DO NOTHING
                """,
                [digest, row.key, row.status, row.verdict, Date()])
        }
    }

    /// How many verdicts the cache holds.
    ///
    /// - Throws: ``LedgerError/Code/database``.
    public func cachedVerdictCount() throws(LedgerError) -> Int {
        try read("verdict cache count") { db in try db.fetchValue(Int.self, "SELECT COUNT(*) FROM verdict_cache") ?? 0 }
    }
}
