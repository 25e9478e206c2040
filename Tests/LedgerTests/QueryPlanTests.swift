import GRDB
@testable import Ledger
import Testing

/// The queue must stay fast at a million formalizations: both queries must walk their partial index in
/// order, with no full scan and no temporary sort.
@Suite struct QueryPlanTests {
    @Test(arguments: [
        ("level", QueueSQL.nextOpenLevel, "formalizations_open_queue"),
        ("open", QueueSQL.openAtLevel, "formalizations_open_queue"),
        ("shorten", QueueSQL.shorten + " LIMIT 10", "formalizations_shorten_queue"),
    ])
    func queueQueriesUseTheirPartialIndex(name: String, sql: String, index: String) throws {
        let ledger = try Ledger.inMemory()
        let arguments: StatementArguments = switch name {
        case "level": [-1]
        case "open": [0, 10]
        default: [8]
        }
        let plan = try ledger.sqliteWriter.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments)
                .map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("USING INDEX \(index)") }, "plan: \(plan)")
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "plan: \(plan)")
    }

    @Test func aRoundsAttemptsOnAFormalizationUseTheRoundIndex() throws {
        let ledger = try Ledger.inMemory()
        let plan = try ledger.sqliteWriter.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + RoundWorkSQL.attemptsInRound, arguments: [1, "f"])
                .map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("USING INDEX attempts_round_formalization") }, "plan: \(plan)")
    }
}
