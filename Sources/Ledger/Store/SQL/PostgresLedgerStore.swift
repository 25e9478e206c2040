import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import Synchronization

/// The shared store: one PostgreSQL database (optionally one schema of it) that many peers on many
/// machines use at once.
///
/// Each store owns one event-loop thread and one connection, guarded by a mutex: a `read` or `write`
/// holds the connection for its whole transaction, so transactions of one process run one at a time
/// (peers scale across processes and machines, each with its own connection). Write transactions are
/// `SERIALIZABLE` and are run again, a bounded number of times with jittered backoff, when PostgreSQL
/// aborts them for a conflict with another peer (SQLSTATE 40001 or 40P01); reads are `REPEATABLE READ
/// READ ONLY` snapshots. A connection the server closed between transactions is replaced transparently;
/// a failure inside a transaction is that call's error.
///
/// postgres-nio's `EventLoopFuture` API is bridged with `.wait()` (see ``PostgresConnection/runSync(_:_:logger:)``).
final class PostgresLedgerStore: LedgerStore {
    let dialect = SQLDialect.postgres
    let location: String
    let url: PostgresLedgerURL
    /// How many times a write transaction runs at most when PostgreSQL keeps aborting it for conflicts.
    let maxWriteAttempts: Int

    private let configuration: PostgresConnection.Configuration
    private let passwordVariable: String
    private let passwordGiven: Bool
    private let group: MultiThreadedEventLoopGroup
    private let logger: Logger
    private let state: Mutex<State>

    private struct State: ~Copyable {
        var connection: PostgresConnection?
        var connectionCount = 0
        var isClosed = false
    }

    /// Connects to `url` (creating its schema when missing) and keeps the connection.
    ///
    /// - Parameters:
    ///   - password: the password, read by the caller from the environment; `nil` when unset. Never stored
    ///     anywhere but the connection configuration, never printed.
    ///   - passwordVariable: the variable it came from, named in messages.
    ///   - createSchema: `false` for commands that only read an existing ledger: the URL's schema is not
    ///     created when missing (``Ledger/open(url:configuration:passwordEnvironmentVariable:environment:mustExist:)``
    ///     then finds no ledger there).
    /// - Throws: ``LedgerError/Code/serverUnavailable`` saying what to do when the server cannot be reached, the
    ///   password or user is refused, or the database does not exist.
    init(
        url: PostgresLedgerURL, password: String?, passwordVariable: String = "PGPASSWORD", maxWriteAttempts: Int = 8,
        createSchema: Bool = true
    ) throws(LedgerError) {
        self.url = url
        self.location = url.redacted
        self.passwordVariable = passwordVariable
        self.passwordGiven = password != nil
        self.maxWriteAttempts = maxWriteAttempts
        self.logger = Logger(label: "leanplay.ledger.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
        self.group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        self.state = Mutex(State())
        do {
            self.configuration = try Self.connectionConfiguration(url, password: password)
        } catch {
            try? group.syncShutdownGracefully()
            throw LedgerError(.openFailed, "cannot set up TLS for sslmode=\(url.sslMode.rawValue) (\(error))", context: location)
        }
        do {
            try state.withLock { (state: inout State) throws(LedgerError) in
                let connection = try connect(&state)
                if createSchema, let schema = url.schema { try self.createSchema(schema, on: connection) }
            }
        } catch {
            shutdown()
            throw error
        }
    }

    deinit { shutdown() }

    /// Closes the connection and stops the event-loop thread; later calls fail with ``LedgerError/Code/openFailed``.
    func close() { shutdown() }

    private func shutdown() {
        let connection = state.withLock { state -> PostgresConnection? in
            defer { state.connection = nil; state.isClosed = true }
            return state.isClosed ? nil : state.connection
        }
        connection?.closeSync()
        try? group.syncShutdownGracefully()
    }

    // MARK: Transactions

    func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        do {
            return try transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
        } catch let failure as RetryableTransactionFailure {
            throw failure.underlying
        }
    }

