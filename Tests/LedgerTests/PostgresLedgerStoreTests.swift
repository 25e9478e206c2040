import Foundation
@testable import Ledger
import Synchronization
import Testing

/// The PostgreSQL store against the real server (`LEANPLAY_TEST_POSTGRES_URL`), each test in its own
/// schema. Without a server these return early (and fail under `CI=true`, see ``TestPostgres``).
@Suite struct PostgresLedgerStoreTests {
    /// A store in a fresh schema, with the schema kept alive (dropped when the returned schema is released).
    func freshStore(maxWriteAttempts: Int = 8) throws -> (PostgresLedgerStore, PostgresTestSchema)? {
        guard let base = TestPostgres.requireURL() else { return nil }
        let schema = PostgresTestSchema(base: base)
        let url = try PostgresLedgerURL.parse(schema.url, environment: ProcessInfo.processInfo.environment)
        let store = try PostgresLedgerStore(
            url: url, password: ProcessInfo.processInfo.environment["PGPASSWORD"], maxWriteAttempts: maxWriteAttempts)
        return (store, schema)
    }

    /// A second store on the same schema (another peer's connection).
    func peer(of schema: PostgresTestSchema, maxWriteAttempts: Int = 8) throws -> PostgresLedgerStore {
        let url = try PostgresLedgerURL.parse(schema.url, environment: ProcessInfo.processInfo.environment)
        return try PostgresLedgerStore(
            url: url, password: ProcessInfo.processInfo.environment["PGPASSWORD"], maxWriteAttempts: maxWriteAttempts)
    }

    @Test func everyValueTypeRoundTrips() throws {
        guard let (store, schema) = try freshStore() else { return }
        do { try valueTypesRoundTrip(store, schema) } catch { Issue.record("\(store.describe(error))") }
    }

