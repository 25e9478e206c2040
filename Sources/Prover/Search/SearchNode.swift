/// A node of the step-wise search: an AND of obligations that must ALL close.
///
/// A sketch such as `have h₁ : A := by sorry; have h₂ : B := by sorry; exact f h₁ h₂` yields one
/// obligation per `sorry`. The search always works on the first open obligation; a node whose open list
/// is empty is a complete proof of the sketch.
public struct SearchNode: Sendable, Hashable, Codable {
    /// The index of the sketch this node refines.
    public var sketchIndex: Int
    /// Obligations still open; the first is the one expanded next.
    public var open: [ProofObligation]
    /// Closed obligations by sorry index, with the tactics that closed them.
    public var closed: [Int: ProofObligation]
    /// Tactics applied along the path to this node (all obligations together).
    public var depth: Int

    /// Creates a node.
    public init(sketchIndex: Int, open: [ProofObligation], closed: [Int: ProofObligation] = [:], depth: Int = 0) {
        self.sketchIndex = sketchIndex
        self.open = open
        self.closed = closed
        self.depth = depth
    }

    /// True when every obligation of the sketch is closed.
    public var isComplete: Bool { open.isEmpty }

    /// Open goals over all open obligations (an obligation counts at least one).
    public var openGoalCount: Int { open.reduce(0) { $0 + max($1.goals.count, 1) } }

    /// The node after applying `tactic` to the first obligation, which then has `goals` in `proofState`;
    /// the obligation moves to `closed` when `goals` is empty.
    public func applying(_ tactic: String, reaching proofState: Int, goals: [String]) -> SearchNode {
        precondition(!open.isEmpty, "a complete node has nothing to expand")
        var next = self
        var obligation = next.open.removeFirst()
        obligation.states.append(obligation.goalKey)
        obligation.tactics.append(tactic)
        obligation.proofState = proofState
        obligation.goals = goals
        if goals.isEmpty {
            next.closed[obligation.sorryIndex] = obligation
        } else {
            next.open.insert(obligation, at: 0)
        }
        next.depth += 1
        return next
    }

    /// A key identifying the node's remaining work: two nodes with the same key need the same proof.
    public var stateKey: String {
        "\(sketchIndex)|" + open.map { "\($0.sorryIndex):" + $0.goals.joined(separator: "\u{1F}") }.joined(separator: "\u{1E}")
    }
}
