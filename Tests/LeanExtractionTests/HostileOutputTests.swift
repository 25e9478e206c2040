import LeanExtraction
import Testing

/// Model output is hostile: huge, repetitive, or built to make a regex engine backtrack.
@Suite struct HostileOutputTests {
    @Test func manyFenceLinesAndUnclosedTagsFinishQuickly() {
        let fences = String(repeating: "```\n", count: 20_001) + "tail"
        let found = LeanCodeExtractor.extract(from: fences)
        #expect(found.scanFailure == nil)
        #expect(found.blocks.last?.isComplete == false)

        let tags = String(repeating: "<think>", count: 50_000)
        #expect(stripReasoning(tags) == "")
        #expect(stripReasoning("answer " + String(repeating: "</think>", count: 50_000)).isEmpty == false)
    }

    @Test func longUnterminatedBlockAndLongBareDeclaration() {
        let body = String(repeating: "  simp [Nat.add_comm, Nat.mul_comm] at h ⊢\n", count: 20_000)
        let truncated = LeanCodeExtractor.extract(from: "```lean\ntheorem t : True := by\n" + body)
        #expect(truncated.preferred?.isComplete == false)
        #expect(truncated.preferredCode?.hasSuffix("at h ⊢") == true)
        let bare = LeanCodeExtractor.extract(from: "theorem t : True := by\n" + body + "\nDone.")
        #expect(bare.preferred?.delimiter == .bare)
        #expect(bare.preferredCode?.hasSuffix("at h ⊢") == true)
    }

    @Test func nulAndControlCharactersAreJustText() {
        let output = "```lean\nexample : True := trivial\u{0}\u{1B}[31m\n```"
        #expect(LeanCodeExtractor.extract(from: output).preferredCode == "example : True := trivial\u{0}\u{1B}[31m")
    }
}
