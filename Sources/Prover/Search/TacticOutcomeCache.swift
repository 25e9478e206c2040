/// What applying a tactic to a goal gave, remembered by goal text so that no tactic is tried twice on the
/// same goal within one search (two obligations, or two paths, often reach the same goal).
///
/// Proof states belong to the REPL process of the search, which lives as long as the cache.
struct TacticOutcomeCache: Sendable {
    /// A decided tactic.
    enum Outcome: Sendable, Hashable {
        /// The tactic failed (an error, or no progress worth keeping).
        case failed
        /// The tactic succeeded and reached `proofState` with `goals` (empty: the goal is closed).
        case reached(proofState: Int, goals: [String])
    }

    private var outcomes: [String: [String: Outcome]] = [:]
    private var failures: [String: [String]] = [:]

    /// The outcome of `tactic` on `goal`, if decided.
    func outcome(of tactic: String, on goal: String) -> Outcome? {
        outcomes[goal]?[tactic]
    }

    /// Records the outcome of `tactic` on `goal`.
    mutating func record(_ outcome: Outcome, of tactic: String, on goal: String) {
        if outcomes[goal]?[tactic] == nil, outcome == .failed { failures[goal, default: []].append(tactic) }
        outcomes[goal, default: [:]][tactic] = outcome
    }

    /// The tactics decided as failed on `goal`, in the order they were recorded.
    func failedTactics(on goal: String) -> [String] {
        failures[goal] ?? []
    }
}
