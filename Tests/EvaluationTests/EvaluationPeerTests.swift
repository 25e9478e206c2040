import Foundation
import LeanPlayTestSupport
import Ledger
import ProblemCorpus
import Synchronization
import Testing
@testable import Evaluation

/// Evaluators sharing one evaluation through a ledger (`EvaluationPeer`): every problem gets exactly one
/// result, the summary is a single process's, a dead peer's problem is taken over, finished work is
/// never redone. The ledger is an SQLite file each peer opens for itself, as separate processes would;
/// ``SharedEvaluationLedger/location`` is the one place a test run against another store would change.
@Suite struct EvaluationPeerTests {
    /// Answers per problem, in sample order (nil = HTTP 400): accepted at samples 2, never, 1, 3, 2, never.
    static let scripts: [String: [String?]] = [
        "p1": ["simp", "norm_num"], "p2": ["simp", "simp", "ring", "simp"], "p3": ["norm_num"],
        "p4": ["ring", "ring", "norm_num"], "p5": [nil, "norm_num"], "p6": ["simp", "ring", "decide", "rfl"],
    ]
    static let problems = (1...6).map { EvaluatorTests.problem("p\($0)") }
        + [Problem(id: "informal_only", informal: "Show that 1 + 1 = 2.")]

    /// Where the peers' ledger is: an SQLite file, or a fresh schema of the PostgreSQL test server
    /// (`LEANPLAY_TEST_POSTGRES_URL`; a case only when it is set, or under `CI=true`, where it must be).
    enum Store: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case sqliteFile
        case postgres

        static var allCases: [Store] {
            PostgresTestServer.shouldRun ? [.sqliteFile, .postgres] : [.sqliteFile]
        }

