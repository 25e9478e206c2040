import HeapModule

/// The scored frontier of the best-first step-wise search.
///
/// A `Heap` (swift-collections) keyed by score; ties go to the node pushed first, so the search is
/// deterministic. Nodes whose remaining work was already seen are dropped, and when the frontier grows
/// past `capacity` the worst node is evicted (the heap is a min-max heap, so both ends are cheap).
public struct SearchFrontier: Sendable {
    struct Entry: Comparable, Sendable {
        var score: Double
        var sequence: Int
        var node: SearchNode

        static func < (lhs: Entry, rhs: Entry) -> Bool {
            if lhs.score != rhs.score { return lhs.score < rhs.score }
            return lhs.sequence > rhs.sequence  // earlier pushes rank higher on ties
        }

        static func == (lhs: Entry, rhs: Entry) -> Bool {
            lhs.score == rhs.score && lhs.sequence == rhs.sequence
        }
    }

    /// How nodes are scored.
    public let scoring: SearchScoring
    /// The most nodes kept; the worst are evicted beyond it.
    public let capacity: Int
    private var heap = Heap<Entry>()
    private var seen = Set<String>()
    private var pushes = 0

    /// Creates an empty frontier.
    public init(scoring: SearchScoring = .standard, capacity: Int = 1_024) {
        precondition(capacity > 0, "a frontier must hold at least one node")
        self.scoring = scoring
        self.capacity = capacity
    }

    /// Nodes waiting to be expanded.
    public var count: Int { heap.count }

    /// True when nothing is left to expand.
    public var isEmpty: Bool { heap.isEmpty }

    /// Adds a node unless a node with the same remaining work was pushed before; returns whether it was added.
    @discardableResult
    public mutating func push(_ node: SearchNode) -> Bool {
        guard seen.insert(node.stateKey).inserted else { return false }
        heap.insert(Entry(score: scoring.score(node), sequence: pushes, node: node))
        pushes += 1
        if heap.count > capacity { _ = heap.popMin() }
        return true
    }

    /// Removes and returns the most promising node.
    public mutating func popBest() -> SearchNode? {
        heap.popMax()?.node
    }
}
