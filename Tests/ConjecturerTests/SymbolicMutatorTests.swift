import Conjecturer
import LeanSource
import Testing

@Suite("SymbolicMutator")
struct SymbolicMutatorTests {
    static let upper = "theorem t (x : ℕ) (h₀ : x ≤ 5) : x < 10 := by"
    static let lower = "theorem u (a b : ℤ) (h₀ : 3 ≤ a) (h₁ : b ≥ 2) : a * b ≥ 6 := by"

    func mutations(_ statement: String, _ op: SymbolicOperator) throws -> [String] {
        SymbolicMutator.mutations(of: try LeanParser.parseDeclaration(statement), operator: op).map { $0.rendered() }
    }

    @Test("perturb_constant: n+1, n−1, 2n for each literal in hypotheses and conclusion")
    func perturbConstant() throws {
        #expect(try mutations(Self.upper, .perturbConstant) == [
            "theorem t (x : ℕ) (h₀ : x ≤ 6) : x < 10 := by",
            "theorem t (x : ℕ) (h₀ : x ≤ 4) : x < 10 := by",
            "theorem t (x : ℕ) (h₀ : x ≤ 10) : x < 10 := by",
            "theorem t (x : ℕ) (h₀ : x ≤ 5) : x < 11 := by",
            "theorem t (x : ℕ) (h₀ : x ≤ 5) : x < 9 := by",
            "theorem t (x : ℕ) (h₀ : x ≤ 5) : x < 20 := by",
        ])
        #expect(try mutations("theorem p (h : 0 < 1 ∧ 2 < 3) : h.1 = h.1 := by", .perturbConstant).allSatisfy { $0.hasSuffix(": h.1 = h.1 := by") })
        #expect(try mutations("theorem q (x : Fin 5) : x = x := by", .perturbConstant).isEmpty, "variable types are left alone")
    }

    @Test("drop_hypothesis removes one hypothesis (or one name of a group), never one still referenced")
    func dropHypothesis() throws {
        #expect(try mutations(Self.upper, .dropHypothesis) == ["theorem t (x : ℕ) : x < 10 := by"])
        #expect(try mutations("theorem g (x : ℝ) (h₀ h₁ : 0 < x) : 0 < x * x := by", .dropHypothesis) == [
            "theorem g (x : ℝ) (h₁ : 0 < x) : 0 < x * x := by",
            "theorem g (x : ℝ) (h₀ : 0 < x) : 0 < x * x := by",
        ])
        #expect(try mutations("theorem r (x : ℕ) (h : 0 < x) (k : Nat.succ 0 ≤ x ∧ h = h) : True := by", .dropHypothesis)
            == ["theorem r (x : ℕ) (h : 0 < x) : True := by"])
    }

    @Test("specialize substitutes the variable everywhere with (c : T) and removes its binder")
    func specialize() throws {
        #expect(try mutations(Self.upper, .specialize) == [
            "theorem t (h₀ : (1 : ℕ) ≤ 5) : (1 : ℕ) < 10 := by",
            "theorem t (h₀ : (2 : ℕ) ≤ 5) : (2 : ℕ) < 10 := by",
        ])
        let specialized = try mutations(Self.lower, .specialize)
        #expect(specialized.first == "theorem u (b : ℤ) (h₀ : 3 ≤ (1 : ℤ)) (h₁ : b ≥ 2) : (1 : ℤ) * b ≥ 6 := by")
        #expect(specialized.contains("theorem u (a : ℤ) (h₀ : 3 ≤ a) (h₁ : (2 : ℤ) ≥ 2) : a * (2 : ℤ) ≥ 6 := by"))
        #expect(try mutations("theorem s (n : ℕ) : n.succ > n := by", .specialize).first == "theorem s : (1 : ℕ).succ > (1 : ℕ) := by")
        #expect(try mutations("theorem w (n : ℕ) (h : ∀ n : ℕ, n ≥ 0) : n = n := by", .specialize).isEmpty, "n is re-bound by ∀")
        #expect(try mutations("theorem f (f : ℕ → ℕ) : f 0 = f 0 := by", .specialize).isEmpty, "function variables are not specialized")
    }

    @Test("swap_strictness swaps one comparison at a time")
    func swapStrictness() throws {
        #expect(try mutations(Self.upper, .swapStrictness) == [
            "theorem t (x : ℕ) (h₀ : x < 5) : x < 10 := by",
            "theorem t (x : ℕ) (h₀ : x ≤ 5) : x ≤ 10 := by",
        ])
        #expect(try mutations("theorem a (x : ℕ) (h : x >= 1) : x > 0 := by", .swapStrictness) == [
            "theorem a (x : ℕ) (h : x > 1) : x > 0 := by",
            "theorem a (x : ℕ) (h : x >= 1) : x ≥ 0 := by",
        ])
    }

    @Test("strengthen_bound and weaken_bound move upper and lower literal bounds the right way")
    func bounds() throws {
        #expect(try mutations(Self.upper, .strengthenBound) == [
            "theorem t (x : ℕ) (h₀ : x ≤ 4) : x < 10 := by",
            "theorem t (x : ℕ) (h₀ : x ≤ 5) : x < 9 := by",
        ])
        #expect(try mutations(Self.upper, .weakenBound) == [
            "theorem t (x : ℕ) (h₀ : x ≤ 6) : x < 10 := by",
            "theorem t (x : ℕ) (h₀ : x ≤ 5) : x < 11 := by",
        ])
        #expect(try mutations(Self.lower, .strengthenBound) == [
            "theorem u (a b : ℤ) (h₀ : 4 ≤ a) (h₁ : b ≥ 2) : a * b ≥ 6 := by",
            "theorem u (a b : ℤ) (h₀ : 3 ≤ a) (h₁ : b ≥ 3) : a * b ≥ 6 := by",
            "theorem u (a b : ℤ) (h₀ : 3 ≤ a) (h₁ : b ≥ 2) : a * b ≥ 7 := by",
        ])
        #expect(try mutations("theorem z (x : ℕ) (h : 0 < x) : x ≥ 0 := by", .weakenBound) == [], "no negative bounds")
        #expect(try mutations("theorem v (x : ℕ) (h : x ≤ 2 * x) : x ≤ 3 + x := by", .strengthenBound).isEmpty, "literal must be a whole operand")
        #expect(try mutations("theorem c (x : ℕ) (h : x ≤ 5 ∧ 1 < x) : True := by", .strengthenBound) == [
            "theorem c (x : ℕ) (h : x ≤ 4 ∧ 1 < x) : True := by",
            "theorem c (x : ℕ) (h : x ≤ 5 ∧ 2 < x) : True := by",
        ])
    }

    @Test("allMutations covers every operator and never returns the parent")
    func allMutations() throws {
        let parent = try LeanParser.parseDeclaration(Self.upper)
        let all = SymbolicMutator.allMutations(of: parent)
        #expect(Set(all.keys) == Set(SymbolicOperator.allCases))
        #expect(all.values.allSatisfy { !$0.contains(parent) && !$0.isEmpty })
        #expect(all.values.joined().allSatisfy { $0.statementHash != parent.statementHash })
    }
}
