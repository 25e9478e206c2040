import Logging
import PostgresNIO

/// One open PostgreSQL transaction seen as an ``SQLConnection``: `?` placeholders numbered `$1…`,
/// ``SQLValue`` bound and decoded, `forEachRow` through a server-side cursor fetched 500 rows at a time.
///
/// Valid only inside the store's `read`/`write` closure that received it (it traps afterwards: a
/// connection never escapes its transaction). Not thread-safe, like the closure that uses it.
final class PostgresSQLConnection: SQLConnection {
    let dialect = SQLDialect.postgres
    /// Rows per `FETCH` of a `forEachRow` cursor.
    static let cursorBatchSize = 500

    private let connection: PostgresConnection
    private let logger: Logger
    private var isValid = true
    private var cursorCount = 0
    /// The SQLSTATE of the first serialization failure (40001) or deadlock (40P01) a statement of this
    /// transaction met: the transaction is aborted and may be run again from the start.
    private(set) var retryableFailure: String?

    init(_ connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// Ends this connection's validity when its transaction ends.
    func invalidate() { isValid = false }

    func execute(_ sql: String, _ arguments: SQLArguments) throws -> Int {
        try run(sql, arguments.sqlValues).metadata.rows ?? 0
    }

    func fetchAll(_ sql: String, _ arguments: SQLArguments) throws -> [SQLRow] {
        try run(sql, arguments.sqlValues).rows.map(PostgresValues.row)
    }

    func forEachRow(_ sql: String, _ arguments: SQLArguments, _ body: (SQLRow) throws -> Void) throws {
        cursorCount += 1
        let cursor = "leanplay_cursor_\(cursorCount)"
        try run("DECLARE \(cursor) NO SCROLL CURSOR FOR \(sql)", arguments.sqlValues)
        var open = true
        defer {
            // A body that threw leaves the cursor open; the transaction's end closes it in any case, but a
            // caller that goes on in the same transaction should not find it.
            if open { _ = try? runNumbered("CLOSE \(cursor)", PostgresBindings()) }
        }
        while true {
            let batch = try runNumbered("FETCH FORWARD \(Self.cursorBatchSize) FROM \(cursor)", PostgresBindings())
            for row in batch.rows {
                try body(try PostgresValues.row(row))
            }
            if batch.rows.count < Self.cursorBatchSize { break }
        }
        open = false
        try runNumbered("CLOSE \(cursor)", PostgresBindings())
    }

    /// Runs `sql` written with `?` placeholders.
    @discardableResult
    func run(_ sql: String, _ values: [SQLValue]) throws -> PostgresQueryResult {
        let (numbered, count) = PostgresSQLText.numberingPlaceholders(sql)
        guard count == values.count else {
            throw PostgresStatementError(
                "the statement has \(count) ? placeholders but \(values.count) arguments were given: \(sql)")
        }
        return try runNumbered(numbered, PostgresValues.bindings(values))
    }

    /// Runs `sql` already written with `$n` placeholders (or none), recording a serialization failure.
    @discardableResult
    func runNumbered(_ sql: String, _ bindings: PostgresBindings) throws -> PostgresQueryResult {
        precondition(isValid, "a ledger SQL connection was used after its transaction ended")
        do {
            return try connection.runSync(sql, bindings, logger: logger)
        } catch {
            if retryableFailure == nil, let state = PostgresErrors.sqlState(of: error), PostgresErrors.isRetryable(sqlState: state) {
                retryableFailure = state
            }
            throw error
        }
    }
}

/// A statement the store refuses before sending it (placeholders and arguments disagree).
struct PostgresStatementError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
