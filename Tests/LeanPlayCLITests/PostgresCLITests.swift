import Foundation
import LeanPlay
import LeanPlayTestSupport
import Testing

/// The CLI on a PostgreSQL ledger: `LEANPLAY_TEST_POSTGRES_URL` (set by `eval "$(Scripts/start-postgres)"`,
/// which `.ci/run` runs). Without it these tests are skipped, except under `CI=true`, where they fail: CI
/// never silently skips the PostgreSQL store.
@Suite("CLI: PostgreSQL ledgers", .enabled(if: CLIRunner.isBuilt))
struct PostgresCLITests {
    /// A fresh schema of the test server for one test, or `nil` (with an issue under CI) when unset.
    static func freshLedgerURL() -> String? {
        guard let url = PostgresTestServer.freshSchemaURL(prefix: "cli_") else {
            if PostgresTestServer.isCI {
                Issue.record("LEANPLAY_TEST_POSTGRES_URL is unset under CI=true: .ci/run must start PostgreSQL (Scripts/start-postgres)")
            }
            return nil
        }
        return url
    }

    @Test func threePeersOnOnePostgreSQLLedgerOneKilledAndRestartedEndAsOnePeerAlone() async throws {
        guard let url = Self.freshLedgerURL() else { return }
        let (directory, repl) = try SelfPlayCLITests.workspace()
        try await PeersCLITests.peersRun(db: url, in: directory, repl: repl) { db in try Ledger.open(url: db) }
    }

    @Test func selfplayReportAndExportTakeTheURLFromTheConfiguration() async throws {
        guard let url = Self.freshLedgerURL() else { return }
        let (directory, repl) = try SelfPlayCLITests.workspace()
        try "[ledger]\nurl = \"\(url)\"\n".write(to: directory.appendingPathComponent("leanplay.toml"), atomically: true, encoding: .utf8)
        var arguments = SelfPlayCLITests.selfPlayArguments(db: "unused", repl: repl)
        if let index = arguments.firstIndex(of: "--db") { arguments.removeSubrange(index...(index + 1)) }
        let run = try await CLIRunner.run(arguments, in: directory)
        #expect(run.exitCode == 0, "stderr: \(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("unused").path))

        let report = try await CLIRunner.run(["report", "--json", "--rounds"], in: directory)
        #expect(report.exitCode == 0, "stderr: \(report.stderr)")
        #expect(report.stdoutLines.count == 2, "two self-play rounds in the PostgreSQL ledger: \(report.stdout)")
        let export = try await CLIRunner.run(["export", "--kind", "curriculum", "--out", "-"], in: directory)
        #expect(export.exitCode == 0, "stderr: \(export.stderr)")
        let ledger = try Ledger.open(url: url)
        #expect(try ledger.finishedRoundCount(kind: .selfPlay) == 2)
    }

    /// `report`, `export` and `prove` read a ledger: a schema (or database) holding none is named, exit 66, as
    /// a missing SQLite file is, and nothing is created there (a typo in ?schema= must not look like an
    /// empty run).
    @Test func readingCommandsOnASchemaWithNoLedgerExit66AndCreateNothing() async throws {
        guard let url = Self.freshLedgerURL() else { return }
        let (directory, repl) = try SelfPlayCLITests.workspace()
        let commands: [[String]] = [
            ["report", "--db", url],
            ["export", "--db", url, "--kind", "sft", "--out", "sft.jsonl"],
            ["prove", "--db", url, "--lean-repl", repl, "--workers", "1"],
        ]
        for arguments in commands {
            let result = try await CLIRunner.run(arguments, in: directory)
            #expect(result.exitCode == 66, "\(arguments[0]): \(result.stdout) \(result.stderr)")
            #expect(result.stderr.contains("holds no LeanPlay ledger"), "\(arguments[0]): \(result.stderr)")
            #expect(!result.stdout.contains("no rounds yet"))
        }
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("sft.jsonl").path))
        let error = try #require(throws: LedgerError.self) { try Ledger.open(url: url, mustExist: true) }
        #expect(error.code == .notALedger, "no tables were created: \(error)")
        _ = try Ledger.open(url: url)  // selfplay and evaluate --db create it
        #expect(try Ledger.open(url: url, mustExist: true).finishedRoundCount(kind: .selfPlay) == 0)
    }

    @Test func aServerThatIsNotRunningExits69SayingWhatToCheck() async throws {
        let directory = try CLIRunner.temporaryDirectory()
        // Port 1 on loopback: nothing listens there.
        let result = try await CLIRunner.run(["report", "--db", "postgres://leanplay@127.0.0.1:1/leanplay"], in: directory)
        #expect(result.exitCode == 69, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("127.0.0.1:1"))
        #expect(result.stderr.contains("is the server running"))
    }

    @Test func aPasswordInTheURLIsABadFlagAndNeverPrinted() async throws {
        let directory = try CLIRunner.temporaryDirectory()
        let result = try await CLIRunner.run(["export", "--db", "postgres://leanplay:hunter2secret@127.0.0.1:1/leanplay",
                                              "--kind", "sft", "--out", "-"], in: directory)
        #expect(result.exitCode == 64, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("PGPASSWORD"))
        #expect(!result.stderr.contains("hunter2secret") && !result.stdout.contains("hunter2secret"))
    }
}
