import LeanSource
import Testing

@Suite struct LeanParserTests {
    @Test func simpleTheorem() throws {
        let declaration = try LeanParser.parseDeclaration(
            "theorem amc12a_2015_p10 (x y : ℤ) (h₀ : 0 < y) (h₁ : y < x) (h₂ : x + y + x * y = 80) : x = 26 := by\n")
        #expect(declaration.keyword == .theorem)
        #expect(declaration.name == "amc12a_2015_p10")
        #expect(declaration.binders.map(\.names) == [["x", "y"], ["h₀"], ["h₁"], ["h₂"]])
        #expect(declaration.binders.map(\.type) == ["ℤ", "0 < y", "y < x", "x + y + x * y = 80"])
        #expect(declaration.variables.map(\.names) == [["x", "y"]])
        #expect(declaration.conclusion == "x = 26")
        #expect(declaration.body == .tactics(""))
    }

    @Test func nestedBindersOfEveryBracket() throws {
        let declaration = try LeanParser.parseDeclaration("""
            theorem t {α : Type*} [Fintype α] [Fact (1 < p)] ⦃a : α⦄ {{b : α}} (f : ℕ → (ℕ → ℝ))
                (S : Set ℕ) (hS : S = {x | ∃ y, (x, y) ∈ ({(1, 2)} : Set (ℕ × ℕ))}) (g : ℝ → ℝ := fun x => x)
                (h : ∀ x, f x = fun y => (y : ℝ)) : S.Nonempty := by simp
            """)
        #expect(declaration.binders.map(\.bracket) ==
            [.implicit, .instance, .instance, .strictImplicit, .strictImplicit, .explicit, .explicit, .explicit, .explicit, .explicit])
        #expect(declaration.binders[1].names.isEmpty && declaration.binders[1].type == "Fintype α")
        #expect(declaration.binders[4].names == ["b"])
        #expect(declaration.binders[5].type == "ℕ → (ℕ → ℝ)")
        #expect(declaration.binders[7].type == "S = {x | ∃ y, (x, y) ∈ ({(1, 2)} : Set (ℕ × ℕ))}")
        #expect(declaration.binders[8].type == "ℝ → ℝ := fun x => x")
        #expect(declaration.binders.map(\.isHypothesis) ==
            [false, false, true, false, false, false, false, true, false, true])
        #expect(declaration.conclusion == "S.Nonempty")
        #expect(declaration.body == .tactics("simp"))
    }

    @Test func commentsAndStringsInsideStatements() throws {
        let declaration = try LeanParser.parseDeclaration("""
            /-- The doc. -/
            @[simp] private lemma «odd name» (s : String) -- the input
                (h : s = "a := b" /- not the end -/) :
                -- conclusion follows
                s.length = 6 := sorry
            """)
        #expect(declaration.keyword == .lemma)
        #expect(declaration.name == "«odd name»")
        #expect(declaration.modifiers == "/-- The doc. -/\n@[simp] private")
        #expect(declaration.binders[1].type == #"s = "a := b""#)
        #expect(declaration.conclusion == "s.length = 6")
        #expect(declaration.body == .term("sorry"))
    }

    @Test func endings() throws {
        let tactic = try LeanParser.parseDeclaration("example : 1 + 1 = 2 := by\n  norm_num\n  rfl\n")
        #expect(tactic.name == nil && tactic.body == .tactics("  norm_num\n  rfl"))
        #expect(try LeanParser.parseDeclaration("example : True := trivial").body == .term("trivial"))
        #expect(try LeanParser.parseDeclaration("theorem x : True := by sorry").body == .tactics("sorry"))
        #expect(try LeanParser.parseDeclaration("theorem x : True").body == .none)
        let equations = try LeanParser.parseDeclaration("theorem f : ∀ n : ℕ, |(n : ℤ)| ≥ 0\n  | 0 => by simp\n  | n + 1 => by positivity")
        #expect(equations.conclusion == "∀ n : ℕ, |(n : ℤ)| ≥ 0")
        #expect(equations.body == .term("| 0 => by simp\n  | n + 1 => by positivity"))
        let letInType = try LeanParser.parseDeclaration("theorem l : let x := 1; x = 1 := by rfl")
        #expect(letInType.conclusion == "let x := 1; x = 1")
    }

    @Test func multiLineStatementKeepsLayout() throws {
        let declaration = try LeanParser.parseDeclaration("theorem m (a : ℝ) :\n    a ^ 2 ≥ 0\n    ∧ a = a := by\n  constructor")
        #expect(declaration.conclusion == "a ^ 2 ≥ 0\n    ∧ a = a")
        #expect(try LeanParser.parseDeclaration(declaration.rendered(ending: .body)) == declaration)
    }

    @Test func fileSplitsPreambleDeclarationsAndTrailingCommands() throws {
        let file = try LeanParser.parseFile("""
            import Mathlib
            import Aesop
            set_option maxHeartbeats 400000
            open BigOperators Real
            noncomputable section
            def f (x : ℕ) : ℕ := x + 1

            theorem a : f 1 = 2 := by
              simp [f]
            open Nat in
            theorem b (n : ℕ) : n ≤ n ! := Nat.self_le_factorial n
            #eval f 2
            end
            """)
        #expect(file.preamble.imports == ["Mathlib", "Aesop"])
        #expect(file.preamble.commands == [
            "set_option maxHeartbeats 400000", "open BigOperators Real", "noncomputable section",
            "def f (x : ℕ) : ℕ := x + 1",
        ])
        #expect(file.declarations.map(\.name) == ["a", "b"])
        #expect(file.declarations[0].body == .tactics("  simp [f]"))
        #expect(file.declarations[1].modifiers == "open Nat in")
        #expect(file.trailingCommands == ["#eval f 2", "end"])
        #expect(file.preamble.text.hasPrefix("import Mathlib\nimport Aesop\n\nset_option"))
    }

    @Test func parseDeclarationRejectsZeroOrSeveral() {
        #expect(throws: LeanSourceError.self) { try LeanParser.parseDeclaration("import Mathlib\n") }
        #expect {
            try LeanParser.parseDeclaration("theorem a : True := trivial\ntheorem b : True := trivial")
        } throws: { error in
            guard let error = error as? LeanSourceError else { return false }
            return error.code == .multipleDeclarations && error.line == 2 && error.column == 0
        }
    }

    @Test func malformedInputThrowsTypedErrorsWithOrigin() {
        let cases: [(String, LeanSourceError.Code)] = [
            ("theorem : True := trivial", .missingName),
            ("theorem t (x : ℕ) := rfl", .missingType),
            ("theorem t (x : ℕ : x = x := rfl", .unbalancedBrackets),
            ("theorem t (1 : ℕ) : True := trivial", .malformedBinder),
            ("Here is the proof: theorem t : True := trivial", .unexpectedToken),
            ("theorem t : True := by\n  /- unclosed", .unterminatedComment),
        ]
        for (text, code) in cases {
            #expect {
                try LeanParser.parseDeclaration(text, origin: "model output")
            } throws: { error in
                guard let error = error as? LeanSourceError else { return false }
                return error.code == code && error.origin == "model output"
            }
        }
    }

    @Test func renderedDeclarationsRoundTrip() throws {
        let declaration = try LeanParser.parseDeclaration(
            "/-- d -/\n@[simp] theorem t {α : Type} [Inhabited α] (x : α) (h : x = x) : x = x := by rfl")
        for ending in LeanDeclaration.Ending.allCases {
            var expected = declaration
            switch ending {
            case .tacticBlock: expected.body = .tactics("")
            case .term: expected.body = .term("")
            case .sorry: expected.body = .tactics("sorry")
            case .bare: expected.body = .none
            case .body: break
            }
            #expect(try LeanParser.parseDeclaration(declaration.rendered(ending: ending)) == expected)
        }
    }
}
