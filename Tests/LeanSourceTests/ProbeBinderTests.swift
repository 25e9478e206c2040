import LeanSource
import Testing

/// Hypothesis vs variable is decided by a binder's type, never its name; the probes introduce the
/// conclusion's leading `∀`/`→` as binders.
@Suite("Probe binders: classification by type and introduced premises")
struct ProbeBinderTests {
    static let mathdAlgebra478 = "theorem mathd_algebra_478 (b h v : ℝ) (h₀ : 0 < b ∧ 0 < h ∧ 0 < v) (h₁ : v = 1 / 3 * (b * h)) (h₂ : b = 30) (h₃ : h = 13 / 2) : v = 65"

    @Test("mathd_algebra_478: the group (b h v : ℝ) is three variables although one is named h")
    func variableNamedLikeAHypothesis() throws {
        let declaration = try LeanParser.parseDeclaration(Self.mathdAlgebra478)
        #expect(declaration.binders.map(\.isHypothesis) == [false, true, true, true, true])
        let probe = declaration.trivialityProbe(named: "mathd_algebra_478_triviality")
        #expect(probe.rendered(ending: .bare) == "theorem mathd_algebra_478_triviality (b h v : ℝ) : v = 65")
        let vacuity = declaration.vacuityProbe(named: "mathd_algebra_478_vacuity")
        #expect(vacuity.binders == declaration.binders)
        #expect(vacuity.conclusion == "False")
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var signature: String
        var hypotheses: [Bool]
        var testDescription: String { "\(signature) → \(hypotheses)" }
    }

    static let cases: [Case] = [
        Case(signature: "(h : ℕ)", hypotheses: [false]),
        Case(signature: "(hx hy : ℤ)", hypotheses: [false]),
        Case(signature: "(hyp : ℝ)", hypotheses: [false]),
        Case(signature: "(h₀ : Finset ℕ)", hypotheses: [false]),
        Case(signature: "(x : Fin 5)", hypotheses: [false]),
        Case(signature: "(S : Set ℝ) (hx : x ∈ S)", hypotheses: [false, true]),
        Case(signature: "(f : ℕ → ℕ)", hypotheses: [false]),
        Case(signature: "(hf : ℕ → ℝ)", hypotheses: [false]),
        Case(signature: "(p : Prop) (hp : p)", hypotheses: [false, true]),
        Case(signature: "(P : ℕ → Prop) (base : P 0)", hypotheses: [false, true]),
        Case(signature: "(α : Type*) (h : α)", hypotheses: [false, false]),
        Case(signature: "(h : ℝ≥0)", hypotheses: [false]),
        Case(signature: "(h : ℕ × ℕ)", hypotheses: [false]),
        Case(signature: "(h : {n : ℕ // 0 < n})", hypotheses: [false]),
        Case(signature: "(hs : ∀ n, Fin n → ℕ)", hypotheses: [false]),
        Case(signature: "(k : ∀ n, f n = n)", hypotheses: [true]),
        Case(signature: "(x : ℕ) (pos : x > 0 → x ≥ 1)", hypotheses: [false, true]),
        Case(signature: "(x : ℕ) (imp : ℕ → x = 1)", hypotheses: [false, true]),
        Case(signature: "[h : Fintype α]", hypotheses: [false]),
        Case(signature: "[Fact (1 < p)]", hypotheses: [true]),
        Case(signature: "{h : ℕ}", hypotheses: [false]),
        Case(signature: "(hx : MyPred x)", hypotheses: [true]),
    ]

    @Test(arguments: cases) func classification(_ example: Case) throws {
        let declaration = try LeanParser.parseDeclaration("theorem t \(example.signature) : True")
        #expect(declaration.binders.map(\.isHypothesis) == example.hypotheses)
    }

    @Test("types that only Lean can judge are reported undetermined, and counted as hypotheses")
    func undetermined() throws {
        let declaration = try LeanParser.parseDeclaration("theorem t (x : Foo) (hx : MyPred x) (n : ℕ) (hn : n = 1) : True")
        #expect(HypothesisHeuristic.kinds(of: declaration.binders) == [.undetermined, .undetermined, .data, .proposition])
    }

