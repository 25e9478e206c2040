import LeanSource
import Testing

/// Issue 12.19: honest constructs pass static hygiene; a hostile variant of each allowance is still refused.
@Suite("Honest constructs and their hostile variants")
struct HonestConstructTests {
    @Test(arguments: [
        "have h3 : #s = 3 := by simpa using hs\nomega",
        "rw [Finset.card_eq_three] at h\nexact ⟨#t, rfl⟩",
        "have : #(Finset.range 3) = 3 := by simp\nomega",
        "exact Lean.Omega.Int.ofNat_lt.mpr h",
        "simp only [Lean.Grind.CommRing.add_comm]",
        "open Lean.Omega in\nomega",
    ])
    func honestProofIsClean(_ proof: String) {
        #expect(ProofHygiene.violations(in: proof).isEmpty, "\(ProofHygiene.violations(in: proof))")
    }

    @Test(arguments: [
        ("omega\n  #eval IO.println 1", HygieneRule.command),
        ("omega\n  #evalx", .command),
        ("omega\n  #print axioms t", .command),
        ("omega\n#s_unknown_command", .command),
        ("exact Lean.Elab.Term.elabTerm", .codeExecution),
        ("exact Lean.OmegaX.cheat", .codeExecution),
        ("open Lean in\nomega", .codeExecution),
        ("open Lean.Meta in\nomega", .codeExecution),
        ("exact 'a'", .ambiguousLexing),
        ("stop", .sorry),
    ])
    func hostileVariantIsStillRefused(_ proof: String, _ rule: HygieneRule) {
        #expect(ProofHygiene.violations(in: proof).map(\.rule).contains(rule), "\(ProofHygiene.violations(in: proof))")
    }

    static let honestParts: [(String, Set<String>)] = [
        ("'a'.toNat = 97", Set<String>()),
        ("(String.mk ['{', '}']).length = 2", []),
        ("'\\n'.toNat = 10 ∧ '\\x41' = 'A' ∧ '\\u{3B1}'.isAlpha", []),
        ("\"{\".length = 1", []),
        ("(\"a{b\" ++ \"}\").length = 4", []),
        ("stop + 0 = stop", ["stop"]),
        ("meta ≤ include", ["meta", "include"]),
    ]

    @Test(arguments: honestParts)
    func honestStatementPartIsClean(_ part: String, _ bound: Set<String>) {
        let violations = ProofHygiene.statementViolations(in: part, boundNames: bound)
        #expect(violations.isEmpty, "\(violations)")
    }

    static let hostileParts: [(String, Set<String>)] = [
        ("(f)'a' = 0", Set<String>()),
        ("s!\"{sorry}\" = \"\"", []),
        ("(throwError \"{x\" : Prop)", []),
        ("(logInfoAt r \"{ \"}\" : Prop)", []),
        ("(by trace \"{\"; trivial : True)", []),
        ("(Lean.logErrorAt r \"{\" : Prop)", []),
        ("'\\q' = 'a'", []),
        ("stop = 0", []),
        ("(by stop : stop = stop)", ["stop"]),
        ("meta = 0", []),
        ("sorry = 0", ["sorry"]),
    ]

    @Test(arguments: hostileParts)
    func hostileStatementPartIsRefused(_ part: String, _ bound: Set<String>) {
        #expect(!ProofHygiene.statementViolations(in: part, boundNames: bound).isEmpty)
    }

    @Test func finsetCardNotationDoesNotSplitAStatement() throws {
        let declaration = try LeanParser.parseDeclaration("theorem t (s : Finset ℕ) (h : #s = 3) : #s ≠ 0 := by")
        #expect(declaration.binders.count == 2 && declaration.conclusion == "#s ≠ 0")
        #expect(throws: LeanSourceError.self) { try LeanParser.parseDeclaration("theorem t : True := by\n#eval 1") }
    }
}
