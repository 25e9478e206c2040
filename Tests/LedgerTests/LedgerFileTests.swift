import Foundation
import GRDB
@testable import Ledger
import Testing

@Suite struct LedgerFileTests {
    @Test func dataSurvivesReopening() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("ledger.sqlite")
        let id: String
        do {
            let fixture = try Ledger.open(path: path)
            try fixture.addProblem(LedgerProblem(id: "p", informal: "Show 1 = 1.", tags: ["x"]))
            id = try fixture.addFormalization(NewFormalization(
                problemID: "p", statement: "theorem t : 1 = 1", header: "", statementHash: "h", source: .corpus)).id
            try fixture.recordAttempt(proveAttempt(id, verdict: .accepted, proof: "rfl"))
        }
        let reopened = try Ledger.open(path: path)
        #expect(try reopened.appliedMigrations() == LedgerSchema.migrationIDs)
        #expect(try reopened.formalization(id)?.bestProof == "rfl")
        #expect(try reopened.problem("p")?.tags == ["x"])
        #expect(id == "p/h")
    }

    @Test func aFileThatIsNotALedgerFailsToOpenWithItsPath() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("notes.sqlite")
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: LedgerError.self) { try Ledger.open(path: path) }
        #expect(error?.code == .notALedger)
        #expect(error?.context == path)
        // Left untouched: no journal beside it, the same bytes.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["notes.sqlite"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(repeating: 0x41, count: 8192))
        // An empty file is an empty SQLite database: a new ledger.
        let empty = directory.path("empty.sqlite")
        FileManager.default.createFile(atPath: empty, contents: Data())
        #expect(try Ledger.open(path: empty).appliedMigrations() == LedgerSchema.migrationIDs)

        // A folder is no ledger either (and SQLite is never asked to open it).
        let folder = #expect(throws: LedgerError.self) { try Ledger.open(path: directory.url.path) }
        #expect(folder?.code == .notALedger)

        let missingDirectory = directory.path("missing/ledger.sqlite")
        let missing = #expect(throws: LedgerError.self) { try Ledger.open(path: missingDirectory) }
        #expect(missing?.code == .openFailed)
    }

    @Test func aLedgerFromANewerLeanPlayIsRefused() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("ledger.sqlite")
        do {
            let ledger = try Ledger.open(path: path)
            try ledger.sqliteWriter.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-future')")
            }
        }
        let error = #expect(throws: LedgerError.self) { try Ledger.open(path: path) }
        #expect(error?.code == .newerSchema)
    }

    @Test func aCorruptRowIsATypedErrorNotACrash() throws {
        let fixture = try LedgerFixture(.inMemory)
        let id = try fixture.add("theorem t : True")
        try fixture.ledger.sqliteWriter.write { db in
            try db.execute(sql: "UPDATE formalizations SET flags = '[\"easy\", 3' WHERE id = ?", arguments: [id])
        }
        let error = #expect(throws: LedgerError.self) { try fixture.ledger.formalization(id) }
        #expect(error?.code == .corruptRow)
        #expect(error?.context == id)
        let queueError = #expect(throws: LedgerError.self) { try fixture.ledger.nextWork(limit: 1) }
        #expect(queueError?.code == .corruptRow)
    }

    @Test func twoLedgersOnOneFileSeeEachOthersWrites() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("ledger.sqlite")
        let writer = try Ledger.open(path: path)
        let reader = try Ledger.open(path: path)
        try writer.addProblem(LedgerProblem(id: "p", informal: "x"))
        #expect(try reader.problems().map(\.id) == ["p"])
    }
}
