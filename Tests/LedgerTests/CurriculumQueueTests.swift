import Foundation
import Ledger
import Testing

@Suite struct CurriculumQueueTests {
    @Test(arguments: LedgerKind.allCases)
    func openItemsByBudgetThenFrontierThenCreationOrder(kind: LedgerKind) throws {
        let fixture = try LedgerFixture(kind)
        let first = try fixture.add("theorem first : True")
        let hard = try fixture.add("theorem hard : 2 + 2 = 4")
        let root = try fixture.add("theorem root (x : ℕ) : x ≤ x + 1")
        let variantA = try fixture.add("theorem va (x : ℕ) : x ≤ x + 2", parent: root)
        let variantB = try fixture.add("theorem vb (x : ℕ) : x ≤ x + 3", parent: root)
        let variantC = try fixture.add("theorem vc (x : ℕ) : x < x + 1", parent: root)
        #expect(try fixture.ledger.nextWork(limit: 10).map(\.formalizationID) == [first, hard, root, variantA, variantB, variantC])

        // hard fails once: it moves to level 1 and takes its turn right after the best level-0 item.
        try fixture.ledger.recordAttempt(proveAttempt(hard, verdict: .rejected))
        // variantB is proved: root (its parent) and variantA, variantC (its siblings) are now closer to the frontier.
        try fixture.ledger.recordAttempt(proveAttempt(variantB, verdict: .accepted, proof: "omega"))
        let queue = try fixture.ledger.nextWork(limit: 10)
        #expect(queue.map(\.formalizationID) == [root, hard, variantA, variantC, first, variantB])
        #expect(queue.map(\.reason) == [.open, .open, .open, .open, .open, .shorten])
        #expect(queue[1].budgetLevel == 1)
        #expect(queue[5].bestProofLength == 5)
        #expect(try fixture.ledger.formalization(root)?.relatedProvedCount == 1)
        #expect(try fixture.ledger.formalization(first)?.relatedProvedCount == 0)

        // A new child of root starts with root's proved children counted.
        let variantD = try fixture.add("theorem vd (x : ℕ) : x ≤ x + 4", parent: root)
        #expect(try fixture.ledger.formalization(variantD)?.relatedProvedCount == 1)
        // Proving the parent bumps every child.
        try fixture.ledger.recordAttempt(proveAttempt(root, verdict: .accepted, proof: "omega"))
        #expect(try fixture.ledger.formalization(variantA)?.relatedProvedCount == 2)
        #expect(try fixture.ledger.formalization(variantD)?.relatedProvedCount == 2)
        #expect(try fixture.ledger.nextWork(limit: 2).map(\.formalizationID) == [variantA, hard])
    }

