public import LeanSource

/// Everything a LeanPlay run is configured with: where Lean is, how proofs are judged, which models
/// play which role, where prompts and the response cache live.
///
/// Values come from `leanplay.toml` (see ``LeanPlayConfiguration/load(from:)``) and are then
/// overridden by command-line flags. Every field has a default, so an empty file is a valid
/// configuration; unknown keys are rejected so that a typo never silently falls back to a default.
///
/// ```toml
/// [lean]
/// project = "~/lean/workspace"   # runs `lake env repl` inside this Lean project
/// workers = 2
/// timeout_seconds = 60
///
/// [models.default]
/// base_url = "http://127.0.0.1:8000/v1"
/// model = "deepseek-prover-v2"
/// api_key_env = "OPENROUTER_API_KEY"   # the key itself is read from this variable, never stored
///
/// [models.prover]
/// model = "another-model"        # per-role override; unset fields inherit from [models.default]
/// ```
public struct LeanPlayConfiguration: Sendable, Hashable, Codable {
    /// How to reach Lean.
    public var lean: LeanSection
    /// What a proof must satisfy to be accepted.
    public var verification: VerificationSection
    /// Model endpoints: `default` plus optional per-role overrides (`formalizer`, `variant_generator`, `prover`).
    public var models: [String: ModelSection]
    /// The on-disk response cache of the model client.
    public var cache: CacheSection
    /// Where prompt templates are loaded from.
    public var prompts: PromptsSection
    /// Self-play and prover knobs.
    public var search: SearchSection
    /// How peers share a ledger (lease length).
    public var ledger: LedgerSection

    /// The all-defaults configuration.
    public init(
        lean: LeanSection = .init(),
        verification: VerificationSection = .init(),
        models: [String: ModelSection] = [:],
        cache: CacheSection = .init(),
        prompts: PromptsSection = .init(),
        search: SearchSection = .init(),
        ledger: LedgerSection = .init()
    ) {
        self.lean = lean
        self.verification = verification
        self.models = models
        self.cache = cache
        self.prompts = prompts
        self.search = search
        self.ledger = ledger
    }

    /// Decodes a whole `leanplay.toml`; absent sections keep their defaults.
    ///
    /// - Throws: `DecodingError` when a key has a value of the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        lean = try container.decodeIfPresent(LeanSection.self, forKey: .lean) ?? .init()
        verification = try container.decodeIfPresent(VerificationSection.self, forKey: .verification) ?? .init()
        models = try container.decodeIfPresent([String: ModelSection].self, forKey: .models) ?? [:]
        cache = try container.decodeIfPresent(CacheSection.self, forKey: .cache) ?? .init()
        prompts = try container.decodeIfPresent(PromptsSection.self, forKey: .prompts) ?? .init()
        search = try container.decodeIfPresent(SearchSection.self, forKey: .search) ?? .init()
        ledger = try container.decodeIfPresent(LedgerSection.self, forKey: .ledger) ?? .init()
    }
}

extension LeanPlayConfiguration {
    /// `[lean]`: how LeanPlay starts Lean REPL workers.
    public struct LeanSection: Sendable, Hashable, Codable {
        /// A Lean project folder; workers run `lake env repl` inside it.
        public var project: String?
        /// An explicit REPL command line (wins over `project`), e.g. `"/opt/repl/.lake/build/bin/repl"`.
        public var repl: String?
        /// Number of REPL worker processes (default: the number of cores).
        public var workers: Int?
        /// Per-request time limit in seconds.
        public var timeoutSeconds: Double
        /// Address-space limit per worker, in MiB (0: no limit).
        public var memoryLimitMB: Int
        /// A worker is recycled after this many requests (0: never).
        public var maxRequestsPerWorker: Int
        /// The header (imports, `open`s) used wherever text becomes Lean without one of its own: problems
        /// without a `header` in formalize, variants and self-play, a `variants` statement file without
        /// imports. Default `import Mathlib`.
        public var defaultHeader: String
        /// Lean's deterministic budget per proof check, in heartbeats: the verifier wraps every theorem in
        /// `set_option maxHeartbeats N in` (default 400,000, twice Lean's default; see `VerificationPolicy.defaultMaxHeartbeats`;
        /// 0: add no option, the header's own setting or Lean's default applies).
        public var maxHeartbeats: Int

        /// Creates the section; every argument defaults to the value used when the key is absent.
        public init(
            project: String? = nil, repl: String? = nil, workers: Int? = nil, timeoutSeconds: Double = 60,
            memoryLimitMB: Int = 0, maxRequestsPerWorker: Int = 2_000, defaultHeader: String = LeanPreamble.defaultHeader,
            maxHeartbeats: Int = 400_000  // VerificationPolicy.defaultMaxHeartbeats
        ) {
            self.maxHeartbeats = maxHeartbeats
            self.project = project
            self.repl = repl
            self.workers = workers
            self.timeoutSeconds = timeoutSeconds
            self.memoryLimitMB = memoryLimitMB
            self.maxRequestsPerWorker = maxRequestsPerWorker
            self.defaultHeader = defaultHeader
        }

