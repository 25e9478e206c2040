import ArgumentParser
import LeanPlay

/// Flags that choose the model endpoint; they override `[models.default]` in `leanplay.toml`.
struct ModelOptions: ParsableArguments {
    @Option(name: .customLong("llm-base-url"), help: "OpenAI-compatible base URL, e.g. https://openrouter.ai/api/v1.")
    var baseURL: String?

    @Option(name: .customLong("llm-model"), help: "Model name the provider expects.")
    var model: String?

    @Option(help: "Name of the environment variable that holds the API key (the key is never logged or stored).")
    var apiKeyEnv: String?

    @Flag(help: "Neither read nor write the model response cache.")
    var noCache = false

    @Option(help: "Seed for every random choice (prompt, exemplars, temperature jitter).")
    var seed: UInt64?

    func validate() throws {
        if let apiKeyEnv, apiKeyEnv.isEmpty || apiKeyEnv.contains("=") {
            throw ValidationError("--api-key-env takes the NAME of an environment variable, not the key itself")
        }
    }

    /// `configuration` with these flags applied.
    func apply(to configuration: inout LeanPlayConfiguration) {
        var overrides = LeanPlayConfiguration.Overrides()
        overrides.modelBaseURL = baseURL
        overrides.modelName = model
        overrides.apiKeyEnv = apiKeyEnv
        overrides.disableCache = noCache
        overrides.seed = seed
        configuration.apply(overrides)
    }
}
