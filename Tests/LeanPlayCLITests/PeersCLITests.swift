import Foundation
import LeanPlay
import LeanPlayTestSupport
import Testing

/// Several `leanplay selfplay` processes on one ledger, one of them killed with SIGKILL mid-round and
/// restarted: no duplicated work, every item done once, each round finished once, and the ledger ends where
/// one process alone ends.
@Suite("CLI: self-play peers on one ledger", .enabled(if: CLIRunner.isBuilt))
struct PeersCLITests {
    @Test func threePeersOnOneSQLiteFileOneKilledAndRestartedEndAsOnePeerAlone() async throws {
        let (directory, repl) = try SelfPlayCLITests.workspace()
        // No ledger yet: the three peers create and migrate it together.
        try await Self.peersRun(db: "peers.sqlite", in: directory, repl: repl) { db in
            try Ledger.open(path: directory.appendingPathComponent(db).path)
        }
    }

    /// The test body for any `--db` value (an SQLite file here; the PostgreSQL suite passes a URL and its
    /// own `open`): a single-peer reference run on its own SQLite file, then three peers on `db`.
    static func peersRun(db: String, in directory: URL, repl: String, open: (String) throws -> Ledger) async throws {
        try "[ledger]\nlease_seconds = 2\n".write(to: directory.appendingPathComponent("peers.toml"), atomically: true, encoding: .utf8)
        let single = try await CLIRunner.run(
            SelfPlayCLITests.selfPlayArguments(db: "single.sqlite", repl: repl) + ["--config", "peers.toml"], in: directory)
        #expect(single.exitCode == 0, "stderr: \(single.stderr)")
        let reference = try await SelfPlayCLITests.ledgerState("single.sqlite", in: directory)

        let arguments = SelfPlayCLITests.selfPlayArguments(db: db, repl: repl + " --delay-ms 15") + ["--config", "peers.toml"]
        var peers = try (0..<3).map { try PeerProcess(arguments, in: directory, name: "peer\($0)") }
        try await Task.sleep(for: .milliseconds(200))  // let the peers create the ledger before the test opens it
        let ledger = try open(db)

        // Kill one peer once the round's first attempt is recorded, then restart it (a new pid: a new peer).
        let deadline = ContinuousClock.now + .seconds(30)
        var killed = false
        while ContinuousClock.now < deadline, peers[0].process.isRunning {
            if let latest = try ledger.roundSummaries().last, latest.attempts > 0, latest.finishedAt == nil {
                kill(peers[0].process.processIdentifier, SIGKILL)
                killed = true
                break
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(killed, "peer0 recorded nothing before it could be killed, or finished first; slow the fake REPL down")
        try await peers[0].waitForExit(until: deadline)
        let killedID = "\(PeerConfiguration.hostName)-\(peers[0].process.processIdentifier)"
        let heldWhenKilled = try ledger.peerSummaries().first { $0.id == killedID }?.leases ?? []
        peers.append(try PeerProcess(arguments, in: directory, name: "peer0-restarted"))
        for peer in peers.dropFirst() {
            try await peer.waitForExit(until: ContinuousClock.now + .seconds(60))
            #expect(peer.process.terminationStatus == 0, "\(peer.name): \(peer.stderr())")
        }

        #expect(try ledger.finishedRoundCount(kind: .selfPlay) == 2)
        #expect(try ledger.rounds().count == 2, "no peer started a third round")
        for round in 1...2 {
            let items = try #require(try ledger.roundWork(round))
            #expect(!items.isEmpty)
            #expect(try ledger.workResults(round: round).map(\.position) == Array(items.indices),
                    "round \(round): every work item has exactly one result")
        }
        let state = try await SelfPlayCLITests.ledgerState(db, in: directory)
        var keys: [String] = []
        for id in state.keys { keys += try ledger.attempts(for: id).map(\.record.idempotencyKey) }
        #expect(Set(keys).count == keys.count, "no idempotency key twice")
        #expect(state == reference, "statuses, attempt counts, flags and budget levels equal a single-peer run")

        let summaries = try ledger.peerSummaries()
        #expect(summaries.count >= 3, "the peers registered: \(summaries.map(\.id))")
        #expect(summaries.reduce(0) { $0 + $1.attempts } == keys.count, "every attempt names its peer")
        let report = try await CLIRunner.run(["report", "--db", db], in: directory)
        #expect(report.stdout.contains("Lean-seconds"), "report shows the peers table")
        if !heldWhenKilled.isEmpty {
            let notes = peers.map { $0.stderr() }.joined()
            #expect(notes.contains("took over item"), "the killed peer's items were taken over: \(notes)")
        }
    }
}

/// One `leanplay` process started in the background, its output in files.
struct PeerProcess {
    let process = Process()
    let name: String
    let directory: URL

    init(_ arguments: [String], in directory: URL, name: String) throws {
        self.name = name
        self.directory = directory
        process.executableURL = CLIRunner.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "LANG": "C.UTF-8"]
        FileManager.default.createFile(atPath: directory.appendingPathComponent("\(name).out").path, contents: nil)
        FileManager.default.createFile(atPath: directory.appendingPathComponent("\(name).err").path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: directory.appendingPathComponent("\(name).out"))
        process.standardError = try FileHandle(forWritingTo: directory.appendingPathComponent("\(name).err"))
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    func stderr() -> String {
        (try? String(contentsOf: directory.appendingPathComponent("\(name).err"), encoding: .utf8)) ?? ""
    }

    /// Polls until the process exits; kills it (and fails) at `deadline`.
    func waitForExit(until deadline: ContinuousClock.Instant) async throws {
        while process.isRunning {
            if ContinuousClock.now > deadline {
                process.terminate()
                Issue.record("\(name) did not exit in time; stderr: \(stderr())")
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}
