import Foundation
import Ledger
import Testing

@Suite struct ExportTests {
    /// A ledger with a proof, a shorter proof, a repair, a step-wise proof, a vacuous proof, a disproof.
    private func populatedFixture(_ kind: LedgerKind) throws -> (LedgerFixture, [String: String]) {
        let fixture = try LedgerFixture(kind)
        let ledger = fixture.ledger
        let proved = try fixture.add("theorem a (x : ℕ) (h : x = 2) : x + x = 4")
        let stepwise = try fixture.add("theorem s (p q : Prop) (hp : p) (hq : q) : p ∧ q", problem: "p2")
        let vacuous = try fixture.add("theorem v (x : ℕ) (h : x < 0) : x = 7", problem: "p2")
        let disproved = try fixture.add("theorem d (x : ℕ) : x > x", problem: "p3")
        let open = try fixture.add("theorem o : 1 = 1", parent: proved)

        let failed = try ledger.recordAttempt(proveAttempt(proved, strategy: .wholeProof, tactic: "m", verdict: .rejected, proof: "simp [h]"))
        var repair = proveAttempt(proved, strategy: .repair, tactic: "m", level: 1, verdict: .accepted, proof: "subst h\n  rfl")
        repair.repairedFromAttemptID = failed.attemptID
        try ledger.recordAttempt(repair)
        try ledger.recordAttempt(proveAttempt(proved, round: 2, tactic: "omega", level: 1, verdict: .accepted, kind: .shorten))
        var search = proveAttempt(stepwise, strategy: .search, tactic: "search", verdict: .accepted, proof: "constructor\n· exact hp\n· exact hq")
        search.steps = [
            ProofStep(state: "p q : Prop\nhp : p\nhq : q\n⊢ p ∧ q", tactic: "constructor"),
            ProofStep(state: "case left\n⊢ p", tactic: "exact hp"),
        ]
        try ledger.recordAttempt(search)
        try ledger.recordAttempt(proveAttempt(vacuous, verdict: .accepted, proof: "omega"))
        try ledger.recordAttempt(AttemptRecord(
            idempotencyKey: "round1/\(vacuous)/vacuity", formalizationID: vacuous, round: 1, kind: .vacuity,
            strategy: .automation, budgetLevel: 0, verdict: .accepted, proof: "omega"))
        try ledger.recordAttempt(proveAttempt(disproved, verdict: .accepted, proof: "simp", kind: .disprove))
        return (fixture, ["proved": proved, "stepwise": stepwise, "vacuous": vacuous, "disproved": disproved, "open": open])
    }

