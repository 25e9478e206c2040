import LeanExtraction
import Testing

@Suite struct ReasoningStripperTests {
    @Test func removesClosedThinkBlocksOfEveryKind() {
        let text = "<think>a\nb</think>X<THINKING>c</THINKING>Y<reasoning kind=\"x\">d</reasoning>Z"
        #expect(stripReasoning(text) == "XYZ")
        let found = LeanCodeExtractor.extract(from: text)
        #expect(found.reasoning == ["a\nb", "c", "d"])
    }

    @Test func unclosedThinkHidesTheRest() {
        #expect(stripReasoning("<think>I will write ```lean\ntheorem x : True := trivial\n```") == "")
        #expect(stripReasoning("Answer: 1\n<think>truncated") == "Answer: 1\n")
    }

    @Test func orphanClosingTagHidesEverythingBefore() {
        #expect(stripReasoning("reasoning without an opening tag</think>\nfinal") == "\nfinal")
    }

    @Test func textWithoutReasoningIsUnchanged() {
        let text = "no tags here; <thinker> is not a tag name"
        #expect(stripReasoning(text) == text)
    }
}
