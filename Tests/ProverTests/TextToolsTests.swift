import Prover
import Testing

@Suite("Proof normalization, sketch composition, attempt keys")
struct TextToolsTests {
    @Test("normalization ignores blank lines, trailing space, common indentation and a leading by")
    func normalization() {
        let a = "  intro x\n\n  simp   \n"
        let b = "by\n    intro x\n    simp"
        #expect(ProofTextNormalizer.normalize(a) == "intro x\nsimp")
        #expect(ProofTextNormalizer.normalize(a) == ProofTextNormalizer.normalize(b))
        #expect(ProofTextNormalizer.normalize("intro x\n  simp") != ProofTextNormalizer.normalize("intro x\nsimp"),
                "relative indentation is meaningful in Lean")
        #expect(ProofTextNormalizer.normalize("omega") != ProofTextNormalizer.normalize("simp"))
    }

    @Test("placeholders skip comments, strings and identifiers that merely contain sorry")
    func placeholders() {
        let sketch = """
        -- a sorry in a comment
        /- and /- nested sorry -/ here -/
        have h_sorry : x = 1 := by sorry
        have h₂ : "sorry" = "sorry" := rfl
        exact foo sorry
        """
        let holes = SketchComposer.placeholders(in: sketch)
        #expect(holes.count == 2)
        #expect(holes.map(\.isTactic) == [true, false])
    }

    @Test("composition fills tactic and term placeholders in order, as Lean layout")
    func composition() {
        let sketch = "have h₁ : a = 1 := by sorry\nhave h₂ : b = 2 := by\n  sorry\nexact f h₁ h₂ sorry"
        let composed = SketchComposer.compose(sketch: sketch, tactics: [0: ["norm_num"], 1: ["simp", "ring"], 2: ["omega"]])
        #expect(composed == "have h₁ : a = 1 := by norm_num\nhave h₂ : b = 2 := by\n  simp\n  ring\nexact f h₁ h₂ (by omega)")
        #expect(SketchComposer.compose(sketch: sketch, tactics: [0: ["simp"]]) == nil, "every placeholder must be closed")
        #expect(SketchComposer.compose(sketch: "sorry", tactics: [0: ["omega"]]) == "omega")
    }

    @Test("attempt keys are deterministic and name round, formalization, kind and what was tried")
    func keys() {
        let key = AttemptKey(round: 3, formalizationID: "p1/ab12", kind: "prove")
        #expect(key.automation("omega") == "r3/p1/ab12/prove/automation/omega")
        #expect(key.wholeProof(sample: 5) == "r3/p1/ab12/prove/whole_proof/s5")
        #expect(key.repair(sample: 5, round: 2) == "r3/p1/ab12/prove/repair/s5/r2")
        #expect(key.search() == "r3/p1/ab12/prove/search")
    }

    @Test("the portfolio drops blanks and duplicates, keeping order")
    func portfolio() {
        #expect(AutomationPortfolio(tactics: ["omega", " ", "simp", " omega "]).tactics == ["omega", "simp"])
    }
}
