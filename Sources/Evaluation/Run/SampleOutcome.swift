/// What one sample of one problem produced.
struct EvaluatedSample: Sendable, Hashable {
    /// 0-based sample index.
    var index: Int
    /// The accepted proof, when the sample succeeded.
    var acceptedProof: String?
    /// Lean checks the sample's prover run counted (including replayed duplicates).
    var leanChecks: Int
    /// Seconds Lean spent on its checks.
    var leanSeconds: Double
    /// Tokens reported.
    var tokens: TokenCounts
    /// Why the sample failed without a verdict (a failed model request), when it did.
    var failure: String?
    /// True when at least one candidate reached a verdict.
    var wasChecked: Bool
    /// The verifier's reason when it refused the statement itself (`invalid-statement`): the benchmark
    /// line cannot be checked with any proof.
    var invalidStatement: String? = nil
}
