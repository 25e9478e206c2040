import Foundation
import GRDB

/// The honest record of self-play: problems, formalizations, attempts, rounds, the curriculum queue and
/// training exports, in one SQLite file.
///
/// A file ledger is a GRDB `DatabasePool` (WAL journal, busy timeout, concurrent readers); an in-memory
/// ledger is a `DatabaseQueue`. The schema is migrated at open. Every method is synchronous and safe to
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
    /// The file path, or `nil` for an in-memory ledger.
    public let path: String?
    let writer: any DatabaseWriter

    private init(writer: any DatabaseWriter, path: String?, configuration: LedgerConfiguration) {
        self.writer = writer
        self.path = path
        self.configuration = configuration
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
            pool = try DatabasePool(path: path, configuration: databaseConfiguration(configuration))
        } catch {
            throw LedgerError(
                .openFailed,
                "cannot open the ledger (\(describe(error))); check that the directory exists, is writable, "
                    + "and that the file is a LeanPlay ledger",
                context: path)
        }
        let ledger = Ledger(writer: pool, path: path, configuration: configuration)
        try ledger.migrate()
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
            queue = try DatabaseQueue(configuration: databaseConfiguration(configuration))
        } catch {
            throw LedgerError(.openFailed, "cannot create an in-memory ledger (\(describe(error)))", context: ":memory:")
        }
        let ledger = Ledger(writer: queue, path: nil, configuration: configuration)
        try ledger.migrate()
        return ledger
    }

    /// The ids of the schema migrations applied to this ledger, in order (e.g. `["v1-initial", "v2-round-work"]`).
    ///
    /// - Throws: ``LedgerError/Code/database`` if the migration table cannot be read.
    public func appliedMigrations() throws(LedgerError) -> [String] {
        try read("applied migrations") { db in
            try SQLiteLedgerStore.migrator.appliedMigrations(db)
        }
    }

    /// Runs SQLite's `PRAGMA integrity_check` and returns its lines (`["ok"]` when healthy).
    ///
    /// - Throws: ``LedgerError/Code/database`` if the check cannot run.
    public func integrityCheck() throws(LedgerError) -> [String] {
        try read("integrity check") { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check")
        }
    }

    private func migrate() throws(LedgerError) {
        let context = path ?? ":memory:"
        let migrator = SQLiteLedgerStore.migrator
        let superseded: Bool
        do {
            superseded = try writer.read { db in try migrator.hasBeenSuperseded(db) }
        } catch {
            throw LedgerError(
                .openFailed, "cannot read the ledger (\(Self.describe(error))); is it a LeanPlay ledger?",
                context: context)
        }
        if superseded {
            throw LedgerError(
                .newerSchema,
                "this ledger was written by a newer LeanPlay with migrations this build does not know; "
                    + "upgrade LeanPlay or use another ledger file",
                context: context)
        }
        do {
            try migrator.migrate(writer)
        } catch {
            throw LedgerError(
                .migrationFailed,
                "migrating the ledger schema failed (\(Self.describe(error))); the file was left unchanged",
                context: context)
        }
    }

    private static func databaseConfiguration(_ configuration: LedgerConfiguration) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(configuration.busyTimeoutSeconds)
        let synchronous = configuration.flushEveryCommit ? "FULL" : "NORMAL"
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(synchronous)")
            // A 64 MiB page cache per connection (allocated as used) keeps the queue indexes and hot
            // formalization pages in memory at a million formalizations.
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        return config
    }
}

extension Ledger {
    /// Runs `body` in a write transaction, mapping every failure to a ``LedgerError``.
    func write<T>(_ context: String, _ body: (Database) throws -> T) throws(LedgerError) -> T {
        do {
            return try writer.write(body)
        } catch {
            throw Self.wrap(error, context: context)
        }
    }

    /// Runs `body` in a read-only snapshot, mapping every failure to a ``LedgerError``.
    func read<T>(_ context: String, _ body: (Database) throws -> T) throws(LedgerError) -> T {
        do {
            return try writer.read(body)
        } catch {
            throw Self.wrap(error, context: context)
        }
    }

    static func wrap(_ error: any Error, context: String) -> LedgerError {
        if let ledgerError = error as? LedgerError { return ledgerError }
        return LedgerError(
            .database,
            "\(describe(error)); if the ledger is locked by another process, retry; otherwise run "
                + "`sqlite3 FILE 'PRAGMA integrity_check'`",
            context: context)
    }

    static func describe(_ error: any Error) -> String {
        if let databaseError = error as? DatabaseError {
            return "SQLite \(databaseError.resultCode): \(databaseError.message ?? "no message")"
        }
        return String(describing: error)
    }
}
