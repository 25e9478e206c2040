@testable import Ledger
import Testing

/// Parsing `--db postgres://…` / `[ledger] url`: defaults, the refused password, bad parameters.
@Suite struct PostgresLedgerURLTests {
    let environment = ["PGUSER": "envuser", "USER": "login"]

    @Test func defaultsFollowLibpq() throws {
        let url = try PostgresLedgerURL.parse("postgres://db.example/ledger", environment: environment)
        #expect(url.user == "envuser" && url.host == "db.example" && url.port == 5432 && url.database == "ledger")
        #expect(url.schema == nil && url.sslMode == .prefer)
        #expect(try PostgresLedgerURL.parse("postgres://h", environment: ["USER": "login"]).database == "login")
    }

    @Test func everyPartIsRead() throws {
        let url = try PostgresLedgerURL.parse(
            "postgresql://alice@10.0.0.5:6543/runs?schema=team_a&sslmode=require", environment: environment)
        #expect(url == PostgresLedgerURL(
            user: "alice", host: "10.0.0.5", port: 6543, database: "runs", schema: "team_a", sslMode: .require))
        #expect(url.redacted == "postgres://alice@10.0.0.5:6543/runs?schema=team_a&sslmode=require")
        #expect(try PostgresLedgerURL.parse("POSTGRES://bob@[::1]:5433/x", environment: [:]).host == "::1")
    }

    @Test(arguments: [
        "postgres://alice:s3cr3t-pw@db.example/ledger",
        "postgres://alice:s3cr3t-pw@db.example:5432/ledger?schema=a",
        "postgres://alice@db.example/ledger?password=s3cr3t-pw",
    ])
    func aPasswordInTheURLIsRefusedAndNeverRepeated(text: String) {
        let error = #expect(throws: LedgerError.self) { try PostgresLedgerURL.parse(text, environment: environment) }
        #expect(error?.code == .invalidLocation)
        #expect(error?.message.contains("PGPASSWORD") == true)
        #expect(error?.message.contains("password_env") == true)
        #expect(error?.description.contains("s3cr3t-pw") == false)
    }

    @Test(arguments: [
        ("postgres://h/db?schema=Bad-Name", "schema="),
        ("postgres://h/db?schema=pg_catalog", "schema="),
        ("postgres://h/db?sslmode=allow", "sslmode=allow"),
        ("postgres://h/db?connect_timeout=3", "unknown URL parameter connect_timeout"),
        ("postgres://h:0/db", "out of range"),
        ("postgres:///db", "no host"),
        ("postgres://h/db/extra", "one database name"),
        // Found silently accepted: the last schema= won, and the #fragment was dropped.
        ("postgres://h/db?schema=a&schema=b", "schema= is given twice"),
        ("postgres://h/db?sslmode=disable&sslmode=require", "sslmode= is given twice"),
        ("postgres://h/db#frag", "#frag"),
    ])
    func badURLsSayWhatIsWrong(text: String, expected: String) {
        let error = #expect(throws: LedgerError.self) { try PostgresLedgerURL.parse(text, environment: environment) }
        #expect(error?.code == .invalidLocation)
        #expect(error?.message.contains(expected) == true, "\(error?.message ?? "")")
    }

    @Test func locationsAreFilesUnlessTheyArePostgresURLs() {
        #expect(LedgerLocation.parse("run/ledger.sqlite") == .file("run/ledger.sqlite"))
        #expect(LedgerLocation.parse("postgres://a@h/db") == .postgres("postgres://a@h/db"))
        #expect(LedgerLocation.parse("PostgreSQL://a@h/db") == .postgres("PostgreSQL://a@h/db"))
        #expect(LedgerLocation.parse("postgres.sqlite") == .file("postgres.sqlite"))
        #expect(LedgerLocation.parse("postgres://a:pw@h/db").description == "postgres://a:***@h/db")
    }
}
