import Foundation
import GRDB
@testable import Ledger
import Testing

/// Migrations "v3-round-tokens", "v3-round-kind" and "v3-statement-repairs": tokens per round and role,
/// self-play rounds told from prove passes, statement repair lineage; and the exports built on them.
@Suite struct RoundTokensAndLineageTests {
    private func lines(_ kind: ExportKind, _ ledger: Ledger) throws -> [[String: Any]] {
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent("\(kind.rawValue).jsonl")
        try ledger.export(kind, to: url)
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    /// Issue 10.2: every token a round spends, per role, is stored with the round and summed by the report.
    @Test(arguments: LedgerKind.allCases)
    func tokensAccumulatePerRoundAndRole(kind: LedgerKind) throws {
        let fixture = try LedgerFixture(kind)
        let ledger = fixture.ledger
        let round = try ledger.startRound().number
        try ledger.addRoundTokens(round, role: "formalizer", usage: RoundTokens(promptTokens: 10, completionTokens: 5, requests: 1))
        try ledger.addRoundTokens(round, role: "formalizer", usage: RoundTokens(promptTokens: 70, completionTokens: 35, requests: 7))
        try ledger.addRoundTokens(round, role: "prover", usage: RoundTokens(promptTokens: 120, completionTokens: 60, requests: 2, cacheHits: 1))
        #expect(try ledger.roundTokens(round)["formalizer"] == RoundTokens(promptTokens: 80, completionTokens: 40, requests: 8))
        let summary = try #require(try ledger.roundSummaries().first { $0.round == round })
        #expect(summary.promptTokens == 200 && summary.completionTokens == 100)
        #expect(summary.tokensByRole["prover"]?.cacheHits == 1)
        let exported = try #require(try lines(.roundReport, ledger).first { $0["round"] as? Int == round })
        #expect(exported["tokens_prompt"] as? Int == 200)
        let byRole = try #require(exported["tokens_by_role"] as? [String: [String: Int]])
        #expect(byRole["formalizer"]?["tokens_prompt"] == 80 && byRole["formalizer"]?["requests"] == 8)
        #expect(exported["kind"] as? String == "selfplay")

        #expect(throws: LedgerError.self) { try ledger.addRoundTokens(99, role: "prover", usage: RoundTokens(promptTokens: 1)) }
        #expect(throws: LedgerError.self) { try ledger.addRoundTokens(round, role: "prover", usage: RoundTokens(promptTokens: -1)) }
    }

    /// Issue 10.3: `prove` passes share the numbering but are not self-play rounds.
    @Test(arguments: LedgerKind.allCases)
    func proveRoundsAreNotSelfPlayRounds(kind: LedgerKind) throws {
        let fixture = try LedgerFixture(kind)  // kept to the end: it owns the file or PostgreSQL schema
        let ledger = fixture.ledger
        defer { withExtendedLifetime(fixture) {} }
        let prove = try ledger.startRound(kind: .prove)
        #expect(prove.number == 1 && prove.kind == .prove)
        try ledger.finishRound(1, reportJSON: "{}")
        #expect(try ledger.finishedRoundCount(kind: .selfPlay) == 0)
        #expect(try ledger.finishedRoundCount(kind: .prove) == 1)
        let selfPlay = try ledger.startRound()
        #expect(selfPlay.number == 2 && selfPlay.kind == .selfPlay)
        // A killed self-play round resumed by `prove` becomes a prove pass (and the reverse).
        #expect(try ledger.startRound(kind: .prove) == RoundRecord(number: 2, startedAt: selfPlay.startedAt, finishedAt: nil, reportJSON: nil, kind: .prove))
        #expect(try ledger.startRound(kind: .selfPlay).kind == .selfPlay)
        try ledger.finishRound(2, reportJSON: "{}")
        #expect(try ledger.finishedRoundCount(kind: .selfPlay) == 1)
        #expect(try ledger.rounds().map(\.kind) == [.prove, .selfPlay])
        #expect(try ledger.roundSummaries().map(\.kind) == [.prove, .selfPlay])
    }

    /// A ledger file written by the release with "v2-round-work" opens, migrates, and keeps its data.
    @Test func aVersion2LedgerFileIsMigratedWithItsDataIntact() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("ledger.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try SQLiteLedgerStore.migrator.migrate(queue, upTo: "v2-round-work")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO problems (id, informal, created_at) VALUES ('p', 'Show 1 = 1.', '2026-01-01 00:00:00');
                    INSERT INTO formalizations (id, seq, problem_id, statement, header, statement_hash, source, created_at, updated_at)
                        VALUES ('p/h', 1, 'p', 'theorem t : 1 = 1', '', 'h', 'corpus', '2026-01-01 00:00:00', '2026-01-01 00:00:00');
                    INSERT INTO rounds (number, started_at, finished_at, report) VALUES (1, '2026-01-01 00:00:00', '2026-01-01 00:01:00', '{}');
                    INSERT INTO attempts (idempotency_key, formalization_id, round, kind, strategy, budget_level, verdict,
                        tokens_prompt, tokens_completion, created_at)
                        VALUES ('k', 'p/h', 1, 'prove', 'whole_proof', 1, 'rejected', 12, 3, '2026-01-01 00:00:30');
                    """)
            }
            #expect(try queue.read { db in try SQLiteLedgerStore.migrator.appliedMigrations(db) } == ["v1-initial", "v2-round-work"])
            try queue.close()
        }
        let ledger = try Ledger.open(path: path)
        #expect(try ledger.appliedMigrations() == LedgerSchema.migrationIDs)
        #expect(try ledger.rounds().map(\.kind) == [.selfPlay], "rounds stored before the kind existed count as self-play rounds")
        #expect(try ledger.finishedRoundCount(kind: .selfPlay) == 1)
        let summary = try #require(try ledger.roundSummaries().first { $0.round == 1 })
        #expect(summary.promptTokens == 12 && summary.completionTokens == 3 && summary.tokensByRole.isEmpty,
                "without stored usage the report falls back on the attempts")
        #expect(try ledger.startRound().number == 2)
        try ledger.addRoundTokens(2, role: "prover", usage: RoundTokens(promptTokens: 4, completionTokens: 2, requests: 1))
        #expect(try ledger.repairedFrom("p/h").isEmpty)
        #expect(try ledger.integrityCheck() == ["ok"])
    }

    /// Issue 12.18: an ill-formed statement repaired into one another sample already produced keeps its
    /// text and error, and `export --kind repair` writes the triple, labelled, beside proof repairs.
    @Test(arguments: LedgerKind.allCases)
    func statementRepairLineageIsStoredAndExported(kind: LedgerKind) throws {
        let fixture = try LedgerFixture(kind)
        let ledger = fixture.ledger
        try ledger.addProblem(LedgerProblem(id: "p", informal: "Show that x + 0 = x.", source: "test", tags: []))
        var bad = NewFormalization(problemID: "p", statement: "theorem p (x : ℕ) : x + ILL = x", header: "", statementHash: "bad", source: .model)
        bad.leanError = "unknown identifier 'ILL'"
        var good = NewFormalization(problemID: "p", statement: "theorem p (x : ℕ) : x + 0 = x", header: "", statementHash: "good", source: .model)
        good.repairedFromHashes = ["bad"]
        let insertions = try ledger.addFormalizations([good, bad])
        let stored = try #require(try ledger.formalization(insertions[1].id))
        #expect(stored.status == .illFormed && stored.leanError == "unknown identifier 'ILL'")
        #expect(try ledger.repairedFrom(insertions[0].id).map(\.id) == [insertions[1].id])

        let proved = try fixture.add("theorem a (x : ℕ) (h : x = 2) : x + x = 4")
        let failed = try ledger.recordAttempt(proveAttempt(proved, strategy: .wholeProof, tactic: "m", verdict: .rejected, proof: "simp [h]"))
        var repair = proveAttempt(proved, strategy: .repair, tactic: "m", level: 1, verdict: .accepted, proof: "subst h\n  rfl")
        repair.repairedFromAttemptID = failed.attemptID
        try ledger.recordAttempt(repair)

        let repairs = try lines(.repair, ledger)
        #expect(repairs.map { $0["kind"] as? String } == ["proof_repair", "statement_repair"])
        let statement = repairs[1]
        #expect(statement["ill_formed_statement"] as? String == "theorem p (x : ℕ) : x + ILL = x")
        #expect(statement["error"] as? String == "unknown identifier 'ILL'")
        #expect(statement["repaired_statement"] as? String == "theorem p (x : ℕ) : x + 0 = x")
        #expect(statement["informal"] as? String == "Show that x + 0 = x.")
        #expect(statement["failed_proof"] is NSNull && statement["fixed_proof"] is NSNull && statement["statement"] is NSNull)
        #expect(Set(statement.keys) == Set(repairs[0].keys))

        var orphan = NewFormalization(problemID: "p", statement: "theorem q : True", header: "", statementHash: "q", source: .model)
        orphan.repairedFromHashes = ["missing"]
        #expect(throws: LedgerError.self) { try ledger.addFormalization(orphan) }
        #expect(try ledger.formalization(statementHash: "q") == nil, "nothing of the batch is written")
    }

    /// Issue 10.1: a variant is never paired with its parent's text; only with text its model wrote.
    @Test(arguments: LedgerKind.allCases)
    func pairsJoinAStatementOnlyWithTextThatStatesIt(kind: LedgerKind) throws {
        let fixture = try LedgerFixture(kind)
        let ledger = fixture.ledger
        try ledger.addProblem(LedgerProblem(id: "add_zero", informal: "Show that for every natural number n, n + 0 = n.", source: "test", tags: []))
        let parent = try ledger.addFormalization(NewFormalization(
            problemID: "add_zero", statement: "theorem add_zero' (n : Nat) : n + 0 = n", header: "", statementHash: "parent",
            source: .corpus)).id
        try ledger.addFormalization(NewFormalization(
            problemID: "add_zero", statement: "theorem add_zero'_v (n : Nat) : n + 1 = n", header: "", statementHash: "symbolic",
            parentID: parent, variantOperator: "perturb_constant", source: .symbolic))
        try ledger.addFormalization(NewFormalization(
            problemID: "add_zero", statement: "theorem add_zero'_m (n : Nat) : 0 + n = n", header: "", statementHash: "model",
            parentID: parent, variantOperator: "variants/special_case", source: .model,
            provenance: [NewFormalization.informalKey: "Zero plus any natural number n is n.", NewFormalization.informalSourceKey: "model"]))
        try ledger.addFormalization(NewFormalization(
            problemID: "add_zero", statement: "theorem add_zero'_n (n : Nat) : n * 1 = n", header: "", statementHash: "model-no-text",
            parentID: parent, variantOperator: "variants/special_case", source: .model))
        let pairs = try lines(.pairs, ledger)
        #expect(pairs.map { $0["pair_kind"] as? String } == ["corpus_statement", "model_variant"])
        #expect(!pairs.contains { ($0["formal_statement"] as? String)?.contains("n + 1 = n") == true })
        #expect(pairs[0]["informal"] as? String == "Show that for every natural number n, n + 0 = n.")
        #expect(pairs[1]["informal"] as? String == "Zero plus any natural number n is n.")
        #expect(pairs[1]["informal_source"] as? String == "model" && pairs[0]["informal_source"] as? String == "problem")
    }
}
