import LeanSource
import Testing

@Suite struct LeanLexerTests {
    private func significant(_ text: String) throws -> [String] {
        try LeanLexer.tokenize(text).filter { !$0.isTrivia }.map(\.text)
    }

    @Test func tokenizationIsLossless() throws {
        let text = "theorem t (h₀ : x ≤ 2) /- c /- nested -/ -/ : x < 3 := by\n  -- done\n  omega\n"
        let tokens = try LeanLexer.tokenize(text)
        #expect(tokens.map(\.text).joined() == text)
    }

    @Test func commentsNestAndAreClassified() throws {
        let tokens = try LeanLexer.tokenize("/-- doc -/ /-! mod -/ /- a /- b -/ c -/ -- line\nx")
        let comments = tokens.filter(\.isComment)
        #expect(comments.map(\.kind) == [.docComment, .moduleDocComment, .blockComment, .lineComment])
        #expect(comments[2].text == "/- a /- b -/ c -/")
        #expect(comments[3].text == "-- line")
    }

    @Test func unicodeIdentifiers() throws {
        #expect(try significant("h₀ x'' h' α₁ ℝ Nat.succ «my name».foo x!") ==
            ["h₀", "x''", "h'", "α₁", "ℝ", "Nat.succ", "«my name».foo", "x!"])
        #expect(try significant("h.1 (f x).2") == ["h", ".", "1", "(", "f", "x", ")", ".", "2"])
    }

    @Test func numbers() throws {
        let tokens = try LeanLexer.tokenize("42 0x1F 0b101 2.5 1e10 2.5e-3 3.").filter { !$0.isTrivia }
        #expect(tokens.map(\.text) == ["42", "0x1F", "0b101", "2.5", "1e10", "2.5e-3", "3", "."])
        #expect(tokens.dropLast().allSatisfy { $0.kind == .number })
    }

    @Test func symbols() throws {
        #expect(try significant("∀ x ∈ s, ∃! y, x⁻¹ ≠ y ∧ ¬ p ↔ q := a → b <;> c ∣ d ℝ≥0 @[simp] ?_ ∑ ∏") ==
            ["∀", "x", "∈", "s", ",", "∃!", "y", ",", "x", "⁻¹", "≠", "y", "∧", "¬", "p", "↔", "q", ":=",
             "a", "→", "b", "<;>", "c", "∣", "d", "ℝ≥0", "@[", "simp", "]", "?_", "∑", "∏"])
    }

    @Test func stringsAndCharacters() throws {
        let tokens = try LeanLexer.tokenize(#"f "a := \"b\" -- no" 'x' '\n' h' s!"{"}"} {x}""#)
            .filter { !$0.isTrivia }
        #expect(tokens.map(\.kind) == [.identifier, .string, .character, .character, .identifier, .identifier, .string])
        #expect(tokens[1].text == #""a := \"b\" -- no""#)
        #expect(tokens[6].text == #""{"}"} {x}""#)
    }

    @Test func hashCommandsAreSingleTokens() throws {
        #expect(try significant("#eval 1 #print axioms t #[1, 2]") == ["#eval", "1", "#print", "axioms", "t", "#[", "1", ",", "2", "]"])
    }

    @Test func positionsAreLineAndZeroBasedColumn() throws {
        let tokens = try LeanLexer.tokenize("a\n  βc := 1").filter { !$0.isTrivia }
        #expect(tokens.map(\.line) == [1, 2, 2, 2])
        #expect(tokens.map(\.column) == [0, 2, 5, 8])
    }

    @Test func unterminatedBlockCommentIsReportedWhereItStarts() {
        #expect {
            _ = try LeanLexer.tokenize("x\n  /- open /- nested -/ never closed")
        } throws: { error in
            guard let error = error as? LeanSourceError else { return false }
            return error.code == .unterminatedComment && error.line == 2 && error.column == 2
        }
    }

    @Test func unterminatedStringIsReported() {
        #expect {
            _ = try LeanLexer.tokenize("exact \"oops")
        } throws: { error in
            (error as? LeanSourceError)?.code == .unterminatedString && (error as? LeanSourceError)?.column == 6
        }
    }

    @Test func invalidUTF8IsReportedWithPosition() {
        let bytes: [UInt8] = Array("ok\nab".utf8) + [0xFF, 0x41]
        #expect {
            _ = try LeanLexer.tokenize(utf8: bytes)
        } throws: { error in
            guard let error = error as? LeanSourceError else { return false }
            return error.code == .invalidUTF8 && error.line == 2 && error.column == 2
        }
    }

    @Test func validUTF8BytesTokenize() throws {
        let tokens = try LeanLexer.tokenize(utf8: Array("x ≤ y".utf8))
        #expect(tokens.count == 5)
    }

    @Test func partialTokenizationKeepsTokensBeforeTheError() {
        let outcome = LeanLexer.tokenizePartially("simp\n/- never")
        #expect(outcome.tokens.map(\.text) == ["simp", "\n"])
        #expect(outcome.error?.code == .unterminatedComment)
    }
}
