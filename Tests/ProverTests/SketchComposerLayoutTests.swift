@testable import Prover
import Testing

/// Found proofs are composed as Lean layout: one tactic per line at the block's column, nested blocks and
/// trailing comments kept, so the re-checked text is what the search applied step by step.
@Suite("Sketch composition as Lean layout")
struct SketchComposerLayoutTests {
    @Test("a model tactic with a trailing comment keeps the comment at the end of its own line")
    func trailingCommentTactic() {
        let sketch = "have h : p ∧ q ∧ p := by sorry\nexact h"
        let tactic = "exact ⟨hp, hq, hp⟩ -- all three conjuncts"
        let composed = SketchComposer.compose(sketch: sketch, tactics: [0: [tactic]])
        #expect(composed == "have h : p ∧ q ∧ p := by exact ⟨hp, hq, hp⟩ -- all three conjuncts\nexact h")
        #expect(composed?.contains("(exact") == false, "no parenthesis opened around a commented tactic")
    }

    @Test("several steps go one per line at the placeholder's column, multi-line steps keep their nesting")
    func multiLineSteps() {
        let sketch = "have h : p ∧ q := by sorry\nexact h"
        let steps = ["constructor", "· exact hp\n· exact hq -- second"]
        let composed = SketchComposer.compose(sketch: sketch, tactics: [0: steps])
        let column = String(repeating: " ", count: "have h : p ∧ q := by ".unicodeScalars.count)
        #expect(composed == "have h : p ∧ q := by constructor\n\(column)· exact hp\n\(column)· exact hq -- second\nexact h")
    }

    @Test("a placeholder alone on its line takes its tactics at its own indentation")
    func ownLine() {
        let sketch = "have h : a = b := by\n  sorry\nomega"
        let composed = SketchComposer.compose(sketch: sketch, tactics: [0: ["rw [foo] -- rewrite", "have k : b = b := by\n  rfl", "exact k"]])
        #expect(composed == "have h : a = b := by\n  rw [foo] -- rewrite\n  have k : b = b := by\n    rfl\n  exact k\nomega")
    }

    @Test("after <;> or with code after the placeholder, several steps are parenthesized and a comment never eats the parenthesis")
    func sequencedAndTrailingCode() {
        let sequenced = SketchComposer.compose(sketch: "constructor <;> sorry", tactics: [0: ["simp", "ring -- done"]])
        #expect(sequenced == "constructor <;> (simp\n                 ring -- done\n                )")
        let single = SketchComposer.compose(sketch: "constructor <;> sorry", tactics: [0: ["simp"]])
        #expect(single == "constructor <;> simp")
        let inParens = SketchComposer.compose(sketch: "exact foo (by sorry) bar", tactics: [0: ["norm_num -- c"]])
        #expect(inParens == "exact foo (by (norm_num -- c\n              )) bar")
    }

    @Test("term placeholders become `(by …)` blocks; comments move the parenthesis to its own line")
    func termPosition() {
        #expect(SketchComposer.compose(sketch: "exact f sorry", tactics: [0: ["simp"]]) == "exact f (by simp)")
        let commented = SketchComposer.compose(sketch: "exact f sorry", tactics: [0: ["simp -- why"]])
        #expect(commented == "exact f (by simp -- why\n        )")
        let two = SketchComposer.compose(sketch: "exact f sorry", tactics: [0: ["intro x", "simp"]])
        #expect(two == "exact f (by intro x\n            simp)")
        let afterAssign = SketchComposer.placeholders(in: "have h : a = b :=\n  sorry")
        #expect(afterAssign.map(\.isTactic) == [false], "a line-start sorry after `:=` is a term")
    }

    @Test("bullets, case arms and line comments after the placeholder")
    func bulletsAndArms() {
        let sketch = "constructor\n· sorry -- left\n· sorry\ncases h with\n| inl a => sorry\n| inr b => sorry"
        let holes = SketchComposer.placeholders(in: sketch)
        #expect(holes.map(\.position) == [.blockStart, .blockStart, .blockStart, .blockStart])
        #expect(holes.map(\.hasCodeAfter) == [false, false, false, false])
        let composed = SketchComposer.compose(sketch: sketch, tactics: [0: ["simp", "ring"], 1: ["rfl"], 2: ["exact a"], 3: ["exact b"]])
        #expect(composed == "constructor\n· simp\n  ring -- left\n· rfl\ncases h with\n| inl a => exact a\n| inr b => exact b")
    }
}
