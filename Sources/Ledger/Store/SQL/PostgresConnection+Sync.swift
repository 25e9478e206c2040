import Logging
import NIOCore
import PostgresNIO

/// postgres-nio's `EventLoopFuture` API made synchronous with `.wait()`, as the ledger's API is.
///
/// Never called on the store's event loop (the ledger's callers are other threads and tasks), and never
/// through postgres-nio's async API: blocking a cooperative thread on a `Task` could deadlock the
/// cooperative pool, while `.wait()` blocks only the caller until the store's own event loop answers.
extension PostgresConnection {
    /// Runs one statement (`$n` placeholders) and collects its rows and command tag.
    func runSync(_ sql: String, _ bindings: PostgresBindings = PostgresBindings(), logger: Logger) throws -> PostgresQueryResult {
        try query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger).wait()
    }

    /// Connects, authenticates and returns the connection, blocking the caller.
    static func connectSync(
        on eventLoop: any EventLoop, configuration: PostgresConnection.Configuration, id: Int, logger: Logger
    ) throws -> PostgresConnection {
        try connect(on: eventLoop, configuration: configuration, id: id, logger: logger).wait()
    }

    /// Closes the connection, blocking until it is closed; errors are ignored (the socket is gone either way).
    func closeSync() {
        try? close().wait()
    }
}
