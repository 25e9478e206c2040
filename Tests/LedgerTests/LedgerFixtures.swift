import Foundation
import Ledger
import Synchronization
import Testing

/// The ledger implementations every shared test body runs against.
enum LedgerKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case inMemory
    case file

    var testDescription: String { rawValue }
}

/// A clock the tests advance by hand.
final class ManualDateClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_800_000_000))

    var now: Date { current.withLock { $0 } }

    func advance(seconds: Double) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}

/// A temporary directory removed when the value is released.
final class TemporaryDirectory: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// A ledger for one test, with what keeps it alive.
struct LedgerFixture {
    let ledger: Ledger
    let clock: ManualDateClock
    let directory: TemporaryDirectory?

    init(_ kind: LedgerKind, budget: BudgetSchedule = BudgetSchedule(base: 1, cap: 8), shortenAttemptLimit: Int = 3) throws {
        let clock = ManualDateClock()
        let configuration = LedgerConfiguration(
            budget: budget, shortenAttemptLimit: shortenAttemptLimit, now: { clock.now })
        self.clock = clock
        switch kind {
        case .inMemory:
            directory = nil
            ledger = try Ledger.inMemory(configuration: configuration)
        case .file:
            let directory = try TemporaryDirectory()
            self.directory = directory
            ledger = try Ledger.open(path: directory.path("ledger.sqlite"), configuration: configuration)
        }
    }

    /// Adds problem `problemID` (if needed) and a formalization whose hash is derived from the statement.
    @discardableResult
    func add(
        _ statement: String, problem problemID: String = "p1", parent: String? = nil, id: String? = nil
    ) throws -> String {
        try ledger.addProblem(LedgerProblem(id: problemID, informal: "Informal \(problemID)", source: "test", tags: ["algebra"]))
        return try ledger.addFormalization(NewFormalization(
            id: id, problemID: problemID, statement: statement, header: "import Mathlib",
            statementHash: "hash:" + statement, parentID: parent, variantOperator: parent == nil ? nil : "generalize",
            source: parent == nil ? .model : .symbolic, provenance: ["model": "test-model"])).id
    }
}

/// A prove attempt with a deterministic key.
func proveAttempt(
    _ formalizationID: String, round: Int = 1, strategy: AttemptStrategy = .automation, tactic: String = "omega",
    level: Int = 0, verdict: AttemptVerdict, proof: String? = nil, kind: AttemptKind = .prove, suffix: String = ""
) -> AttemptRecord {
    AttemptRecord(
        idempotencyKey: "round\(round)/\(formalizationID)/\(kind.rawValue)/\(strategy.rawValue)/\(tactic)\(suffix)",
        formalizationID: formalizationID, round: round, kind: kind, strategy: strategy, tacticOrModel: tactic,
        budgetLevel: level, verdict: verdict, proof: proof ?? (verdict == .accepted ? tactic : nil),
        error: verdict == .accepted ? nil : "unsolved goals", durationMilliseconds: 12.5, promptTokens: 10,
        completionTokens: 20)
}
