import LeanSource
import Testing

@Suite struct DerivationTests {
    static let source = "theorem amc12a_2015_p10 (x y : ℤ) (h₀ : 0 < y) (h₁ : y < x) (h₂ : x + y + x * y = 80) : x = 26 := by\n"
    let declaration: LeanDeclaration

    init() throws { declaration = try LeanParser.parseDeclaration(Self.source) }

    @Test func universalClosure() throws {
        #expect(declaration.universalClosure() ==
            "∀ (x y : ℤ) (h₀ : 0 < y) (h₁ : y < x) (h₂ : x + y + x * y = 80), x = 26")
        #expect(try LeanParser.parseDeclaration("example : 1 + 1 = 2").universalClosure() == "1 + 1 = 2")
    }

    @Test func negation() {
        let negation = declaration.negation(named: "amc_neg")
        #expect(negation.rendered(ending: .tacticBlock) ==
            "theorem amc_neg : ¬ (∀ (x y : ℤ) (h₀ : 0 < y) (h₁ : y < x) (h₂ : x + y + x * y = 80), x = 26) := by")
        #expect(negation.binders.isEmpty && negation.body == .none)
    }

    @Test func vacuityAndTrivialityProbes() {
        #expect(declaration.vacuityProbe(named: "vac").rendered(ending: .sorry) ==
            "theorem vac (x y : ℤ) (h₀ : 0 < y) (h₁ : y < x) (h₂ : x + y + x * y = 80) : False := by sorry")
        #expect(declaration.trivialityProbe(named: "triv").rendered(ending: .term) == "theorem triv (x y : ℤ) : x = 26 :=")
    }

    @Test func derivedDeclarationsReparse() throws {
        for derived in [declaration.negation(named: "n"), declaration.vacuityProbe(named: "v"),
                        declaration.trivialityProbe(named: "t"), declaration.renamed("r")] {
            var expected = derived
            expected.body = .tactics("")
            #expect(try LeanParser.parseDeclaration(derived.rendered()) == expected)
        }
    }

    @Test func renamedKeepsEverythingElse() throws {
        let renamed = declaration.renamed("other")
        #expect(renamed.name == "other" && renamed.binders == declaration.binders)
        #expect(renamed.statementHash == declaration.statementHash)
        let example = try LeanParser.parseDeclaration("example (n : ℕ) : n = n := rfl").renamed("e")
        #expect(example.keyword == .theorem && example.rendered(ending: .body) == "theorem e (n : ℕ) : n = n := rfl")
    }

    @Test func instanceBindersSurviveClosure() throws {
        let declaration = try LeanParser.parseDeclaration("theorem t (p : ℕ) [Fact p.Prime] (h : 2 < p) : Odd p")
        #expect(declaration.universalClosure() == "∀ (p : ℕ) [Fact p.Prime] (h : 2 < p), Odd p")
        #expect(declaration.trivialityProbe(named: "t2").rendered(ending: .bare) == "theorem t2 (p : ℕ) : Odd p")
    }

    @Test func normalizedStatementIsNameAndLayoutIndependent() throws {
        #expect(declaration.normalizedStatement == "(x y : ℤ) (h₀ : 0 < y) (h₁ : y < x) (h₂ : x + y + x * y = 80) : x = 26")
        #expect(declaration.statementHash == "8afbb77220d6419a190ae9d89155d299d06835a20ec7e4020f9e5c32e138d888")
        let reformatted = try LeanParser.parseDeclaration("""
            /-- Same problem. -/
            lemma renamed_one  (x y : ℤ)
                ( h₀ : 0<y ) -- positive
                (h₁ : y < x) (h₂ : x + y + x*y = 80) :
                /- the answer -/ x = 26 := by omega
            """)
        #expect(reformatted.normalizedStatement == declaration.normalizedStatement)
        #expect(reformatted.statementHash == declaration.statementHash)
    }

    @Test func changedConstantOrHypothesisChangesTheHash() throws {
        let variants = [
            "theorem a (x y : ℤ) (h₀ : 0 < y) (h₁ : y < x) (h₂ : x + y + x * y = 80) : x = 27",
            "theorem a (x y : ℤ) (h₀ : 0 < y) (h₁ : y < x) (h₂ : x + y + x * y = 81) : x = 26",
            "theorem a (x y : ℤ) (h₀ : 0 < y) (h₂ : x + y + x * y = 80) : x = 26",
            "theorem a (x y : ℕ) (h₀ : 0 < y) (h₁ : y < x) (h₂ : x + y + x * y = 80) : x = 26",
            "theorem a (x y : ℤ) (h₀ : 0 < y) (h₁ : y < x) (h₂ : x + y + x * y = 80) : x = \"26\"",
        ]
        var hashes: Set<String> = [declaration.statementHash]
        for variant in variants { hashes.insert(try LeanParser.parseDeclaration(variant).statementHash) }
        #expect(hashes.count == variants.count + 1)
    }

    @Test func whitespaceInsideStringsIsKept() throws {
        let one = try LeanParser.parseDeclaration(#"theorem s : "a  b".length = 4"#)
        let two = try LeanParser.parseDeclaration(#"theorem s : "a b".length = 4"#)
        #expect(one.statementHash != two.statementHash)
        #expect(one.normalizedStatement == #": "a  b".length = 4"#)
    }
}

@Suite struct NormalizationDetailTests {
    private func normalized(_ conclusion: String) throws -> String {
        try LeanParser.parseDeclaration("theorem t : \(conclusion)").normalizedStatement
    }

    @Test func spacingIsCanonicalButFieldAccessStaysGlued() throws {
        #expect(try normalized("( f  x ).1 = h.2 ∧ x⁻¹ = 1") == ": (f x).1 = h.2 ∧ x⁻¹ = 1")
        #expect(try normalized("(f x).1 = h.2") == normalized("( f x ).1  =  h.2"))
        #expect(try normalized("∑ k in Finset.range 3, k = 3") == ": ∑ k in Finset.range 3, k = 3")
        #expect(try normalized("{x | x>0} = S") == ": {x | x > 0} = S")
    }
}
