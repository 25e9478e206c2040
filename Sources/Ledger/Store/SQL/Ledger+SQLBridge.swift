import GRDB

// TEMPORARY until the store port lands on main: the lease code is written against `SQLConnection`, and
// these two helpers hand it one over the GRDB writer. After the port they forward to `read`/`write`.
extension Ledger {
    func sqlWrite<T>(_ context: String, _ body: (any SQLConnection) throws -> T) throws(LedgerError) -> T {
        try write(context) { db in try body(SQLiteConnection(db)) }
    }

    func sqlRead<T>(_ context: String, _ body: (any SQLConnection) throws -> T) throws(LedgerError) -> T {
        try read(context) { db in try body(SQLiteConnection(db)) }
    }
}
