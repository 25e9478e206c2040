public import Foundation

/// The answer to ``Ledger/claimConjectureStage(round:peer:leaseSeconds:)``: who runs a round's
/// conjecture stage (corpus intake, formalization, variants).
public enum ConjectureStageClaim: Sendable, Hashable {
    /// This peer holds the stage now: run it, renew the claim with the heartbeat
    /// (``Ledger/renewConjectureStage(round:peer:leaseSeconds:)``) and complete it
    /// (``Ledger/completeConjectureStage(round:peer:reportJSON:)``).
    case claimed
    /// Another peer holds the stage until the given time; wait and ask again (after that time the claim
    /// can be taken over).
    case held(by: String, until: Date)
    /// The stage is done; `reportJSON` is what the peer that completed it stored (nil when it stored none).
    case done(reportJSON: String?)
}
