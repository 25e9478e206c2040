public import Foundation

/// One peer of a shared ledger, for `leanplay report` (``Ledger/peerSummaries()``).
public struct PeerSummary: Sendable, Hashable {
    /// One live lease a peer holds.
    public struct HeldLease: Sendable, Hashable {
        /// The round.
        public var round: Int
        /// The item's position in the round's work list.
        public var position: Int
        /// The formalization leased.
        public var formalizationID: String
        /// When the lease expires unless renewed.
        public var expiresAt: Date

        /// Creates a value.
        public init(round: Int, position: Int, formalizationID: String, expiresAt: Date) {
            self.round = round
            self.position = position
            self.formalizationID = formalizationID
            self.expiresAt = expiresAt
        }
    }

    /// The peer id (`--peer-id`, by default `HOST-PID`).
    public var id: String
    /// The host it registered from (nil for a peer id seen only on attempts).
    public var host: String?
    /// Its process id on that host.
    public var pid: Int?
    /// The command it runs (`selfplay`, `prove`, …).
    public var command: String?
    /// When it registered.
    public var startedAt: Date?
    /// Its last heartbeat (or registration).
    public var lastSeenAt: Date?
    /// The work leases it holds now (unexpired, undone), by round and position.
    public var leases: [HeldLease]
    /// The round whose conjecture stage it holds now, if any.
    public var conjectureStageRound: Int?
    /// Work items it completed, over all rounds, and problems of shared evaluations (`evaluate --db`).
    public var itemsDone: Int
    /// Attempts it recorded.
    public var attempts: Int
    /// Seconds its recorded attempts took (the sum of their durations): Lean-seconds.
    public var leanSeconds: Double

    /// Creates a value.
    public init(
        id: String, host: String? = nil, pid: Int? = nil, command: String? = nil, startedAt: Date? = nil,
        lastSeenAt: Date? = nil, leases: [HeldLease] = [], conjectureStageRound: Int? = nil, itemsDone: Int = 0,
        attempts: Int = 0, leanSeconds: Double = 0
    ) {
        self.id = id
        self.host = host
        self.pid = pid
        self.command = command
        self.startedAt = startedAt
        self.lastSeenAt = lastSeenAt
        self.leases = leases
        self.conjectureStageRound = conjectureStageRound
        self.itemsDone = itemsDone
        self.attempts = attempts
        self.leanSeconds = leanSeconds
    }
}
