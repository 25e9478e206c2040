import Foundation
import GRDB

/// The embedded store: one SQLite file through GRDB (a `DatabasePool`, WAL journal, busy timeout), or an
/// in-memory `DatabaseQueue` for tests and dry runs.
///
/// Several processes may open the same file: SQLite serializes their write transactions (GRDB begins
/// them `IMMEDIATE`), which is what makes leasing on one file safe.
final class SQLiteLedgerStore: LedgerStore {
    let dialect = SQLDialect.sqlite
    let location: String
    let writer: any DatabaseWriter

    init(writer: any DatabaseWriter, location: String) {
        self.writer = writer
        self.location = location
    }

    func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try writer.read { db in try body(SQLiteConnection(db)) }
    }

    func write<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try writer.write { db in try body(SQLiteConnection(db)) }
    }

    func appliedMigrations() throws -> [String] {
        try writer.read { db in try Self.migrator.appliedMigrations(db) }
    }

    func migrate() throws(LedgerError) {
        let migrator = Self.migrator
        let superseded: Bool
        do {
            superseded = try writer.read { db in try migrator.hasBeenSuperseded(db) }
        } catch {
            throw LedgerError(
                .openFailed, "cannot read the ledger (\(describe(error))); is it a LeanPlay ledger?", context: location)
        }
        if superseded {
            throw LedgerError(
                .newerSchema,
                "this ledger was written by a newer LeanPlay with migrations this build does not know; "
                    + "upgrade LeanPlay or use another ledger file",
                context: location)
        }
        // Peers started together on one file all migrate it: GRDB reads the applied migrations before it
        // takes the write lock, so a process can try a migration another process applied meanwhile ("table
        // already exists", "duplicate column"). Its transaction rolled back; running the migrator again
        // skips what the other applied.
        var tries = 0
        while true {
            let before = try? writer.read { db in try migrator.appliedIdentifiers(db) }
            do {
                try migrator.migrate(writer)
                return
            } catch {
                tries += 1
                let after = try? writer.read { db in try migrator.appliedIdentifiers(db) }
                if tries < 8, let after, after != before { continue }
                throw LedgerError(
                    .migrationFailed, "migrating the ledger schema failed (\(describe(error))); the file was left unchanged",
                    context: location)
            }
        }
    }

    func integrityCheck() throws -> [String] {
        try writer.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    func describe(_ error: any Error) -> String {
        if let databaseError = error as? DatabaseError {
            return "SQLite \(databaseError.resultCode): \(databaseError.message ?? "no message")"
        }
        return String(describing: error)
    }

    /// GRDB settings for a ledger connection: foreign keys, busy timeout, and the PRAGMAs every
    /// connection runs (durability from ``LedgerConfiguration/flushEveryCommit``, page cache).
    static func databaseConfiguration(_ configuration: LedgerConfiguration) -> Configuration {
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

    /// GRDB's migrator over ``LedgerSchema/migrations`` (its `grdb_migrations` table records them, as it
    /// always has in LeanPlay ledgers).
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in LedgerSchema.migrations {
            let sql = migration.sql(for: .sqlite)
            migrator.registerMigration(migration.id) { db in try db.execute(sql: sql) }
        }
        return migrator
    }
}

/// A GRDB `Database` seen as an ``SQLConnection``; statements are prepared once per connection and
/// reused (GRDB's statement cache).
final class SQLiteConnection: SQLConnection {
    let dialect = SQLDialect.sqlite
    private let db: Database

    init(_ db: Database) { self.db = db }

    func execute(_ sql: String, _ arguments: SQLArguments) throws -> Int {
        let statement = try db.cachedStatement(sql: sql)
        try statement.execute(arguments: Self.arguments(arguments))
        return db.changesCount
    }

    func fetchAll(_ sql: String, _ arguments: SQLArguments) throws -> [SQLRow] {
        var rows: [SQLRow] = []
        try forEachRow(sql, arguments) { rows.append($0) }
        return rows
    }

    func forEachRow(_ sql: String, _ arguments: SQLArguments, _ body: (SQLRow) throws -> Void) throws {
        let statement = try db.cachedStatement(sql: sql)
        let columns = statement.columnNames
        let cursor = try Row.fetchCursor(statement, arguments: Self.arguments(arguments))
        while let row = try cursor.next() {
            try body(SQLRow(columns: columns, values: row.databaseValues.map(Self.value)))
        }
    }

    private static func arguments(_ arguments: SQLArguments) -> StatementArguments {
        StatementArguments(arguments.map { argument -> DatabaseValue in
            switch argument?.sqlValue ?? .null {
            case .null: .null
            case .integer(let v): v.databaseValue
            case .real(let v): v.databaseValue
            case .text(let v): v.databaseValue
            case .date(let v): v.databaseValue
            }
        })
    }

    private static func value(_ value: DatabaseValue) -> SQLValue {
        switch value.storage {
        case .null: .null
        case .int64(let v): .integer(v)
        case .double(let v): .real(v)
        case .string(let v): .text(v)
        case .blob(let v): .text(String(decoding: v, as: UTF8.self))
        }
    }
}
