import Foundation
import GRDB

extension SQLiteLedgerStore {
    /// Opens a `DatabasePool` on `path`, waiting out another process that holds the file's lock while it
    /// creates it or switches it to WAL: peers started together on a new ledger file all open it at once,
    /// and SQLite answers `SQLITE_BUSY` at once there (its busy handler does not cover it). Retries for up
    /// to the configured busy timeout.
    ///
    /// - Throws: GRDB's error when the file cannot be opened, or is still locked after the timeout.
    static func openPool(path: String, configuration: LedgerConfiguration) throws -> DatabasePool {
        let deadline = Date().addingTimeInterval(max(configuration.busyTimeoutSeconds, 0.1))
        while true {
            do {
                return try DatabasePool(path: path, configuration: databaseConfiguration(configuration))
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
    }
}
