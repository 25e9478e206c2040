import Foundation
import GRDB
@testable import Ledger
import Testing

@Suite struct RoundWorkTests {
    @Test(arguments: LedgerKind.allCases)
    func aRoundsWorkListIsStoredOnceAndReadBackInOrder(kind: LedgerKind) throws {
        let fixture = try LedgerFixture(kind)
        let ids = try (0..<5).map { try fixture.add("theorem t\($0) : \($0) = \($0)") }
        let round = try fixture.ledger.startRound().number
        #expect(try fixture.ledger.roundWork(round) == nil, "nothing stored yet")

        let computed = try fixture.ledger.roundWork(round, limit: 3)
        #expect(computed.map(\.formalizationID) == Array(ids.prefix(3)))
        #expect(try fixture.ledger.roundWork(round) == computed)

        // Work moves the items in the queue: t0 is proved (now "shorten" work), t1 failed (level 1).
        try fixture.ledger.recordAttempt(proveAttempt(ids[0], verdict: .accepted, proof: "rfl"))
        try fixture.ledger.recordAttempt(proveAttempt(ids[1], verdict: .rejected))
        #expect(try fixture.ledger.nextWork(limit: 3).map(\.formalizationID) == [ids[2], ids[1], ids[3]], "levels take turns")

        // A resumed round gets the first list back, with its original reasons and budget levels.
        let resumed = try fixture.ledger.roundWork(round, limit: 3)
        #expect(resumed == computed)
        #expect(resumed.map(\.reason) == [.open, .open, .open])
        #expect(resumed.map(\.budgetLevel) == [0, 0, 0])
        #expect(try fixture.ledger.roundWork(round, limit: 5) == computed, "the stored list wins over a new limit")

        // Storing again for the same round is a no-op that returns the stored list.
        let other = try fixture.ledger.nextWork(limit: 2)
        #expect(try fixture.ledger.storeRoundWork(round, items: other) == computed)
        #expect(try fixture.ledger.roundWork(round) == computed)
    }

    @Test(arguments: LedgerKind.allCases)
    func storedItemsKeepTheirReasonAndLevelButShowTheCurrentStatement(kind: LedgerKind) throws {
        let fixture = try LedgerFixture(kind)
        let open = try fixture.add("theorem a : 1 = 1")
        let proved = try fixture.add("theorem b : 2 = 2")
        try fixture.ledger.recordAttempt(proveAttempt(proved, verdict: .accepted, proof: "rfl"))
        try fixture.ledger.recordAttempt(proveAttempt(open, verdict: .rejected))
        let round = try fixture.ledger.startRound().number
        let items = [
            QueueItem(formalizationID: open, statement: "stale", header: "stale", budgetLevel: 1, reason: .open, flags: [.easy]),
            QueueItem(formalizationID: proved, statement: "stale", header: "stale", budgetLevel: 0, reason: .shorten,
                      bestProofLength: 3),
        ]
        try fixture.ledger.storeRoundWork(round, items: items)
        let stored = try #require(try fixture.ledger.roundWork(round))
        #expect(stored.map(\.formalizationID) == [open, proved])
        #expect(stored.map(\.statement) == ["theorem a : 1 = 1", "theorem b : 2 = 2"])
        #expect(stored.map(\.header) == ["import Mathlib", "import Mathlib"])
        #expect(stored.map(\.reason) == [.open, .shorten])
        #expect(stored.map(\.budgetLevel) == [1, 0])
        #expect(stored[0].flags == [.easy] && stored[1].bestProofLength == 3)

        let attempts = try fixture.ledger.attempts(for: open, round: 1)
        #expect(attempts.map(\.record.idempotencyKey) == [proveAttempt(open, verdict: .rejected).idempotencyKey])
        #expect(try fixture.ledger.attempts(for: open, round: 2).isEmpty)
    }

    @Test(arguments: LedgerKind.allCases)
    func anEmptyListIsStoredAndBadInputIsRefused(kind: LedgerKind) throws {
        let fixture = try LedgerFixture(kind)
        let missingRound = #expect(throws: LedgerError.self) { try fixture.ledger.roundWork(1, limit: 4) }
        #expect(missingRound?.code == .unknownRound)
        let round = try fixture.ledger.startRound().number
        #expect(try fixture.ledger.roundWork(round, limit: 4) == [], "an empty queue")
        #expect(try fixture.ledger.roundWork(round) == [], "stored as empty, not missing")
        _ = try fixture.add("theorem late : 1 = 1")
        #expect(try fixture.ledger.roundWork(round, limit: 4) == [], "the stored empty list stays")

        let next = try fixture.ledger.startRound()
        #expect(next.number == round, "the round is not finished")
        try fixture.ledger.finishRound(round, reportJSON: "{}")
        let second = try fixture.ledger.startRound().number
        let unknown = #expect(throws: LedgerError.self) {
            try fixture.ledger.storeRoundWork(second, items: [
                QueueItem(formalizationID: "nope", statement: "", header: "", budgetLevel: 0, reason: .open),
            ])
        }
        #expect(unknown?.code == .unknownFormalization)
        #expect(try fixture.ledger.roundWork(second) == nil, "a refused store leaves nothing behind")
    }

    @Test func aVersion1LedgerFileIsMigratedAtOpenWithItsDataIntact() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("ledger.sqlite")
        do {
            // A ledger file as the first release wrote it: only "v1-initial" applied.
            let queue = try DatabaseQueue(path: path)
            try SQLiteLedgerStore.migrator.migrate(queue, upTo: "v1-initial")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO problems (id, informal, created_at) VALUES ('p', 'Show 1 = 1.', '2026-01-01 00:00:00');
                    INSERT INTO formalizations (id, seq, problem_id, statement, header, statement_hash, source, created_at, updated_at)
                        VALUES ('p/h', 1, 'p', 'theorem t : 1 = 1', '', 'h', 'corpus', '2026-01-01 00:00:00', '2026-01-01 00:00:00');
                    INSERT INTO rounds (number, started_at) VALUES (1, '2026-01-01 00:00:00');
                    """)
            }
            #expect(try queue.read { db in try SQLiteLedgerStore.migrator.appliedMigrations(db) } == ["v1-initial"])
            try queue.close()
        }
        do {
            let ledger = try Ledger.open(path: path)
            #expect(try ledger.appliedMigrations() == LedgerSchema.migrationIDs)
            #expect(try ledger.formalization("p/h")?.statement == "theorem t : 1 = 1")
            #expect(try ledger.latestRound()?.number == 1)
            #expect(try ledger.roundWork(1) == nil, "a round started before the upgrade has no stored list")
            #expect(try ledger.roundWork(1, limit: 4).map(\.formalizationID) == ["p/h"])
            #expect(try ledger.integrityCheck() == ["ok"])
        }
        let reopened = try Ledger.open(path: path)
        #expect(try reopened.appliedMigrations() == LedgerSchema.migrationIDs)
        #expect(try reopened.roundWork(1)?.map(\.formalizationID) == ["p/h"])
    }
}
