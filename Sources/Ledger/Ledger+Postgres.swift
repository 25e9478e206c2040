public import Foundation

extension Ledger {
    /// Opens the ledger in a PostgreSQL database shared by many peers, creating and migrating its tables
    /// when needed (peers starting together migrate once).
    ///
    /// ```swift
    /// // PGPASSWORD=… in the environment, never in the URL
    /// let ledger = try Ledger.open(url: "postgres://leanplay@db.lab:5432/selfplay?schema=run7")
    /// ```
    ///
    /// The URL is `postgres://USER@HOST:PORT/DATABASE` (or `postgresql://`), user defaulting to `$PGUSER`
    /// or the login name, port to 5432; `?schema=NAME` keeps the ledger in its own schema (created when
    /// missing); `?sslmode=disable|prefer|require|verify-full` (default `prefer`). The store keeps one
    /// connection and one event-loop thread per `Ledger`; write transactions are `SERIALIZABLE` and are run
    /// again when PostgreSQL aborts them for a conflict with another peer.
    ///
    /// - Parameters:
    ///   - url: the database URL, without password.
    ///   - configuration: budgets, the clock and other settings, as for a file ledger.
    ///   - passwordEnvironmentVariable: the variable holding the password (`[ledger] password_env`); unset
    ///     or empty means no password (trust or peer authentication).
    ///   - environment: where the password, `PGUSER` and `USER` are read (tests pass their own).
    ///   - mustExist: `true` for commands that only read a ledger (`report`, `export`, `prove`): a database or
    ///     schema holding no ledger is an error, and nothing (no schema, no table) is created there.
    /// - Throws: ``LedgerError/Code/notALedger`` when `mustExist` and the database (or `?schema=`) holds no
    ///   ledger; ``LedgerError/Code/invalidLocation`` when the URL is malformed or holds a password;
    ///   ``LedgerError/Code/serverUnavailable`` with what to do when the server is not running or
    ///   unreachable, authentication fails, or the database does not exist; ``LedgerError/Code/newerSchema`` when a newer LeanPlay migrated the database;
    ///   ``LedgerError/Code/migrationFailed`` when migrating fails (nothing of it is kept). Errors never
    ///   contain the password.
    public static func open(
        url: String,
        configuration: LedgerConfiguration = LedgerConfiguration(),
        passwordEnvironmentVariable: String = "PGPASSWORD",
        environment: [String: String] = ProcessInfo.processInfo.environment,
        mustExist: Bool = false
    ) throws(LedgerError) -> Ledger {
        let parsed = try PostgresLedgerURL.parse(url, environment: environment)
        let password = environment[passwordEnvironmentVariable].flatMap { $0.isEmpty ? nil : $0 }
        let store = try PostgresLedgerStore(
            url: parsed, password: password, passwordVariable: passwordEnvironmentVariable, createSchema: !mustExist)
        if mustExist {
            let applied: [String]
            do {
                applied = try store.appliedMigrations()
            } catch {
                store.close()
                throw LedgerError(.serverUnavailable, "cannot read the ledger (\(store.describe(error)))", context: parsed.redacted)
            }
            guard !applied.isEmpty else {
                store.close()
                let place = parsed.schema.map { "schema \($0) of database \(parsed.database)" } ?? "database \(parsed.database)"
                throw LedgerError(
                    .notALedger,
                    "\(place) holds no LeanPlay ledger (nothing was created there); check the database name and ?schema= "
                        + "in the URL, or create the ledger with `leanplay selfplay --db URL …`",
                    context: parsed.redacted)
            }
        }
        return try open(store: store, configuration: configuration)
    }

    /// Opens the ledger at `location`: ``open(path:configuration:)`` for a file,
    /// ``open(url:configuration:passwordEnvironmentVariable:environment:mustExist:)`` for a PostgreSQL URL
    /// (`mustExist` applies to URLs only; check a file's existence yourself).
    ///
    /// - Throws: what those throw.
    public static func open(
        location: LedgerLocation,
        configuration: LedgerConfiguration = LedgerConfiguration(),
        passwordEnvironmentVariable: String = "PGPASSWORD",
        environment: [String: String] = ProcessInfo.processInfo.environment,
        mustExist: Bool = false
    ) throws(LedgerError) -> Ledger {
        switch location {
        case .file(let path):
            return try open(path: path, configuration: configuration)
        case .postgres(let url):
            return try open(
                url: url, configuration: configuration, passwordEnvironmentVariable: passwordEnvironmentVariable,
                environment: environment, mustExist: mustExist)
        }
    }
}