    struct Introduction: CustomTestStringConvertible, Sendable {
        var statement: String
        var vacuity: String?
        var triviality: String?
        var testDescription: String { statement }
    }

    static let introductions: [Introduction] = [
        Introduction(statement: "theorem t : ∀ x : ℝ, 0 < x → P x",
                     vacuity: "theorem t_v (x : ℝ) (hyp₁ : 0 < x) : False", triviality: "theorem t_t (x : ℝ) : P x"),
        Introduction(statement: "theorem t : ∀ x y : ℕ, x < y → y < 10 → x < 9",
                     vacuity: "theorem t_v (x y : ℕ) (hyp₁ : x < y) (hyp₂ : y < 10) : False",
                     triviality: "theorem t_t (x y : ℕ) : x < 9"),
        Introduction(statement: "theorem t (S : Finset ℕ) : ∀ x ∈ S, x ≤ S.sum id",
                     vacuity: "theorem t_v (S : Finset ℕ) (x) (hyp₁ : x ∈ S) (binder_types : ((x ∈ S) → (x ≤ S.sum id)) → True) : False",
                     triviality: "theorem t_t (S : Finset ℕ) (x) (binder_types : ((x ∈ S) → (x ≤ S.sum id)) → True) : x ≤ S.sum id"),
        Introduction(statement: "theorem t : ∀ {n : ℕ}, ∀ m > n, (n = 0 → m > 0)",
                     vacuity: "theorem t_v {n : ℕ} (m) (hyp₁ : m > n) (hyp₂ : n = 0) (binder_types : ((m > n) → (n = 0) → (m > 0)) → True) : False",
                     triviality: "theorem t_t {n : ℕ} (m) (binder_types : ((m > n) → (n = 0) → (m > 0)) → True) : m > 0"),
        Introduction(statement: "theorem t (a : ℝ) (h : 0 < a) : (a = 1 → a ^ 2 = 1) → a > 0",
                     vacuity: "theorem t_v (a : ℝ) (h : 0 < a) (hyp₁ : (a = 1 → a ^ 2 = 1)) : False",
                     triviality: "theorem t_t (a : ℝ) : a > 0"),
        Introduction(statement: "theorem t (hyp₁ : 1 = 1) : ∀ x : ℕ, x = x → True",
                     vacuity: "theorem t_v (hyp₁ : 1 = 1) (x : ℕ) (hyp₂ : x = x) : False",
                     triviality: "theorem t_t (x : ℕ) : True"),
        Introduction(statement: "theorem t (f : ℝ → ℝ) : ∀ ε > 0, ∃ δ > 0, ∀ x, |x| < δ → |f x| < ε",
                     vacuity: "theorem t_v (f : ℝ → ℝ) (ε) (hyp₁ : ε > 0) (binder_types : ((ε > 0) → (∃ δ > 0, ∀ x, |x| < δ → |f x| < ε)) → True) : False",
                     triviality: "theorem t_t (f : ℝ → ℝ) (ε) (binder_types : ((ε > 0) → (∃ δ > 0, ∀ x, |x| < δ → |f x| < ε)) → True) : ∃ δ > 0, ∀ x, |x| < δ → |f x| < ε"),
        // An untyped variable keeps the type the whole statement gives it (x : ℤ here, not the ℕ that
        // `(x) : 0 ≤ x` alone would default to, which `omega` proves: a false `trivial_conclusion`).
        Introduction(statement: "theorem t (S : Finset ℤ) (h : S = {1, 2, 3}) : ∀ x ∈ S, 0 ≤ x",
                     vacuity: "theorem t_v (S : Finset ℤ) (h : S = {1, 2, 3}) (x) (hyp₁ : x ∈ S) (binder_types : ((x ∈ S) → (0 ≤ x)) → True) : False",
                     triviality: "theorem t_t (S : Finset ℤ) (x) (binder_types : ((x ∈ S) → (0 ≤ x)) → True) : 0 ≤ x"),
        // … and x : ℝ from `f x` (alone, `(x) (hyp₁ : x > 0) (hyp₂ : x < 1) : False` is ℕ and provable:
        // a false `vacuous`).
        Introduction(statement: "theorem t (f : ℝ → ℝ) : ∀ x > 0, x < 1 → f x < 2",
                     vacuity: "theorem t_v (f : ℝ → ℝ) (x) (hyp₁ : x > 0) (hyp₂ : x < 1) (binder_types : ((x > 0) → (x < 1) → (f x < 2)) → True) : False",
                     triviality: "theorem t_t (f : ℝ → ℝ) (x) (binder_types : ((x > 0) → (x < 1) → (f x < 2)) → True) : f x < 2"),
        Introduction(statement: "theorem t : ∀ (n : ℕ) (hn : 0 < n) [inst : Fact (1 < n)], n ≥ 1",
                     vacuity: "theorem t_v (n : ℕ) (hn : 0 < n) [inst : Fact (1 < n)] : False",
                     triviality: "theorem t_t (n : ℕ) : n ≥ 1"),
        Introduction(statement: "theorem t : (∀ x : ℤ, x ^ 2 = 4 → x = 2 ∨ x = -2)",
                     vacuity: "theorem t_v (x : ℤ) (hyp₁ : x ^ 2 = 4) : False",
                     triviality: "theorem t_t (x : ℤ) : x = 2 ∨ x = -2"),
        Introduction(statement: "theorem t : ℕ → True", vacuity: nil, triviality: nil),
        // Not introduced: `↔` binds looser than `→`, `¬`/`∃` extend over the arrow.
        Introduction(statement: "theorem t : ∀ x : ℕ, x = 1 → x + 1 = 2 ↔ True", vacuity: nil, triviality: nil),
        Introduction(statement: "theorem t : ¬ ∀ x : ℕ, x > 0 → x > 1", vacuity: nil, triviality: nil),
        Introduction(statement: "theorem t : ∃ x : ℕ, x > 0 → x > 1", vacuity: nil, triviality: nil),
        Introduction(statement: "theorem t : ∀ x : ℕ, x + 0 = x", vacuity: nil, triviality: nil),
    ]

