import Conjecturer
import Foundation
import LeanPlayTestSupport
import LeanREPL
import LeanSource
import LeanVerify
import ModelClient
import ProblemCorpus
import Testing

/// The real OpenAICompatibleClient (libcurl over TCP) against the loopback provider, and the real
/// LeanVerifier + REPLWorkerPool against the fake-lean-repl process in oracle mode (statements holding
/// ILL_FORMED fail to elaborate), writing OUT.jsonl through the jobs.
@Suite("End to end: loopback model + fake Lean REPL", .enabled(if: FakeREPL.isBuilt))
struct EndToEndTests {
    /// Answers like a formalizer model, by the theorem name in the prompt.
    static func formalizerReply(_ request: LoopbackRequest) -> LoopbackReply {
        let prompt = (request.chat?.messages ?? []).map(\.content).joined(separator: "\n")
        let answer: String
        if prompt.contains("does not elaborate") {
            answer = prompt.contains("named_stays_bad") || prompt.contains("stays_bad")
                ? leanAnswer("theorem x (n : Nat) : ILL_FORMED_AGAIN n := by sorry")
                : leanAnswer("theorem x (n : Nat) : n * 1 = n := by sorry")
        } else if prompt.contains("named `good`") {
            answer = "<think>easy</think>\n" + leanAnswer("theorem good (n : Nat) : n + 0 = n := by sorry")
        } else if prompt.contains("named `repairable`") {
            answer = leanAnswer("theorem r (n : Nat) : n * ILL_FORMED = n := by sorry")
        } else if prompt.contains("named `stays_bad`") {
            answer = leanAnswer("theorem s (n : Nat) : ILL_FORMED n := by sorry")
        } else {
            answer = "I could not find a formalization."
        }
        return .completion(answering: request) { _ in answer }
    }

    static func client(_ server: LoopbackModelServer, cache: URL) throws -> OpenAICompatibleClient {
        let endpoint = ModelEndpoint(baseURL: server.baseURL, model: "loopback-model")
        return try OpenAICompatibleClient(configuration: ModelClientConfiguration(
            endpoint: endpoint, maxConcurrentRequests: 4, requestTimeout: .seconds(10), retry: .none,
            cacheDirectory: cache, cachePolicy: .disabled
        ))
    }

    static func withVerifier<T>(_ body: (LeanVerifier) async throws -> T) async throws -> T {
        let pool = REPLWorkerPool(configuration: try FakeREPL.poolConfiguration(try FakeREPL.oracleFlags(rulesJSON: "{}"), workers: 1))
        do {
            let result = try await body(LeanVerifier(pool: pool))
            await pool.shutdown()
            return result
        } catch {
            await pool.shutdown()
            throw error
        }
    }

    static let problems = [
        Problem(id: "good", informal: "Show that n + 0 = n for every natural n.", header: ""),
        Problem(id: "repairable", informal: "Show that n * 1 = n.", header: ""),
        Problem(id: "stays_bad", informal: "Show something odd.", header: ""),
        Problem(id: "silent", informal: "Say nothing.", header: ""),
    ]