    /// Issue 12.15: six statements that failed automation wait at level 1 while a dozen new level-0
    /// variants arrive; a queue limit of 6 must still give level 1 its share, every round.
    @Test(arguments: LedgerKind.allCases)
    func everyBudgetLevelGetsItsShareOfALimitedQueue(kind: LedgerKind) throws {
        let fixture = try LedgerFixture(kind)
        var originals: [String] = []
        for index in 0..<6 {
            let id = try fixture.add("theorem orig\(index) (n : ℕ) : n + \(index) ≥ n", id: "orig\(index)")
            try fixture.ledger.recordAttempt(proveAttempt(id, verdict: .rejected))
            originals.append(id)
        }
        var variants: [String] = []
        for index in 0..<12 {
            variants.append(try fixture.add("theorem var\(index) (n : ℕ) : n + \(index) ≥ n - 1", parent: originals[index % 6], id: "var\(index)"))
        }
        #expect(variants.count == 12)
        let twoLevels = try fixture.ledger.nextWork(limit: 6)
        #expect(twoLevels.map(\.budgetLevel) == [0, 1, 0, 1, 0, 1])
        #expect(Set(twoLevels.filter { $0.budgetLevel == 1 }.map(\.formalizationID)).isSubset(of: Set(originals)))
        // A third level joins the rotation; an odd limit gives the lowest level the extra item.
        try fixture.ledger.recordAttempt(proveAttempt(originals[0], level: 1, verdict: .rejected, suffix: "-l1"))
        #expect(try fixture.ledger.nextWork(limit: 7).map(\.budgetLevel) == [0, 1, 2, 0, 1, 0, 1])
        // A level with fewer items than its share leaves the rest to the others.
        #expect(try fixture.ledger.nextWork(limit: 8).map(\.budgetLevel) == [0, 1, 2, 0, 1, 0, 1, 0])
        // The curriculum export walks the whole queue in the same order.
        let url = fixture.directory?.url.appendingPathComponent("c.jsonl")
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("curriculum-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        try fixture.ledger.export(.curriculum, to: url)
        let exported = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { line in
            (try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["formalization_id"] as? String
        }
        #expect(exported == (try fixture.ledger.nextWork(limit: 100)).map(\.formalizationID))
        #expect(exported.count == 18)
    }

    @Test(arguments: LedgerKind.allCases)
    func disprovedAndIllFormedAreNeverQueued(kind: LedgerKind) throws {
        let fixture = try LedgerFixture(kind)
        let false1 = try fixture.add("theorem f (x : ℕ) : x > x")
        let broken = try fixture.add("theorem b : foo")
        let open = try fixture.add("theorem o : True")
        try fixture.ledger.recordAttempt(proveAttempt(false1, verdict: .accepted, proof: "intro h\nexact absurd h (lt_irrefl _)", kind: .disprove))
        try fixture.ledger.markIllFormed(broken, error: "unknown identifier 'foo'")
        #expect(try fixture.ledger.nextWork(limit: 10).map(\.formalizationID) == [open])

        // A later "accepted proof" never reopens or requeues the disproved statement.
        let late = try fixture.ledger.recordAttempt(proveAttempt(false1, round: 2, verdict: .accepted, proof: "sorry_free"))
        #expect(late.status == .disproved)
        #expect(late.addedFlags == [.contradictory])
        #expect(try fixture.ledger.nextWork(limit: 10).map(\.formalizationID) == [open])
        #expect(try fixture.ledger.statusCounts() == [.disproved: 1, .illFormed: 1, .open: 1])
    }

    @Test(arguments: LedgerKind.allCases)
    func formalizationAddedWithLeanErrorIsIllFormedAtOnce(kind: LedgerKind) throws {
        let fixture = try LedgerFixture(kind)
        try fixture.ledger.addProblem(LedgerProblem(id: "p1", informal: "Informal p1", source: "test", tags: []))
        var new = NewFormalization(problemID: "p1", statement: "theorem b : foo", header: "", statementHash: "hash:b", source: .model)
        new.leanError = "unknown identifier 'foo'"
        let broken = try fixture.ledger.addFormalization(new)
        let open = try fixture.add("theorem o : True")
        let stored = try #require(try fixture.ledger.formalization(broken.id))
        #expect(stored.status == .illFormed && stored.leanError == "unknown identifier 'foo'")
        #expect(try fixture.ledger.nextWork(limit: 10).map(\.formalizationID) == [open])
    }

    @Test(arguments: LedgerKind.allCases)
    func provedComesBackToShortenUntilTheAttemptLimit(kind: LedgerKind) throws {
        let fixture = try LedgerFixture(kind, shortenAttemptLimit: 3)
        let proved = try fixture.add("theorem p (a b : ℝ) : a ^ 2 + b ^ 2 ≥ 2 * a * b")
        let open = try fixture.add("theorem o : True")
        try fixture.ledger.recordAttempt(proveAttempt(proved, strategy: .wholeProof, tactic: "m", verdict: .accepted, proof: "nlinarith [sq_nonneg (a - b), sq_nonneg (a + b)]"))
        #expect(try fixture.ledger.nextWork(limit: 1).map(\.formalizationID) == [open])
        let both = try fixture.ledger.nextWork(limit: 5)
        #expect(both.map(\.reason) == [.open, .shorten])
        for index in 0..<2 {
            try fixture.ledger.recordAttempt(proveAttempt(proved, tactic: "t\(index)", verdict: .rejected, kind: .shorten))
        }
        #expect(try fixture.ledger.formalization(proved)?.attemptCount == 3)
        #expect(try fixture.ledger.nextWork(limit: 5).map(\.formalizationID) == [open])
        #expect(try fixture.ledger.nextWork(limit: 0).isEmpty)
    }
}
