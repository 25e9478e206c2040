import ArgumentParser
import Foundation
import LeanPlay

/// `--db RUN.sqlite` or `--db postgres://USER@HOST:PORT/DB`: the self-play ledger.
struct LedgerOption: ParsableArguments {
    @Option(help: "The run's ledger: an SQLite file (created by selfplay when missing) or a postgres://USER@HOST:PORT/DB URL (password from PGPASSWORD or [ledger] password_env); default: [ledger] url.")
    var db: String?

    /// Opens the ledger (`--db`, else `[ledger] url`); `mustExist` for commands that read a run (report,
    /// export, prove).
    ///
    /// - Throws: as ``open(_:mustExist:passwordVariable:)``, and `ValidationError` when neither `--db` nor
    ///   `[ledger] url` names a ledger.
    func open(mustExist: Bool, configuration: LeanPlayConfiguration) throws -> Ledger {
        guard let location = db ?? configuration.ledger.url else {
            throw ValidationError("give the ledger with --db RUN.sqlite (or a postgres:// URL), or set url under [ledger] in leanplay.toml")
        }
        return try Self.open(location, mustExist: mustExist, passwordVariable: configuration.ledger.passwordEnv)
    }

    /// The ledger named on the command line or in the configuration, for messages.
    func shown(_ configuration: LeanPlayConfiguration) -> String {
        LedgerLocation.parse(db ?? configuration.ledger.url ?? "").description
    }

    /// Opens the ledger at `db`, a file path or a PostgreSQL URL; `mustExist` for read-only commands.
    ///
    /// - Throws: ``CLIError`` `.inputMissing` when `mustExist` and there is no such file (or it cannot be
    ///   opened), `.inputMalformed` when the file is not a ledger, `.outputUnwritable` when a new ledger
    ///   cannot be created; a `LedgerError` `.serverUnavailable` (exit 69) when the PostgreSQL server
    ///   cannot be reached, `.invalidLocation` (exit 64) for a URL that cannot be used.
    static func open(_ db: String, mustExist: Bool, passwordVariable: String = "PGPASSWORD") throws -> Ledger {
        let location = LedgerLocation.parse(db)
        if case .postgres = location {
            do {
                return try Ledger.open(location: location, passwordEnvironmentVariable: passwordVariable, mustExist: mustExist)
            } catch {
                if error.code == .notALedger {
                    throw CLIError(.inputMissing, "--db \(location): \(error.message)")
                }
                throw LedgerError(error.code, "--db: \(error.message)", context: error.context)
            }
        }
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
