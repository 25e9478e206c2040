import Conjecturer
import LeanSource
import ProblemCorpus
import Testing

/// Issue 12.6: one default header wherever text becomes Lean, shown in the prompt and recorded; a model's
/// proof-free preamble is kept in effect (`open …`) or refused with a reason.
@Suite("Default header and model preambles")
struct DefaultHeaderTests {
    func run(
        _ problem: Problem, answer: String, defaultHeader: String? = nil
    ) async throws -> (records: [FormalizationRecord], model: ScriptedChatModel, validator: ScriptedValidator) {
        var settings = AutoformalizationSettings(samplesPerProblem: 1, seed: 3, repairRounds: 0)
        if let defaultHeader { settings.defaultHeader = defaultHeader }
        let model = ScriptedChatModel { _ in answer }
        let validator = ScriptedValidator()
        let formalizer = try Autoformalizer(
            model: model, validator: validator, prompts: try Fixtures.prompts(), exemplars: ExemplarPool(corpus: Fixtures.corpus),
            settings: settings)
        return (try await formalizer.formalize(problem), model, validator)
    }

    @Test func problemWithoutAHeaderUsesTheDefaultEverywhere() async throws {
        let problem = Problem(id: "p2", informal: "Show that 1 < 2.")
        let (records, model, validator) = try await run(problem, answer: leanAnswer("theorem x : (1 : ℝ) < 2 := by sorry"))
        #expect(AutoformalizationSettings().defaultHeader == "import Mathlib")
        #expect(validator.headers == ["import Mathlib"])
        #expect(records.first?.header == "import Mathlib")
        #expect(model.requests.first?.promptText.contains("import Mathlib") == true)
    }

    @Test func configuredDefaultAndExplicitHeaders() async throws {
        let custom = "import Mathlib\nopen Real"
        let bare = Problem(id: "p3", informal: "Show that π > 3.")
        let (records, model, validator) = try await run(bare, answer: leanAnswer("theorem x : π > 3 := by sorry"), defaultHeader: custom)
        #expect(validator.headers == [custom] && records.first?.header == custom)
        #expect(model.requests.first?.promptText.contains("open Real") == true)
        let core = Problem(id: "p4", informal: "Show that 1 + 1 = 2.", header: "")
        let (coreRecords, _, coreValidator) = try await run(core, answer: leanAnswer("theorem x : 1 + 1 = 2 := by sorry"))
        #expect(coreValidator.headers == [""] && coreRecords.first?.header == "")
    }

    @Test func ownLineOpenInTheAnswerStaysInEffect() async throws {
        let problem = Problem(id: "t1", informal: "Show that π > 3.")
        let answer = leanAnswer("import Mathlib\nopen Real\n\ntheorem pi_gt : π > 3 := by\n  sorry")
        let (records, _, validator) = try await run(problem, answer: answer)
        #expect(records.first?.statement == "open Real in theorem t1 : π > 3 := by")
        #expect(validator.checked == ["open Real in theorem t1 : π > 3 := by"])
    }

    @Test func preambleThatCannotBeKeptIsRefusedWithItsReason() async throws {
        let problem = Problem(id: "t5", informal: "Show that f 1 = 2 for f x = x + 1.")
        let answer = leanAnswer("def f (x : ℕ) : ℕ := x + 1\n\ntheorem f_one : f 1 = 2 := by\n  sorry")
        let (records, _, validator) = try await run(problem, answer: answer)
        #expect(validator.checked.isEmpty)
        let record = try #require(records.first)
        #expect(record.status == .noStatement)
        #expect(record.leanError?.contains("def f") == true, "\(record.leanError ?? "nil")")
    }

    @Test func variantParentUsesTheDefaultHeader() {
        let problem = Problem(id: "v", informal: "", formalStatement: "theorem v : True := by")
        #expect(VariantParent(problem: problem)?.header == "import Mathlib")
        #expect(VariantParent(problem: problem, defaultHeader: "")?.header == "")
    }
}
