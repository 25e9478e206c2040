import LeanSource
import Testing

/// Red-team cases: texts that end the tactic block, hide code from a token scan through places where
/// Lean's parser and this check's lexer disagree, or admit goals under other names. Each must be refused
/// by static hygiene; the honest look-alikes below must stay clean.
@Suite struct HygieneRedTeamTests {
    struct Hostile: Sendable, CustomTestStringConvertible {
        var proof: String
        var rule: HygieneRule
        var why: String
        var testDescription: String { "\(rule.rawValue): \(why)" }
    }

    static let hostile: [Hostile] = [
        // Lean reads `'⏎'` as a character literal; a lexer that does not pairs the quotes one step later,
        // reads `'"'` as a literal and `" sorry "` as a string, where Lean reads `"' "` and then `sorry`.
        Hostile(proof: "exact f '\n'\"' \" sorry \"x\" -- \"", rule: .ambiguousLexing,
                why: "newline character literal shifts quote pairing"),
        Hostile(proof: "exact (fun _ => trivial) 'a'", rule: .ambiguousLexing, why: "any character literal"),
        Hostile(proof: "exact f ∑'\"' run_tac x \" -- \"", rule: .ambiguousLexing,
                why: "token ending in a quote (∑') followed by a \"character literal\""),
        // `h!` is an ordinary identifier for Lean, so `"{"` is a plain string and `sorry` is code; a lexer
        // that treats every `x!"` as an interpolation swallows `sorry` into a nested string.
        Hostile(proof: "exact h!\"{\" sorry -- \"}\"", rule: .ambiguousLexing,
                why: "identifier ending in ! before a string is not an interpolation for Lean"),
        // `s! "…"` (with a space), `throwError "…"`, `dbg_trace "…"`, `trace[…] "…"` interpolate without
        // an adjacent `x!`: `{` then opens a term that can run past the first `"`.
        Hostile(proof: "exact s! \"{\"}\" ++ sorry ++ \"}\"", rule: .ambiguousLexing,
                why: "interpolation not adjacent to its prefix"),
        Hostile(proof: "exact throwError \"{(sorry : Nat)}\"", rule: .sorry, why: "code inside any string's braces"),
        Hostile(proof: "exact \"{x\"", rule: .ambiguousLexing, why: "unclosed brace in a string"),
        Hostile(proof: "exact s!\"{'}'} \"", rule: .ambiguousLexing, why: "quote inside an interpolated term"),
        Hostile(proof: "exact s! \"{x -- }\"", rule: .ambiguousLexing, why: "comment inside an interpolated term"),
        Hostile(proof: "exact s!\"{x -- }\"", rule: .unterminatedString, why: "comment inside an adjacent interpolation"),
        Hostile(proof: "exact s!\"{«}»}\"", rule: .ambiguousLexing, why: "quoted name inside an interpolated term"),
        Hostile(proof: "exact s! \"{x /- }\"", rule: .ambiguousLexing, why: "block comment inside an interpolated term"),
        // Raw strings: a Lean without them reads `r` and a plain string whose `\"` does not end it.
        Hostile(proof: "exact r\"\\\" sorry \"", rule: .ambiguousLexing, why: "raw string with a backslash"),
        Hostile(proof: "exact r#\"a\"b\"#", rule: .ambiguousLexing, why: "raw string with hashes"),
        // After `/-` Lean skips the third character: `/-/-` opens ONE comment for Lean (closed by the
        // first `-/`), two for a nesting count, which would hide `run_tac` below.
        Hostile(proof: "/-/- -/ run_tac closeMainGoal -- -/\nsimp", rule: .ambiguousLexing,
                why: "/-/ comment opener"),
        // `/--` is a token whose body Lean reads from the fourth character: `/--/` is no closed comment.
        Hostile(proof: "exact aux\nwhere\n  /--/ \" -/ aux : 1 = 1 := by run_tac closeMainGoal -- \"",
                rule: .ambiguousLexing, why: "doc comment /--/ in a where clause"),
        Hostile(proof: "simp\n/-- doc -/", rule: .ambiguousLexing, why: "doc comment"),
        Hostile(proof: "/-! module doc -/\nsimp", rule: .ambiguousLexing, why: "module doc comment is a command"),
        // Goals admitted without the word `sorry`.
        Hostile(proof: "apply?", rule: .sorry, why: "apply? admits the goal"),
        Hostile(proof: "plausible", rule: .sorry, why: "plausible admits the goal"),
        Hostile(proof: "slim_check", rule: .sorry, why: "slim_check admits the goal"),
        Hostile(proof: "exact Lean.Elab.admitGoal", rule: .sorry, why: "admitGoal"),
        // A line indented differently ends the tactic block; Lean then reads commands at any column.
        Hostile(proof: "simp\n    simproc foo (1 + 1) := fun _ => pure .continue", rule: .command, why: "simproc"),
        Hostile(proof: "simp\n    notation3 \"ok\" => False", rule: .command, why: "notation3"),
        Hostile(proof: "simp\n    unif_hint (n : Nat) where n =?= 0 ⊢ n + 0 =?= 0", rule: .command, why: "unif_hint"),
        Hostile(proof: "simp\n    irreducible_def foo : Nat := 1", rule: .command, why: "irreducible_def"),
        Hostile(proof: "simp\n    binder_predicate x \" ≫ \" y:term => `($x > $y)", rule: .command, why: "binder_predicate"),
        Hostile(proof: "simp\n    public section", rule: .command, why: "public"),
        Hostile(proof: "simp\n    meta def f := 1", rule: .command, why: "meta"),
        Hostile(proof: "simp\n    deriving instance Repr for Foo", rule: .command, why: "deriving instance"),
        Hostile(proof: "simp\n    local notation \"x\" => 1", rule: .command, why: "local notation, indented"),
        Hostile(proof: "simp\n    variable? [Foo]", rule: .command, why: "variable?"),
        Hostile(proof: "simp\n    open Lean Elab Tactic in\n    run_tac closeMainGoal", rule: .codeExecution,
                why: "open Lean, indented"),
        Hostile(proof: "simp\n    set_option debug.skipKernelTC true in\n    decide +kernel", rule: .setOption,
                why: "set_option, indented"),
        Hostile(proof: "simp\n   #eval 1", rule: .command, why: "#eval, indented"),
        Hostile(proof: "simp\n   @[implemented_by f] opaque g : Nat", rule: .command, why: "attribute, indented"),
        Hostile(proof: "exact lcProof", rule: .codeExecution, why: "compiler-only constant"),
        Hostile(proof: "exact (lcUnreachable : False)", rule: .codeExecution, why: "compiler-only constant"),
        Hostile(proof: "exact dbgTraceIfShared \"x\" trivial", rule: .codeExecution, why: "debug tracing"),
        Hostile(proof: "exact «sorry»", rule: .sorry, why: "quoted sorry"),
        Hostile(proof: "exact _root_.«sorryAx» _ false", rule: .sorry, why: "root-qualified quoted sorryAx"),
    ]

