extension LeanPlayConfiguration {
    /// Values given on a command line, applied on top of `leanplay.toml` (flags win). Unset values leave the
    /// configuration as it is. The `leanplay` CLI and the playgrounds both go through this type, so a flag
    /// means the same thing everywhere.
    ///
    /// ```swift
    /// var configuration = try LeanPlayConfiguration.resolve(explicit: nil, workingDirectory: cwd)
    /// configuration.apply(.init(flags: ["--lean-project": "/home/me/lean", "--llm-model": "m"]))
    /// ```
    public struct Overrides: Sendable, Hashable {
        /// `--lean-project DIR`.
        public var leanProject: String?
        /// `--lean-repl CMD`.
        public var leanRepl: String?
        /// `--workers N`.
        public var workers: Int?
        /// `--timeout SECONDS`.
        public var timeoutSeconds: Double?
        /// `--allow-native` (only ever turns native computation on).
        public var allowNative = false
        /// `--llm-base-url URL` (into `[models.default]`, which every role inherits).
        public var modelBaseURL: String?
        /// `--llm-model NAME`.
        public var modelName: String?
        /// `--api-key-env VAR`: the NAME of the variable holding the key.
        public var apiKeyEnv: String?
        /// `--no-cache`.
        public var disableCache = false
        /// `--seed N`.
        public var seed: UInt64?
        /// `--prompts DIR`.
        public var promptsDirectory: String?

        /// No overrides.
        public init() {}

        /// Overrides from `--flag value` pairs, e.g. `["--lean-project": "/x", "--workers": "2"]`. Unknown flags
        /// and values that do not parse are ignored here; callers validate their own flags.
        public init(flags: [String: String]) {
            leanProject = flags["--lean-project"]
            leanRepl = flags["--lean-repl"]
            workers = flags["--workers"].flatMap(Int.init)
            timeoutSeconds = flags["--timeout"].flatMap(Double.init)
            modelBaseURL = flags["--llm-base-url"]
            modelName = flags["--llm-model"]
            apiKeyEnv = flags["--api-key-env"]
            seed = flags["--seed"].flatMap(UInt64.init)
            promptsDirectory = flags["--prompts"]
        }
    }

    /// Applies command-line values on top of this configuration.
    public mutating func apply(_ overrides: Overrides) {
        if let project = overrides.leanProject { lean.project = project }
        if let repl = overrides.leanRepl { lean.repl = repl }
        if let workers = overrides.workers { lean.workers = workers }
        if let timeout = overrides.timeoutSeconds { lean.timeoutSeconds = timeout }
        if overrides.allowNative { verification.allowNative = true }
        if overrides.modelBaseURL != nil || overrides.modelName != nil || overrides.apiKeyEnv != nil {
            var base = models["default"] ?? ModelSection()
            if let baseURL = overrides.modelBaseURL { base.baseURL = baseURL }
            if let name = overrides.modelName { base.model = name }
            if let variable = overrides.apiKeyEnv { base.apiKeyEnv = variable }
            models["default"] = base
        }
        if overrides.disableCache { cache.enabled = false }
        if let seed = overrides.seed { search.seed = seed }
        if let directory = overrides.promptsDirectory { prompts.directory = directory }
    }
}
