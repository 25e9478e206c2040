import LeanSource
import Testing

@Suite struct ProofHygieneTests {
    /// A hostile proof and the rule it must trip.
    struct Hostile: Sendable, CustomTestStringConvertible {
        var proof: String
        var rule: HygieneRule
        var testDescription: String { "\(rule.rawValue): \(proof.prefix(40))" }
    }

    static let hostile: [Hostile] = [
        Hostile(proof: "sorry", rule: .sorry),
        Hostile(proof: "  have h : x = 1 := by\n    have h' : 1 = 1 := sorry\n    simp\n  exact h", rule: .sorry),
        Hostile(proof: "-- the next line is fine\n  admit", rule: .sorry),
        Hostile(proof: "/- admit? -/ admit", rule: .sorry),
        Hostile(proof: "exact sorryAx _ false", rule: .sorry),
        Hostile(proof: "exact @_root_.sorryAx _ false", rule: .sorry),
        Hostile(proof: "exact «sorry»", rule: .sorry),
        Hostile(proof: "constructor\n  stop\n  simp", rule: .sorry),
        Hostile(proof: "simp\n/- unterminated", rule: .unterminatedComment),
        Hostile(proof: "simp /- outer /- inner -/ still open", rule: .unterminatedComment),
        Hostile(proof: "exact \"never closed", rule: .unterminatedString),
        Hostile(proof: "simp\n#exit", rule: .command),
        Hostile(proof: "simp\n  #print axioms foo", rule: .command),
        Hostile(proof: "trivial\n\ntheorem fake : False := by trivial", rule: .command),
        Hostile(proof: "trivial\naxiom cheat : False", rule: .command),
        Hostile(proof: "exact x\ndef helper := 1", rule: .command),
        Hostile(proof: "simp\ninstance : Inhabited Empty := sorry", rule: .command),
        Hostile(proof: "rfl\nend\nnamespace Foo", rule: .command),
        Hostile(proof: "simp\n@[simp] lemma l : True := trivial", rule: .command),
        Hostile(proof: "simp\nattribute [simp] foo", rule: .command),
        Hostile(proof: "macro \"cheat\" : tactic => `(tactic| sorry)", rule: .command),
        Hostile(proof: "elab \"cheat\" : tactic => pure ()", rule: .command),
        Hostile(proof: "simp\nnotation \"⊥⊥\" => False", rule: .command),
        Hostile(proof: "simp\nopen Foo\nsimp", rule: .command),
        Hostile(proof: "simp\nprivate theorem x : True := trivial", rule: .command),
        Hostile(proof: "set_option maxHeartbeats 0 in\n  nlinarith", rule: .setOption),
        Hostile(proof: "set_option debug.skipKernelTC true in\n  simp", rule: .setOption),
        Hostile(proof: "native_decide", rule: .nativeComputation),
        Hostile(proof: "decide +native", rule: .nativeComputation),
        Hostile(proof: "decide (config := {native := true})", rule: .nativeComputation),
        Hostile(proof: "bv_decide", rule: .nativeComputation),
        Hostile(proof: "decide (config := { kernel := false, native := true })", rule: .nativeComputation),
        Hostile(proof: "simp\nstructure S where\n  x : ℕ\n  deriving Repr", rule: .command),
        Hostile(proof: "exact Lean.ofReduceBool _ _ rfl", rule: .nativeComputation),
        Hostile(proof: "run_tac Lean.Elab.Tactic.closeMainGoal (mkConst ``True.intro)", rule: .codeExecution),
        Hostile(proof: "have := IO.Process.run {cmd := \"sh\"}\n  simp", rule: .codeExecution),
        Hostile(proof: "exact (unsafe (unsafeCast ()))", rule: .codeExecution),
        Hostile(proof: "simp\n@[implemented_by foo] def bar := 1", rule: .codeExecution),
        Hostile(proof: "by_elab do return Lean.mkConst ``True.intro", rule: .codeExecution),
        Hostile(proof: "open Lean Elab Tactic in\n  run_tac closeMainGoal default", rule: .codeExecution),
        Hostile(proof: "exact (Lean.Meta.mkSorry default false)", rule: .codeExecution),
        Hostile(proof: "simp)\ntheorem x : False := sorry", rule: .unbalancedBracket),
        Hostile(proof: "exact h }", rule: .unbalancedBracket),
        Hostile(proof: "", rule: .emptyProof),
        Hostile(proof: "  \n  -- nothing here\n  /- nor here -/\n", rule: .emptyProof),
        Hostile(proof: "exact (s!\"{(sorry : Nat)}\").length", rule: .sorry),
        Hostile(proof: "exact f '\n'\"' \" sorry \"x\" -- \"", rule: .ambiguousLexing),
        Hostile(proof: "/-/- -/ run_tac closeMainGoal -- -/\nsimp", rule: .ambiguousLexing),
    ]

