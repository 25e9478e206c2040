import Foundation
import GRDB

/// The honest record of self-play: problems, formalizations, attempts, rounds, the curriculum queue and
/// training exports, in one SQLite file (or another store).
///
/// A file ledger is a GRDB `DatabasePool` (WAL journal, busy timeout, concurrent readers); an in-memory
/// ledger is a `DatabaseQueue`. Every method runs on the ledger's store through portable SQL, so another
/// store (PostgreSQL) runs it unchanged. The schema is migrated at open. Every method is synchronous and safe to
/// call from any thread or task; writes are serialized by SQLite.
///
/// ```swift
/// let ledger = try Ledger.open(path: "run/ledger.sqlite")
/// try ledger.addProblem(LedgerProblem(id: "p1", informal: "Show that 1 + 1 = 2."))
/// let added = try ledger.addFormalization(NewFormalization(
///     problemID: "p1", statement: "theorem p1 : 1 + 1 = 2", header: "import Mathlib",
///     statementHash: declaration.statementHash, source: .model))
/// for item in try ledger.nextWork(limit: 16) { … }
/// ```
public final class Ledger: Sendable {
    /// Settings this ledger was opened with.
    public let configuration: LedgerConfiguration
    /// The file path, or `nil` for an in-memory ledger or a ledger that is not a file (a PostgreSQL
    /// database).
    public let path: String?
    /// Where the ledger is, for messages: the file path, `:memory:`, or a database URL without password.
    public var location: String { store.location }
    /// The store every statement runs on (SQLite or PostgreSQL).
    let store: any LedgerStore

    init(store: any LedgerStore, path: String? = nil, configuration: LedgerConfiguration) {
        self.store = store
        self.path = path
        self.configuration = configuration
    }

    /// Opens a ledger on `store` and migrates it (how a store other than an SQLite file is plugged in).
    ///
    /// - Throws: ``LedgerError/Code/newerSchema`` when a newer LeanPlay wrote it,
    ///   ``LedgerError/Code/migrationFailed`` when migrating fails, ``LedgerError/Code/openFailed`` when
    ///   it cannot be read.
    static func open(store: any LedgerStore, configuration: LedgerConfiguration = LedgerConfiguration()) throws(LedgerError) -> Ledger {
        let ledger = Ledger(store: store, configuration: configuration)
        try store.migrate()
        return ledger
    }

    /// Opens (creating if needed) the ledger file at `path` and migrates it.
    ///
    /// Open one `Ledger` per file per process; other processes may open the same file.
    ///
    /// - Throws: ``LedgerError/Code/notALedger`` when a non-empty file that is not an SQLite database is
    ///   there (it is left untouched), ``LedgerError/Code/openFailed`` when the file cannot be opened or
    ///   created, ``LedgerError/Code/newerSchema`` when a newer LeanPlay wrote it, and
    ///   ``LedgerError/Code/migrationFailed`` when migrating fails.
    public static func open(path: String, configuration: LedgerConfiguration = LedgerConfiguration()) throws(LedgerError) -> Ledger {
        try requireSQLiteOrAbsent(path)
        let pool: DatabasePool
        do {
            pool = try SQLiteLedgerStore.openPool(path: path, configuration: configuration)
        } catch {
            throw LedgerError(
                .openFailed,
                "cannot open the ledger (\(describe(error))); check that the directory exists, is writable, "
                    + "and that the file is a LeanPlay ledger",
                context: path)
        }
        let ledger = Ledger(store: SQLiteLedgerStore(writer: pool, location: path), path: path, configuration: configuration)
        try ledger.store.migrate()
        return ledger
    }

    /// Every SQLite database file starts with this header; an empty file is an empty database.
    private static let sqliteHeader = Array("SQLite format 3\u{0}".utf8)

