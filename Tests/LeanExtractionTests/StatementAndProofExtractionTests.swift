import LeanExtraction
import LeanSource
import Testing

@Suite struct StatementAndProofExtractionTests {
    private let statement = try! LeanParser.parseDeclaration("theorem t (n : Nat) : n + 0 = n := by")

    @Test func extractsTheLastDeclarationOfThePreferredBlock() throws {
        let output = """
            <think>maybe theorem wrong : False</think>
            ```lean
            import Mathlib

            lemma helper : 1 = 1 := rfl

            /-- The main statement. -/
            theorem amc_1 (x y : ℤ) (h₀ : 0 < y) (h₁ : y < x) : x = 26 := by
              sorry
            ```
            """
        let declaration = try #require(LeanCodeExtractor.extractStatement(from: output))
        #expect(declaration.name == "amc_1")
        #expect(declaration.conclusion == "x = 26")
        #expect(declaration.hypotheses.count == 2)
    }

    @Test func fallsBackToAnEarlierBlockWhenThePreferredOneDoesNotParse() throws {
        let output = "```lean\ntheorem good : 2 = 2 := rfl\n```\n```lean\ntheorem broken (x : Nat : x = x\n```"
        #expect(LeanCodeExtractor.extractStatement(from: output)?.name == "good")
        #expect(LeanCodeExtractor.extractStatement(from: "no Lean here at all") == nil)
    }

    @Test func repeatedTheoremYieldsOnlyItsDedentedProof() {
        let output = """
            Here is a proof:
            ```lean4
            theorem t (n : Nat) : n + 0 = n := by
              induction n with
              | zero => rfl
              | succ k ih =>
                simp
            ```
            """
        #expect(LeanCodeExtractor.extractProof(from: output, for: statement)
            == "induction n with\n| zero => rfl\n| succ k ih =>\n  simp")
    }

    @Test func theDeclarationNamedLikeTheStatementWinsOverHelpers() {
        let output = "```lean\ntheorem t (n : Nat) : n + 0 = n := by simp\n\nlemma after : True := by trivial\n```"
        #expect(LeanCodeExtractor.extractProof(from: output, for: statement) == "simp")
        let renamed = "```lean\ntheorem my_version (n : Nat) : n + 0 = n := by\n  omega\n```"
        #expect(LeanCodeExtractor.extractProof(from: renamed, for: statement) == "omega")
    }

    @Test func termProofBecomesExact() {
        let output = "```lean\ntheorem t (n : Nat) : n + 0 = n := Nat.add_zero n\n```"
        #expect(LeanCodeExtractor.extractProof(from: output, for: statement) == "exact Nat.add_zero n")
    }

    @Test func bareTacticBlocksWithOrWithoutBy() {
        #expect(LeanCodeExtractor.extractProof(from: "```lean\nby\n  simp\n  omega\n```", for: statement)
            == "simp\nomega")
        #expect(LeanCodeExtractor.extractProof(from: "```lean\n  := by omega\n```", for: statement) == "omega")
        #expect(LeanCodeExtractor.extractProof(from: "<think>hmm</think>\n  intro h\n  exact h\n", for: statement)
            == "intro h\nexact h")
    }

    @Test func nothingToExtract() {
        #expect(LeanCodeExtractor.extractProof(from: "<think>I give up", for: statement) == nil)
        #expect(LeanCodeExtractor.extractProof(from: "```lean\n\n```", for: statement) == nil)
        #expect(LeanCodeExtractor.extractProof(from: "```lean\ntheorem t (n : Nat) : n + 0 = n\n```", for: statement) == nil)
    }

    @Test func mangledDeclarationStillYieldsTheTextAfterBy() {
        let output = "```lean\ntheorem t (n : Nat : n + 0 = n := by\n  simp\n```"
        #expect(LeanCodeExtractor.extractProof(from: output, for: statement) == "simp")
    }
}
