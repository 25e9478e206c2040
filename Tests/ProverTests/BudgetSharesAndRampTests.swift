import Conjecturer
import Foundation
import LeanPlayTestSupport
import LeanVerify
import Ledger
import ModelClient
import ProblemCorpus
@testable import Prover
@testable import SelfPlay
import Synchronization
import Testing

/// Issues 12.15–12.17 and 10.2: every budget level gets its share of a round, every enabled strategy its
/// share of a budget, an empty portfolio moves to the model at once, and every token reaches the ledger.
@Suite("Budget shares, fair ramp and round tokens")
struct BudgetSharesAndRampTests {
    /// Issue 12.17, for every level up to max_budget_level and several configurations.
    @Test(arguments: [0, 1, 2, 5], [1, 2, 6, 10])
    func everyEnabledStrategyHasAShareAtEveryLevelAboveZero(repairRounds: Int, maxLevel: Int) {
        var configuration = ProverConfiguration()
        configuration.schedule.maximumLevel = maxLevel
        configuration.schedule.base.repairRounds = repairRounds
        for level in 1...maxLevel {
            let budget = configuration.schedule.budget(forLevel: level)
            for hasSearch in [true, false] {
                let shares = configuration.proofShares(forLevel: level, hasModel: true, hasSearch: hasSearch)
                #expect(shares.wholeProof > 0, "level \(level): whole-proof sampling starved")
                #expect((shares.repair > 0) == (repairRounds > 0), "level \(level): repair share \(shares.repair)")
                #expect((shares.search > 0) == hasSearch, "level \(level): search share \(shares.search)")
                #expect(shares.wholeProof + shares.repair + shares.search <= budget.modelSamples)
                #expect(shares.checksKeptFromAutomation < budget.leanChecks)
            }
            let disproof = configuration.disproofShares(forLevel: level, hasModel: true)
            #expect(disproof.wholeProof > 0 && (disproof.repair > 0) == (repairRounds > 0) && disproof.search == 0)
            let without = configuration.proofShares(forLevel: level, hasModel: false, hasSearch: true)
            #expect(without.wholeProof == 0 && without.repair == 0 && without.search == 0 && without.searchExpansions > 0)
        }
        let zero = configuration.proofShares(forLevel: 0, hasModel: true, hasSearch: true)
        #expect(zero.enabled.isEmpty && zero.checksKeptFromAutomation == 0, "level 0 is automation only")
    }

    @Test func theStandardLevelOneSplit() {
        let shares = ProverConfiguration().proofShares(forLevel: 1, hasModel: true, hasSearch: true)
        #expect(shares.wholeProof == 2 && shares.repair == 1 && shares.search == 1)
        #expect(ProverConfiguration().disproofShares(forLevel: 1, hasModel: true).wholeProof == 1)
    }

    /// Issue 12.17 as the prover spends it: at budget level 1, with the step-wise search available, the
    /// model is asked for whole proofs (it used to get zero samples while the disproof got two).
    @Test func wholeProofSamplingIsAskedAtLevelOneWithSearchAvailable() async throws {
        try await LoopbackModelServer.withServer(handler: { request in
            .completion(texts: (0..<request.requestedSamples).map { "```lean4\nexact wrong_lemma\($0)\n```" })
        }) { server in
            let verifier = ScriptedVerifier { _, _ in false }
            let stepper = ScriptedStepper(rules: [], sketchGoals: { _ in nil })
            let configuration = ProverConfiguration(portfolio: AutomationPortfolio(tactics: ["rfl"]), concurrency: 1)
            let prover = StatementProver(
                configuration: configuration,
                services: ProverServices(verifier: verifier, model: try ModelProverTests.client(server),
                                         prompts: try PromptLibrary.load(from: SharedFixtures.promptsDirectory),
                                         stepping: stepper, clock: ManualClock()))
            let recorder = InMemoryRecorder()
            _ = try await prover.prove(try Fixtures.target("theorem w (n : Nat) : n ≤ n + 1 := by", level: 1),
                                       budget: configuration.schedule.budget(forLevel: 1), round: 1, recorder: recorder)
            let wholeProof = recorder.recorded.filter { $0.strategy == .wholeProof }
            #expect(wholeProof.count == 2, "the whole-proof share of level 1")
            let first = try #require(server.requests.compactMap(\.chat).first)
            #expect(first.n == 2)
        }
    }

