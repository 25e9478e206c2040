public import Foundation
public import ModelClient

/// The model endpoint that plays each role (formalizer, variant generator, prover), built from the
/// `[models.*]` sections of a ``LeanPlayConfiguration``.
///
/// A role is configured when, after inheriting from `[models.default]`, it has both a base URL and a model
/// name. Roles that resolve to the same endpoint and limits share one client, so their concurrency limit
/// is shared too. An empty roster means "no model": self-play then runs on formal statements with symbolic
/// variants and the automation portfolio.
public struct ModelRoster: Sendable {
    private let clients: [ModelRole: OpenAICompatibleClient]
    private let sections: [ModelRole: LeanPlayConfiguration.ModelSection]

    /// A roster with no models.
    public static let empty = ModelRoster(clients: [:], sections: [:])

    init(clients: [ModelRole: OpenAICompatibleClient], sections: [ModelRole: LeanPlayConfiguration.ModelSection]) {
        self.clients = clients
        self.sections = sections
    }

    /// True when no role has a model.
    public var isEmpty: Bool { clients.isEmpty }

    /// The model for `role`, or nil when that role is not configured.
    public func model(for role: ModelRole) -> (any ChatModel)? { clients[role] }

    /// The configured sampling defaults of `role` (temperature, top_p, max_tokens).
    public func samplingDefaults(for role: ModelRole) -> SamplingParameters {
        var parameters = SamplingParameters()
        guard let section = sections[role] else { return parameters }
        if let temperature = section.temperature { parameters.temperature = temperature }
        if let topP = section.topP { parameters.topP = topP }
        if let maxTokens = section.maxTokens { parameters.maxTokens = maxTokens }
        return parameters
    }

    /// Token usage per configured role, for reports.
    public func usageByRole() -> [ModelRole: TokenUsage] {
        var usage: [ModelRole: TokenUsage] = [:]
        for (role, client) in clients { usage[role] = client.usage(for: role) }
        return usage
    }

    /// A short description of each configured role (never includes keys).
    public var summary: [String] {
        ModelRole.allCases.compactMap { role in
            guard let client = clients[role] else { return nil }
            return "\(role.rawValue): \(client.configuration.endpoint)"
        }
    }
}

extension LeanPlayConfiguration {
    /// Builds the model clients of every configured role, checking before any work starts that each can
    /// be used: a role that names an `api_key_env` needs that variable set (a local server such as
    /// llama.cpp, vLLM or Ollama needs no key: leave `api_key_env` out).
    ///
    /// - Parameters:
    ///   - workingDirectory: relative cache folders are resolved against it.
    ///   - environment: where API keys are looked up (only whether each named variable is set is checked
    ///     here; the key itself is read per request and never stored).
    /// - Throws: `LeanPlayError` `.configuration` naming the section when a base URL is not a URL, a role
    ///   names a model without a base URL (or the reverse), or its `api_key_env` variable is unset or empty;
    ///   `ModelError` `.invalidConfiguration` when the client rejects the values.
    public func modelRoster(
        workingDirectory: URL, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> ModelRoster {
        let fallback = models["default"] ?? ModelSection()
        let knownSections = Set(ModelRole.allCases.map(\.rawValue) + ["default"])
        if let unknown = models.keys.first(where: { !knownSections.contains($0) }) {
            throw LeanPlayError(
                .configuration, "[models.\(unknown)] is not a role",
                fix: "use [models.default] or one of: \(ModelRole.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var sharedClients: [String: OpenAICompatibleClient] = [:]
        var clients: [ModelRole: OpenAICompatibleClient] = [:]
        var sections: [ModelRole: ModelSection] = [:]
        for role in ModelRole.allCases {
            let section = (models[role.rawValue] ?? ModelSection()).inheriting(from: fallback)
            switch (section.baseURL, section.model) {
            case (nil, nil):
                continue
            case (let base?, let model?):
                guard let url = URL(string: base), url.scheme != nil else {
                    throw LeanPlayError(
                        .configuration, "[models.\(role.rawValue)] base_url \"\(base)\" is not a URL",
                        fix: "write it like https://openrouter.ai/api/v1 or http://127.0.0.1:8000/v1")
                }
                try Self.requireAPIKey(
                    section.apiKeyEnv, writtenIn: models[role.rawValue]?.apiKeyEnv != nil ? role.rawValue : "default",
                    environment: environment)
                let key = [base, model, section.apiKeyEnv ?? "", "\(section.maxConcurrent ?? 0)",
                           "\(section.timeoutSeconds ?? 0)", "\(section.maxAttempts ?? 0)"].joined(separator: "\u{1F}")
                if let existing = sharedClients[key] {
                    clients[role] = existing
                } else {
                    let client = try OpenAICompatibleClient(
                        configuration: clientConfiguration(
                            ModelEndpoint(baseURL: url, model: model, apiKeyEnvironmentVariable: section.apiKeyEnv),
                            section: section, workingDirectory: workingDirectory))
                    sharedClients[key] = client
                    clients[role] = client
                }
                sections[role] = section
            case (nil, _?):
                throw LeanPlayError(
                    .configuration, "[models.\(role.rawValue)] has a model but no base_url",
                    fix: "set base_url (or --llm-base-url)")
            case (_?, nil):
                throw LeanPlayError(
                    .configuration, "[models.\(role.rawValue)] has a base_url but no model",
                    fix: "set model (or --llm-model)")
            }
        }
        return ModelRoster(clients: clients, sections: sections)
    }

    /// Fails when `variable` is named but unset or blank in `environment` (never reads out its value).
    private static func requireAPIKey(
        _ variable: String?, writtenIn section: String, environment: [String: String]
    ) throws(LeanPlayError) {
        guard let variable else { return }
        guard variable.isEmpty || (environment[variable] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        else { return }
        if variable.isEmpty {
            throw LeanPlayError(
                .configuration, "[models.\(section)] api_key_env is empty",
                fix: "name the environment variable that holds the key (e.g. OPENROUTER_API_KEY), or remove api_key_env for a local server that needs no key")
        }
        throw LeanPlayError(
            .configuration,
            "the model in [models.\(section)] (api_key_env or --api-key-env) needs the environment variable \(variable), which is not set or empty",
            fix: "export \(variable) with the provider's API key before running; a local server (llama.cpp, vLLM, Ollama) needs no key: remove api_key_env")
    }

    private func clientConfiguration(
        _ endpoint: ModelEndpoint, section: ModelSection, workingDirectory: URL
    ) -> ModelClientConfiguration {
        var configuration = ModelClientConfiguration(endpoint: endpoint)
        if let maxConcurrent = section.maxConcurrent { configuration.maxConcurrentRequests = max(1, maxConcurrent) }
        if let timeout = section.timeoutSeconds { configuration.requestTimeout = .timeout(seconds: timeout) }
        if let attempts = section.maxAttempts { configuration.retry.maxAttempts = max(1, attempts) }
        configuration.cacheDirectory = URL(
            fileURLWithPath: Self.expandingTilde(cache.directory, ProcessInfo.processInfo.environment),
            relativeTo: workingDirectory)
        configuration.cachePolicy = cache.enabled ? .readWrite : .disabled
        return configuration
    }
}
