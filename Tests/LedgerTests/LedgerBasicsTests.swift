import Foundation
@testable import Ledger
import Testing

@Suite struct LedgerBasicsTests {
    @Test(arguments: LedgerKind.allCases)
    func migratesAtOpenWithStringIDs(kind: LedgerKind) throws {
        let fixture = try LedgerFixture(kind)
        #expect(try fixture.ledger.appliedMigrations() == LedgerSchema.migrationIDs)
        #expect(try fixture.ledger.integrityCheck() == ["ok"])
    }

    @Test(arguments: LedgerKind.allCases)
    func addFormalizationDeduplicatesByStatementHash(kind: LedgerKind) throws {
        let fixture = try LedgerFixture(kind)
        let first = try fixture.add("theorem a : 1 + 1 = 2")
        let again = try fixture.ledger.addFormalization(NewFormalization(
            id: "other-id", problemID: "p1", statement: "theorem b : 1 + 1 = 2", header: "import Mathlib",
            statementHash: "hash:theorem a : 1 + 1 = 2", source: .model))
        #expect(again == FormalizationInsertion(id: first, inserted: false))
        #expect(try fixture.ledger.formalizations(problemID: "p1").map(\.id) == [first])
        let stored = try #require(try fixture.ledger.formalization(first))
        #expect(stored.status == .open)
        #expect(stored.provenance == ["model": "test-model"])
        #expect(stored.createdAt == fixture.clock.now)
    }
}