    static func sixStatements() -> [Problem] {
        (0..<6).map { index in
            Problem(id: "pn\(index)", informal: "ProofNet-like statement \(index)",
                    formalStatement: "theorem pn\(index) (a b : Nat) (h : a ≤ b) : a + \(index) ≤ b + \(index) + 1 := by", header: "")
        }
    }

    /// Issue 12.15: six statements, a model, queue limit 6: new level-0 variants arrive every round, yet a
    /// statement that failed automation in round 1 is attempted with model samples in round 2, and every
    /// one of them within a few rounds; the report shows per-level counts.
    @Test func statementsThatFailedAutomationGetModelSamplesInTheNextRounds() async throws {
        try await LoopbackModelServer.withServer(handler: { request in
            .completion(texts: (0..<request.requestedSamples).map { _ in "```lean4\nexact wrong_lemma\n```" })
        }) { server in
            let ledger = try Ledger.inMemory()
            let verifier = ScriptedVerifier { _, _ in false }
            var prover = ProverConfiguration(portfolio: AutomationPortfolio(tactics: ["rfl", "omega"]), concurrency: 1)
            prover.disproofEnabled = false
            let engine = SelfPlayEngine(
                ledger: ledger, corpus: Self.sixStatements(),
                services: ProverServices(verifier: verifier, model: try ModelProverTests.client(server),
                                         prompts: try PromptLibrary.load(from: SharedFixtures.promptsDirectory), clock: ManualClock()),
                validator: verifier,
                configuration: SelfPlayConfiguration(prover: prover, defaultHeader: "", queueLimit: 6, variantsPerTarget: 2, variantTargets: 6))
            let first = try await engine.runRound()
            #expect(first.workedByBudgetLevel == ["0": 6])
            let originals = Set(first.formalizations.map(\.formalizationID))
            func modelAttempted(in round: Int) throws -> Set<String> {
                var ids = Set<String>()
                for id in originals where try ledger.attempts(for: id, round: round).contains(where: { $0.record.strategy == .wholeProof }) {
                    ids.insert(id)
                }
                return ids
            }
            let second = try await engine.runRound()
            #expect(second.newVariants > 0, "level-0 variants compete for the queue")
            #expect(second.workedByBudgetLevel?["1", default: 0] ?? 0 >= 3, "level 1 gets its share: \(second.workedByBudgetLevel ?? [:])")
            #expect(second.workedByBudgetLevel?["0", default: 0] ?? 0 >= 1)
            #expect(try modelAttempted(in: 2).count >= 3)
            #expect((second.tokensByRole?["prover"]?.requests ?? 0) > 0, "the model was asked for proofs")
            var attempted = try modelAttempted(in: 2)
            for round in 3...4 {
                _ = try await engine.runRound()
                attempted.formUnion(try modelAttempted(in: round))
            }
            #expect(attempted == originals, "every statement that failed automation got model samples by round 4")
        }
    }