        enum CodingKeys: String, CodingKey {
            case project, repl, workers
            case timeoutSeconds = "timeout_seconds"
            case memoryLimitMB = "memory_limit_mb"
            case maxRequestsPerWorker = "max_requests_per_worker"
            case defaultHeader = "default_header"
            case maxHeartbeats = "max_heartbeats"
        }

        /// Decodes the section from `leanplay.toml`; absent keys keep their defaults.
        ///
        /// - Throws: `DecodingError` when a key has a value of the wrong type.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let defaults = LeanSection()
            project = try c.text(.project)
            repl = try c.text(.repl)
            workers = try c.wholeNumber(.workers, minimum: 1)
            timeoutSeconds = try c.number(.timeoutSeconds, minimum: 0, exclusive: true) ?? defaults.timeoutSeconds
            memoryLimitMB = try c.wholeNumber(.memoryLimitMB, minimum: 0) ?? defaults.memoryLimitMB
            maxRequestsPerWorker = try c.wholeNumber(.maxRequestsPerWorker, minimum: 0) ?? defaults.maxRequestsPerWorker
            defaultHeader = try c.text(.defaultHeader) ?? defaults.defaultHeader
            maxHeartbeats = try c.wholeNumber(.maxHeartbeats, minimum: 0) ?? defaults.maxHeartbeats
        }
    }

    /// `[verification]`: the acceptance rules.
    public struct VerificationSection: Sendable, Hashable, Codable {
        /// Axioms an accepted proof may depend on.
        public var axioms: [String]
        /// `set_option` names a proof may use.
        public var allowedOptions: [String]
        /// Whether `native_decide`, `decide +native` and `bv_decide` (and the axioms they add) are allowed.
        public var allowNative: Bool

        /// Creates the section; every argument defaults to the value used when the key is absent.
        public init(
            axioms: [String] = ["propext", "Classical.choice", "Quot.sound"], allowedOptions: [String] = [],
            allowNative: Bool = false
        ) {
            self.axioms = axioms
            self.allowedOptions = allowedOptions
            self.allowNative = allowNative
        }

        enum CodingKeys: String, CodingKey {
            case axioms
            case allowedOptions = "allowed_options"
            case allowNative = "allow_native"
        }

        /// Decodes the section from `leanplay.toml`; absent keys keep their defaults.
        ///
        /// - Throws: `DecodingError` when a key has a value of the wrong type.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let defaults = VerificationSection()
            axioms = try c.texts(.axioms) ?? defaults.axioms
            allowedOptions = try c.texts(.allowedOptions) ?? defaults.allowedOptions
            allowNative = try c.boolean(.allowNative) ?? defaults.allowNative
        }
    }

    /// `[models.ROLE]`: one OpenAI-compatible endpoint. Unset fields inherit from `[models.default]`.
    public struct ModelSection: Sendable, Hashable, Codable {
        /// Base URL up to `/v1`, e.g. `https://openrouter.ai/api/v1` or `http://127.0.0.1:8000/v1`.
        public var baseURL: String?
        /// The model name the provider expects.
        public var model: String?
        /// The environment variable holding the API key (the key itself never appears in configuration).
        public var apiKeyEnv: String?
        /// Requests in flight at once.
        public var maxConcurrent: Int?
        /// Per-request time limit in seconds.
        public var timeoutSeconds: Double?
        /// Retries on 429/5xx/timeouts before giving up.
        public var maxAttempts: Int?
        /// Sampling temperature (the formalizer jitters around it).
        public var temperature: Double?
        /// Nucleus sampling.
        public var topP: Double?
        /// Completion length limit.
        public var maxTokens: Int?

        /// Creates the section; every argument defaults to the value used when the key is absent.
        public init(
            baseURL: String? = nil, model: String? = nil, apiKeyEnv: String? = nil, maxConcurrent: Int? = nil,
            timeoutSeconds: Double? = nil, maxAttempts: Int? = nil, temperature: Double? = nil, topP: Double? = nil,
            maxTokens: Int? = nil
        ) {
            self.baseURL = baseURL
            self.model = model
            self.apiKeyEnv = apiKeyEnv
            self.maxConcurrent = maxConcurrent
            self.timeoutSeconds = timeoutSeconds
            self.maxAttempts = maxAttempts
            self.temperature = temperature
            self.topP = topP
            self.maxTokens = maxTokens
        }

        enum CodingKeys: String, CodingKey {
            case baseURL = "base_url"
            case model
            case apiKeyEnv = "api_key_env"
            case maxConcurrent = "max_concurrent"
            case timeoutSeconds = "timeout_seconds"
            case maxAttempts = "max_attempts"
            case temperature
            case topP = "top_p"
            case maxTokens = "max_tokens"
        }

        /// Decodes the section from `leanplay.toml`; absent keys stay unset (inherited from `[models.default]`).
        ///
        /// - Throws: `DecodingError` when a key has a value of the wrong type.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            baseURL = try c.text(.baseURL)
            model = try c.text(.model)
            apiKeyEnv = try c.text(.apiKeyEnv)
            maxConcurrent = try c.wholeNumber(.maxConcurrent, minimum: 1)
            timeoutSeconds = try c.number(.timeoutSeconds, minimum: 0, exclusive: true)
            maxAttempts = try c.wholeNumber(.maxAttempts, minimum: 1)
            temperature = try c.number(.temperature, minimum: 0)
            topP = try c.number(.topP, minimum: 0, exclusive: true)
            maxTokens = try c.wholeNumber(.maxTokens, minimum: 1)
        }

        /// This section with every unset field taken from `fallback`.
        public func inheriting(from fallback: ModelSection) -> ModelSection {
            ModelSection(
                baseURL: baseURL ?? fallback.baseURL, model: model ?? fallback.model,
                apiKeyEnv: apiKeyEnv ?? fallback.apiKeyEnv, maxConcurrent: maxConcurrent ?? fallback.maxConcurrent,
                timeoutSeconds: timeoutSeconds ?? fallback.timeoutSeconds,
                maxAttempts: maxAttempts ?? fallback.maxAttempts, temperature: temperature ?? fallback.temperature,
                topP: topP ?? fallback.topP, maxTokens: maxTokens ?? fallback.maxTokens
            )
        }
    }

    /// `[cache]`: the model response cache.
    public struct CacheSection: Sendable, Hashable, Codable {
        /// Cache folder (relative paths are relative to the working directory).
        public var directory: String
        /// Whether cached responses are read and written.
        public var enabled: Bool

        /// Creates the section; every argument defaults to the value used when the key is absent.
        public init(directory: String = ".leanplay-cache", enabled: Bool = true) {
            self.directory = directory
            self.enabled = enabled
        }

        /// Decodes the section from `leanplay.toml`; absent keys keep their defaults.
        ///
        /// - Throws: `DecodingError` when a key has a value of the wrong type.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            directory = try c.text(.directory) ?? ".leanplay-cache"
            enabled = try c.boolean(.enabled) ?? true
        }
    }

    /// `[prompts]`: the template folder.
    public struct PromptsSection: Sendable, Hashable, Codable {
        /// A folder of Mustache templates laid out like the project's `Prompts/`.
        public var directory: String?

        /// Creates the section; every argument defaults to the value used when the key is absent.
        public init(directory: String? = nil) { self.directory = directory }

        /// Decodes the section from `leanplay.toml`.
        ///
        /// - Throws: `DecodingError` when a key has a value of the wrong type.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            directory = try c.text(.directory)
        }
    }

    /// `[search]`: prover and self-play knobs.
    public struct SearchSection: Sendable, Hashable, Codable {
        /// Single tactics tried first, cheapest first.
        public var automation: [String]
        /// Repair rounds after a failed model proof.
        public var repairRounds: Int
        /// The budget level cap (the budget doubles per failed attempt up to this level).
        public var maxBudgetLevel: Int
        /// Seed for every random choice (prompt, exemplars, temperature jitter).
        public var seed: UInt64

        /// Creates the section; every argument defaults to the value used when the key is absent.
        public init(
            automation: [String] = SearchSection.defaultAutomation, repairRounds: Int = 2, maxBudgetLevel: Int = 6,
            seed: UInt64 = 0
        ) {
            self.automation = automation
            self.repairRounds = repairRounds
            self.maxBudgetLevel = maxBudgetLevel
            self.seed = seed
        }

        /// The default automation portfolio, cheapest first.
        public static let defaultAutomation = [
            "rfl", "decide", "norm_num", "simp", "omega", "linarith", "positivity", "nlinarith", "tauto", "aesop",
            "grind",
        ]

        enum CodingKeys: String, CodingKey {
            case automation
            case repairRounds = "repair_rounds"
            case maxBudgetLevel = "max_budget_level"
            case seed
        }

        /// Decodes the section from `leanplay.toml`; absent keys keep their defaults.
        ///
        /// - Throws: `DecodingError` when a key has a value of the wrong type.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let defaults = SearchSection()
            automation = try c.texts(.automation) ?? defaults.automation
            repairRounds = try c.wholeNumber(.repairRounds, minimum: 0) ?? defaults.repairRounds
            maxBudgetLevel = try c.wholeNumber(.maxBudgetLevel, minimum: 0) ?? defaults.maxBudgetLevel
            seed = try c.wholeNumber(.seed, as: UInt64.self) ?? defaults.seed
        }
    }
}
