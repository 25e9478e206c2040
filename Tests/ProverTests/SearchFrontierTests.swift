import Prover
import Testing

@Suite("Search frontier and nodes")
struct SearchFrontierTests {
    private func node(_ sketch: Int, goals: [[String]], depth: Int = 0) -> SearchNode {
        SearchNode(
            sketchIndex: sketch,
            open: goals.enumerated().map { ProofObligation(sorryIndex: $0.offset, proofState: $0.offset, goals: $0.element) },
            depth: depth)
    }

    @Test("pops the node with the fewest open goals first, ties in push order")
    func bestFirst() {
        var frontier = SearchFrontier()
        frontier.push(node(0, goals: [["⊢ a", "⊢ b"]]))
        frontier.push(node(1, goals: [["⊢ c"]]))
        frontier.push(node(2, goals: [["⊢ d"]]))
        frontier.push(node(3, goals: [["⊢ e"]], depth: 3))
        #expect(frontier.count == 4)
        #expect(frontier.popBest()?.sketchIndex == 1)
        #expect(frontier.popBest()?.sketchIndex == 2, "equal scores come out in push order")
        #expect(frontier.popBest()?.sketchIndex == 3, "one goal at depth 3 (1 + 0.75) beats two goals at depth 0 (2)")
        #expect(frontier.popBest()?.sketchIndex == 0)
        #expect(frontier.popBest() == nil)
        #expect(frontier.isEmpty)
    }

    @Test("a node whose remaining work was seen before is not pushed again")
    func dedupe() {
        var frontier = SearchFrontier()
        let first = frontier.push(node(0, goals: [["⊢ x = x"]]))
        let again = frontier.push(node(0, goals: [["⊢ x = x"]], depth: 2))
        let otherSketch = frontier.push(node(1, goals: [["⊢ x = x"]]))
        #expect(first)
        #expect(!again)
        #expect(otherSketch, "another sketch is other work")
        #expect(frontier.count == 2)
    }

    @Test("beyond capacity the worst node is evicted")
    func capacity() {
        var frontier = SearchFrontier(capacity: 2)
        frontier.push(node(0, goals: [["⊢ a"], ["⊢ b"], ["⊢ c"]]))
        frontier.push(node(1, goals: [["⊢ d"]]))
        frontier.push(node(2, goals: [["⊢ e"], ["⊢ f"]]))
        #expect(frontier.count == 2)
        #expect(frontier.popBest()?.sketchIndex == 1)
        #expect(frontier.popBest()?.sketchIndex == 2)
    }

    @Test("applying a tactic that closes the first obligation moves it to closed; AND needs all")
    func andNode() {
        let start = node(0, goals: [["h : x = 1 ⊢ x = 1"], ["⊢ y = 2"]])
        let first = start.applying("exact h", reaching: 10, goals: [])
        #expect(!first.isComplete)
        #expect(first.open.count == 1 && first.open[0].sorryIndex == 1)
        #expect(first.closed[0]?.tactics == ["exact h"])
        #expect(first.closed[0]?.states == ["h : x = 1 ⊢ x = 1"])
        let progressed = first.applying("norm_num", reaching: 11, goals: ["⊢ 2 = 2"])
        #expect(progressed.open[0].proofState == 11 && !progressed.isComplete)
        let done = progressed.applying("rfl", reaching: 12, goals: [])
        #expect(done.isComplete)
        #expect(done.closed[1]?.tactics == ["norm_num", "rfl"])
        #expect(done.depth == 3)
    }

    @Test("scores prefer fewer goals, then shallower nodes")
    func scoring() {
        let scoring = SearchScoring.standard
        #expect(scoring.score(node(0, goals: [["⊢ a"]])) > scoring.score(node(0, goals: [["⊢ a"], ["⊢ b"]])))
        #expect(scoring.score(node(0, goals: [["⊢ a"]])) > scoring.score(node(0, goals: [["⊢ a"]], depth: 1)))
        #expect(scoring.score(SearchNode(sketchIndex: 0, open: [])) == 0)
    }
}
