import Foundation
import PostgresNIO

extension PostgresLedgerStore {
    /// The table recording applied migrations (the PostgreSQL counterpart of GRDB's `grdb_migrations`).
    static let migrationsTable = "ledger_migrations"

    /// The advisory lock migrating holds (first half of the key; the second is the schema's hash), so
    /// peers starting together migrate once: the first migrates, the others wait and find nothing to do.
    static let migrationLockKey: Int32 = 0x4C50_4C47  // "LPLG"

    /// Applies the migrations of ``LedgerSchema/migrations`` this database lacks, all in one transaction
    /// holding `pg_advisory_xact_lock`: all of them are applied, or none.
    func migrate() throws(LedgerError) {
        do {
            try transaction("BEGIN") { sql in
                try sql.execute("SELECT pg_advisory_xact_lock(\(Self.migrationLockKey), hashtext(current_schema()))")
                // Created only when missing: a peer whose role may not create tables still opens a migrated ledger.
                if try sql.fetchValue(String.self, "SELECT to_regclass(?)::text", [Self.migrationsTable]) == nil {
                    try sql.execute("CREATE TABLE \(Self.migrationsTable) (id TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)")
                }
                let applied = Set(try sql.fetchAll("SELECT id FROM \(Self.migrationsTable)").map { row -> String in row[0] })
                let known = Set(LedgerSchema.migrations.map(\.id))
                let unknown = applied.subtracting(known).sorted()
                guard unknown.isEmpty else {
                    throw LedgerError(
                        .newerSchema,
                        "this ledger database holds migrations this build does not know (\(unknown.joined(separator: ", "))): "
                            + "a newer LeanPlay wrote it; upgrade LeanPlay on every peer, or use another database or ?schema=",
                        context: location)
                }
                for migration in LedgerSchema.migrations where !applied.contains(migration.id) {
                    do {
                        for statement in PostgresSQLText.statements(migration.sql(for: .postgres)) {
                            try sql.execute(statement)
                        }
                        try sql.execute(
                            "INSERT INTO \(Self.migrationsTable) (id, applied_at) VALUES (?, clock_timestamp())", [migration.id])
                    } catch let error as LedgerError {
                        throw error
                    } catch {
                        throw LedgerError(
                            .migrationFailed,
                            "migration \(migration.id) failed (\(describe(error))); the database was left as it was (the "
                                + "migration transaction rolled back)",
                            context: location)
                    }
                }
            }
        } catch let error as LedgerError {
            throw error
        } catch {
            throw LedgerError(
                .migrationFailed, "migrating the ledger schema failed (\(describe(error))); the database was left as it was",
                context: location)
        }
    }

    /// The ids of the applied migrations, in ``LedgerSchema/migrations`` order (ids this build does not know
    /// last, sorted); empty for a database never migrated.
    func appliedMigrations() throws -> [String] {
        try read { sql in
            guard try sql.fetchValue(String.self, "SELECT to_regclass(?)::text", [Self.migrationsTable]) != nil else {
                return []
            }
            let applied = Set(try sql.fetchAll("SELECT id FROM \(Self.migrationsTable)").map { row -> String in row[0] })
            let known = LedgerSchema.migrations.map(\.id).filter(applied.contains)
            return known + applied.subtracting(known).sorted()
        }
    }

    /// `["ok"]` when the server answers and every migration this build knows is applied; otherwise one line
    /// per missing migration.
    ///
    /// PostgreSQL checks its own storage (page checksums when the cluster has them, WAL for crash safety),
    /// so unlike SQLite's `PRAGMA integrity_check` there is no page scan to run from a client.
    func integrityCheck() throws -> [String] {
        let applied = Set(try appliedMigrations())
        let missing = LedgerSchema.migrations.map(\.id).filter { !applied.contains($0) }
        return missing.isEmpty ? ["ok"] : missing.map { "migration \($0) is not applied" }
    }
}
