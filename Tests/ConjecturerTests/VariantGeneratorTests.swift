import Conjecturer
import Foundation
import LeanSource
import ModelClient
import Testing

@Suite("VariantGenerator")
struct VariantGeneratorTests {
    static let parent = VariantParent(id: "t-1", header: "", statement: "theorem t (x : ℕ) (h₀ : x ≤ 5) : x < 10 := by\n  omega")

    @Test("symbolic variants: N distinct well-formed ones, round-robin over operators, never the parent")
    func symbolicOnly() async throws {
        let validator = ScriptedValidator()
        let generator = try VariantGenerator(model: nil, validator: validator, prompts: try Fixtures.prompts(), settings: .init(targetCount: 6, seed: 1))
        let records = try await generator.variants(of: Self.parent)
        #expect(records.count == 6)
        #expect(records.allSatisfy { $0.status == .wellFormed && $0.source == .symbolic && $0.parentID == "t-1" })
        #expect(records.map(\.operator) == SymbolicOperator.allCases.map(\.rawValue))
        #expect(Set(records.map(\.variantID)).count == 6)
        let parentHash = try LeanParser.parseDeclaration(Self.parent.statement).statementHash
        for record in records {
            let declaration = try LeanParser.parseDeclaration(record.statement)
            #expect(declaration.statementHash != parentHash)
            #expect(record.variantID == "t-1/" + declaration.statementHash.prefix(16))
            #expect(declaration.name == LeanNaming.theoremName(for: record.variantID))
            #expect(record.statement.hasSuffix(":= by"))
        }
        #expect(validator.checked.count == 6)
        let again = try await VariantGenerator(model: nil, validator: ScriptedValidator(), prompts: try Fixtures.prompts(), settings: .init(targetCount: 6, seed: 1)).variants(of: Self.parent)
        #expect(again == records, "reproducible with the same seed")
    }

    @Test("model variants: every theorem of the answer is a candidate, deduped against the parent, validated")
    func modelVariants() async throws {
        let model = ScriptedChatModel { request in
            #expect(request.promptText.contains("theorem t (x : ℕ) (h₀ : x ≤ 5) : x < 10 := by sorry"))
            #expect(request.promptText.contains("SPECIAL CASES"))
            return """
            ```lean4
            theorem t_variant_1 (x : ℕ) (h₀ : x ≤ 5) : x < 10 := by sorry
            theorem t_variant_2 (h₀ : 3 ≤ 5) : 3 < 10 := by sorry
            theorem t_variant_3 (x : ℕ) : ILL_FORMED x := by sorry
            theorem t_variant_4 (h₀ : 3 ≤ 5) :   3 < 10 := by decide
            ```
            """
        }
        let settings = VariantSettings(targetCount: 5, symbolicOperators: [], templateIDs: ["variants/special_case"], callsPerTemplate: 2)
        let generator = try VariantGenerator(model: model, validator: ScriptedValidator(), prompts: try Fixtures.prompts(), settings: settings)
        let records = try await generator.variants(of: Self.parent)
        #expect(records.map(\.status) == [.wellFormed, .illFormed])
        #expect(records.allSatisfy { $0.source == .model && $0.operator == "variants/special_case" })
        #expect(records[0].statement.hasSuffix("(h₀ : 3 ≤ 5) : 3 < 10 := by"))
        #expect(records[1].leanError == "1:8: unknown identifier 'ILL_FORMED'")
        #expect(model.requestCount == 2, "both allowed calls were made while short of N")
    }

    @Test("the validation budget caps the work; ill-formed variants do not count toward N")
    func budget() async throws {
        let settings = VariantSettings(targetCount: 50, symbolicOperators: [.perturbConstant], maxValidations: 4)
        let generator = try VariantGenerator(model: nil, validator: ScriptedValidator(), prompts: try Fixtures.prompts(), settings: settings)
        #expect(try await generator.variants(of: Self.parent).count == 4)
    }

    @Test("an unparsable parent is a typed error naming it")
    func unparsableParent() async throws {
        let generator = try VariantGenerator(model: nil, validator: ScriptedValidator(), prompts: try Fixtures.prompts())
        let error = await #expect(throws: ConjecturerError.self) {
            try await generator.variants(of: VariantParent(id: "bad", header: "", statement: "def f := 1"))
        }
        #expect(error?.code == .statementUnparsable && error?.origin == "bad")
    }

    @Test("VariantJob writes records with exactly the documented keys and resumes")
    func variantJob() async throws {
        let output = try Fixtures.temporaryDirectory().appendingPathComponent("variants.jsonl")
        let parents = Fixtures.corpus.compactMap(VariantParent.init(problem:))
        #expect(parents.map(\.id) == ["alg_1", "alg_2", "nt_3"])
        let validator = ScriptedValidator()
        let generator = try VariantGenerator(model: nil, validator: validator, prompts: try Fixtures.prompts(), settings: .init(targetCount: 2))
        let summary = try await VariantJob(parents: parents + [VariantParent(id: "bad", header: "", statement: "nonsense")], output: output, generator: generator).run()
        #expect(summary.progress.completedItems == 3 && summary.failures.map(\.itemID) == ["bad"])
        let lines = try Fixtures.jsonLines(output)
        #expect(lines.count == 6)
        for line in lines {
            #expect(Set(line.keys) == ["parent_id", "variant_id", "statement", "operator", "source", "status", "lean_error", "request_error", "header", "informal"])
            #expect(line["source"] as? String == "symbolic")
            #expect(line["informal"] is NSNull, "a symbolic variant never carries informal text")
        }
        let checked = validator.checked.count
        let rerun = try await VariantJob(parents: parents, output: output, generator: generator).run()
        #expect(rerun.progress.skippedItems == 3 && validator.checked.count == checked)
    }
}
