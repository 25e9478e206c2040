public import Prover

/// What an evaluation measures. Everything except `concurrency` is stored in the output directory and
/// must match on resume (a changed configuration would mix incomparable results).
public struct EvaluationConfiguration: Sendable, Hashable, Codable {
    /// A name for the benchmark (the corpus file name), reported in the summary.
    public var benchmark: String
    /// The model's name, nil for automation.
    public var model: String?
    /// How samples are produced.
    public var strategy: EvaluationStrategy
    /// Samples per problem, N (1 for automation).
    public var samples: Int
    /// The k of every pass@k reported; each must be at most `samples`.
    public var ks: [Int]
    /// When true every sample is checked and pass@k uses the unbiased estimator; otherwise a problem
    /// stops at its first accepted sample.
    public var allSamples: Bool
    /// Repair rounds per failed sample (`whole-proof+repair`).
    public var repairRounds: Int
    /// Frontier expansions per search attempt (`search`).
    public var searchExpansions: Int
    /// Model tactics asked for per expansion (`search`).
    public var tacticsPerExpansion: Int
    /// Sampling temperature.
    public var temperature: Double
    /// Completion length cap, in tokens.
    public var maxTokens: Int
    /// Wall-clock limit of one sample, in seconds.
    public var sampleWallSeconds: Double
    /// The header used for problems that have none.
    public var defaultHeader: String
    /// The tactics of the automation portfolio (`automation`).
    public var portfolio: AutomationPortfolio
    /// What decides acceptance: the verification policy's fingerprint (axiom whitelist, allowed options,
    /// native computation, heartbeats; `VerificationPolicy.fingerprint`); nil when not recorded.
    public var verification: String?
    /// Samples worked on at once across problems (not stored: it never changes results).
    public var concurrency: Int

    /// Creates a configuration; `ks` defaults to 1, 2, 4, …, N.
    public init(
        benchmark: String, model: String?, strategy: EvaluationStrategy, samples: Int, ks: [Int]? = nil,
        allSamples: Bool = false, repairRounds: Int = 2, searchExpansions: Int = 32, tacticsPerExpansion: Int = 4,
        temperature: Double = 0.7, maxTokens: Int = 2_048, sampleWallSeconds: Double = 600,
        defaultHeader: String = "import Mathlib", portfolio: AutomationPortfolio = .standard, verification: String? = nil,
        concurrency: Int = 4
    ) {
        self.benchmark = benchmark
        self.model = model
        self.strategy = strategy
        self.samples = strategy == .automation ? 1 : samples
        self.ks = ks ?? Self.defaultKs(samples: self.samples)
        self.allSamples = allSamples
        self.repairRounds = repairRounds
        self.searchExpansions = searchExpansions
        self.tacticsPerExpansion = tacticsPerExpansion
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.sampleWallSeconds = sampleWallSeconds
        self.defaultHeader = defaultHeader
        self.portfolio = portfolio
        self.verification = verification
        self.concurrency = concurrency
    }

    /// 1, 2, 4, …, up to `samples`, and `samples` itself.
    public static func defaultKs(samples: Int) -> [Int] {
        var ks: [Int] = []
        var k = 1
        while k < samples { ks.append(k); k *= 2 }
        ks.append(max(1, samples))
        return ks
    }

    /// The estimator pass@k uses under this configuration: `"unbiased"` with all samples, else `"early_exit"`.
    public var estimator: String { allSamples ? "unbiased" : "early_exit" }

    /// Checks the values against each other.
    ///
    /// - Throws: `EvaluationError` `.invalidConfiguration` naming the value and the fix.
    public func validate() throws(EvaluationError) {
        guard samples >= 1 else { throw EvaluationError(.invalidConfiguration, "--samples must be at least 1") }
        guard concurrency >= 1 else { throw EvaluationError(.invalidConfiguration, "--concurrency must be at least 1") }
        guard !ks.isEmpty else { throw EvaluationError(.invalidConfiguration, "--k needs at least one value, e.g. --k 1,8,32") }
        if let bad = ks.first(where: { $0 < 1 || $0 > samples }) {
            throw EvaluationError(
                .invalidConfiguration,
                "pass@\(bad) needs 1 ≤ k ≤ samples (\(samples)); raise --samples or drop \(bad) from --k")
        }
        if strategy == .automation, portfolio.tactics.isEmpty {
            throw EvaluationError(
                .invalidConfiguration,
                "--strategy automation with an empty portfolio ([search] automation = []) would try no proof at all; "
                    + "list tactics under [search] automation or configure a model and choose a model strategy")
        }
        guard repairRounds >= 0, searchExpansions >= 0, tacticsPerExpansion >= 0, sampleWallSeconds > 0 else {
            throw EvaluationError(.invalidConfiguration, "repair rounds, search expansions and tactics must not be negative")
        }
    }

    enum CodingKeys: String, CodingKey {
        case benchmark, model, strategy, samples, ks = "k", allSamples = "all_samples", repairRounds = "repair_rounds"
        case searchExpansions = "search_expansions", tacticsPerExpansion = "tactics_per_expansion", temperature
        case maxTokens = "max_tokens", sampleWallSeconds = "sample_wall_seconds", defaultHeader = "default_header"
        case portfolio, verification
    }

    /// Decodes a stored configuration (`concurrency` is not stored and comes back as 1).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        benchmark = try c.decode(String.self, forKey: .benchmark)
        model = try c.decodeIfPresent(String.self, forKey: .model)
        strategy = try c.decode(EvaluationStrategy.self, forKey: .strategy)
        samples = try c.decode(Int.self, forKey: .samples)
        ks = try c.decode([Int].self, forKey: .ks)
        allSamples = try c.decode(Bool.self, forKey: .allSamples)
        repairRounds = try c.decode(Int.self, forKey: .repairRounds)
        searchExpansions = try c.decode(Int.self, forKey: .searchExpansions)
        tacticsPerExpansion = try c.decode(Int.self, forKey: .tacticsPerExpansion)
        temperature = try c.decode(Double.self, forKey: .temperature)
        maxTokens = try c.decode(Int.self, forKey: .maxTokens)
        sampleWallSeconds = try c.decode(Double.self, forKey: .sampleWallSeconds)
        defaultHeader = try c.decode(String.self, forKey: .defaultHeader)
        portfolio = try c.decode(AutomationPortfolio.self, forKey: .portfolio)
        verification = try c.decodeIfPresent(String.self, forKey: .verification)
        concurrency = 1
    }

    /// Encodes every stored field (not `concurrency`).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(benchmark, forKey: .benchmark)
        try c.encode(model, forKey: .model)
        try c.encode(strategy, forKey: .strategy)
        try c.encode(samples, forKey: .samples)
        try c.encode(ks, forKey: .ks)
        try c.encode(allSamples, forKey: .allSamples)
        try c.encode(repairRounds, forKey: .repairRounds)
        try c.encode(searchExpansions, forKey: .searchExpansions)
        try c.encode(tacticsPerExpansion, forKey: .tacticsPerExpansion)
        try c.encode(temperature, forKey: .temperature)
        try c.encode(maxTokens, forKey: .maxTokens)
        try c.encode(sampleWallSeconds, forKey: .sampleWallSeconds)
        try c.encode(defaultHeader, forKey: .defaultHeader)
        try c.encode(portfolio, forKey: .portfolio)
        try c.encodeIfPresent(verification, forKey: .verification)
    }
}
