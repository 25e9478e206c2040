import LeanExtraction
import Testing

@Suite struct LeanCodeExtractorTests {
    @Test func prefersTheLastCompleteFencedBlock() throws {
        let output = """
            First try:
            ```lean
            theorem a : 1 = 1 := rfl
            ```
            Better:
            ```lean4
            theorem b : 2 = 2 := by
              rfl
            ```
            """
        let found = LeanCodeExtractor.extract(from: output)
        #expect(found.blocks.count == 2)
        #expect(found.blocks.map(\.languageTag) == ["lean", "lean4"])
        #expect(found.preferred?.code == "theorem b : 2 = 2 := by\n  rfl")
    }

    @Test func reasoningBlocksAreIgnored() {
        let output = "<think>```lean\ntheorem wrong : False := sorry\n```</think>\n```lean\nexample : True := trivial\n```"
        let found = LeanCodeExtractor.extract(from: output)
        #expect(found.blocks.count == 1)
        #expect(found.preferredCode == "example : True := trivial")
    }

    @Test func untaggedAndTildeFencesCountOtherLanguagesDoNot() {
        let output = """
            ```python
            theorem not_lean = 1
            ```
            ~~~
            example : True := trivial
            ~~~
            ```
            theorem t : 3 = 3 := rfl
            ```
            """
        let found = LeanCodeExtractor.extract(from: output)
        #expect(found.blocks.map(\.code) == ["example : True := trivial", "theorem t : 3 = 3 := rfl"])
        #expect(found.blocks.map(\.languageTag) == ["", ""])
    }

    @Test func missingClosingFenceIsIncompleteAndLosesToACompleteOne() throws {
        let output = "```lean\ntheorem ok : 1 = 1 := rfl\n```\nNow longer:\n```lean\ntheorem cut : 2 = 2 := by\n  si"
        let found = LeanCodeExtractor.extract(from: output)
        #expect(found.blocks.map(\.isComplete) == [true, false])
        #expect(found.blocks[1].code == "theorem cut : 2 = 2 := by\n  si")
        #expect(found.preferredCode == "theorem ok : 1 = 1 := rfl")
        let onlyTruncated = LeanCodeExtractor.extract(from: "```lean\ntheorem cut : True := by")
        #expect(onlyTruncated.preferred?.isComplete == false)
        #expect(onlyTruncated.preferredCode == "theorem cut : True := by")
    }

    @Test func longerFenceIsNotClosedByShorterOne() {
        let output = "````lean\n/-- ``` inside -/\ntheorem t : True := trivial\n```\nmore\n````"
        let found = LeanCodeExtractor.extract(from: output)
        #expect(found.blocks.count == 1)
        #expect(found.preferredCode == "/-- ``` inside -/\ntheorem t : True := trivial\n```\nmore")
    }

    @Test func bareDeclarationsWithoutFences() {
        let output = """
            Here is the proof.

            import Mathlib
            open Nat

            lemma helper (n : Nat) : n + 0 = n := by
              simp

            theorem main (n : Nat) : 0 + n = n := by
              induction n with
              | zero => rfl

              | succ k ih => omega
            This completes the proof.
            theorem is a word that starts a sentence here
            """
        let found = LeanCodeExtractor.extract(from: output)
        #expect(found.blocks.first?.delimiter == .bare)
        let code = found.blocks.first?.code ?? ""
        #expect(code.hasPrefix("import Mathlib\nopen Nat\n\nlemma helper"))
        #expect(code.hasSuffix("  | succ k ih => omega"))
        #expect(!code.contains("This completes"))
    }

    @Test func bareExampleAndNothingAtAll() {
        #expect(LeanCodeExtractor.extract(from: "example : 2 + 2 = 4 := by decide").preferredCode
            == "example : 2 + 2 = 4 := by decide")
        let none = LeanCodeExtractor.extract(from: "I cannot prove this. An example would be nice.")
        #expect(none.blocks.isEmpty)
        #expect(none.preferred == nil)
        #expect(none.scanFailure == nil)
    }

    @Test func byteRangesPointIntoVisibleText() throws {
        let output = "<think>x</think>é ```lean\nexample : True := trivial\n```"
        let found = LeanCodeExtractor.extract(from: output)
        // The fence is not at a line start (after "é "), so it is not a fence; the stray closing fence
        // opens an empty block, which is dropped; the declaration is then found as bare code.
        #expect(found.blocks.map(\.delimiter) == [.bare])
        #expect(found.preferredCode == "example : True := trivial")
        let fenced = LeanCodeExtractor.extract(from: "<think>x</think>é\n```lean\nexample : True := trivial\n```")
        let block = try #require(fenced.preferred)
        let utf8 = Array(fenced.visibleText.utf8)
        #expect(String(decoding: utf8[block.byteRange], as: UTF8.self).hasPrefix("```lean\n"))
        #expect(block.byteRange.lowerBound == "é\n".utf8.count)
    }

    @Test func crlfLineEndings() {
        let found = LeanCodeExtractor.extract(from: "```lean\r\nexample : True := trivial\r\n```\r\n")
        #expect(found.blocks.count == 1)
    }
}
