import Foundation
import Ledger
import Synchronization
import Testing

/// The ledger implementations every shared test body runs against: SQLite in memory, an SQLite file, and
/// PostgreSQL (a fresh schema of the `LEANPLAY_TEST_POSTGRES_URL` server, see ``TestPostgres``).
enum LedgerKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case inMemory
    case file
    case postgres

    /// Every kind, PostgreSQL only when its server is configured or under `CI=true` (where an unset
    /// server fails the PostgreSQL variants instead of skipping them).
    static var allCases: [LedgerKind] {
        TestPostgres.shouldRun ? [.inMemory, .file, .postgres] : [.inMemory, .file]
    }

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
    /// A temporary directory (file ledgers keep their file there; tests write exports there); `nil` for
    /// in-memory ledgers.
    let directory: TemporaryDirectory?
    /// What must outlive the ledger (a PostgreSQL test schema, dropped when released).
    let keepAlive: [AnyObject]

    /// - Throws: the ledger's error, or ``PostgresUnavailable`` when `kind` is PostgreSQL and no server is
    ///   configured (PostgreSQL is only in ``LedgerKind/allCases`` when one is, or under CI).
    init(_ kind: LedgerKind, budget: BudgetSchedule = BudgetSchedule(base: 1, cap: 8), shortenAttemptLimit: Int = 3) throws {
        let clock = ManualDateClock()
        let configuration = LedgerConfiguration(
            budget: budget, shortenAttemptLimit: shortenAttemptLimit, now: { clock.now })
        self.clock = clock
        var keepAlive: [AnyObject] = []
        guard let ledger = try makeLedger(kind, configuration: configuration, keepAlive: &keepAlive) else {
            throw PostgresUnavailable()
        }
        self.ledger = ledger
        switch kind {
        case .inMemory: directory = nil
        case .file: directory = keepAlive.first as? TemporaryDirectory
        case .postgres: directory = try TemporaryDirectory()
        }
        self.keepAlive = keepAlive
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

/// A PostgreSQL variant ran without `LEANPLAY_TEST_POSTGRES_URL` (only under `CI=true`).
struct PostgresUnavailable: Error, CustomStringConvertible {
    var description: String { "no PostgreSQL test server: run eval \"$(Scripts/start-postgres)\" first" }
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
