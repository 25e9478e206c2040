import LeanSource
import Testing

@Suite struct HypothesisHeuristicTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var binder: String
        var isHypothesis: Bool
        var testDescription: String { "\(binder) → \(isHypothesis)" }
    }

    static let cases: [Case] = [
        Case(binder: "(x : ℝ)", isHypothesis: false),
        Case(binder: "(f : ℕ → ℝ)", isHypothesis: false),
        Case(binder: "(f : ℝ → ℝ → ℝ)", isHypothesis: false),
        Case(binder: "(S : Finset ℕ)", isHypothesis: false),
        Case(binder: "(g : (Fin n → ℕ) → Prop)", isHypothesis: false),
        Case(binder: "(a : α)", isHypothesis: false),
        Case(binder: "(u : ℕ → α)", isHypothesis: false),
        Case(binder: "(x : {n : ℕ // n > 0})", isHypothesis: false),
        Case(binder: "[Fintype α]", isHypothesis: false),
        Case(binder: "(height : ℝ)", isHypothesis: false),
        Case(binder: "(p q : Prop)", isHypothesis: false),
        Case(binder: "(a : 0 < x)", isHypothesis: true),
        Case(binder: "(pos : (x = 1))", isHypothesis: true),
        Case(binder: "(k : ∀ n, f n = n)", isHypothesis: true),
        Case(binder: "(e : ∃ y, y ∣ x)", isHypothesis: true),
        Case(binder: "(n : ¬ x ≤ 2)", isHypothesis: true),
        Case(binder: "(m : a ≡ 5 [MOD 16])", isHypothesis: true),
        Case(binder: "(d : Nat.Prime p)", isHypothesis: true),
        Case(binder: "(d : p.Prime)", isHypothesis: true),
        Case(binder: "(d : IsLeast S 3)", isHypothesis: true),
        Case(binder: "(imp : p → q)", isHypothesis: true),
        Case(binder: "(imp : x > 0 → y > 0)", isHypothesis: true),
        Case(binder: "[Fact (1 < p)]", isHypothesis: true),
        Case(binder: "(h₀ : Continuous f)", isHypothesis: true),
        Case(binder: "(hyp : P)", isHypothesis: true),
        Case(binder: "(hx : x ∈ S)", isHypothesis: true),
        Case(binder: "(t : True)", isHypothesis: true),
    ]

    @Test(arguments: cases) func classification(_ example: Case) throws {
        let declaration = try LeanParser.parseDeclaration("theorem t \(example.binder) : True")
        #expect(declaration.binders.first?.isHypothesis == example.isHypothesis)
    }

    @Test func earlierPropVariablesMakeLaterBindersHypotheses() throws {
        let declaration = try LeanParser.parseDeclaration("theorem t (p q : Prop) (a : p) (b : q) : p ∧ q")
        #expect(declaration.binders.map(\.isHypothesis) == [false, true, true])
    }

    @Test func binderInitialiserComputesTheFlag() {
        #expect(LeanBinder(bracket: .explicit, names: ["x"], type: "x ≤ 3").isHypothesis)
        #expect(!LeanBinder(bracket: .explicit, names: ["x"], type: "ℕ").isHypothesis)
        #expect(LeanBinder(bracket: .instance, names: [], type: "Fact p.Prime").rendered == "[Fact p.Prime]")
        #expect(LeanBinder(bracket: .implicit, names: ["x", "y"], type: "").rendered == "{x y}")
    }
}