        var testDescription: String { rawValue }
    }

    /// A shared ledger and the clock every peer's handle on it may read.
    final class SharedEvaluationLedger: Sendable {
        let directory: URL
        let location: LedgerLocation
        let time = Mutex(Date(timeIntervalSince1970: 1_800_000_000))

        init(_ store: Store = .sqliteFile) throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("evaluation-peers-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            switch store {
            case .sqliteFile:
                location = .file(directory.appendingPathComponent("shared.sqlite").path)
            case .postgres:
                location = .postgres(try #require(
                    PostgresTestServer.freshSchemaURL(prefix: "t_evaluation_"),
                    "LEANPLAY_TEST_POSTGRES_URL is unset: run eval \"$(Scripts/start-postgres)\" first"))
            }
        }

        deinit { try? FileManager.default.removeItem(at: directory) }

        /// A peer's own handle (its own connection); `manualClock`: the ledger reads `time` instead of the
        /// system clock.
        func open(manualClock: Bool = false) throws -> Ledger {
            let configuration = manualClock
                ? LedgerConfiguration(now: { self.time.withLock { $0 } })
                : LedgerConfiguration()
            return try Ledger.open(location: location, configuration: configuration)
        }

        func advance(_ duration: Duration) {
            time.withLock { $0 = $0.addingTimeInterval(duration.seconds) }
        }
    }

    static func peer(
        _ ledger: Ledger, id: String, model: ScriptedModel, concurrency: Int = 2, leaseSeconds: Double = 60,
        pollInterval: Duration = .milliseconds(5),
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) -> EvaluationPeer {
        EvaluationPeer(
            evaluator: EvaluatorTests.evaluator(model, CountingVerifier(), samples: 4, concurrency: concurrency),
            ledger: ledger, peerID: id, leaseSeconds: leaseSeconds, pollInterval: pollInterval, sleep: sleep)
    }

    /// The summary without wall-clock time (the one figure two runs of the same work do not share).
    static func timeless(_ summary: EvaluationSummary) -> EvaluationSummary {
        var summary = summary
        summary.averageSearchSeconds = 0
        return summary
    }

    static func timeless(_ results: [ProblemResult]) -> [ProblemResult] {
        results.map { var result = $0; result.searchSeconds = 0; return result }
    }

    @Test(arguments: Store.allCases) func twoPeersGiveEveryProblemOneResultAndTheSingleProcessSummary(store: Store) async throws {
        let singleModel = ScriptedModel(Self.scripts)
        let single = try await EvaluatorTests.evaluator(singleModel, CountingVerifier(), samples: 4, concurrency: 2).run(Self.problems)

        let shared = try SharedEvaluationLedger(store)
        let (modelA, modelB) = (ScriptedModel(Self.scripts), ScriptedModel(Self.scripts))
        let peerA = Self.peer(try shared.open(), id: "host-a", model: modelA)
        let peerB = Self.peer(try shared.open(), id: "host-b", model: modelB)
        async let runA = peerA.run(Self.problems)
        async let runB = peerB.run(Self.problems)
        let (a, b) = try await (runA, runB)

        #expect(a.runID == b.runID && a.runID.count == 64)
        #expect(a.results == b.results && a.summary == b.summary, "every peer reads the same results back")
        #expect(a.results.map(\.problemID) == (1...6).map { "p\($0)" }, "benchmark order")
        #expect(Self.timeless(a.summary) == Self.timeless(single), "the summary of a single process")
        #expect(a.completedHere + b.completedHere == 6 && a.completedByPeer == b.completedByPeer)
        #expect(a.completedByPeer.values.reduce(0, +) == 6)
        #expect(a.finishedHere != b.finishedHere, "finished exactly once")
        #expect(modelA.requests + modelB.requests == singleModel.requests, "each problem evaluated once: no request repeated")
        #expect(a.summary.skippedProblems == ["informal_only"])

        let ledger = try shared.open()
        let run = try #require(try ledger.evaluationRun(a.runID))
        #expect(run.isFinished && run.finishedBy == (a.finishedHere ? "host-a" : "host-b"))
        #expect(try ledger.evaluationResults(run: a.runID).count == 6)
    }

    @Test(arguments: Store.allCases) func aDeadPeersProblemIsTakenOverOnceItsLeaseRunsOut(store: Store) async throws {
        let singleModel = ScriptedModel(Self.scripts)
        let single = try await EvaluatorTests.evaluator(singleModel, CountingVerifier(), samples: 4, concurrency: 1).run(Self.problems)
        let shared = try SharedEvaluationLedger(store)
        let runID = try EvaluationPeer.runID(for: EvaluatorTests.evaluator(ScriptedModel([:]), CountingVerifier(), samples: 4).configuration)
        // A peer registered the run, leased p4 and died.
        let dead = try shared.open(manualClock: true)
        let configText = String(decoding: try EvaluationDirectory.encode(
            EvaluatorTests.evaluator(ScriptedModel([:]), CountingVerifier(), samples: 4).configuration, pretty: true), as: UTF8.self)
        try dead.registerEvaluationRun(id: runID, configuration: configText, problemIDs: (1...6).map { "p\($0)" })
        let deadLeases = try dead.leaseEvaluationItems(run: runID, peer: "dead-1", limit: 4, leaseSeconds: 60)
        #expect(deadLeases.map(\.problemID) == ["p1", "p2", "p3", "p4"])

        // The survivor's waits move the ledger's clock by what they wait (no real time passes).
        let model = ScriptedModel(Self.scripts)
        let survivor = Self.peer(
            try shared.open(manualClock: true), id: "live-2", model: model, concurrency: 1, pollInterval: .seconds(15),
            sleep: { [shared] duration in
                shared.advance(duration)
                try await Task.sleep(for: .milliseconds(1))
            })
        let outcome = try await survivor.run(Self.problems)
        #expect(outcome.completedHere == 6 && outcome.finishedHere)
        #expect(outcome.completedByPeer == ["live-2": 6])
        #expect(Self.timeless(outcome.summary) == Self.timeless(single))
        #expect(model.requests == singleModel.requests, "every problem evaluated once, the dead peer's too")

        let late = #expect(throws: LedgerError.self) { try dead.completeEvaluationItem(deadLeases[0], resultJSON: "{}") }
        #expect(late?.code == .lostLease)
    }

    /// A peer restarted under the same `--peer-id` after a crash takes over what its dead incarnation
    /// held at once (no time passes on the ledger's clock here: waiting for the lease would never end).
    @Test(.timeLimit(.minutes(1)), arguments: Store.allCases)
    func aPeerRestartedUnderItsOwnIDTakesOverWhatItsDeadIncarnationHeld(store: Store) async throws {
        let shared = try SharedEvaluationLedger(store)
        let configuration = EvaluatorTests.evaluator(ScriptedModel([:]), CountingVerifier(), samples: 4).configuration
        let runID = try EvaluationPeer.runID(for: configuration)
        let crashed = try shared.open(manualClock: true)
        try crashed.registerEvaluationRun(
            id: runID, configuration: String(decoding: try EvaluationDirectory.encode(configuration, pretty: true), as: UTF8.self),
            problemIDs: (1...6).map { "p\($0)" })
        #expect(try crashed.leaseEvaluationItems(run: runID, peer: "host-a", limit: 1, leaseSeconds: 60).map(\.problemID) == ["p1"])

        let restarted = Self.peer(
            try shared.open(manualClock: true), id: "host-a", model: ScriptedModel(Self.scripts), concurrency: 1,
            pollInterval: .seconds(15), sleep: { _ in try await Task.sleep(for: .milliseconds(1)) })
        let outcome = try await restarted.run(Self.problems)
        #expect(outcome.completedHere == 6 && outcome.finishedHere && outcome.results.count == 6)
    }

    @Test(arguments: Store.allCases) func finishedWorkIsNeverRedone(store: Store) async throws {
        let shared = try SharedEvaluationLedger(store)
        let first = try await Self.peer(try shared.open(), id: "host-a", model: ScriptedModel(Self.scripts)).run(Self.problems)
        #expect(first.finishedHere)

        // A rerun on the finished run: no model request, the same results, not finished again.
        let idle = ScriptedModel(Self.scripts)
        let again = try await Self.peer(try shared.open(), id: "host-b", model: idle).run(Self.problems)
        #expect(idle.requests == 0 && again.completedHere == 0 && !again.finishedHere)
        #expect(again.results == first.results && again.summary == first.summary)

        // A fresh ledger, but results.jsonl already holds them: completed from those, no request.
        let fresh = try SharedEvaluationLedger(store)
        let resumed = ScriptedModel(Self.scripts)
        let fromFile = try await Self.peer(try fresh.open(), id: "host-c", model: resumed).run(Self.problems, finished: first.results)
        #expect(resumed.requests == 0 && fromFile.completedHere == 6)
        #expect(fromFile.results == first.results)
    }

    @Test(arguments: Store.allCases) func anotherSelectionOfTheSameConfigurationIsAChangedConfiguration(store: Store) async throws {
        let shared = try SharedEvaluationLedger(store)
        _ = try await Self.peer(try shared.open(), id: "host-a", model: ScriptedModel(Self.scripts)).run(Array(Self.problems.prefix(3)))
        let error = await #expect(throws: EvaluationError.self) {
            try await Self.peer(try shared.open(), id: "host-b", model: ScriptedModel(Self.scripts)).run(Self.problems)
        }
        #expect(error?.code == .configurationChanged && error?.message.contains("--limit") == true, "\(String(describing: error))")
    }
}
