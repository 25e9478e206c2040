import ArgumentParser
import Foundation
import LeanPlay

/// `--db RUN.sqlite`: the self-play ledger.
struct LedgerOption: ParsableArguments {
    @Option(help: "The run's ledger (an SQLite file; created by selfplay when missing).")
    var db: String

    /// Opens the ledger; `mustExist` for commands that read a run (report, export, prove).
    ///
    /// - Throws: ``CLIError`` `.inputMissing` when `mustExist` and there is no such file (or it cannot be
    ///   opened), `.inputMalformed` when the file is not a ledger, `.outputUnwritable` when a new ledger
    ///   cannot be created.
    func open(mustExist: Bool) throws -> Ledger {
        try Self.open(db, mustExist: mustExist)
    }

    /// Opens the ledger at `db`; `mustExist` for read-only commands.
    static func open(_ db: String, mustExist: Bool) throws -> Ledger {
        if mustExist, !FileManager.default.fileExists(atPath: db) {
            throw CLIError(.inputMissing, "--db \(db): no such ledger (run `leanplay selfplay --db \(db) …` first)")
        }
        do {
            return try Ledger.open(path: db)
        } catch {
            if error.code == .notALedger { throw CLIError(.inputMalformed, "--db \(db): \(error.message)") }
            if error.code == .newerSchema { throw error }
            if mustExist { throw CLIError(.inputMissing, "--db \(db): cannot open the ledger: \(error.message)") }
            throw CLIError(
                .outputUnwritable,
                "--db \(db): cannot create or open the ledger: \(error.message); check that the folder exists and is writable")
        }
    }
}
