/// One problem's evaluation: one line of `DIR/results.jsonl` (a fixed contract; keys in snake case).
///
/// ```json
/// {"problem_id":"mathd_algebra_10","status":"proved","samples":3,"correct":1,"first_success":3,
///  "proof":"norm_num","proof_length":8,"search_seconds":4.2,"lean_seconds":1.9,"lean_checks":3,
///  "tokens":{"prompt":900,"completion":240},"errors":[]}
/// ```
public struct ProblemResult: Sendable, Hashable, Codable {
    /// How the problem ended.
    public enum Status: String, Sendable, Hashable, Codable {
        /// At least one sample was accepted.
        case proved
        /// Every sample was spent and none was accepted.
        case unproved
        /// Nothing could be checked (the statement does not parse, every model request failed); see `errors`.
        case error
    }

    /// The problem's id in the benchmark.
    public var problemID: String
    /// How the problem ended.
    public var status: Status
    /// Samples spent (with early exit: up to and including the first accepted one).
    public var samples: Int
    /// Accepted samples (with early exit at most 1).
    public var correct: Int
    /// 1-based index of the first accepted sample, nil when none was accepted.
    public var firstSuccess: Int?
    /// The first accepted proof (tactics after `:= by`).
    public var proof: String?
    /// Length of `proof` in non-whitespace characters (the ledger's `ProofLength`).
    public var proofLength: Int?
    /// Wall-clock time spent on the problem, in seconds.
    public var searchSeconds: Double
    /// Time Lean spent checking, in seconds.
    public var leanSeconds: Double
    /// Lean checks made (whole-proof verifications and search tactic steps; duplicates not re-checked).
    public var leanChecks: Int
    /// Tokens the model reported.
    public var tokens: TokenCounts
    /// Why samples (or the problem) failed without a verdict, e.g. `"sample 3: the model request failed: HTTP 400 …"`.
    public var errors: [String]

    /// Creates a result.
    public init(
        problemID: String, status: Status, samples: Int, correct: Int, firstSuccess: Int?, proof: String?,
        proofLength: Int?, searchSeconds: Double, leanSeconds: Double, leanChecks: Int, tokens: TokenCounts,
        errors: [String]
    ) {
        self.problemID = problemID
        self.status = status
        self.samples = samples
        self.correct = correct
        self.firstSuccess = firstSuccess
        self.proof = proof
        self.proofLength = proofLength
        self.searchSeconds = searchSeconds
        self.leanSeconds = leanSeconds
        self.leanChecks = leanChecks
        self.tokens = tokens
        self.errors = errors
    }

    enum CodingKeys: String, CodingKey {
        case problemID = "problem_id", status, samples, correct, firstSuccess = "first_success", proof
        case proofLength = "proof_length", searchSeconds = "search_seconds", leanSeconds = "lean_seconds"
        case leanChecks = "lean_checks", tokens, errors
    }

    /// Encodes every key, writing null for absent values (the contract lists them all).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(problemID, forKey: .problemID)
        try c.encode(status, forKey: .status)
        try c.encode(samples, forKey: .samples)
        try c.encode(correct, forKey: .correct)
        try c.encode(firstSuccess, forKey: .firstSuccess)
        try c.encode(proof, forKey: .proof)
        try c.encode(proofLength, forKey: .proofLength)
        try c.encode(searchSeconds, forKey: .searchSeconds)
        try c.encode(leanSeconds, forKey: .leanSeconds)
        try c.encode(leanChecks, forKey: .leanChecks)
        try c.encode(tokens, forKey: .tokens)
        try c.encode(errors, forKey: .errors)
    }
}
