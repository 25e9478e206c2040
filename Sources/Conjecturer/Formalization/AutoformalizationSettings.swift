public import LeanSource

/// How `Autoformalizer` samples, validates and repairs formalizations of one problem.
public struct AutoformalizationSettings: Sendable, Hashable {
    /// k: model samples per problem (each with its own template, exemplars and temperature).
    public var samplesPerProblem: Int
    /// Templates to draw from; nil means every template of kind "formalize" in the library.
    public var templateIDs: [String]?
    /// How many few-shot exemplars a sample draws (uniformly in this range, capped by the pool).
    public var exemplarCount: ClosedRange<Int>
    /// The centre of the temperature jitter.
    public var baseTemperature: Double
    /// Each sample's temperature is uniform in `base ± jitter` (then clamped to `temperatureBounds`).
    public var temperatureJitter: Double
    /// Temperatures never leave this range.
    public var temperatureBounds: ClosedRange<Double>
    /// The run's seed: every per-sample choice derives from it (see `StableSeed`).
    public var seed: UInt64
    /// r: repair rounds for a statement Lean rejects (0 disables repair).
    public var repairRounds: Int
    /// The repair template's id.
    public var repairTemplateID: String
    /// Temperature of repair requests; nil uses `baseTemperature`.
    public var repairTemperature: Double?
    /// `max_tokens` per sample; nil leaves the provider's default.
    public var maxTokens: Int?
    /// `top_p`; nil leaves the provider's default.
    public var topP: Double?
    /// How many of one problem's samples may be in flight at once.
    public var sampleConcurrency: Int
    /// The header for problems that carry none: shown in the prompt, used to validate and repair, and
    /// recorded with each formalization (default `LeanPreamble.defaultHeader`, `import Mathlib`).
    public var defaultHeader: String

    /// Creates settings; the defaults suit a first run (8 samples, 2 repair rounds).
    public init(
        samplesPerProblem: Int = 8,
        templateIDs: [String]? = nil,
        exemplarCount: ClosedRange<Int> = 2...4,
        baseTemperature: Double = 0.7,
        temperatureJitter: Double = 0.25,
        temperatureBounds: ClosedRange<Double> = 0...2,
        seed: UInt64 = 0,
        repairRounds: Int = 2,
        repairTemplateID: String = "repair/statement",
        repairTemperature: Double? = nil,
        maxTokens: Int? = nil,
        topP: Double? = nil,
        sampleConcurrency: Int = 4,
        defaultHeader: String = LeanPreamble.defaultHeader
    ) {
        self.samplesPerProblem = samplesPerProblem
        self.templateIDs = templateIDs
        self.exemplarCount = exemplarCount
        self.baseTemperature = baseTemperature
        self.temperatureJitter = temperatureJitter
        self.temperatureBounds = temperatureBounds
        self.seed = seed
        self.repairRounds = repairRounds
        self.repairTemplateID = repairTemplateID
        self.repairTemperature = repairTemperature
        self.maxTokens = maxTokens
        self.topP = topP
        self.sampleConcurrency = sampleConcurrency
        self.defaultHeader = defaultHeader
    }

    /// Checks the settings make sense.
    ///
    /// - Throws: `ConjecturerError(.invalidSettings)` naming the field and what to use instead.
    public func validate() throws(ConjecturerError) {
        func fail(_ message: String) -> ConjecturerError { ConjecturerError(.invalidSettings, message, origin: "AutoformalizationSettings") }
        if samplesPerProblem < 1 { throw fail("samplesPerProblem is \(samplesPerProblem); use at least 1") }
        if exemplarCount.lowerBound < 0 { throw fail("exemplarCount must not be negative") }
        if !(temperatureJitter >= 0) { throw fail("temperatureJitter is \(temperatureJitter); use 0 or more") }
        if !baseTemperature.isFinite || !temperatureBounds.contains(baseTemperature) {
            throw fail("baseTemperature \(baseTemperature) is outside temperatureBounds \(temperatureBounds)")
        }
        if repairRounds < 0 { throw fail("repairRounds is \(repairRounds); use 0 to disable repair") }
        if sampleConcurrency < 1 { throw fail("sampleConcurrency is \(sampleConcurrency); use at least 1") }
        if let templateIDs, templateIDs.isEmpty { throw fail("templateIDs is empty; leave it nil to use every formalize/ template") }
    }
}
