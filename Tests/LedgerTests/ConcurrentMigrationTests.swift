import Foundation
import GRDB
@testable import Ledger
import Synchronization
import Testing

/// Peers started together on one SQLite file all open it at once: each migrates, and only one may apply a
/// migration — the others must see it applied, not fail on "table already exists" or "duplicate column".
@Suite struct ConcurrentMigrationTests {
    /// Opens `path` from `count` threads (as `count` processes do) released at the same moment; the
    /// errors they got.
    static func openTogether(_ path: String, count: Int) -> [String] {
        let start = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        let errors = Mutex<[String]>([])
        for _ in 0..<count {
            done.enter()
            Thread.detachNewThread {
                start.wait()
                do { _ = try Ledger.open(path: path) } catch { errors.withLock { $0.append("\(error)") } }
                done.leave()
            }
        }
        for _ in 0..<count { start.signal() }
        done.wait()
        return errors.withLock { $0 }
    }

    @Test func peersOpeningANewFileTogetherAllSucceed() throws {
        for _ in 0..<10 {
            let directory = try TemporaryDirectory()
            let path = directory.path("ledger.sqlite")
            #expect(Self.openTogether(path, count: 6) == [])
            #expect(try Ledger.open(path: path).appliedMigrations() == LedgerSchema.migrationIDs)
        }
    }

    @Test func peersUpgradingAnOlderFileTogetherAllSucceed() throws {
        for _ in 0..<10 {
            let directory = try TemporaryDirectory()
            let path = directory.path("ledger.sqlite")
            // A ledger written before the last migration.
            let pool = try DatabasePool(path: path)
            var migrator = DatabaseMigrator()
            for migration in LedgerSchema.migrations.dropLast() {
                let sql = migration.sql(for: .sqlite)
                migrator.registerMigration(migration.id) { db in try db.execute(sql: sql) }
            }
            try migrator.migrate(pool)
            try pool.close()
            #expect(Self.openTogether(path, count: 6) == [])
            #expect(try Ledger.open(path: path).appliedMigrations() == LedgerSchema.migrationIDs)
        }
    }
}