    func valueTypesRoundTrip(_ store: PostgresLedgerStore, _ schema: PostgresTestSchema) throws {
        let date = Date(timeIntervalSince1970: 1_800_000_000.125)
        try store.write { (sql) throws -> Void in
            try sql.execute("CREATE TABLE v (i BIGINT, r DOUBLE PRECISION, t TEXT, d TIMESTAMPTZ, n TEXT)")
            #expect(try sql.execute(
                "INSERT INTO v VALUES (?, ?, ?, ?, ?)", [Int64.max, 0.1 + 0.2, "naïve 'quoted' ? ∀x, x = x", date, nil]) == 1)
            #expect(try sql.execute("INSERT INTO v VALUES (?, ?, ?, ?, ?)", [Int64.min, -1.5e30, "", date, "x"]) == 1)
        }
        let rows = try store.read { sql in try sql.fetchAll("SELECT i, r, t, d, n FROM v ORDER BY i DESC") }
        #expect(rows.count == 2)
        #expect(rows[0].columns == ["i", "r", "t", "d", "n"])
        #expect(rows[0].values == [.integer(Int64.max), .real(0.1 + 0.2), .text("naïve 'quoted' ? ∀x, x = x"), .date(date), .null])
        #expect(rows[1].values == [.integer(Int64.min), .real(-1.5e30), .text(""), .date(date), .text("x")])
        let optional: String? = rows[0]["n"]
        #expect(optional == nil)
        let when: Date = rows[0]["d"]
        #expect(when == date)

        // Types the ledger's queries produce besides its columns: counts, sums, averages, booleans, names.
        let row = try #require(try store.read { sql in
            try sql.fetchOne(
                """
                SELECT COUNT(*) AS "Count", SUM(i / 4) AS total, AVG(r) AS mean, (1 < 2) AS yes, current_schema() AS s,
                       1::int2 AS small, 2::int4 AS medium, 1.5::float4 AS single, '{"a":1}'::json AS j,
                       '{"b":2}'::jsonb AS jb, 'x'::varchar AS vc, 'now'::timestamp AS ts, ? AS echoed
                FROM v
                """, [Int64(7)])
        })
        #expect(row.columns.first == "count")
        #expect(row.values[0] == .integer(2))
        #expect(row.values[1] == .real(-1))  // numeric: (max/4 + min/4) = -1 with integer division
        #expect(row.values[3] == .integer(1))
        #expect(row.values[4] == .text(schema.name))
        #expect(row.values[5] == .integer(1) && row.values[6] == .integer(2) && row.values[7] == .real(1.5))
        #expect(row.values[8] == .text(#"{"a":1}"#) && row.values[9] == .text(#"{"b": 2}"#) && row.values[10] == .text("x"))
        if case .date = row.values[11] {} else { Issue.record("timestamp read as \(row.values[11])") }
        #expect(row.values[12] == .integer(7))
        let yes: Bool = row["yes"]
        #expect(yes)
        let count: Int = row["count"]
        #expect(count == 2)
    }

    @Test func executeCountsChangedRowsAndPlaceholdersCountOnlyOutsideLiterals() throws {
        guard let (store, schema) = try freshStore() else { return }
        _ = schema
        try store.write { (sql) throws -> Void in
            #expect(try sql.execute("CREATE TABLE c (id BIGINT PRIMARY KEY, note TEXT)") == 0)
            #expect(try sql.execute("INSERT INTO c SELECT g, 'n?' FROM generate_series(1, 5) g") == 5)
            #expect(try sql.execute("UPDATE c SET note = 'why?' WHERE id > ?", [3]) == 2)
            #expect(try sql.execute("DELETE FROM c WHERE note = 'n?' AND id <= ?", [2]) == 2)
            #expect(try sql.execute("INSERT INTO c VALUES (?, ?) ON CONFLICT (id) DO NOTHING", [5, "dup"]) == 0)
            #expect(try sql.fetchValue(String.self, "SELECT note FROM c WHERE id = ?", [4]) == "why?")
            #expect(try sql.fetchValue(Int.self, "SELECT COUNT(*) FROM c WHERE note = '?' OR id = ?", [3]) == 1)
        }
        // Placeholders and arguments that disagree are refused before anything is sent.
        #expect(throws: PostgresStatementError.self) {
            try store.read { sql in try sql.fetchAll("SELECT ? , ?", [1]) }
        }
    }

    @Test func forEachRowStreamsAcrossCursorBatchesAndAllowsStatementsInBetween() throws {
        guard let (store, schema) = try freshStore() else { return }
        _ = schema
        let total = PostgresSQLConnection.cursorBatchSize * 2 + 37
        try store.write { sql in
            try sql.execute("CREATE TABLE big (n BIGINT NOT NULL)")
            try sql.execute("INSERT INTO big SELECT g FROM generate_series(1, ?) g", [total])
        }
        var seen: [Int] = []
        var lookups = 0
        try store.read { (sql) throws -> Void in
            try sql.forEachRow("SELECT n FROM big WHERE n > ? ORDER BY n", [0]) { row in
                seen.append(row["n"])
                if seen.count % PostgresSQLConnection.cursorBatchSize == 0 {
                    // Another statement on the same connection while the cursor is open.
                    lookups += try sql.fetchValue(Int.self, "SELECT COUNT(*) FROM big") == total ? 1 : 0
                }
            }
            // The cursor is closed: a second walk works the same.
            var again = 0
            try sql.forEachRow("SELECT n FROM big", []) { _ in again += 1 }
            #expect(again == total)
        }
        #expect(seen == Array(1...total))
        #expect(lookups == 2)
    }

    @Test func aFailureInsideATransactionRollsItAllBack() throws {
        guard let (store, schema) = try freshStore() else { return }
        _ = schema
        struct Stop: Error {}
        _ = try store.write { sql in try sql.execute("CREATE TABLE r (x BIGINT PRIMARY KEY)") }
        #expect(throws: Stop.self) {
            try store.write { sql in
                try sql.execute("INSERT INTO r VALUES (1)")
                throw Stop()
            }
        }
        // A failed statement whose error the body swallowed: COMMIT would silently roll back; the store says so.
        #expect(throws: PostgresStatementError.self) {
            try store.write { sql in
                try sql.execute("INSERT INTO r VALUES (2)")
                _ = try? sql.execute("INSERT INTO r VALUES (2)")
            }
        }
        #expect(try store.read { sql in try sql.fetchValue(Int.self, "SELECT COUNT(*) FROM r") } == 0)
        // A read transaction is read-only.
        #expect(throws: (any Error).self) { try store.read { sql in try sql.execute("INSERT INTO r VALUES (3)") } }
    }

    @Test func aConnectionTheServerClosedBetweenTransactionsIsReplaced() throws {
        guard let (store, schema) = try freshStore() else { return }
        let other = try peer(of: schema)
        let pid = try #require(try store.read { sql in try sql.fetchValue(Int.self, "SELECT pg_backend_pid()") })
        #expect(try other.write { sql in try sql.fetchValue(Bool.self, "SELECT pg_terminate_backend(?::int)", [pid]) } == true)
        // The server closes the socket asynchronously; the next transaction reconnects either way.
        let newPID = try store.read { sql in try sql.fetchValue(Int.self, "SELECT pg_backend_pid()") }
        #expect(newPID != nil && newPID != pid)
        #expect(try store.read { sql in try sql.fetchValue(String.self, "SELECT current_schema()") } == schema.name)
    }

    /// Two peers read then update the same row at once: PostgreSQL aborts one (40001), the store runs it
    /// again, and both increments land.
    @Test func aSerializationFailureIsRetriedAndBothWritesLand() throws {
        guard let (first, schema) = try freshStore() else { return }
        let second = try peer(of: schema)
        try first.write { sql in
            try sql.execute("CREATE TABLE counter (id BIGINT PRIMARY KEY, n BIGINT NOT NULL)")
            try sql.execute("INSERT INTO counter VALUES (1, 0)")
        }
        let runs = Counter()
        let outcomes = try Self.collide(first, second, runs: runs) { sql in
            let n = try #require(try sql.fetchValue(Int.self, "SELECT n FROM counter WHERE id = 1"))
            return n
        } then: { sql, n in
            try sql.execute("UPDATE counter SET n = ? WHERE id = 1", [n + 1])
        }
        for outcome in outcomes { try outcome.get() }
        #expect(try first.read { sql in try sql.fetchValue(Int.self, "SELECT n FROM counter WHERE id = 1") } == 2)
        #expect(runs.value == 3)  // one body ran twice
    }

    @Test func retriesAreBoundedAndTheLastFailureSaysSerialization() throws {
        guard let (first, schema) = try freshStore(maxWriteAttempts: 1) else { return }
        let second = try peer(of: schema, maxWriteAttempts: 1)
        try first.write { sql in
            try sql.execute("CREATE TABLE counter (id BIGINT PRIMARY KEY, n BIGINT NOT NULL)")
            try sql.execute("INSERT INTO counter VALUES (1, 0)")
        }
        let outcomes = try Self.collide(first, second, runs: Counter()) { sql in
            try #require(try sql.fetchValue(Int.self, "SELECT n FROM counter WHERE id = 1"))
        } then: { sql, n in
            try sql.execute("UPDATE counter SET n = ? WHERE id = 1", [n + 1])
        }
        let failures = outcomes.compactMap { outcome -> (any Error)? in
            if case .failure(let error) = outcome { return error }
            return nil
        }
        #expect(failures.count == 1)
        #expect(failures.first.map { first.describe($0) }?.contains("40001") == true)
        #expect(try first.read { sql in try sql.fetchValue(Int.self, "SELECT n FROM counter WHERE id = 1") } == 1)
    }

    /// Runs a write on each store on its own thread; on their first run both bodies read before either
    /// updates (the conflict), later runs go straight through.
    static func collide(
        _ first: PostgresLedgerStore, _ second: PostgresLedgerStore, runs: Counter,
        read: @escaping @Sendable (any SQLConnection) throws -> Int,
        then update: @escaping @Sendable (any SQLConnection, Int) throws -> Void
    ) throws -> [Result<Void, any Error>] {
        let bothRead = DispatchGroup()
        bothRead.enter()
        bothRead.enter()
        let finished = DispatchGroup()
        let outcomes = Mutex<[Result<Void, any Error>]>([])
        for store in [first, second] {
            finished.enter()
            let runsOfThisStore = Counter()
            Thread.detachNewThread {
                let outcome = Result<Void, any Error> {
                    try store.write { sql in
                        runs.increment()
                        let value = try read(sql)
                        if runsOfThisStore.increment() == 1 {
                            bothRead.leave()
                            // Bounded so a broken store fails this test instead of hanging the suite.
                            _ = bothRead.wait(timeout: .now() + 30)
                        }
                        try update(sql, value)
                    }
                }
                outcomes.withLock { $0.append(outcome) }
                finished.leave()
            }
        }
        guard finished.wait(timeout: .now() + 60) == .success else {
            Issue.record("the colliding writes did not finish")
            return []
        }
        return outcomes.withLock { $0 }
    }

    @Test func migrationsApplyOnceAndPeersStartingTogetherMigrateOnce() throws {
        guard let (store, schema) = try freshStore() else { return }
        let peers = try (0..<3).map { _ in try peer(of: schema) }
        #expect(try store.appliedMigrations().isEmpty)
        let errors = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: peers.count) { index in
            do { try peers[index].migrate() } catch { errors.withLock { $0.append("\(error)") } }
        }
        #expect(errors.withLock { $0 }.isEmpty)
        try store.migrate()
        #expect(try store.appliedMigrations() == LedgerSchema.migrationIDs)
        #expect(try store.integrityCheck() == ["ok"])
        let rows = try store.read { sql in try sql.fetchValue(Int.self, "SELECT COUNT(*) FROM ledger_migrations") }
        #expect(rows == LedgerSchema.migrations.count)
        // The translated schema holds what the ledger writes: an identity id, timestamps, reals.
        let attemptsID = try store.read { sql in
            try sql.fetchValue(String.self, "SELECT is_identity FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'attempts' AND column_name = 'id'")
        }
        #expect(attemptsID == "YES")
    }

    @Test func aMigrationThisBuildDoesNotKnowIsANewerSchema() throws {
        guard let (store, schema) = try freshStore() else { return }
        _ = schema
        try store.migrate()
        _ = try store.write { sql in
            try sql.execute("INSERT INTO ledger_migrations (id, applied_at) VALUES (?, ?)", ["v99-from-the-future", Date()])
        }
        let error = #expect(throws: LedgerError.self) { try store.migrate() }
        #expect(error?.code == .newerSchema)
        #expect(error?.message.contains("v99-from-the-future") == true)
        #expect(try store.appliedMigrations().last == "v99-from-the-future")
    }

    @Test func aFailingMigrationLeavesNothingBehind() throws {
        guard let (store, schema) = try freshStore() else { return }
        _ = schema
        // A table the first migration creates already exists: that migration fails, nothing is recorded.
        _ = try store.write { sql in try sql.execute("CREATE TABLE problems (x TEXT)") }
        let error = #expect(throws: LedgerError.self) { try store.migrate() }
        #expect(error?.code == .migrationFailed)
        #expect(error?.message.contains("v1-initial") == true)
        #expect(error?.message.contains("42P07") == true)
        #expect(try store.appliedMigrations().isEmpty)
    }

    @Test func aServerThatIsNotRunningIsAnActionableOpenFailure() throws {
        // Port 1 on loopback: nothing listens there.
        let secret = "hunter2-do-not-print"
        let error = #expect(throws: LedgerError.self) {
            try Ledger.open(
                url: "postgres://alice@127.0.0.1:1/ledger", environment: ["PGPASSWORD": secret, "USER": "alice"])
        }
        #expect(error?.code == .serverUnavailable)
        #expect(error?.message.contains("is the server running on 127.0.0.1:1?") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("Running on many machines") == true)
        #expect(error?.description.contains(secret) == false)
        #expect(error?.context == "postgres://alice@127.0.0.1:1/ledger")
    }

    @Test func aMissingDatabaseSaysHowToCreateIt() throws {
        guard let base = TestPostgres.requireURL() else { return }
        let parsed = try PostgresLedgerURL.parse(base, environment: ProcessInfo.processInfo.environment)
        let secret = "hunter2-do-not-print"
        var missing = parsed
        missing.database = "leanplay_no_such_database"
        let error = #expect(throws: LedgerError.self) {
            try Ledger.open(url: missing.redacted, passwordEnvironmentVariable: "LEDGER_PW", environment: ["LEDGER_PW": secret])
        }
        #expect(error?.code == .serverUnavailable)
        #expect(error?.message.contains("database leanplay_no_such_database does not exist") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("createdb") == true)
        #expect(error?.description.contains(secret) == false)
    }

    /// A user the server refuses (here: a role that does not exist; the test server trusts loopback, so a
    /// wrong password cannot be shown) is an authentication failure that says what to check.
    @Test func aRefusedUserIsAnAuthenticationFailure() throws {
        guard let base = TestPostgres.requireURL() else { return }
        var url = try PostgresLedgerURL.parse(base, environment: ProcessInfo.processInfo.environment)
        url.user = "leanplay_no_such_role"
        let secret = "hunter2-do-not-print"
        let error = #expect(throws: LedgerError.self) {
            try Ledger.open(url: url.redacted, environment: ["PGPASSWORD": secret])
        }
        #expect(error?.code == .serverUnavailable)
        #expect(error?.message.contains("authentication failed for user leanplay_no_such_role") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("PGPASSWORD") == true)
        #expect(error?.description.contains(secret) == false)
    }

    /// The test server has no TLS: `sslmode=require` refuses to go on in plain text and says what to change
    /// (the default, `prefer`, falls back to plain text: every other test here connects that way).
    @Test func requiredTLSOnAServerWithoutItIsRefused() throws {
        guard let base = TestPostgres.requireURL() else { return }
        var url = try PostgresLedgerURL.parse(base, environment: ProcessInfo.processInfo.environment)
        url.sslMode = .require
        let error = #expect(throws: LedgerError.self) { try Ledger.open(url: url.redacted) }
        #expect(error?.code == .serverUnavailable)
        #expect(error?.message.contains("does not offer TLS") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("sslmode=prefer") == true)
    }

    @Test func aLedgerOpensByURLAndNamesItsLocationWithoutPassword() throws {
        guard let base = TestPostgres.requireURL() else { return }
        let schema = PostgresTestSchema(base: base)
        let ledger = try Ledger.open(url: schema.url, environment: ProcessInfo.processInfo.environment.merging(["PGPASSWORD": "unused-by-trust-auth"]) { _, new in new })
        #expect(try ledger.appliedMigrations() == LedgerSchema.migrationIDs)
        #expect(try ledger.integrityCheck() == ["ok"])
        #expect(try Ledger.open(location: .postgres(schema.url)).appliedMigrations() == LedgerSchema.migrationIDs)
    }
}

/// A thread-safe count.
final class Counter: Sendable {
    private let count = Mutex(0)

    var value: Int { count.withLock { $0 } }

    /// Adds one and returns the new count.
    @discardableResult
    func increment() -> Int { count.withLock { $0 += 1; return $0 } }
}