    /// Issue 12.16: `[search] automation = []` with a model: level 0 moves straight to the model
    /// strategies instead of spending nothing and never leaving level 0.
    @Test func anEmptyPortfolioMovesStraightToTheModel() async throws {
        try await LoopbackModelServer.withServer(handler: { request in
            .completion(texts: (0..<request.requestedSamples).map { _ in "```lean4\nomega\n```" })
        }) { server in
            let ledger = try Ledger.inMemory()
            let verifier = ScriptedVerifier { _, proof in proof == "omega" }
            let engine = SelfPlayEngine(
                ledger: ledger, corpus: Array(Self.sixStatements().prefix(1)),
                services: ProverServices(verifier: verifier, model: try ModelProverTests.client(server),
                                         prompts: try PromptLibrary.load(from: SharedFixtures.promptsDirectory), clock: ManualClock()),
                validator: verifier,
                configuration: SelfPlayConfiguration(
                    prover: ProverConfiguration(portfolio: AutomationPortfolio(tactics: []), concurrency: 1), defaultHeader: "", variantTargets: 0))
            let report = try await engine.runRound()
            #expect(report.proved == 1 && report.worked == 1)
            #expect(report.formalizations.first?.budgetLevel == 1)
            #expect(report.formalizations.first?.modelSamples ?? 0 > 0)
            let stored = try #require(try ledger.formalizations(problemID: "pn0").first)
            #expect(stored.status == .proved && stored.provedAtBudget == 1 && !stored.flags.contains(.easy))
        }
    }

    @Test func anEmptyPortfolioWithoutAModelIsRefusedBeforeAnyWork() async throws {
        let ledger = try Ledger.inMemory()
        let verifier = ScriptedVerifier { _, _ in true }
        let engine = SelfPlayEngine(
            ledger: ledger, corpus: Self.sixStatements(), services: ProverServices(verifier: verifier, clock: ManualClock()),
            validator: verifier,
            configuration: SelfPlayConfiguration(prover: ProverConfiguration(portfolio: AutomationPortfolio(tactics: [])), defaultHeader: ""))
        let error = await #expect(throws: ProverError.self) { try await engine.runRound() }
        #expect(error?.code == .configuration)
        #expect(error?.description.contains("[search] automation") == true)
        #expect(try ledger.latestRound() == nil && verifier.callCount == 0)
    }

    /// Issue 10.2: the tokens a round spends — every role — are stored with the round and match the report.
    @Test func everyTokenOfARoundIsStoredPerRole() async throws {
        try await LoopbackModelServer.withServer(handler: { request in
            .completion(texts: (0..<request.requestedSamples).map { _ in
                "```lean4\ntheorem f (a b : Nat) (h : a ≤ b) : a ≤ b + 1 := by\n  sorry\n```"
            })
        }) { server in
            let ledger = try Ledger.inMemory()
            let verifier = ScriptedVerifier { _, _ in false }
            let engine = SelfPlayEngine(
                ledger: ledger,
                corpus: [Problem(id: "nl", informal: "Show that a ≤ b implies a ≤ b + 1.")] + Array(Self.sixStatements().prefix(1)),
                services: ProverServices(verifier: verifier, model: try ModelProverTests.client(server),
                                         prompts: try PromptLibrary.load(from: SharedFixtures.promptsDirectory), clock: ManualClock()),
                validator: verifier,
                configuration: SelfPlayConfiguration(
                    prover: ProverConfiguration(portfolio: AutomationPortfolio(tactics: ["rfl"]), concurrency: 1), defaultHeader: "",
                    formalizationSamples: 2, variantTargets: 0))
            _ = try await engine.runRound()
            let second = try await engine.runRound()
            let first = try #require(try ledger.roundSummaries().first { $0.round == 1 })
            #expect((first.tokensByRole["formalizer"]?.promptTokens ?? 0) > 0, "the formalizer's tokens reach the ledger")
            #expect(first.promptTokens == first.tokensByRole.values.reduce(0) { $0 + $1.promptTokens })
            let stored = try #require(try ledger.roundSummaries().first { $0.round == 2 })
            #expect((stored.tokensByRole["prover"]?.promptTokens ?? 0) > 0)
            #expect(stored.promptTokens == second.promptTokens && stored.completionTokens == second.completionTokens)
            #expect(second.tokensByRole == stored.tokensByRole)
            let requests = first.tokensByRole.values.reduce(0) { $0 + $1.requests } + stored.tokensByRole.values.reduce(0) { $0 + $1.requests }
            #expect(requests == server.requestCount)
        }
    }