    /// Refuses what is not a ledger before SQLite opens it: a folder, a device or pipe (`/dev/null`, where
    /// SQLite would put its journal files beside it), or a regular file that holds something other than an
    /// SQLite database.
    private static func requireSQLiteOrAbsent(_ path: String) throws(LedgerError) {
        guard let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType else { return }
        guard type == .typeRegular else {
            throw LedgerError(
                .notALedger, "not a LeanPlay ledger (not a regular file); give the run's .sqlite file, or a new path to start a run",
                context: path)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        let start = [UInt8]((try? handle.read(upToCount: sqliteHeader.count)) ?? Data())
        guard !start.isEmpty, start != sqliteHeader else { return }
        throw LedgerError(
            .notALedger,
            "not a LeanPlay ledger (not an SQLite database); give the run's .sqlite file, or a new path to start a run",
            context: path)
    }

    /// Creates an empty ledger in memory, for tests and dry runs.
    ///
    /// - Throws: ``LedgerError/Code/migrationFailed`` if the schema cannot be created (not expected).
    public static func inMemory(configuration: LedgerConfiguration = LedgerConfiguration()) throws(LedgerError) -> Ledger {
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(configuration: SQLiteLedgerStore.databaseConfiguration(configuration))
        } catch {
            throw LedgerError(.openFailed, "cannot create an in-memory ledger (\(describe(error)))", context: ":memory:")
        }
        return try open(store: SQLiteLedgerStore(writer: queue, location: ":memory:"), configuration: configuration)
    }

    /// The ids of the schema migrations applied to this ledger, in order (e.g. `["v1-initial", "v2-round-work"]`).
    ///
    /// - Throws: ``LedgerError/Code/database`` if the migration table cannot be read.
    public func appliedMigrations() throws(LedgerError) -> [String] {
        do {
            return try store.appliedMigrations()
        } catch {
            throw wrap(error, context: "applied migrations")
        }
    }

    /// Runs the store's consistency check (SQLite's `PRAGMA integrity_check`) and returns its lines
    /// (`["ok"]` when healthy).
    ///
    /// - Throws: ``LedgerError/Code/database`` if the check cannot run.
    public func integrityCheck() throws(LedgerError) -> [String] {
        do {
            return try store.integrityCheck()
        } catch {
            throw wrap(error, context: "integrity check")
        }
    }
}

extension Ledger {
    /// Runs `body` in one write transaction of the store, mapping every failure to a ``LedgerError``.
    ///
    /// The store may run `body` again when the engine aborts the transaction for a conflict (PostgreSQL);
    /// `body` must only touch the database.
    func write<T>(_ context: String, _ body: (any SQLConnection) throws -> T) throws(LedgerError) -> T {
        do {
            return try store.write(body)
        } catch {
            throw wrap(error, context: context)
        }
    }

    /// Runs `body` in a write transaction at PostgreSQL's READ COMMITTED level (``LedgerStore/writeReadCommitted(_:)``;
    /// SQLite's write transactions are serialized anyway), mapping every failure to a ``LedgerError``.
    ///
    /// For statements correct at that level, which SERIALIZABLE would only abort under contention: the
    /// lease statements (rows picked with `FOR UPDATE SKIP LOCKED`, updates conditioned on the current
    /// holder, re-checked by PostgreSQL on the row it locks) and attempt recording (the formalization's row
    /// locked before its bookkeeping is read).
    func writeReadCommitted<T>(_ context: String, _ body: (any SQLConnection) throws -> T) throws(LedgerError) -> T {
        do {
            return try store.writeReadCommitted(body)
        } catch {
            throw wrap(error, context: context)
        }
    }

    /// Runs `body` in a read-only snapshot, mapping every failure to a ``LedgerError``.
    func read<T>(_ context: String, _ body: (any SQLConnection) throws -> T) throws(LedgerError) -> T {
        do {
            return try store.read(body)
        } catch {
            throw wrap(error, context: context)
        }
    }

    func wrap(_ error: any Error, context: String) -> LedgerError {
        if let ledgerError = error as? LedgerError { return ledgerError }
        let advice = switch store.dialect {
        case .sqlite:
            "if the ledger is locked by another process, retry; otherwise run `sqlite3 FILE 'PRAGMA integrity_check'`"
        case .postgres:
            "check that the PostgreSQL server is reachable and retry"
        }
        return LedgerError(.database, "\(store.describe(error)); \(advice)", context: context)
    }

    /// Describes an error for an open failure, before any store exists (GRDB's SQLite errors).
    static func describe(_ error: any Error) -> String {
        if let databaseError = error as? DatabaseError {
            return "SQLite \(databaseError.resultCode): \(databaseError.message ?? "no message")"
        }
        return String(describing: error)
    }
}
