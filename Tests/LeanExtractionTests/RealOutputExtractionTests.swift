import LeanExtraction
import LeanSource
import Testing

/// Inputs from issue 12 (real chat and completion-style prover output) that extraction got wrong.
@Suite("Extraction of real model output (issue 12.7, 12.8)")
struct RealOutputExtractionTests {
    /// Issue 12.7: the requested theorem first, then a block with a helper `def` and an `example`.
    static let twoBlockAnswer = """
        Here is the formalization:

        ```lean4
        theorem mathd_algebra_141 (a b : ℝ) (h₁ : a * b = 180) (h₂ : 2 * (a + b) = 54) :
            a ^ 2 + b ^ 2 = 369 := by sorry
        ```

        To sanity-check it, here is a helper and an example:

        ```lean4
        def perimeter (a b : ℝ) : ℝ := 2 * (a + b)

        example : perimeter 3 4 = 14 := by
          norm_num [perimeter]
        ```
        """

    @Test("12.7: the declaration carrying the requested name wins over a later helper block's example")
    func requestedNameWins() throws {
        let declaration = try #require(LeanCodeExtractor.extractStatement(from: Self.twoBlockAnswer, named: "mathd_algebra_141"))
        #expect(declaration.keyword == .theorem)
        #expect(declaration.name == "mathd_algebra_141")
        #expect(declaration.conclusion == "a ^ 2 + b ^ 2 = 369")
        // Without a requested name the preferred (last) block's last declaration is still the answer.
        #expect(LeanCodeExtractor.extractStatement(from: Self.twoBlockAnswer)?.keyword == .example)
        // A name nobody carries falls back to that rule instead of failing.
        #expect(LeanCodeExtractor.extractStatement(from: Self.twoBlockAnswer, named: "other")?.keyword == .example)
    }

    @Test("12.7: the prover takes the proof of the named theorem, not the helper block's example")
    func proofOfTheNamedTheorem() throws {
        let statement = try LeanParser.parseDeclaration("theorem t (n : Nat) : n + 0 = n := by")
        let output = """
            ```lean4
            theorem t (n : Nat) : n + 0 = n := by
              simp
            ```
            A quick check:
            ```lean4
            example : (2 : Nat) + 0 = 2 := by
              rfl
            ```
            """
        #expect(LeanCodeExtractor.extractProof(from: output, for: statement) == "simp")
    }

    @Test("12.7: blocks fenced as another language are never Lean, not even as bare declarations")
    func otherLanguagesAreNeverLean() throws {
        let python = "```python\ntheorem = 'x'\nexample : 1 = 2 := by\n  simp\n```"
        #expect(LeanCodeExtractor.extract(from: python).blocks.isEmpty)
        #expect(LeanCodeExtractor.extractStatement(from: python) == nil)

        let markdown = """
            ```markdown
            theorem fake (x : ℕ) : x = x + 1 := by
              omega
            ```
            """
        #expect(LeanCodeExtractor.extract(from: markdown).blocks.isEmpty)
        #expect(LeanCodeExtractor.extractStatement(from: markdown, named: "fake") == nil)
        let statement = try LeanParser.parseDeclaration("theorem fake (x : ℕ) : x = x + 1 := by")
        #expect(LeanCodeExtractor.extractProof(from: markdown, for: statement) == nil)

        // A bare declaration outside the foreign fence is still found; the one inside is not.
        let mixed = "```python\ntheorem inside : 1 = 2 := by\n  simp\n```\n\ntheorem outside : 2 = 2 := by\n  rfl\n"
        let blocks = LeanCodeExtractor.extract(from: mixed).blocks
        #expect(blocks.count == 1)
        #expect(LeanCodeExtractor.extractStatement(from: mixed)?.name == "outside")
    }

    /// Issue 12.8: DeepSeek-Prover-V1.5's own completion prompt ends inside `:= by`.
    static let completionPrompt = """
        Complete the following Lean 4 code:

        ```lean4
        import Mathlib
        import Aesop

        set_option maxHeartbeats 400000

        open BigOperators Real Nat Topology Rat

        /-- The volume of a cone is given by the formula $V = \\frac{1}{3}Bh$. Show that it is 65. -/
        theorem mathd_algebra_478 (b h v : ℝ) (h₀ : 0 < b ∧ 0 < h ∧ 0 < v) (h₁ : v = 1 / 3 * (b * h))
            (h₂ : b = 30) (h₃ : h = 13 / 2) : v = 65 := by

        """

