public import Foundation

/// The answer to ``Ledger/startProvePass(leaseSeconds:)``: which round a `prove` peer works, or why it
/// must wait first.
public enum ProvePassStart: Sendable, Hashable {
    /// Work this round's list: a `prove` round (new, resumed, or an abandoned self-play round taken over),
    /// or an unfinished self-play round whose conjecture stage is done — then the `prove` peer helps the
    /// self-play peers and the round stays a self-play round.
    case work(RoundRecord)
    /// A self-play round's conjecture stage is running on a live peer (or the round was started a moment
    /// ago and its stage is about to be claimed): its work list is not fixed yet. Ask again at `until` at
    /// the latest.
    case waitForConjectureStage(round: Int, until: Date)
}