    @Test(arguments: introductions) func conclusionPremisesBecomeProbeBinders(_ example: Introduction) throws {
        let declaration = try LeanParser.parseDeclaration(example.statement)
        #expect(declaration.hasProbeHypotheses == (example.vacuity != nil))
        guard let vacuity = example.vacuity, let triviality = example.triviality else { return }
        #expect(declaration.vacuityProbe(named: "t_v").rendered(ending: .bare) == vacuity)
        #expect(declaration.trivialityProbe(named: "t_t").rendered(ending: .bare) == triviality)
    }

    @Test("the typing anchor is no hypothesis, and introducing twice changes nothing")
    func typingAnchorIsStable() throws {
        let declaration = try LeanParser.parseDeclaration("theorem t (S : Finset ℤ) : ∀ x ∈ S, 0 ≤ x")
        let introduced = declaration.introducingConclusionBinders()
        #expect(introduced.hypotheses.map(\.names) == [["hyp₁"]])
        #expect(introduced.introducingConclusionBinders() == introduced)
        #expect(introduced.trivialityProbe(named: "p") == declaration.trivialityProbe(named: "p"))
    }

    @Test("statements without premises keep their conclusion")
    func nothingToIntroduce() throws {
        let declaration = try LeanParser.parseDeclaration("theorem t : ∀ x : ℕ, x = 1 → x + 1 = 2 ↔ True")
        #expect(declaration.introducingConclusionBinders().conclusion == "x = 1 → x + 1 = 2 ↔ True")
        #expect(declaration.introducingConclusionBinders().binders.map(\.rendered) == ["(x : ℕ)"])
    }
}