    func write<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try retryingTransaction("BEGIN ISOLATION LEVEL SERIALIZABLE", body)
    }

    func writeReadCommitted<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        // Deadlocks (40P01) can still happen at READ COMMITTED, so it is retried the same way.
        try retryingTransaction("BEGIN ISOLATION LEVEL READ COMMITTED", body)
    }

    /// Runs ``transaction(_:_:)`` again, with jittered backoff, while PostgreSQL aborts it for a conflict
    /// with another peer, at most ``maxWriteAttempts`` times in all.
    private func retryingTransaction<T>(_ begin: String, _ body: (any SQLConnection) throws -> T) throws -> T {
        var attempt = 1
        while true {
            do {
                return try transaction(begin, body)
            } catch let failure as RetryableTransactionFailure {
                guard attempt < maxWriteAttempts else { throw failure.underlying }
                Self.backoff(attempt: attempt)
                attempt += 1
            }
        }
    }

    /// Runs `body` between `begin` and `COMMIT`, rolling back on any error.
    ///
    /// - Throws: `body`'s error, or the statement's; ``RetryableTransactionFailure`` wrapping it when a
    ///   statement of the transaction (or its `COMMIT`) met a serialization failure or deadlock.
    func transaction<T>(_ begin: String, _ body: (any SQLConnection) throws -> T) throws -> T {
        var result: T?
        try state.withLock { (state: inout State) throws in
            let sql = try beginTransaction(begin, &state)
            defer { sql.invalidate() }
            let value: T
            do {
                value = try body(sql)
                let commit = try sql.runNumbered("COMMIT", PostgresBindings())
                // COMMIT of a transaction aborted by an earlier failed statement (whose error the body
                // caught) answers ROLLBACK: nothing was written, and the caller must know.
                if commit.metadata.command == "ROLLBACK" {
                    throw PostgresStatementError(
                        "the transaction was rolled back: a statement in it failed and its error was caught; nothing was written")
                }
            } catch {
                rollback(sql, &state)
                if let failure = sql.retryableFailure {
                    throw RetryableTransactionFailure(sqlState: failure, underlying: error)
                }
                throw error
            }
            result = value
        }
        return result!
    }

    /// Starts a transaction on the kept connection, reconnecting once when the server closed it since the
    /// last transaction (nothing of this transaction has run yet, so that is safe).
    private func beginTransaction(_ begin: String, _ state: inout State) throws -> PostgresSQLConnection {
        guard !state.isClosed else {
            throw LedgerError(.openFailed, "the ledger's PostgreSQL store was closed", context: location)
        }
        var connection = try currentConnection(&state)
        do {
            _ = try connection.runSync(begin, logger: logger)
        } catch where PostgresErrors.isConnectionLost(error) {
            connection.closeSync()
            state.connection = nil
            connection = try connect(&state)
            _ = try connection.runSync(begin, logger: logger)
        }
        return PostgresSQLConnection(connection, logger: logger)
    }

    private func rollback(_ sql: PostgresSQLConnection, _ state: inout State) {
        guard let connection = state.connection else { return }
        if connection.isClosed {
            state.connection = nil
            return
        }
        do {
            _ = try connection.runSync("ROLLBACK", logger: logger)
        } catch {
            // A connection that cannot roll back is in an unknown state: drop it, the next call reconnects.
            connection.closeSync()
            state.connection = nil
        }
    }

    private func currentConnection(_ state: inout State) throws(LedgerError) -> PostgresConnection {
        if let connection = state.connection, !connection.isClosed { return connection }
        state.connection?.closeSync()
        state.connection = nil
        return try connect(&state)
    }

    /// Opens a connection and sets its `search_path` to the URL's schema.
    private func connect(_ state: inout State) throws(LedgerError) -> PostgresConnection {
        state.connectionCount += 1
        let connection: PostgresConnection
        do {
            connection = try PostgresConnection.connectSync(
                on: group.next(), configuration: configuration, id: state.connectionCount, logger: logger)
        } catch {
            throw PostgresErrors.openError(error, url: url, passwordVariable: passwordVariable, passwordGiven: passwordGiven)
        }
        if let schema = url.schema {
            do {
                _ = try connection.runSync("SET search_path TO \"\(schema)\"", logger: logger)
            } catch {
                connection.closeSync()
                throw LedgerError(.openFailed, "cannot select schema \(schema) (\(describe(error)))", context: location)
            }
        }
        state.connection = connection
        return connection
    }

    /// `CREATE SCHEMA IF NOT EXISTS`, tolerating a peer that creates it at the same moment.
    private func createSchema(_ schema: String, on connection: PostgresConnection) throws(LedgerError) {
        do {
            _ = try connection.runSync("CREATE SCHEMA IF NOT EXISTS \"\(schema)\"", logger: logger)
        } catch {
            let state = PostgresErrors.sqlState(of: error)
            if state == "23505" || state == "42P06" { return }  // created concurrently by another peer
            throw LedgerError(
                .openFailed,
                "cannot create schema \(schema) (\(describe(error))); create it yourself or grant CREATE on the database",
                context: location)
        }
    }

    private static func connectionConfiguration(_ url: PostgresLedgerURL, password: String?) throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        switch url.sslMode {
        case .disable:
            tls = .disable
        case .prefer, .require:
            var tlsConfiguration = TLSConfiguration.makeClientConfiguration()
            tlsConfiguration.certificateVerification = .none
            let context = try NIOSSLContext(configuration: tlsConfiguration)
            tls = url.sslMode == .prefer ? .prefer(context) : .require(context)
        case .verifyFull:
            tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        var configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: password, database: url.database, tls: tls)
        configuration.options.additionalStartupParameters = [("application_name", "leanplay")]
        return configuration
    }

    /// Sleeps before running a conflicting write again: 2^attempt ms (at most 256 ms), jittered ±50% so
    /// peers that collided do not collide again in step.
    private static func backoff(attempt: Int) {
        let base = Double(1 << min(attempt, 8)) / 1000
        Thread.sleep(forTimeInterval: base * Double.random(in: 0.5...1.5))
    }

    // MARK: Describing errors

    func describe(_ error: any Error) -> String {
        if let failure = error as? RetryableTransactionFailure { return PostgresErrors.describe(failure.underlying) }
        return PostgresErrors.describe(error)
    }
}

/// A transaction PostgreSQL aborted for a conflict with a concurrent one (SQLSTATE 40001 or 40P01): it
/// can be run again. ``PostgresLedgerStore/write(_:)`` does; `read` hands it to the caller.
struct RetryableTransactionFailure: Error, CustomStringConvertible {
    let sqlState: String
    let underlying: any Error

    var description: String { "\(PostgresErrors.describe(underlying)) (SQLSTATE \(sqlState); retry)" }
}
