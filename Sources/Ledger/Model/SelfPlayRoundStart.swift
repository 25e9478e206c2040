public import Foundation

/// The answer to ``Ledger/startSelfPlayRound(unlessFinished:leaseSeconds:)``.
public enum SelfPlayRoundStart: Sendable, Hashable {
    /// Run (or join, or resume) this self-play round.
    case run(RoundRecord)
    /// The ledger holds the requested number of finished self-play rounds: stop.
    case limitReached
    /// `leanplay prove` peers are working round `round` now (a live lease, or a `prove` peer seen less than
    /// `lease_seconds` ago): wait for them to finish it, and ask again at `until` at the latest.
    case waitForProvePass(round: Int, until: Date)
}
