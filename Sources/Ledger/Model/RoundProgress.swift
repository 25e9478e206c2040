public import Foundation

/// Where a round's stored work list stands, as one peer sees it (``Ledger/roundProgress(round:peer:)``).
public struct RoundProgress: Sendable, Hashable {
    /// Items in the round's work list (0 when none is stored yet).
    public var total: Int
    /// Items completed by any peer.
    public var done: Int
    /// Undone items whose lease, held by this peer, has not expired.
    public var leasedByThisPeer: Int
    /// Undone items whose lease, held by another peer, has not expired.
    public var leasedByOthers: Int
    /// The earliest expiry among the other peers' live leases (nil when there are none): when nothing is
    /// leasable, the earliest moment an item can be taken over.
    public var earliestExpiry: Date?

    /// Creates a value.
    public init(total: Int, done: Int, leasedByThisPeer: Int, leasedByOthers: Int, earliestExpiry: Date?) {
        self.total = total
        self.done = done
        self.leasedByThisPeer = leasedByThisPeer
        self.leasedByOthers = leasedByOthers
        self.earliestExpiry = earliestExpiry
    }

    /// Every item is done.
    public var isComplete: Bool { done >= total }

    /// Undone items nobody holds a live lease on (leasable now).
    public var leasable: Int { max(0, total - done - leasedByThisPeer - leasedByOthers) }
}