    @Test(arguments: hostile) func hostileProofIsFlagged(_ example: Hostile) {
        let violations = ProofHygiene.violations(in: example.proof, policy: .strict)
        #expect(violations.contains { $0.rule == example.rule }, "\(violations)")
        #expect(!ProofHygiene.isClean(example.proof))
    }

    @Test func batteryCoversEveryTextRule() {
        let covered = Set(Self.hostile.map(\.rule))
        let textRules = Set(HygieneRule.allCases).subtracting([.invalidUTF8, .unterminatedIdentifier])
        #expect(covered == textRules)
        #expect(Self.hostile.count >= 35)
    }

    static let honest: [String] = [
        "-- no sorry here, and no admit either\n  norm_num",
        "intro x\n\n  simp at *\n\n  linarith",
        "have h_sorry : 1 = 1 := rfl\n  exact sorry_lemma h_sorry",
        "have := (\"#eval theorem sorry\" : String).length\n  decide",
        "decide",
        "nlinarith [sq_nonneg (a - b), sq_nonneg (a + b), mul_pos ha hb]",
        "calc a = b := by rw [h₀]\n    _ ≤ c := by\n      exact le_of_lt h₁",
        "fun x => ⟨x, rfl⟩",
        "by\n  rcases h with ⟨x, hx⟩\n  exact ⟨x, by simpa using hx⟩",
        "simp (config := {decide := true})",
        "open Real in\n  nlinarith [sq_sqrt (show (0:ℝ) ≤ 2 by norm_num)]",
        "induction n with\n  | zero => simp\n  | succ k ih => omega",
        "exact h.1.2",
        "norm_num [Nat.factorial, Finset.sum_range_succ] /- nested /- ok -/ -/",
        "decide +kernel",
        "let native := 5\n  decide (config := {native := false})",
    ]

    @Test(arguments: honest) func honestProofIsClean(_ proof: String) {
        let mode: ProofHygiene.Mode = proof.hasPrefix("fun") || proof.hasPrefix("by") ? .term : .tactic
        #expect(ProofHygiene.violations(in: proof, mode: mode, policy: .strict) == [])
    }

    @Test func positionsAreInTheProofText() throws {
        let violations = ProofHygiene.violations(in: "simp\n  exact sorry\n/- open", policy: .strict)
        #expect(violations.map(\.rule) == [.sorry, .unterminatedComment])
        #expect(violations[0].offending == "sorry" && violations[0].line == 2 && violations[0].column == 8)
        #expect(violations[1].line == 3 && violations[1].column == 0)
        #expect(violations[0].explanation.contains("sorry"))
    }

    @Test func policyAllowsListedOptionsAndNativeComputation() {
        let policy = HygienePolicy(allowedOptions: ["maxRecDepth"], allowNativeComputation: true)
        #expect(ProofHygiene.isClean("set_option maxRecDepth 1000 in\n  native_decide", policy: policy))
        #expect(!ProofHygiene.isClean("set_option maxHeartbeats 0 in\n  simp", policy: policy))
        #expect(!ProofHygiene.isClean("native_decide", policy: .strict))
    }

    @Test func invalidUTF8BytesAreAViolation() {
        let violations = ProofHygiene.violations(inUTF8: Array("simp\n".utf8) + [0xC3, 0x28], policy: .strict)
        #expect(violations.map(\.rule) == [.invalidUTF8])
        #expect(violations.first?.line == 2)
        #expect(ProofHygiene.violations(inUTF8: Array("simp".utf8), policy: .strict) == [])
    }

    @Test func unterminatedQuotedNameIsAViolation() {
        #expect(ProofHygiene.violations(in: "exact «sorry", policy: .strict).map(\.rule) == [.unterminatedIdentifier])
    }

    @Test func termModeTreatsALoneByAsEmpty() {
        #expect(ProofHygiene.violations(in: "by", mode: .term).map(\.rule) == [.emptyProof])
        #expect(ProofHygiene.violations(in: "by simp", mode: .term) == [])
    }
}
