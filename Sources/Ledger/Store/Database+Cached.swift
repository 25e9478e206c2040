import GRDB

extension Database {
    /// Executes `sql` through the connection's statement cache: hot statements are compiled once.
    func executeCached(sql: String, arguments: StatementArguments = StatementArguments()) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }

    /// Fetches one row through the connection's statement cache.
    func fetchOneCached(sql: String, arguments: StatementArguments = StatementArguments()) throws -> Row? {
        try Row.fetchOne(cachedStatement(sql: sql), arguments: arguments)
    }
}
