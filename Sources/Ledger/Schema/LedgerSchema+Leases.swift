extension LedgerSchema {
    /// v5: peers sharing one ledger (several processes on one SQLite file, or several machines on one
    /// PostgreSQL database).
    ///
    /// - `round_work`: each item's lease (`lease_owner` until `lease_expires_at`, `lease_count` leases
    ///   taken so far) and its completion (`done_by`, `done_at`, and `result`, the item's
    ///   `FormalizationResult` as JSON) — ``Ledger/leaseWork(round:peer:limit:leaseSeconds:)``.
    /// - `rounds`: the conjecture stage's claim (`stage_owner` until `stage_expires_at`), its completion
    ///   (`conjectured_at`, `conjecture_report` JSON) and the peer that finished the round (`finished_by`).
    /// - `attempts.peer`: the peer that recorded each attempt (Lean-seconds per peer in `report`).
    /// - `peers`: one row per peer id, refreshed by its heartbeat (`last_seen_at`).
    static let addLeases = """
            ALTER TABLE round_work ADD COLUMN lease_owner TEXT;
            ALTER TABLE round_work ADD COLUMN lease_expires_at DATETIME;
            ALTER TABLE round_work ADD COLUMN lease_count INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE round_work ADD COLUMN done_by TEXT;
            ALTER TABLE round_work ADD COLUMN done_at DATETIME;
            ALTER TABLE round_work ADD COLUMN result TEXT;
            CREATE INDEX round_work_undone ON round_work(round, position) WHERE done_at IS NULL;
            ALTER TABLE rounds ADD COLUMN stage_owner TEXT;
            ALTER TABLE rounds ADD COLUMN stage_expires_at DATETIME;
            ALTER TABLE rounds ADD COLUMN conjectured_at DATETIME;
            ALTER TABLE rounds ADD COLUMN conjecture_report TEXT;
            ALTER TABLE rounds ADD COLUMN finished_by TEXT;
            ALTER TABLE attempts ADD COLUMN peer TEXT;
            CREATE INDEX attempts_peer ON attempts(peer) WHERE peer IS NOT NULL;
            CREATE TABLE peers (
                id TEXT PRIMARY KEY NOT NULL,
                host TEXT NOT NULL,
                pid INTEGER NOT NULL,
                command TEXT NOT NULL,
                started_at DATETIME NOT NULL,
                last_seen_at DATETIME NOT NULL
            );
            """
}
