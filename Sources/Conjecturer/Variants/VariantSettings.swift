/// How `VariantGenerator` builds a curriculum of variants around one theorem.
public struct VariantSettings: Sendable, Hashable {
    /// N: stop once this many distinct well-formed variants are found.
    public var targetCount: Int
    /// The symbolic operators used, in round-robin order (empty: model only).
    public var symbolicOperators: [SymbolicOperator]
    /// Model templates used; nil means every template of kind "variants" (ignored without a model).
    public var templateIDs: [String]?
    /// How many times each model template may be asked per parent.
    public var callsPerTemplate: Int
    /// How many variants each model call asks for (the templates' `{{count}}`).
    public var variantsPerCall: Int
    /// Sampling temperature of model calls.
    public var temperature: Double
    /// `max_tokens` per call; nil leaves the provider's default.
    public var maxTokens: Int?
    /// The run's seed (candidate order and model seeds derive from it and the parent id).
    public var seed: UInt64
    /// At most this many candidates are validated per parent (Lean time budget).
    public var maxValidations: Int

    /// Creates settings; defaults: 8 variants, every symbolic operator, one call per template.
    public init(
        targetCount: Int = 8,
        symbolicOperators: [SymbolicOperator] = SymbolicOperator.allCases,
        templateIDs: [String]? = nil,
        callsPerTemplate: Int = 1,
        variantsPerCall: Int = 3,
        temperature: Double = 0.8,
        maxTokens: Int? = nil,
        seed: UInt64 = 0,
        maxValidations: Int = 64
    ) {
        self.targetCount = targetCount
        self.symbolicOperators = symbolicOperators
        self.templateIDs = templateIDs
        self.callsPerTemplate = callsPerTemplate
        self.variantsPerCall = variantsPerCall
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.seed = seed
        self.maxValidations = maxValidations
    }

    /// Checks the settings make sense.
    ///
    /// - Throws: `ConjecturerError(.invalidSettings)` naming the field.
    public func validate() throws(ConjecturerError) {
        func fail(_ message: String) -> ConjecturerError { ConjecturerError(.invalidSettings, message, origin: "VariantSettings") }
        if targetCount < 1 { throw fail("targetCount is \(targetCount); use at least 1") }
        if callsPerTemplate < 0 { throw fail("callsPerTemplate is \(callsPerTemplate); use 0 or more") }
        if variantsPerCall < 1 { throw fail("variantsPerCall is \(variantsPerCall); use at least 1") }
        if maxValidations < 1 { throw fail("maxValidations is \(maxValidations); use at least 1") }
        if !temperature.isFinite || temperature < 0 { throw fail("temperature is \(temperature); use a value ≥ 0") }
    }
}
