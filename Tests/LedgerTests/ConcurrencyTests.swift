import Foundation
import Ledger
import Testing

@Suite struct ConcurrencyTests {
    /// Workers that overlap on half their keys (as two resumed runs would) record each key once.
    @Test(arguments: LedgerKind.allCases)
    func concurrentWritersWithOverlappingKeysCountEachAttemptOnce(kind: LedgerKind) async throws {
        let fixture = try LedgerFixture(kind, budget: BudgetSchedule(base: 1, cap: 1024))
        let id = try fixture.add("theorem t (x : ℕ) : x * 0 = 0")
        let ledger = fixture.ledger
        let inserted = try await withThrowingTaskGroup(of: Int.self) { group in
            for worker in 0..<4 {
                group.addTask {
                    var count = 0
                    for index in 0..<40 {
                        let key = (worker * 20 + index) % 100  // workers overlap on 20 keys each
                        let record = proveAttempt(id, tactic: "t\(key)", level: key / 10, verdict: .rejected)
                        if try ledger.recordAttempt(record).inserted { count += 1 }
                    }
                    return count
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(inserted == 100)
        #expect(try ledger.attempts(for: id).count == 100)
        let stored = try #require(try ledger.formalization(id))
        #expect(stored.attemptCount == 100)
        #expect(stored.budgetLevel == 10)
    }

    /// The same with every worker a peer of its own (its own `Ledger`, so its own SQLite connection pool or
    /// PostgreSQL connection): PostgreSQL aborts conflicting SERIALIZABLE writes and the store runs them
    /// again, so each key is still recorded once and every count holds.
    @Test(arguments: LedgerKind.allCases.filter { $0 != .inMemory })
    func peersWithTheirOwnConnectionsCountEachAttemptOnce(kind: LedgerKind) async throws {
        let configuration = LedgerConfiguration(budget: BudgetSchedule(base: 1, cap: 1024))
        let fixture = try LedgerFixture(kind, budget: configuration.budget)
        let id = try fixture.add("theorem t (x : ℕ) : x * 0 = 0")
        let schemaURL = fixture.keepAlive.compactMap { ($0 as? PostgresTestSchema)?.url }.first
        let location: LedgerLocation = switch kind {
        case .postgres: .postgres(try #require(schemaURL))
        default: .file(try #require(fixture.directory).path("ledger.sqlite"))
        }
        let peers = try (0..<4).map { _ in try Ledger.open(location: location, configuration: configuration) }
        let inserted = try await withThrowingTaskGroup(of: Int.self) { group in
            for (worker, ledger) in peers.enumerated() {
                group.addTask {
                    var count = 0
                    for index in 0..<40 {
                        let key = (worker * 20 + index) % 100
                        let record = proveAttempt(id, tactic: "t\(key)", level: key / 10, verdict: .rejected)
                        if try ledger.recordAttempt(record).inserted { count += 1 }
                    }
                    return count
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(inserted == 100)
        #expect(try fixture.ledger.attempts(for: id).count == 100)
        let stored = try #require(try fixture.ledger.formalization(id))
        #expect(stored.attemptCount == 100)
        #expect(stored.budgetLevel == 10)
    }
}
