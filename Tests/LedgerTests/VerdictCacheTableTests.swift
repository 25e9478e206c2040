import Foundation
@testable import Ledger
import Testing

/// The ledger's verdict cache (migration v4-verdict-cache): final verdicts only, first store wins.
@Suite("Ledger verdict cache")
struct VerdictCacheTableTests {
    @Test func storesFinalVerdictsAndCountsHits() throws {
        let ledger = try Ledger.inMemory()
        #expect(try ledger.appliedMigrations().contains("v4-verdict-cache"))
        #expect(try ledger.cachedVerdict(digest: "d1") == nil)
        try ledger.storeVerdict(digest: "d1", CachedVerdictRow(key: "{\"k\":1}", status: "rejected", verdict: "{\"v\":1}"))
        try ledger.storeVerdict(digest: "d1", CachedVerdictRow(key: "{\"k\":2}", status: "accepted", verdict: "{\"v\":2}"))
        let row = try #require(try ledger.cachedVerdict(digest: "d1"))
        #expect(row.key == "{\"k\":1}" && row.status == "rejected" && row.hits == 1)
        #expect(try ledger.cachedVerdict(digest: "d1")?.hits == 2)
        #expect(try ledger.cachedVerdictCount() == 1)
    }

    @Test func timeoutsAndCrashesAreRefused() throws {
        let ledger = try Ledger.inMemory()
        for status in ["timeout", "crashed"] {
            #expect(throws: LedgerError.self) {
                try ledger.storeVerdict(digest: status, CachedVerdictRow(key: "k", status: status, verdict: "{}"))
            }
        }
        #expect(try ledger.cachedVerdictCount() == 0)
    }
}
