import LeanSource
import Testing

/// Issue 12.1/12.6: what a statement relies on before its keyword is kept in effect or refused, never dropped.
@Suite("Scoped prefixes and statement preambles")
struct ScopedPrefixTests {
    @Test func openInPrefixIsRead() throws {
        let declaration = try LeanParser.parseDeclaration("open Real in\ntheorem t1 : π > 3 := by")
        let prefixes = try declaration.scopedPrefixes()
        #expect(prefixes.map(\.text) == ["open Real in"])
        #expect(prefixes[0].kind == .open && prefixes[0].namespaces == ["Real"])
    }

    @Test func stackedPrefixesAreReadInOrder() throws {
        let declaration = try LeanParser.parseDeclaration("""
            /-- doc -/
            set_option maxRecDepth 1000 in
            open scoped BigOperators in
            open Real Nat in
            universe u in
            @[simp] theorem t {α : Type u} (x : ℝ) : Real.sqrt (x ^ 2) = |x| := by
            """)
        let prefixes = try declaration.scopedPrefixes()
        #expect(prefixes.map(\.kind) == [.setOption, .open, .open, .universe])
        #expect(prefixes.map(\.text) == [
            "set_option maxRecDepth 1000 in", "open scoped BigOperators in", "open Real Nat in", "universe u in",
        ])
        #expect(prefixes[0].optionName == "maxRecDepth")
        #expect(prefixes[1].namespaces == ["BigOperators"] && prefixes[2].namespaces == ["Real", "Nat"])
        #expect(declaration.scopedPrefixText == prefixes.map(\.text).joined(separator: "\n"))
    }

    @Test func variablePrefixIsRefusedWithAReason() throws {
        let declaration = try LeanParser.parseDeclaration("variable (x : ℕ) in\ntheorem t : x = x := by")
        #expect(declaration.modifiers == "variable (x : ℕ) in")
        #expect {
            try declaration.scopedPrefixes()
        } throws: { error in
            (error as? LeanSourceError)?.code == .unsupportedCommand && "\(error)".contains("binders")
        }
    }

    @Test(arguments: [
        "variable (x : ℕ) in\ntheorem t : x = x := by",
        "notation \"ω\" => 3 in\ntheorem t : ω = 3 := by",
    ])
    func unsupportedPrefixIsRefusedByParseStatement(_ statement: String) throws {
        #expect(throws: LeanSourceError.self) { try LeanParser.parseStatement(statement) }
    }

    @Test func prefixPolicy() throws {
        let declaration = try LeanParser.parseDeclaration(
            "set_option maxHeartbeats 400000 in\nopen Lean in\nopen Lean.Omega in\ntheorem t : True := by")
        let prefixes = try declaration.scopedPrefixes()
        #expect(prefixes[0].violations(policy: .strict) == [.setOption])
        #expect(prefixes[0].violations(policy: HygienePolicy(allowedOptions: ["maxHeartbeats"])).isEmpty)
        #expect(prefixes[1].violations(policy: .strict) == [.codeExecution])
        #expect(prefixes[2].violations(policy: .strict).isEmpty)
    }

    @Test func ownLinePreambleIsFoldedIntoPrefixes() throws {
        let declaration = try LeanParser.parseStatement("""
            import Mathlib
            set_option maxHeartbeats 400000
            noncomputable section
            open Real
            set_option linter.unusedVariables false
            theorem t1 : π > 3 := by
            """, headerImports: ["Mathlib"])
        #expect(declaration.modifiers == "open Real in\nset_option linter.unusedVariables false in")
        #expect(try declaration.scopedPrefixes().count == 2)
        #expect(declaration.conclusion == "π > 3")
    }

    @Test func importsMustBeInTheHeader() throws {
        #expect(try LeanParser.parseStatement("import Mathlib.Tactic\ntheorem t : True := by", headerImports: ["Mathlib"])
            .modifiers.isEmpty)
        #expect(throws: LeanSourceError.self) { try LeanParser.parseStatement("import Mathlib\ntheorem t : True := by") }
        #expect(LeanParser.imports(ofHeader: "import Mathlib\nimport Aesop\n\nopen Real") == ["Mathlib", "Aesop"])
    }

    @Test(arguments: [
        "def f (x : ℕ) : ℕ := x + 1\ntheorem t : f 1 = 2 := by",
        "namespace Foo\ntheorem t : True := by",
        "variable (x : ℕ)\ntheorem t : x = x := by",
        "attribute [simp] Nat.add_comm\ntheorem t : True := by",
    ])
    func preambleThatCannotBeKeptIsRefused(_ statement: String) {
        #expect {
            try LeanParser.parseStatement(statement)
        } throws: { error in
            (error as? LeanSourceError)?.code == .unsupportedCommand && "\(error)".contains("before the theorem")
        }
    }

    @Test func derivationsKeepThePrefixes() throws {
        let declaration = try LeanParser.parseDeclaration("open Real in\ntheorem t (x : ℝ) (h : 0 < x) : π * x > 0 := by")
        #expect(declaration.negation(named: "n").rendered() == "open Real in theorem n : ¬ (∀ (x : ℝ) (h : 0 < x), π * x > 0) := by")
        #expect(declaration.vacuityProbe(named: "v").modifiers == "open Real in")
        #expect(declaration.trivialityProbe(named: "t2").modifiers == "open Real in")
        for derived in [declaration.negation(named: "n"), declaration.vacuityProbe(named: "v"), declaration.trivialityProbe(named: "t2")] {
            var expected = derived
            expected.body = .tactics("")
            #expect(try LeanParser.parseDeclaration(derived.rendered()) == expected)
        }
    }

    @Test func prefixesArePartOfTheNormalizedStatement() throws {
        let plain = try LeanParser.parseDeclaration("theorem t1 : π > 3 := by")
        let opened = try LeanParser.parseDeclaration("open Real in\ntheorem t1 : π > 3 := by")
        let documented = try LeanParser.parseDeclaration("/-- π -/\n@[simp] theorem t1 : π > 3 := by")
        #expect(plain.normalizedStatement == ": π > 3")
        #expect(opened.normalizedStatement == "open Real in : π > 3")
        #expect(plain.statementHash != opened.statementHash)
        #expect(plain.statementHash == documented.statementHash)
    }

    @Test func signatureIsKeptAsWritten() throws {
        let source = try LeanParser.parseStatementSource("theorem t (n : ℕ) :\n  n = n -- trailing remark\n  := by")
        #expect(source.signature == "(n : ℕ) :\n  n = n -- trailing remark")
        #expect(try LeanParser.parseStatementSource("example (a : ℕ) : a + 0 = a := by").signature == "(a : ℕ) : a + 0 = a")
        #expect(try LeanParser.parseStatementSource("theorem f.{u} {α : Sort u} (a : α) : a = a := by").signature
            == "{α : Sort u} (a : α) : a = a")
    }
}
