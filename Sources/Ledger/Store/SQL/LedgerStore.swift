import Foundation

/// Where a ledger lives and how its transactions run: an SQLite file (``SQLiteLedgerStore``, the
/// embedded default) or a PostgreSQL database shared by many peers (``PostgresLedgerStore``).
///
/// `Ledger` is written once against this protocol, so every ledger method means the same on both.
protocol LedgerStore: Sendable {
    /// The engine.
    var dialect: SQLDialect { get }
    /// Where the ledger is, for messages: a file path, `:memory:`, or a PostgreSQL URL without password.
    var location: String { get }

    /// Runs `body` in a read-only transaction (a consistent snapshot).
    func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T

    /// Runs `body` in one write transaction: all of it commits, or none of it.
    ///
    /// A store may run `body` more than once when the engine aborts the transaction for a conflict with
    /// another peer (PostgreSQL serialization failures are retried); `body` must only touch the database.
    func write<T>(_ body: (any SQLConnection) throws -> T) throws -> T

    /// Runs `body` in one write transaction at PostgreSQL's `READ COMMITTED` level, for statements that
    /// are correct there and would only be aborted by `SERIALIZABLE`'s conflict checks under contention:
    /// the lease statements (`UPDATE … WHERE lease_owner = ?` re-checks its row after locking it, and
    /// `FOR UPDATE SKIP LOCKED` hands each row to one peer). SQLite runs it as ``write(_:)`` (its write
    /// transactions are serialized anyway).
    func writeReadCommitted<T>(_ body: (any SQLConnection) throws -> T) throws -> T

    /// The ids of the migrations applied, in order.
    func appliedMigrations() throws -> [String]

    /// Brings the schema up to date with ``LedgerSchema/migrations``.
    ///
    /// - Throws: ``LedgerError/Code/newerSchema`` when the database holds a migration this build does not
    ///   know, ``LedgerError/Code/migrationFailed`` when a migration fails (nothing of it is kept).
    func migrate() throws(LedgerError)

    /// A consistency check: `["ok"]` when healthy, otherwise the problems found.
    func integrityCheck() throws -> [String]

    /// Describes an error thrown by this store for a message (never includes a password).
    func describe(_ error: any Error) -> String
}
