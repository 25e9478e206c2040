import Foundation
import Conjecturer
import LeanSource
import ModelClient
import ProblemCorpus
import Testing

@Suite("Autoformalizer")
struct AutoformalizerTests {
    static let problem = Problem(id: "p-1", informal: "Show that x + 0 = x for every natural x.", header: "")

    /// A formalizer whose model answers sample i (identified by its seed) with `answers[i]` and repair
    /// requests with `repair(prompt)`.
    func formalizer(
        samples: Int, answers: [String], repairRounds: Int = 2,
        repair: @escaping @Sendable (String) -> String = { _ in "no idea" }
    ) throws -> (Autoformalizer, ScriptedChatModel, ScriptedValidator) {
        let settings = AutoformalizationSettings(samplesPerProblem: samples, seed: 11, repairRounds: repairRounds)
        let prompts = try Fixtures.prompts()
        let plan = SamplingPlan(templateIDs: prompts.ids(kind: "formalize"), exemplarPool: ExemplarPool(corpus: Fixtures.corpus), settings: settings)
        var bySeed: [Int: String] = [:]
        for index in 0..<samples { bySeed[Int(plan.draw(for: Self.problem, sample: index).seed)] = answers[index] }
        let table = bySeed
        let model = ScriptedChatModel { request in
            if request.promptText.contains("does not elaborate") { return repair(request.promptText) }
            return table[request.parameters.seed ?? -1] ?? "unexpected request"
        }
        let validator = ScriptedValidator()
        let formalizer = try Autoformalizer(model: model, validator: validator, prompts: prompts, exemplars: ExemplarPool(corpus: Fixtures.corpus), settings: settings)
        return (formalizer, model, validator)
    }

    @Test("samples giving the same statement up to name, whitespace and proof become one record")
    func dedupe() async throws {
        let (formalizer, model, validator) = try formalizer(samples: 4, answers: [
            leanAnswer("theorem foo (x : ℕ) : x + 0 = x := by sorry"),
            leanAnswer("theorem bar (x : ℕ) :\n    x + 0 = x := by\n  simp"),
            leanAnswer("-- a comment\ntheorem baz (x : ℕ) : x + 0   = x := by sorry"),
            "<think>hmm</think>\n" + leanAnswer("lemma q (x : ℕ) : x + 0 = x := by\n  rfl"),
        ])
        let records = try await formalizer.formalize(Self.problem)
        let record = try #require(records.first)
        #expect(records.count == 1)
        #expect(record.statement == "theorem p_1 (x : ℕ) : x + 0 = x := by")
        #expect(record.status == .wellFormed && record.leanError == nil)
        #expect(record.sampleCount == 4)
        let hash = try LeanParser.parseDeclaration(record.statement ?? "").statementHash
        #expect(record.formalizationID == "p-1/" + hash.prefix(16))
        #expect(record.provenance.model == "scripted-model" && record.provenance.repairRound == 0)
        #expect(record.provenance.seed == formalizer.plan.draw(for: Self.problem, sample: 0).seed)
        #expect(record.provenance.template == formalizer.plan.draw(for: Self.problem, sample: 0).templateID)
        #expect(model.requestCount == 4)
        #expect(validator.checked.count == 1, "one validation per distinct statement")
        let temperatures = model.requests.compactMap(\.parameters.temperature)
        #expect(temperatures.count == 4 && temperatures.allSatisfy { abs($0 - 0.7) <= 0.25 + 1e-9 })
    }

    @Test("an ill-formed statement is repaired with Lean's message; answers without a statement are counted")
    func repairSucceeds() async throws {
        let (formalizer, model, validator) = try formalizer(samples: 3, answers: [
            leanAnswer("theorem a (x : ℕ) : x + ILL_FORMED = x := by sorry"),
            "I am not sure how to formalize this.",
            leanAnswer("theorem b (x : ℕ) : 0 + x = x := by sorry"),
        ], repair: { _ in leanAnswer("theorem a (x : ℕ) : x + 0 = x := by sorry") })
        let records = try await formalizer.formalize(Self.problem)
        #expect(records.map(\.status) == [.wellFormed, .wellFormed, .illFormed, .noStatement])
        #expect(records[0].statement == "theorem p_1 (x : ℕ) : x + 0 = x := by")
        #expect(records[0].provenance.repairRound == 1)
        #expect(records[1].statement == "theorem p_1 (x : ℕ) : 0 + x = x := by")
        #expect(records[1].repairedFrom.isEmpty)
        // The sampled ill-formed statement keeps its own record, with Lean's error; the repair names it.
        #expect(records[2].statement == "theorem p_1 (x : ℕ) : x + ILL_FORMED = x := by")
        #expect(records[2].leanError == "1:8: unknown identifier 'ILL_FORMED'" && records[2].provenance.repairRound == 0)
        #expect(records[0].repairedFrom == [records[2].formalizationID])
        #expect(records[3].statement == nil && records[3].sampleCount == 1 && records[3].formalizationID == "p-1/no_statement")
        let repairPrompt = try #require(model.requests.first { $0.promptText.contains("does not elaborate") }).promptText
        #expect(repairPrompt.contains("unknown identifier 'ILL_FORMED'"))
        #expect(repairPrompt.contains("x + ILL_FORMED = x"))
        #expect(validator.checked.count == 3)
    }