    @Test("FormalizationJob: well-formed, repaired, ill-formed and no-statement records; a rerun resumes")
    func formalizationJob() async throws {
        let folder = try Fixtures.temporaryDirectory()
        let output = folder.appendingPathComponent("formalizations.jsonl")
        try await LoopbackModelServer.withServer(handler: Self.formalizerReply) { server in
            try await Self.withVerifier { verifier in
                let formalizer = try Autoformalizer(
                    model: try Self.client(server, cache: folder.appendingPathComponent("cache")), validator: verifier,
                    prompts: try Fixtures.prompts(), exemplars: ExemplarPool(corpus: Fixtures.corpus),
                    settings: AutoformalizationSettings(samplesPerProblem: 2, seed: 5, repairRounds: 1)
                )
                let summary = try await FormalizationJob(problems: Array(Self.problems.prefix(3)), output: output, formalizer: formalizer).run()
                #expect(summary.failures.isEmpty && summary.progress.completedItems == 3)
                let requestsAfterFirstRun = server.requestCount
                #expect(requestsAfterFirstRun == 3 * 2 + 2, "2 samples per problem + one repair for each ill-formed statement")

                let records = try Fixtures.jsonLines(output)
                func only(_ id: String) throws -> [String: Any] {
                    let matching = records.filter { $0["problem_id"] as? String == id }
                    #expect(matching.count == 1, "\(id): \(matching)")
                    return try #require(matching.first)
                }
                let good = try only("good")
                #expect(good["statement"] as? String == "theorem good (n : Nat) : n + 0 = n := by")
                #expect(good["status"] as? String == "well_formed" && good["sample_count"] as? Int == 2)
                let provenance = try #require(good["provenance"] as? [String: Any])
                #expect(provenance["model"] as? String == "loopback-model")
                #expect((provenance["template"] as? String)?.hasPrefix("formalize/") == true)

                let repairable = records.filter { $0["problem_id"] as? String == "repairable" }
                #expect(repairable.count == 2, "the repaired statement and the ill-formed one it came from")
                let repaired = try #require(repairable.first { $0["status"] as? String == "well_formed" })
                #expect(repaired["statement"] as? String == "theorem repairable (n : Nat) : n * 1 = n := by")
                #expect((repaired["provenance"] as? [String: Any])?["repair_round"] as? Int == 1)
                let source = try #require(repairable.first { $0["status"] as? String == "ill_formed" })
                #expect(repaired["repaired_from"] as? [String] == [try #require(source["formalization_id"] as? String)])
                #expect((source["lean_error"] as? String)?.isEmpty == false)

                let bad = try only("stays_bad")
                #expect(bad["status"] as? String == "ill_formed")
                #expect(bad["statement"] as? String == "theorem stays_bad (n : Nat) : ILL_FORMED n := by")
                #expect((bad["lean_error"] as? String)?.contains("unknown identifier 'ILL_FORMED'") == true)

                let rerun = try await FormalizationJob(problems: Self.problems, output: output, formalizer: formalizer).run()
                #expect(rerun.progress.skippedItems == 3 && rerun.progress.completedItems == 1)
                #expect(server.requestCount == requestsAfterFirstRun + 2, "only the new problem was sampled")
                let silent = try Fixtures.jsonLines(output).filter { $0["problem_id"] as? String == "silent" }
                #expect(silent.count == 1)
                #expect(silent.first?["status"] as? String == "no_statement" && silent.first?["statement"] is NSNull)
                #expect(silent.first?["sample_count"] as? Int == 2)
            }
        }
    }

    @Test("VariantJob: symbolic and model variants validated by the fake Lean until candidates run out")
    func variantJob() async throws {
        let folder = try Fixtures.temporaryDirectory()
        let output = folder.appendingPathComponent("variants.jsonl")
        let handler: @Sendable (LoopbackRequest) -> LoopbackReply = { request in
            .completion(answering: request) { _ in
                leanAnswer("/-- Every natural number at most 3 is below 5. -/\ntheorem v1 (n : Nat) (h₀ : n ≤ 3) : n < 5 := by sorry\ntheorem v2 (n : Nat) : ILL_FORMED n := by sorry")
            }
        }
        try await LoopbackModelServer.withServer(handler: handler) { server in
            try await Self.withVerifier { verifier in
                let settings = VariantSettings(
                    targetCount: 5, symbolicOperators: [.strengthenBound, .dropHypothesis],
                    templateIDs: ["variants/special_case"], seed: 2
                )
                let generator = try VariantGenerator(
                    model: try Self.client(server, cache: folder.appendingPathComponent("cache")), validator: verifier,
                    prompts: try Fixtures.prompts(), settings: settings
                )
                let parent = VariantParent(id: "bound", header: "", statement: "theorem bound (n : Nat) (h₀ : n ≤ 4) : n < 6 := by omega")
                let summary = try await VariantJob(parents: [parent], output: output, generator: generator).run()
                #expect(summary.progress.completedItems == 1)
                let records = try Fixtures.jsonLines(output)
                let wellFormed = records.filter { $0["status"] as? String == "well_formed" }
                #expect(wellFormed.count == 4, "candidates ran out before N = 5")
                #expect(records.count == 5)
                #expect(Set(records.compactMap { $0["source"] as? String }) == ["symbolic", "model"])
                #expect(Set(records.compactMap { $0["operator"] as? String }).isSuperset(of: ["strengthen_bound", "drop_hypothesis", "variants/special_case"]))
                // Issue 10.1: a model variant carries the text its model wrote for it, nothing else does.
                let modelVariant = try #require(records.first { $0["source"] as? String == "model" && ($0["statement"] as? String)?.contains("n ≤ 3) : n < 5") == true })
                #expect(modelVariant["informal"] as? String == "Every natural number at most 3 is below 5.")
                #expect(records.filter { $0["source"] as? String == "symbolic" }.allSatisfy { $0["informal"] is NSNull })
                let illFormed = try #require(records.first { $0["status"] as? String == "ill_formed" })
                #expect((illFormed["lean_error"] as? String)?.contains("ILL_FORMED") == true)
                #expect(records.contains { $0["statement"] as? String == "theorem bound (n : Nat) (h₀ : n ≤ 3) : n < 6 := by" ||
                    ($0["statement"] as? String)?.hasSuffix("(n : Nat) (h₀ : n ≤ 3) : n < 6 := by") == true })
                #expect(server.requestCount == 1)
            }
        }
    }
}
