import Foundation
import Ledger
import Prover
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How this process takes part as a peer of a shared ledger: several `leanplay selfplay` or `prove`
/// processes on one SQLite file, or on several machines sharing one PostgreSQL ledger.
///
/// Peers lease the items of a round's stored work list (one peer per item at a time), renew their leases
/// with a heartbeat every ``heartbeatSeconds``, and take over the items of a peer that died once its
/// leases expire (``leaseSeconds``). A single process is a peer too: it behaves exactly as without peers.
///
/// ```swift
/// var selfPlay = SelfPlayConfiguration()
/// selfPlay.peer = PeerConfiguration(id: "gpu7", leaseSeconds: 120)
/// ```
public struct PeerConfiguration: Sendable, Hashable {
    /// The peer id, unique among the peers running at one time (`--peer-id`); by default `HOST-PID`. A
    /// restarted peer given the same id takes over what its dead predecessor held at once; a new id waits
    /// for those leases to expire (on a local SQLite file, the leases of a process that is gone are freed
    /// at once).
    public var id: String
    /// How long a lease holds without renewal, in seconds (`[ledger] lease_seconds`, default 60): how long
    /// the items of a peer that died wait before another peer takes them over. Peers' clocks must agree to
    /// well under this.
    public var leaseSeconds: Double
    /// How long a peer with nothing to lease waits before looking again, in seconds (default 1; it waits
    /// less when a lease expires sooner).
    public var pollSeconds: Double
    /// The clock the peer sleeps on (heartbeats and polling); tests inject their own.
    public var clock: any Clock<Duration>
    /// Receives notes about leasing worth a log line (a lease lost to another peer, a dead peer's items
    /// freed); nil drops them.
    public var onEvent: (@Sendable (String) -> Void)?

    /// Creates a configuration.
    public init(
        id: String = PeerConfiguration.defaultID, leaseSeconds: Double = 60, pollSeconds: Double = 1,
        clock: any Clock<Duration> = ContinuousClock(), onEvent: (@Sendable (String) -> Void)? = nil
    ) {
        precondition(!id.isEmpty, "a peer id cannot be empty")
        precondition(leaseSeconds > 0 && pollSeconds > 0, "lease and poll intervals must be positive")
        self.id = id
        self.leaseSeconds = leaseSeconds
        self.pollSeconds = pollSeconds
        self.clock = clock
        self.onEvent = onEvent
    }

    /// How often held leases are renewed: a third of ``leaseSeconds``, so two heartbeats can be missed
    /// before a lease expires.
    public var heartbeatSeconds: Double { leaseSeconds / 3 }

    /// `HOST-PID` of this process (``PeerRecord/localDefaultID``).
    public static var defaultID: String { PeerRecord.localDefaultID }

    /// This machine's host name (``PeerRecord/localHostName``).
    public static var hostName: String { PeerRecord.localHostName }

    public static func == (lhs: PeerConfiguration, rhs: PeerConfiguration) -> Bool {
        lhs.id == rhs.id && lhs.leaseSeconds == rhs.leaseSeconds && lhs.pollSeconds == rhs.pollSeconds
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(leaseSeconds)
        hasher.combine(pollSeconds)
    }

    /// Sleeps `seconds` on ``clock``.
    ///
    /// - Throws: `CancellationError` when the task is cancelled.
    func sleep(seconds: Double) async throws {
        try await clock.sleep(for: .milliseconds(Int64((max(seconds, 0.001) * 1000).rounded(.up))))
    }

    /// Sleeps until `date` (ledger clock, `now` its current time) or the poll interval, whichever is sooner.
    func sleep(until date: Date?, now: Date) async throws {
        let untilExpiry = date.map { $0.timeIntervalSince(now) } ?? pollSeconds
        try await sleep(seconds: min(pollSeconds, max(untilExpiry, 0.001)))
    }

    /// Registers this peer in `ledger` for `command` (releasing what an earlier process under this id held).
    func register(in ledger: Ledger, command: String) throws(ProverError) {
        try FormalizationProver.ledgerCall("peer \(id)") { () throws(LedgerError) in
            try ledger.registerPeer(id: id, host: Self.hostName, pid: Int(getpid()), command: command)
        }
    }
}