    @Test("a statement still ill-formed after r repair rounds is kept with its original error")
    func repairFails() async throws {
        let (formalizer, model, _) = try formalizer(samples: 1, answers: [
            leanAnswer("theorem a (x : ℕ) : x + ILL_FORMED = x := by sorry"),
        ], repairRounds: 2, repair: { prompt in
            leanAnswer(prompt.contains("ILL_FORMED_2") ? "theorem a (x : ℕ) : ILL_FORMED_3 := by sorry" : "theorem a (x : ℕ) : ILL_FORMED_2 := by sorry")
        })
        let records = try await formalizer.formalize(Self.problem)
        #expect(records.count == 1)
        #expect(records[0].status == .illFormed)
        #expect(records[0].statement == "theorem p_1 (x : ℕ) : x + ILL_FORMED = x := by")
        #expect(records[0].leanError == "1:8: unknown identifier 'ILL_FORMED'")
        #expect(records[0].provenance.repairRound == 0)
        #expect(model.requestCount == 3, "1 sample + 2 repair rounds")
    }

    /// Issue 12.18: the ill-formed sample repaired into a statement another sample already produced keeps
    /// its text and Lean's error, and the merged record names what it was repaired from.
    @Test("a repair that converges on another sample's statement merges into one record and keeps its lineage")
    func repairConverges() async throws {
        let (formalizer, _, _) = try formalizer(samples: 2, answers: [
            leanAnswer("theorem a (x : ℕ) : x + ILL_FORMED = x := by sorry"),
            leanAnswer("theorem b (x : ℕ) : x + 0 = x := by sorry"),
        ], repair: { _ in leanAnswer("theorem c (x : ℕ) : x + 0 = x := by sorry") })
        let records = try await formalizer.formalize(Self.problem)
        #expect(records.map(\.status) == [.wellFormed, .illFormed])
        #expect(records[0].sampleCount == 2)
        #expect(records[0].provenance.repairRound == 0)
        #expect(records[0].provenance.seed == formalizer.plan.draw(for: Self.problem, sample: 1).seed)
        #expect(records[1].statement == "theorem p_1 (x : ℕ) : x + ILL_FORMED = x := by")
        #expect(records[1].leanError == "1:8: unknown identifier 'ILL_FORMED'")
        #expect(records[1].sampleCount == 1)
        #expect(records[0].repairedFrom == [records[1].formalizationID])
        let line = try JSONSerialization.jsonObject(with: JSONEncoder().encode(records[0])) as? [String: Any]
        #expect(line?["repaired_from"] as? [String] == [records[1].formalizationID])
        let old = #"{"problem_id":"p","formalization_id":"p/x","statement":null,"status":"no_statement","lean_error":null,"sample_count":1,"provenance":{"model":"m","template":"t","temperature":0.5,"seed":1,"repair_round":0}}"#
        #expect(try JSONDecoder().decode(FormalizationRecord.self, from: Data(old.utf8)).repairedFrom.isEmpty,
                "lines written before repaired_from existed still resume")
    }

    @Test("a chain of repairs keeps every ill-formed step, each naming the one before")
    func repairChain() async throws {
        let (formalizer, _, _) = try formalizer(samples: 1, answers: [
            leanAnswer("theorem a (x : ℕ) : x + ILL_FORMED = x := by sorry"),
        ], repairRounds: 2, repair: { prompt in
            leanAnswer(prompt.contains("ILL_FORMED_2") ? "theorem a (x : ℕ) : x + 0 = x := by sorry" : "theorem a (x : ℕ) : ILL_FORMED_2 := by sorry")
        })
        let records = try await formalizer.formalize(Self.problem)
        #expect(records.map(\.status) == [.wellFormed, .illFormed, .illFormed])
        #expect(records[0].provenance.repairRound == 2)
        #expect(records[0].repairedFrom == [records[2].formalizationID])
        #expect(records[2].statement == "theorem p_1 (x : ℕ) : ILL_FORMED_2 := by" && records[2].provenance.repairRound == 1)
        #expect(records[2].repairedFrom == [records[1].formalizationID])
        #expect(records[1].statement == "theorem p_1 (x : ℕ) : x + ILL_FORMED = x := by" && records[1].repairedFrom.isEmpty)
    }

    @Test("a validation timeout is not repaired and is recorded as not validated")
    func timeoutNotRepaired() async throws {
        let (formalizer, model, _) = try formalizer(samples: 1, answers: [leanAnswer("theorem a (x : ℕ) : HANG = x := by sorry")])
        let records = try await formalizer.formalize(Self.problem)
        #expect(records.map(\.status) == [.illFormed])
        #expect(records[0].leanError?.hasPrefix("not validated (timeout)") == true)
        #expect(model.requestCount == 1)
    }

    @Test("a failing model makes the problem fail with a typed error naming it")
    func modelFailure() async throws {
        let model = ScriptedChatModel { _ throws(ModelError) in throw ModelError(.rateLimited, "too many requests") }
        let formalizer = try Autoformalizer(
            model: model, validator: ScriptedValidator(), prompts: try Fixtures.prompts(),
            exemplars: ExemplarPool(corpus: []), settings: .init(samplesPerProblem: 2)
        )
        let error = await #expect(throws: ConjecturerError.self) { try await formalizer.formalize(Self.problem) }
        #expect(error?.code == .modelFailed)
        #expect(error?.origin == "p-1")
    }

    @Test("bad settings and unknown templates are rejected up front")
    func badSettings() throws {
        let prompts = try Fixtures.prompts()
        let model = ScriptedChatModel { _ in "" }
        #expect(throws: ConjecturerError.self) {
            try Autoformalizer(model: model, validator: ScriptedValidator(), prompts: prompts, exemplars: ExemplarPool(corpus: []), settings: .init(samplesPerProblem: 0))
        }
        #expect(throws: ConjecturerError.self) {
            try Autoformalizer(model: model, validator: ScriptedValidator(), prompts: prompts, exemplars: ExemplarPool(corpus: []), settings: .init(templateIDs: ["formalize/nope"]))
        }
    }
}
