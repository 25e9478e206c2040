/// Builds the deterministic idempotency keys under which attempts are recorded.
///
/// A key names the round, the formalization, the kind of attempt, the strategy and what was tried — never
/// a time, a random number or a budget level that may change between a run and its rerun — so re-running a
/// round after a kill or a cancellation skips work already recorded and never counts it twice.
///
/// ```swift
/// AttemptKey(round: 3, formalizationID: "p1/ab12", kind: "prove").automation("omega")
/// // "r3/p1/ab12/prove/automation/omega"
/// ```
public struct AttemptKey: Sendable, Hashable {
    /// The self-play round (0 for `ProverLoop` runs outside rounds).
    public var round: Int
    /// The formalization the attempt is about.
    public var formalizationID: String
    /// prove, disprove, vacuity, triviality or shorten.
    public var kind: String

    /// Creates a key builder.
    public init(round: Int, formalizationID: String, kind: String) {
        self.round = round
        self.formalizationID = formalizationID
        self.kind = kind
    }

    private var prefix: String { "r\(round)/\(formalizationID)/\(kind)" }

    /// The key of an automation-portfolio tactic.
    public func automation(_ tactic: String) -> String { "\(prefix)/automation/\(tactic)" }

    /// The key of whole-proof sample `index` (indices count across requests for this statement).
    public func wholeProof(sample index: Int) -> String { "\(prefix)/whole_proof/s\(index)" }

    /// The key of repair round `round` that started from whole-proof sample `sample`.
    public func repair(sample: Int, round repairRound: Int) -> String { "\(prefix)/repair/s\(sample)/r\(repairRound)" }

    /// The key of the step-wise search's result for this statement.
    public func search() -> String { "\(prefix)/search" }
}
