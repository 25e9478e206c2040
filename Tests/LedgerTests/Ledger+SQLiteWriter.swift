import GRDB
@testable import Ledger

extension Ledger {
    /// The GRDB writer under an SQLite ledger, for tests that reach below the ledger API (query plans,
    /// rows written by hand); traps on another store.
    var sqliteWriter: any DatabaseWriter {
        guard let store = store as? SQLiteLedgerStore else {
            preconditionFailure("this test needs an SQLite ledger, not \(store.dialect)")
        }
        return store.writer
    }
}