    private func export(_ kind: ExportKind, _ ledger: Ledger, options: ExportOptions = ExportOptions()) throws -> [[String: Any]] {
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent("\(kind.rawValue).jsonl")
        let count = try ledger.export(kind, to: url, options: options)
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "")  // every line ends with LF
        let objects = try lines.dropLast().map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        #expect(objects.count == count)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["\(kind.rawValue).jsonl"])
        return objects
    }

    @Test(arguments: LedgerKind.allCases)
    func sftLinesHaveMessagesAndSkipFlaggedStatements(kind: LedgerKind) throws {
        let (fixture, ids) = try populatedFixture(kind)
        let lines = try export(.sft, fixture.ledger)
        #expect(lines.count == 3)  // two distinct proofs of `a`, one of `s`; the vacuous one is left out
        for line in lines {
            #expect(Set(line.keys) == ["messages", "formalization_id", "problem_id", "header", "proof_length"])
        }
        let first = try #require(lines.first)
        let messages = try #require(first["messages"] as? [[String: String]])
        #expect(messages.map { $0["role"] } == ["system", "user", "assistant"])
        #expect(messages[0]["content"] == ExportOptions.defaultSystemPrompt)
        #expect(messages[1]["content"] == "theorem a (x : ℕ) (h : x = 2) : x + x = 4")
        #expect(messages[2]["content"] == "subst h\n  rfl")
        #expect(first["formalization_id"] as? String == ids["proved"])
        #expect(first["header"] as? String == "import Mathlib")

        let best = try export(.sft, fixture.ledger, options: ExportOptions(proofSelection: .best, excludedFlags: []))
        #expect(best.compactMap { ($0["messages"] as? [[String: String]])?.last?["content"] } == ["omega", "constructor\n· exact hp\n· exact hq", "omega"])
    }

    @Test(arguments: LedgerKind.allCases)
    func repairPairsAndStepsHaveExactKeys(kind: LedgerKind) throws {
        let (fixture, ids) = try populatedFixture(kind)
        let repairs = try export(.repair, fixture.ledger)
        #expect(repairs.count == 1)
        #expect(Set(repairs[0].keys) == [
            "kind", "problem_id", "statement", "failed_proof", "error", "fixed_proof", "informal", "ill_formed_statement",
            "repaired_statement",
        ])
        #expect(repairs[0]["kind"] as? String == "proof_repair")
        #expect(repairs[0]["ill_formed_statement"] is NSNull && repairs[0]["repaired_statement"] is NSNull)
        #expect(repairs[0]["failed_proof"] as? String == "simp [h]")
        #expect(repairs[0]["error"] as? String == "unsolved goals")
        #expect(repairs[0]["fixed_proof"] as? String == "subst h\n  rfl")

        let pairs = try export(.pairs, fixture.ledger)
        #expect(pairs.count == 4, "the symbolic variant has no text that states it")
        for pair in pairs {
            #expect(Set(pair.keys) == ["problem_id", "formalization_id", "informal", "formal_statement", "status", "pair_kind", "informal_source"])
            #expect(pair["pair_kind"] as? String == "autoformalization" && pair["informal_source"] as? String == "problem")
        }
        #expect(pairs.map { $0["status"] as? String } == ["proved", "proved", "proved", "disproved"])
        #expect(pairs[3]["informal"] as? String == "Informal p3")
        #expect(!pairs.contains { $0["formalization_id"] as? String == ids["open"] })

        let steps = try export(.steps, fixture.ledger)
        #expect(steps.count == 2)
        #expect(Set(steps[0].keys) == ["state", "tactic", "formalization_id"])
        #expect(steps.map { $0["tactic"] as? String } == ["constructor", "exact hp"])
        #expect(steps[0]["formalization_id"] as? String == ids["stepwise"])
    }

    @Test(arguments: LedgerKind.allCases)
    func curriculumAndReportsFollowTheLedger(kind: LedgerKind) throws {
        let (fixture, ids) = try populatedFixture(kind)
        let curriculum = try export(.curriculum, fixture.ledger)
        let queue = try fixture.ledger.nextWork(limit: 100)
        #expect(curriculum.map { $0["formalization_id"] as? String } == queue.map(\.formalizationID))
        #expect(curriculum.map { $0["priority_reason"] as? String } == queue.map(\.reason.rawValue))
        #expect(curriculum.first?["formalization_id"] as? String == ids["open"])
        for line in curriculum {
            #expect(Set(line.keys) == ["formalization_id", "statement", "budget_level", "priority_reason"])
        }
        #expect(!curriculum.contains { $0["formalization_id"] as? String == ids["disproved"] })

        let report = try export(.formalizationReport, fixture.ledger)
        #expect(report.count == 5)
        for row in report {
            #expect(Set(row.keys) == [
                "formalization_id", "problem_id", "statement", "status", "flags", "best_proof_length", "attempts", "budget_level",
                "tokens_prompt", "tokens_completion",
            ])
        }
        let vacuousRow = try #require(report.first { $0["formalization_id"] as? String == ids["vacuous"] })
        #expect(vacuousRow["flags"] as? [String] == ["easy", "vacuous"])
        let openRow = try #require(report.first { $0["formalization_id"] as? String == ids["open"] })
        #expect(openRow["best_proof_length"] is NSNull)

        let rounds = try export(.roundReport, fixture.ledger)
        #expect(rounds.map { $0["round"] as? Int } == [0, 1, 2])
        #expect(rounds[1]["attempts"] as? Int == 6)
        #expect(rounds[0]["started_at"] is NSNull)
    }

    @Test func exportToAFileHandleAndAnUnwritablePlace() throws {
        let (fixture, _) = try populatedFixture(.inMemory)
        let directory = try TemporaryDirectory()
        let path = directory.path("pairs.jsonl")
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        #expect(try fixture.ledger.export(.pairs, to: handle) == 4)
        try handle.close()
        #expect(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count == 4)

        let missing = directory.url.appendingPathComponent("no/such/dir/out.jsonl")
        let error = #expect(throws: LedgerError.self) { try fixture.ledger.export(.pairs, to: missing) }
        #expect(error?.code == .exportFailed)
        #expect(error?.context == missing.path)
    }
}
