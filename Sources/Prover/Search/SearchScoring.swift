/// Scores a search node: higher is more promising.
///
/// Without model log-probabilities the score prefers fewer open goals, then shallower paths, then shorter
/// goal text (a rough measure of how much is left to show). The weights are public so callers can tune them.
public struct SearchScoring: Sendable, Hashable, Codable {
    /// Penalty per open goal.
    public var openGoalWeight: Double
    /// Penalty per tactic already applied.
    public var depthWeight: Double
    /// Penalty per character of open goal text.
    public var goalLengthWeight: Double

    /// Creates a scoring.
    public init(openGoalWeight: Double = 1.0, depthWeight: Double = 0.25, goalLengthWeight: Double = 0.001) {
        self.openGoalWeight = openGoalWeight
        self.depthWeight = depthWeight
        self.goalLengthWeight = goalLengthWeight
    }

    /// The default weights.
    public static let standard = SearchScoring()

    /// The node's score (0 is a complete node at depth 0; everything else is negative).
    public func score(_ node: SearchNode) -> Double {
        let goalText = node.open.reduce(0) { total, obligation in
            total + obligation.goals.reduce(0) { $0 + $1.count }
        }
        return -(openGoalWeight * Double(node.isComplete ? 0 : node.openGoalCount)
            + depthWeight * Double(node.depth)
            + goalLengthWeight * Double(goalText))
    }
}