    static let statement478 = try! LeanParser.parseDeclaration(
        "theorem mathd_algebra_478 (b h v : ℝ) (h₀ : 0 < b ∧ 0 < h ∧ 0 < v) (h₁ : v = 1 / 3 * (b * h)) (h₂ : b = 30) (h₃ : h = 13 / 2) : v = 65 := by")

    @Test("12.8: a prompt ending inside `:= by` asks for a continuation; an ordinary prompt does not")
    func continuationPromptsAreRecognized() {
        #expect(LeanCodeExtractor.promptAsksForContinuation(Self.completionPrompt))
        #expect(LeanCodeExtractor.promptAsksForContinuation("theorem t : True := by"))
        #expect(!LeanCodeExtractor.promptAsksForContinuation("Prove this theorem:\n```lean4\ntheorem t : True := by\n```\nReply with the proof."))
        #expect(!LeanCodeExtractor.promptAsksForContinuation("theorem t : True := baby"))
    }

    @Test("12.8: the text before the closing fence is the proof of a continuation")
    func continuationBeforeTheClosingFence() {
        let output = "  rw [h₂, h₃] at h₁\n  norm_num at h₁\n  linarith\n```\n\nThe proof substitutes the values and simplifies."
        #expect(LeanCodeExtractor.extractProof(from: output, for: Self.statement478, continuing: true)
            == "rw [h₂, h₃] at h₁\nnorm_num at h₁\nlinarith")
        // Without knowing it was a continuation this output holds no Lean block (the bug: `no-proof`).
        #expect(LeanCodeExtractor.extract(from: output).blocks.allSatisfy { !$0.code.contains("linarith") })

        // Continued on the same line as `by`, with nested tactics kept at their depth.
        let sameLine = " have hb : b * h = 195 := by\n    rw [h₂, h₃]; norm_num\n  rw [h₁, hb]\n  norm_num\n```"
        #expect(LeanCodeExtractor.extractProof(from: sameLine, for: Self.statement478, continuing: true)
            == "have hb : b * h = 195 := by\n  rw [h₂, h₃]; norm_num\nrw [h₁, hb]\nnorm_num")

        // No closing fence at all (the model stopped at end of sequence): all of it.
        #expect(LeanCodeExtractor.extractProof(from: "\n  subst h₂ h₃\n  linarith\n", for: Self.statement478, continuing: true)
            == "subst h₂ h₃\nlinarith")
        // Reasoning before the continuation is removed.
        #expect(LeanCodeExtractor.extractProof(from: "<think>substitute</think>\n  linarith\n```", for: Self.statement478, continuing: true)
            == "linarith")
    }

    @Test("12.8: a continuation prompt answered with a whole block is read as a whole block")
    func continuationAnsweredWithAWholeBlock() {
        let restated = "```lean4\ntheorem mathd_algebra_478 (b h v : ℝ) (h₀ : 0 < b ∧ 0 < h ∧ 0 < v) (h₁ : v = 1 / 3 * (b * h)) (h₂ : b = 30) (h₃ : h = 13 / 2) : v = 65 := by\n  subst h₂ h₃\n  linarith\n```"
        #expect(LeanCodeExtractor.extractProof(from: restated, for: Self.statement478, continuing: true) == "subst h₂ h₃\nlinarith")
        let proseThenBlock = "Here it is:\n```\ntheorem mathd_algebra_478 (b h v : ℝ) (h₀ : 0 < b ∧ 0 < h ∧ 0 < v) (h₁ : v = 1 / 3 * (b * h)) (h₂ : b = 30) (h₃ : h = 13 / 2) : v = 65 := by\n  linarith\n```"
        #expect(LeanCodeExtractor.extractProof(from: proseThenBlock, for: Self.statement478, continuing: true) == "linarith")
        #expect(LeanCodeExtractor.extractProof(from: "```\n\n```", for: Self.statement478, continuing: true) == nil)
    }
}