    /// Issue 12.11: the conjecture stage's variant requests carry the configured temperature and max_tokens.
    @Test func selfPlayVariantRequestsCarryTheConfiguredSampling() async throws {
        try await LoopbackModelServer.withServer(handler: { request in
            .completion(texts: (0..<request.requestedSamples).map { _ in "no variants here" })
        }) { server in
            let ledger = try Ledger.inMemory()
            let verifier = ScriptedVerifier { _, _ in false }
            var configuration = SelfPlayConfiguration(
                prover: ProverConfiguration(portfolio: AutomationPortfolio(tactics: ["rfl"]), disproofEnabled: false, concurrency: 1),
                defaultHeader: "", queueLimit: 2, variantsPerTarget: 12, variantTargets: 1)
            configuration.variantSampling.temperature = 0.25
            configuration.variantSampling.maxTokens = 321
            let engine = SelfPlayEngine(
                ledger: ledger, corpus: Array(Self.sixStatements().prefix(1)),
                services: ProverServices(verifier: verifier, model: try ModelProverTests.client(server),
                                         prompts: try PromptLibrary.load(from: SharedFixtures.promptsDirectory), clock: ManualClock()),
                validator: verifier, configuration: configuration)
            _ = try await engine.runRound()
            _ = try await engine.runRound()
            let variantRequests = server.requests.compactMap(\.chat).filter { chat in
                chat.messages?.contains { $0.content.lowercased().contains("variant") } == true
            }
            #expect(!variantRequests.isEmpty, "round 2 varied the hard statement with the model")
            #expect(variantRequests.allSatisfy { $0.temperature == 0.25 && $0.maxTokens == 321 })
        }
    }

    /// Issue 12.18 through self-play: the ill-formed sample repaired into the statement another sample gave
    /// stays in the ledger (`ill_formed`, with Lean's error), the repaired formalization names it, and the
    /// repair export writes the triple.
    @Test func selfPlayKeepsStatementRepairLineage() async throws {
        let served = Mutex(0)
        try await LoopbackModelServer.withServer(handler: { request in
            let prompt = request.chat?.messages?.map(\.content).joined(separator: "\n") ?? ""
            let first = served.withLock { count in
                defer { count += 1 }
                return count == 0
            }
            let statement = prompt.contains("does not elaborate") || !first
                ? "theorem f (n : Nat) : n + 0 = n := by sorry" : "theorem f (n : Nat) : n + ILL_FORMED = n := by sorry"
            return .completion(texts: (0..<request.requestedSamples).map { _ in "```lean4\n\(statement)\n```" })
        }) { server in
            let ledger = try Ledger.inMemory()
            let verifier = ScriptedVerifier { _, _ in false }
            let engine = SelfPlayEngine(
                ledger: ledger, corpus: [Problem(id: "f", informal: "Show that n + 0 = n.")],
                services: ProverServices(verifier: verifier, model: try ModelProverTests.client(server),
                                         prompts: try PromptLibrary.load(from: SharedFixtures.promptsDirectory), clock: ManualClock()),
                validator: verifier,
                configuration: SelfPlayConfiguration(
                    prover: ProverConfiguration(portfolio: AutomationPortfolio(tactics: ["rfl"]), concurrency: 1), defaultHeader: "",
                    formalizationSamples: 3, variantTargets: 0))
            _ = try await engine.runRound()
            let stored = try ledger.formalizations(problemID: "f")
            let bad = try #require(stored.first { $0.status == .illFormed })
            #expect(bad.statement.contains("ILL_FORMED") && bad.leanError?.contains("unknown identifier 'ILL_FORMED'") == true)
            let good = try #require(stored.first { $0.status != .illFormed })
            #expect(try ledger.repairedFrom(good.id).map(\.id) == [bad.id])
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lineage-\(UUID().uuidString).jsonl")
            defer { try? FileManager.default.removeItem(at: directory) }
            try ledger.export(.repair, to: directory)
            let text = try String(contentsOf: directory, encoding: .utf8)
            #expect(text.contains("\"kind\":\"statement_repair\"") && text.contains("ILL_FORMED"))
        }
    }
}
