import Ledger

/// A proof about to be checked, with everything needed to record it.
struct ProofCandidate: Sendable {
    var proof: String
    var strategy: AttemptStrategy
    var label: String
    var key: String
    var promptTokens = 0
    var completionTokens = 0
    var repairedFromKey: String?
    var steps: [ProofStep] = []
}

/// What checking a candidate came to.
enum CheckResult: Sendable {
    /// Accepted now, or by the run that recorded this key before.
    case accepted(proof: String)
    /// Checked (now or before) and not accepted; the proof and Lean's first error.
    case failed(proof: String, error: String)
    /// An identical normalized proof was checked already for this statement: nothing spent.
    case duplicate
    /// A model sample recorded earlier as holding no proof (nothing was checked).
    case unusable
    /// No Lean check left in the budget.
    case outOfBudget
}
