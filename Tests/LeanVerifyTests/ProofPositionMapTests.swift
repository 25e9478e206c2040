@testable import LeanVerify
import Testing

@Suite("Proof position mapping")
struct ProofPositionMapTests {
    @Test func mapsProofLinesBackByTheIndentation() {
        let map = ProofPositionMap(proofStartLine: 3, proofLineLengths: [5, 12, 0, 7])
        #expect(map.map(line: 3, column: 2) == (.proof, 1, 0))
        #expect(map.map(line: 4, column: 9) == (.proof, 2, 7))
        #expect(map.map(line: 6, column: 4) == (.proof, 4, 2))
    }

    @Test func keepsStatementPositionsAndFlagsThem() {
        let map = ProofPositionMap(proofStartLine: 3, proofLineLengths: [5])
        #expect(map.map(line: 1, column: 23) == (.statement, 1, 23))
        #expect(map.map(line: 2, column: 0) == (.statement, 2, 0))
        #expect(map.map(line: 0, column: 0).location == .unknown)
    }

    @Test func clampsIntoTheIndentationAndPastTheEnd() {
        let map = ProofPositionMap(proofStartLine: 2, proofLineLengths: [4, 6])
        #expect(map.map(line: 2, column: 0) == (.proof, 1, 0))
        #expect(map.map(line: 2, column: 99) == (.proof, 1, 4))
        #expect(map.map(line: 9, column: 0) == (.proof, 2, 6))
    }

    @Test func layoutIndentsEveryLineAndCountsScalars() {
        let (text, lengths) = ProofLayout.indented("intro x\n\nsimp [h₀]\r\nlinarith")
        #expect(text == "  intro x\n  \n  simp [h₀]\n  linarith")
        #expect(lengths == [7, 0, 9, 8])
    }

    @Test func layoutKeepsALoneCarriageReturnForLeanToReject() {
        #expect(ProofLayout.lines(of: "a\rb\r\nc") == ["a\rb", "c"])
        #expect(ProofLayout.lines(of: "x\r") == ["x\r"])
    }

    @Test func errorRecordsGetProofRelativePositions() {
        let map = ProofPositionMap(proofStartLine: 2, proofLineLengths: [10, 10])
        let error = map.error(severity: "error", message: "m", line: 3, column: 4, endLine: 3, endColumn: 8)
        #expect(error.location == .proof && error.isInsideProof)
        #expect(error.line == 2 && error.column == 2 && error.endLine == 2 && error.endColumn == 6)
        let outside = map.error(severity: "error", message: "m", line: 1, column: 30, endLine: 1, endColumn: 32)
        #expect(!outside.isInsideProof && outside.line == 1 && outside.column == 30)
    }
}
