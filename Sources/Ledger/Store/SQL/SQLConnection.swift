/// Which SQL engine a ledger store runs; statements differ only where the engines do (see each use).
enum SQLDialect: String, Sendable {
    case sqlite
    case postgres
}

/// One open transaction of a ledger store: the only way ledger code reads or writes.
///
/// Statements use `?` placeholders in both dialects (the PostgreSQL store numbers them `$1, $2, …`
/// itself, outside string literals). A connection is only valid inside the ``LedgerStore`` `read` or
/// `write` closure that received it; it never escapes.
protocol SQLConnection: AnyObject {
    /// The engine behind this connection.
    var dialect: SQLDialect { get }

    /// Runs a statement that returns no rows; returns the number of rows it changed.
    ///
    /// - Throws: the store's error (mapped to ``LedgerError`` by the `Ledger` wrapper).
    @discardableResult
    func execute(_ sql: String, _ arguments: SQLArguments) throws -> Int

    /// Runs a query and returns every row.
    func fetchAll(_ sql: String, _ arguments: SQLArguments) throws -> [SQLRow]

    /// Runs a query and hands its rows to `body` one by one without holding them all in memory
    /// (SQLite: a GRDB cursor; PostgreSQL: a server-side cursor fetched in batches).
    func forEachRow(_ sql: String, _ arguments: SQLArguments, _ body: (SQLRow) throws -> Void) throws
}

extension SQLConnection {
    @discardableResult
    func execute(_ sql: String) throws -> Int { try execute(sql, []) }

    func fetchAll(_ sql: String) throws -> [SQLRow] { try fetchAll(sql, []) }

    /// The first row of a query, or `nil`.
    func fetchOne(_ sql: String, _ arguments: SQLArguments = []) throws -> SQLRow? {
        try fetchAll(sql, arguments).first
    }

    /// The first column of the first row as `T`, or `nil` when there is no row or the value is `NULL`.
    func fetchValue<T: SQLDecodable>(_ type: T.Type, _ sql: String, _ arguments: SQLArguments = []) throws -> T? {
        guard let row = try fetchOne(sql, arguments), let value = row.values.first else { return nil }
        if case .null = value { return nil }
        return T.decode(sqlValue: value)
    }
}
