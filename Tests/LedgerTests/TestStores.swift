import Foundation
import LeanPlayTestSupport
@testable import Ledger
import Testing

/// The PostgreSQL server the tests use: `LEANPLAY_TEST_POSTGRES_URL`, set by `eval "$(Scripts/start-postgres)"`
/// (and by `.ci/run`).
///
/// Unset: PostgreSQL variants are left out of ``LedgerKind/allCases`` and PostgreSQL-only tests return
/// early, except under `CI=true`, where they run and fail (CI never silently skips a store).
enum TestPostgres {
    static let environmentVariable = PostgresTestServer.environmentVariable

    /// The server's URL, or `nil` when unset.
    static var url: String? { PostgresTestServer.url }

    /// Whether this run is CI's (`CI=true`).
    static var isCI: Bool { PostgresTestServer.isCI }

    /// Whether PostgreSQL variants run: the server is configured, or this is CI (where they must).
    static var shouldRun: Bool { PostgresTestServer.shouldRun }

    /// The server's URL; records an issue and returns `nil` under CI when unset, returns `nil` silently
    /// otherwise.
    static func requireURL(sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        if let url { return url }
        if isCI {
            Issue.record(
                "\(environmentVariable) is unset under CI=true: .ci/run must start PostgreSQL (Scripts/start-postgres)",
                sourceLocation: sourceLocation)
        }
        return nil
    }

    /// A fresh schema name, `t_<random>`, so tests running at once never see each other's tables.
    static func freshSchemaName() -> String { PostgresTestServer.freshSchemaName() }

    /// `base` with `?schema=NAME` (or `&schema=NAME`) added.
    static func url(_ base: String, schema: String) -> String { PostgresTestServer.url(base, schema: schema) }

    /// A connection to the server's database without a schema, for dropping test schemas.
    private static let admin: PostgresLedgerStore? = {
        guard let url, let parsed = try? PostgresLedgerURL.parse(url, environment: ProcessInfo.processInfo.environment) else {
            return nil
        }
        return try? PostgresLedgerStore(url: parsed, password: ProcessInfo.processInfo.environment["PGPASSWORD"])
    }()

    /// Drops `schema` and everything in it (best effort: a leftover schema only costs disk in a throwaway server).
    static func dropSchema(_ schema: String) {
        precondition(PostgresLedgerURL.isValidSchemaName(schema))
        _ = try? admin?.write { sql in try sql.execute("DROP SCHEMA IF EXISTS \"\(schema)\" CASCADE") }
    }
}

/// A schema of the test server that lives as long as this value: dropped on release.
final class PostgresTestSchema: Sendable {
    let name: String
    let url: String

    init(base: String) {
        name = TestPostgres.freshSchemaName()
        url = TestPostgres.url(base, schema: name)
    }

    deinit { TestPostgres.dropSchema(name) }
}

/// A ledger of `kind` for one test: in-memory SQLite, an SQLite file in a temporary directory, or
/// PostgreSQL in a fresh schema of the test server; `nil` when `kind` is PostgreSQL and the server is not
/// configured (an issue is recorded under CI).
///
/// - Parameter keepAlive: receives what must outlive the ledger (a temporary directory, the schema).
func makeLedger(
    _ kind: LedgerKind, configuration: LedgerConfiguration = LedgerConfiguration(), keepAlive: inout [AnyObject]
) throws -> Ledger? {
    switch kind {
    case .inMemory:
        return try Ledger.inMemory(configuration: configuration)
    case .file:
        let directory = try TemporaryDirectory()
        keepAlive.append(directory)
        return try Ledger.open(path: directory.path("ledger.sqlite"), configuration: configuration)
    case .postgres:
        guard let base = TestPostgres.requireURL() else { return nil }
        let schema = PostgresTestSchema(base: base)
        keepAlive.append(schema)
        return try Ledger.open(url: schema.url, configuration: configuration)
    }
}
