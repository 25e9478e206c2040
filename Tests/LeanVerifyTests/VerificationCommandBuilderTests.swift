import LeanVerify
import Testing

@Suite("VerificationCommandBuilder")
struct VerificationCommandBuilderTests {
    let statement = "theorem amc12a_2015_p10 (x y : ℤ) (h₀ : 0 < y) (h₁ : y < x) : x = 26 := by\n"

    @Test func tacticProofIsIndentedUnderTheRenderedStatement() throws {
        let command = try VerificationCommandBuilder.build(
            statement: statement, proof: "nlinarith [h₀]\n\nomega", referenceName: { "leanplay_ref_0" })
        #expect(command.mode == .tactic)
        #expect(command.theoremName == "amc12a_2015_p10")
        #expect(command.theoremCommand
            == "theorem amc12a_2015_p10 (x y : ℤ) (h₀ : 0 < y) (h₁ : y < x) : x = 26 := by\n  nlinarith [h₀]\n  \n  omega")
        #expect(command.axiomsCommand == "#print axioms amc12a_2015_p10")
        #expect(command.typeCheckCommand == "example : type_of% @leanplay_ref_0 := @amc12a_2015_p10")
        #expect(command.referenceCommand
            == "theorem leanplay_ref_0 (x y : ℤ) (h₀ : 0 < y) (h₁ : y < x) : x = 26\n  := by sorry")
        #expect(command.referenceName == "leanplay_ref_0")
        #expect(command.positionMap.proofStartLine == 2)
        #expect(command.positionMap.proofLineLengths == [14, 0, 5])
    }

    @Test func aProofLineAtColumnZeroNeverReachesColumnZero() throws {
        let command = try VerificationCommandBuilder.build(statement: "theorem t : 1 = 1 := by", proof: "\nrfl")
        let lines = command.theoremCommand.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("  ") })
        #expect(command.positionMap.proofStartLine == 2)
    }

    @Test func termStatementGetsATermProofOnTheNextLine() throws {
        let command = try VerificationCommandBuilder.build(statement: "theorem t (n : ℕ) : n = n :=", proof: "rfl")
        #expect(command.mode == .term)
        #expect(command.theoremCommand == "theorem t (n : ℕ) : n = n :=\n  rfl")
    }

    @Test func sorryPlaceholderCountsAsNoProof() throws {
        let command = try VerificationCommandBuilder.build(statement: "theorem t : 1 = 1 := by sorry", proof: "rfl")
        #expect(command.mode == .tactic)
        #expect(!command.theoremCommand.contains("sorry"))
    }

    @Test func exampleGetsAFreshPrintableName() throws {
        let command = try VerificationCommandBuilder.build(
            statement: "example (a : ℕ) : a + 0 = a := by", proof: "simp", freshName: { "leanplay_example_1" })
        #expect(command.theoremName == "leanplay_example_1")
        #expect(command.theoremCommand.hasPrefix("theorem leanplay_example_1 (a : ℕ) : a + 0 = a := by\n"))
        #expect(command.axiomsCommand == "#print axioms leanplay_example_1")
        let first = VerificationCommandBuilder.freshExampleName()
        let second = VerificationCommandBuilder.freshExampleName()
        #expect(first != second && first.hasPrefix("leanplay_example_"))
    }

    @Test func characterLiteralsAndBraceStringsInAStatementBuild() throws {
        let command = try VerificationCommandBuilder.build(
            statement: "theorem t (c : Char) (h : c = '{') : \"{\".length = 1 ∧ 'a'.toNat = 97 := by", proof: "decide")
        #expect(command.theoremCommand.hasPrefix("theorem t (c : Char) (h : c = '{') : \"{\".length = 1 ∧ 'a'.toNat = 97 := by"))
    }

    @Test func modifiersAreDropped() throws {
        let command = try VerificationCommandBuilder.build(statement: "/-- doc -/\n@[simp] theorem t : 1 = 1 := by", proof: "rfl")
        #expect(command.theoremCommand == "theorem t : 1 = 1 := by\n  rfl")
    }

    @Test(arguments: [
        "def f : ℕ := 1",
        "theorem t : 1 = 1 := by rfl",
        "theorem t : 1 = 1 := rfl",
        "theorem t : (sorry : Prop) := by",
        "theorem t (h : native_decide) : 1 = 1 := by",
        "",
    ])
    func invalidStatementsAreRefused(_ statement: String) {
        #expect {
            try VerificationCommandBuilder.build(statement: statement, proof: "rfl")
        } throws: { error in
            (error as? LeanVerifyError)?.code == .invalidStatement
        }
    }

    /// Reasons from the parser end in a period; the refusal read "…in the header).. Pass exactly one …".
    @Test(arguments: [
        "variable (x : ℕ)\ntheorem t : x = x := by",
        "import Foo\ntheorem t (x : ℕ) : x = x := by",
        "theorem t : 1 = 1 := by\nend",
        "def f : ℕ := 1",
    ])
    func aRefusalReadsAsOneSentencePerReason(_ statement: String) {
        do {
            _ = try VerificationCommandBuilder.build(statement: statement, proof: "rfl")
            Issue.record("\(statement) must be refused")
        } catch {
            #expect(!error.message.contains(".."), "\(error.message)")
            #expect(error.message.contains(". Pass exactly one theorem"), "\(error.message)")
        }
    }

    @Test func validationCommandClosesTheStatementWithSorry() throws {
        #expect(try VerificationCommandBuilder.validationCommand(statement: statement)
            == "theorem amc12a_2015_p10 (x y : ℤ) (h₀ : 0 < y) (h₁ : y < x) : x = 26 := by sorry")
    }
}

@Suite("VerificationCommandBuilder comment safety")
struct VerificationCommandBuilderCommentTests {
    @Test func aLineCommentInTheConclusionCannotSwallowTheProofOpening() throws {
        let statement = "theorem t (n : ℕ) :\n  n = n -- trailing remark\n  := by"
        do {
            let command = try VerificationCommandBuilder.build(statement: statement, proof: "rfl")
            let firstProofLine = command.positionMap.proofStartLine
            let lines = command.theoremCommand.split(separator: "\n", omittingEmptySubsequences: false)
            let opening = lines[firstProofLine - 2]
            // Whatever the rendering, `:= by` must not sit behind a `--` on its line.
            let commentStart = opening.firstRange(of: "--")?.lowerBound
            let byStart = opening.firstRange(of: ":= by")?.lowerBound
            #expect(byStart != nil)
            if let commentStart, let byStart { #expect(byStart < commentStart) }
        } catch {
            #expect(error.code == .invalidStatement)
        }
    }
}
