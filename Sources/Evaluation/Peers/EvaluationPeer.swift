import Foundation
public import Ledger
import Crypto
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One of several processes (on one machine or many) that share an evaluation through a ledger: each
/// problem is leased to one peer at a time, evaluated with the evaluator's per-problem path (the same
/// sample seeding as a single process, so the results are the same), and completed in the ledger with
/// its result; a dead peer's problems are taken over once their lease runs out; when every problem is
/// done each peer reads all results back and exactly one marks the run finished.
///
/// Peers name the same run when they evaluate the same configuration: the run's id is the SHA-256 of
/// the evaluation's `config.json` (``runID(for:)``), and its problem list is stored by the first peer
/// (another list under the same id is refused).
///
/// ```swift
/// let ledger = try Ledger.open(path: "eval.sqlite")
/// let peer = EvaluationPeer(evaluator: evaluator, ledger: ledger, peerID: "gpu-3-4121")
/// let outcome = try await peer.run(problems)
/// outcome.summary.passAtK["8"]   // the same on every peer
/// ```
public struct EvaluationPeer: Sendable {
    /// What is measured and how each problem is evaluated.
    public let evaluator: Evaluator
    /// The ledger the evaluation is shared through.
    public let ledger: Ledger
    /// This peer's id, unique among the peers (`HOST-PID` in the CLI).
    public let peerID: String
    /// How long a lease holds without a heartbeat, in seconds: a dead peer's problems wait this long
    /// before another peer takes them over. Longer than any pause of a live peer (a heartbeat renews
    /// leases every third of it).
    public let leaseSeconds: Double
    /// How often a peer with nothing to lease looks again (while other peers hold the last problems).
    public let pollInterval: Duration
    /// Waits between heartbeats and polls (injected so tests control time).
    let sleep: @Sendable (Duration) async throws -> Void

    /// Creates a peer.
    ///
    /// - Parameters:
    ///   - leaseSeconds: greater than 0 (the CLI's default is 60).
    ///   - sleep: how to wait for a duration; by default `Task.sleep`.
    public init(
        evaluator: Evaluator, ledger: Ledger, peerID: String, leaseSeconds: Double = 60, pollInterval: Duration = .seconds(1),
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.evaluator = evaluator
        self.ledger = ledger
        self.peerID = peerID
        self.leaseSeconds = leaseSeconds
        self.pollInterval = pollInterval
        self.sleep = sleep
    }

    /// The id of the shared run of `configuration`: the SHA-256 (lowercase hex) of its `config.json`
    /// exactly as ``EvaluationDirectory`` writes it.
    ///
    /// - Throws: `EvaluationError` `.unwritableDirectory` if the configuration cannot be encoded (not expected).
    public static func runID(for configuration: EvaluationConfiguration) throws(EvaluationError) -> String {
        let text = try EvaluationDirectory.encode(configuration, pretty: true)
        return SHA256.hash(data: text).map { String(format: "%02x", $0) }.joined()
    }

    /// A default peer id: `HOST-PID`.
    public static var defaultPeerID: String { PeerRecord.localDefaultID }

    /// This machine's host name, as self-play peers register it (``PeerRecord/localHostName``).
    static var hostName: String { PeerRecord.localHostName }
}

/// What one peer's share of a shared evaluation came to.
public struct EvaluationPeerOutcome: Sendable, Hashable {
    /// The shared run's id (``EvaluationPeer/runID(for:)``).
    public var runID: String
    /// Every problem's result as the ledger holds it, in benchmark order (the same on every peer).
    public var results: [ProblemResult]
    /// The summary of `results` (the same on every peer given the same benchmark file).
    public var summary: EvaluationSummary
    /// Problems this peer completed in the ledger during this call.
    public var completedHere: Int
    /// Problems completed by each peer, over the whole run.
    public var completedByPeer: [String: Int]
    /// Whether this call marked the run finished (exactly one peer's call does).
    public var finishedHere: Bool
}
