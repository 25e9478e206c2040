/// The figures of a whole evaluation: `DIR/summary.json` (a fixed contract; keys in snake case).
///
/// `pass_at_k` maps each k (as a string) to the estimate named by `estimator`: `"early_exit"` (mean of
/// [first_success ≤ k]) or `"unbiased"` (mean of 1 − C(n−c,k)/C(n,k), Chen et al. 2021).
public struct EvaluationSummary: Sendable, Hashable, Codable {
    /// The figures of one group of problems (a split, a tag).
    public struct Group: Sendable, Hashable, Codable {
        /// Problems evaluated in the group.
        public var problems: Int
        /// Problems with an accepted sample.
        public var proved: Int
        /// `proved / problems` (0 for an empty group).
        public var accuracy: Double
        /// pass@k per k, keyed by k as a string.
        public var passAtK: [String: Double]

        /// Creates a group's figures.
        public init(problems: Int, proved: Int, accuracy: Double, passAtK: [String: Double]) {
            self.problems = problems
            self.proved = proved
            self.accuracy = accuracy
            self.passAtK = passAtK
        }

        enum CodingKeys: String, CodingKey {
            case problems, proved, accuracy, passAtK = "pass_at_k"
        }
    }

    /// The benchmark's name.
    public var benchmark: String
    /// The model's name, nil for automation.
    public var model: String?
    /// The strategy's name (`whole-proof`, `whole-proof+repair`, `search`, `automation`).
    public var strategy: String
    /// Samples per problem, N.
    public var samples: Int
    /// Problems evaluated (with a formal statement).
    public var problems: Int
    /// Problems skipped because they have no formal statement.
    public var skipped: Int
    /// The ids of the skipped problems.
    public var skippedProblems: [String]
    /// Problems with an accepted sample.
    public var proved: Int
    /// Problems whose status is `error`.
    public var errors: Int
    /// `proved / problems`.
    public var accuracy: Double
    /// pass@k per k, keyed by k as a string.
    public var passAtK: [String: Double]
    /// `"early_exit"` or `"unbiased"`.
    public var estimator: String
    /// Mean length (non-whitespace characters) of the accepted proofs (nil when none).
    public var averageProofLength: Double?
    /// Mean wall-clock seconds per problem.
    public var averageSearchSeconds: Double
    /// Total seconds Lean spent checking.
    public var leanSeconds: Double
    /// Total Lean checks.
    public var leanChecks: Int
    /// Total tokens.
    public var tokens: TokenCounts
    /// Per split (from `split:NAME` tags).
    public var bySplit: [String: Group]
    /// Per tag (other than `split:` tags).
    public var byTag: [String: Group]
    /// Benchmark lines that could not be read, as `file:line: reason` (those problems were not evaluated).
    public var malformedLines: [String]

    enum CodingKeys: String, CodingKey {
        case benchmark, model, strategy, samples, problems, skipped, skippedProblems = "skipped_problems", proved
        case errors, accuracy, passAtK = "pass_at_k", estimator, averageProofLength = "average_proof_length"
        case averageSearchSeconds = "average_search_seconds", leanSeconds = "lean_seconds", leanChecks = "lean_checks"
        case tokens, bySplit = "by_split", byTag = "by_tag", malformedLines = "malformed_lines"
    }

    /// Encodes every key, writing null for absent values.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(benchmark, forKey: .benchmark)
        try c.encode(model, forKey: .model)
        try c.encode(strategy, forKey: .strategy)
        try c.encode(samples, forKey: .samples)
        try c.encode(problems, forKey: .problems)
        try c.encode(skipped, forKey: .skipped)
        try c.encode(skippedProblems, forKey: .skippedProblems)
        try c.encode(proved, forKey: .proved)
        try c.encode(errors, forKey: .errors)
        try c.encode(accuracy, forKey: .accuracy)
        try c.encode(passAtK, forKey: .passAtK)
        try c.encode(estimator, forKey: .estimator)
        try c.encode(averageProofLength, forKey: .averageProofLength)
        try c.encode(averageSearchSeconds, forKey: .averageSearchSeconds)
        try c.encode(leanSeconds, forKey: .leanSeconds)
        try c.encode(leanChecks, forKey: .leanChecks)
        try c.encode(tokens, forKey: .tokens)
        try c.encode(bySplit, forKey: .bySplit)
        try c.encode(byTag, forKey: .byTag)
        try c.encode(malformedLines, forKey: .malformedLines)
    }
}
