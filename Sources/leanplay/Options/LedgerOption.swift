import ArgumentParser
import Foundation
import LeanPlay

/// `--db RUN.sqlite`: the self-play ledger.
struct LedgerOption: ParsableArguments {
    @Option(help: "The run's ledger (an SQLite file; created by selfplay when missing).")
    var db: String

    /// Opens the ledger; `mustExist` for read-only commands (report, export).
    func open(mustExist: Bool) throws -> Ledger {
        try Self.open(db, mustExist: mustExist)
    }

    /// Opens the ledger at `db`; `mustExist` for read-only commands.
    static func open(_ db: String, mustExist: Bool) throws -> Ledger {
        if mustExist, !FileManager.default.fileExists(atPath: db) {
            throw ValidationError("--db \(db): no such ledger (run `leanplay selfplay --db \(db) …` first)")
        }
        do {
            return try Ledger.open(path: db)
        } catch {
            throw ValidationError("--db \(db): \(error)")
        }
    }
}
