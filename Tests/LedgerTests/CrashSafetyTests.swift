import Foundation
import Ledger
import Testing

/// Locates the `ledger-crash-helper` executable built next to the test bundle.
enum CrashHelper {
    static var executable: URL? {
        var directories = [URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()]
        var bundle = Bundle.main.bundleURL
        for _ in 0..<4 {
            directories.append(bundle)
            bundle = bundle.deletingLastPathComponent()
        }
        return directories.map { $0.appendingPathComponent("ledger-crash-helper") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs the helper to completion and returns its exit status.
    static func run(_ executable: URL, ledger path: String, attempts: Int) throws -> Int32 {
        let process = Process()
        process.executableURL = executable
        process.arguments = [path, String(attempts)]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Starts the helper, waits until it reports `killAfter` committed attempts, and SIGKILLs it.
    /// Returns the number of commits it reported before dying.
    static func runAndKill(_ executable: URL, ledger path: String, attempts: Int, killAfter: Int) throws -> Int {
        let process = Process()
        let pipe = Pipe()
        process.executableURL = executable
        process.arguments = [path, String(attempts)]
        process.standardOutput = pipe
        try process.run()
        var output = ""
        let marker = "recorded \(killAfter)\n"
        while !output.contains(marker) {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }  // the helper exited before reaching the marker
            output += String(decoding: chunk, as: UTF8.self)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        output += String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return output.split(separator: "\n").filter { $0.hasPrefix("recorded ") }.count
    }
}

@Suite struct CrashSafetyTests {
    /// The same body on an SQLite file and on PostgreSQL (two fresh schemas): a process killed mid-run
    /// loses no commit, and rerunning it with the same idempotency keys finishes the work exactly once.
    @Test(arguments: LedgerKind.allCases.filter { $0 != .inMemory })
    func killedWriterLosesNoCommitAndRerunNeverDoubleCounts(kind: LedgerKind) throws {
        let helper = try #require(CrashHelper.executable, "ledger-crash-helper must be built with the tests")
        let directory = try TemporaryDirectory()
        var keepAlive: [PostgresTestSchema] = []
        func location(_ name: String) -> String? {
            guard kind == .postgres else { return directory.path("\(name).sqlite") }
            guard let base = TestPostgres.requireURL() else { return nil }
            keepAlive.append(PostgresTestSchema(base: base))
            return keepAlive.last?.url
        }
        guard let crashed = location("crashed"), let clean = location("clean") else { return }
        let total = 400

        let reported = try CrashHelper.runAndKill(helper, ledger: crashed, attempts: total, killAfter: 100)
        try #require(reported >= 100 && reported < total, "the helper must die mid-way (reported \(reported))")

        // Every commit the helper reported before SIGKILL is there, and the file is intact.
        do {
            let afterKill = try Ledger.open(location: .parse(crashed))
            #expect(try afterKill.integrityCheck() == ["ok"])
            let recorded = try afterKill.roundSummaries().reduce(0) { $0 + $1.attempts }
            #expect(recorded >= reported && recorded < total)
        }

        // Re-running the same loop with the same idempotency keys finishes the work exactly once.
        #expect(try CrashHelper.run(helper, ledger: crashed, attempts: total) == 0)
        #expect(try CrashHelper.run(helper, ledger: clean, attempts: total) == 0)

        let resumed = try Ledger.open(location: .parse(crashed))
        let reference = try Ledger.open(location: .parse(clean))
        #expect(try resumed.integrityCheck() == ["ok"])
        #expect(try resumed.statusCounts() == reference.statusCounts())
        let counts: (Ledger) throws -> [[Int]] = { ledger in
            try ledger.roundSummaries().map { [$0.round, $0.attempts, $0.accepted, $0.proved, $0.disproved, $0.promptTokens] }
        }
        #expect(try counts(resumed) == counts(reference))
        #expect(try counts(resumed).reduce(0) { $0 + $1[1] } == total)
        let report: (Ledger, String) throws -> String = { ledger, name in
            let url = directory.url.appendingPathComponent(name)
            try ledger.export(.formalizationReport, to: url)
            return try String(contentsOf: url, encoding: .utf8)
        }
        let resumedReport = try report(resumed, "resumed.jsonl")
        #expect(resumedReport == (try report(reference, "reference.jsonl")))
        #expect(resumedReport.split(separator: "\n").count == 50)
    }
}