    @Test(arguments: hostile) func hostileProofIsRefused(_ example: Hostile) {
        let violations = ProofHygiene.violations(in: example.proof, policy: .strict)
        #expect(violations.contains { $0.rule == example.rule }, "\(violations)")
    }

    /// The first case really is invisible to a plain token scan: its `sorry` sits inside what the lexer
    /// calls a string, so only the character-literal rule stands in the way.
    @Test func newlineCharacterLiteralHidesCodeFromTheTokenScan() throws {
        let proof = "exact f '\n'\"' \" sorry \"x\" -- \""
        let tokens = try LeanLexer.tokenize(proof).filter { !$0.isTrivia }
        #expect(!tokens.contains { $0.kind == .identifier && $0.text == "sorry" })
        #expect(ProofHygiene.violations(in: proof).map(\.rule) == [.ambiguousLexing])
    }

    /// The `/-/-` case likewise: the lexer sees one comment and `simp`.
    @Test func slashDashSlashCommentHidesCodeFromTheTokenScan() throws {
        let proof = "/-/- -/ run_tac closeMainGoal -- -/\nsimp"
        let tokens = try LeanLexer.tokenize(proof).filter { !$0.isTrivia }
        #expect(tokens.map(\.text) == ["simp"])
        #expect(ProofHygiene.violations(in: proof).map(\.rule) == [.ambiguousLexing])
    }

    static let honest: [String] = [
        "have : f '' s ⊆ t := by simp [hst]\n  exact this",
        "have : f ⁻¹' t ⊆ s := by simp [hst]\n  exact this",
        "have : s!\"{n}\".length = 1 := by simp\n  omega",
        "have : (\"#eval {x} sorry\" : String).length > 0 := by decide\n  omega",
        "have h' : x' = x' := rfl\n  exact h'",
        "open scoped BigOperators in\n  simp [Finset.sum_range_succ]",
        "/- a comment -- with a dash pair -/\n  norm_num",
        "/- nested /- comment -/ here -/\n  norm_num",
        "-- /-/ in a line comment is fine\n  omega",
        "rcases h with ⟨x, hx⟩\n  · exact hx\n  · simp",
        "exact fun x => by\n    nlinarith [sq_nonneg (x - 1)]",
        "induction n with\n  | zero => rfl\n  | succ n ih =>\n    simp [Finset.sum_range_succ, ih]\n    ring",
    ]

    @Test(arguments: honest) func honestProofStaysClean(_ proof: String) {
        #expect(ProofHygiene.violations(in: proof, policy: .strict) == [])
    }

    @Test func violationsAreInTextOrder() {
        let violations = ProofHygiene.violations(in: "simp\n  exact 'a'\n  /-- doc -/\n  exact sorry")
        #expect(violations.map(\.rule) == [.ambiguousLexing, .ambiguousLexing, .sorry])
        #expect(violations.map(\.line) == [2, 3, 4])
        #expect(violations.allSatisfy { !$0.explanation.isEmpty })
    }
}
