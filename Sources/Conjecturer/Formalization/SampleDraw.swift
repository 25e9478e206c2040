public import ProblemCorpus

/// Everything one formalization sample drew at random: reproducible from the run seed, the problem id
/// and the sample index alone.
public struct SampleDraw: Sendable, Hashable {
    /// The sample's index within its problem (0-based).
    public var sampleIndex: Int
    /// The sample's own seed (fits in 53 bits, so JSON numbers carry it exactly); also sent to the
    /// provider as the request's `seed`.
    public var seed: UInt64
    /// The formalization template used.
    public var templateID: String
    /// The few-shot exemplars shown, in order.
    public var exemplars: [Problem]
    /// The jittered sampling temperature.
    public var temperature: Double
}

/// Draws the template, exemplars and temperature of each sample from a seeded generator.
///
/// The draw for (problem, sample i) depends only on the run seed, the problem's id and i — not on the
/// order or concurrency in which samples run.
public struct SamplingPlan: Sendable {
    /// Templates to choose from (non-empty, sorted for stability).
    public let templateIDs: [String]
    /// Where exemplars come from.
    public let exemplarPool: ExemplarPool
    /// The settings (seed, exemplar count, temperature jitter).
    public let settings: AutoformalizationSettings

    /// Creates a plan; `templateIDs` must not be empty.
    public init(templateIDs: [String], exemplarPool: ExemplarPool, settings: AutoformalizationSettings) {
        precondition(!templateIDs.isEmpty, "SamplingPlan needs at least one template")
        self.templateIDs = templateIDs.sorted()
        self.exemplarPool = exemplarPool
        self.settings = settings
    }

    /// The largest seed value kept: 2^53 − 1, exact as a JSON number in every parser.
    public static let seedMask: UInt64 = (1 << 53) - 1

    /// The draw for sample `index` of `problem`.
    public func draw(for problem: Problem, sample index: Int) -> SampleDraw {
        let seed = StableSeed.derive(settings.seed, "formalize", problem.id, String(index)) & Self.seedMask
        var generator = SplitMix64(seed: seed)
        let templateID = templateIDs[generator.index(below: templateIDs.count)]
        let offset = settings.temperatureJitter * (2 * generator.unitDouble() - 1)
        let bounds = settings.temperatureBounds
        let temperature = min(max(settings.baseTemperature + offset, bounds.lowerBound), bounds.upperBound)
        let range = settings.exemplarCount
        let count = range.lowerBound + generator.index(below: range.upperBound - range.lowerBound + 1)
        let exemplars = exemplarPool.draw(count, for: problem, using: &generator)
        return SampleDraw(
            sampleIndex: index,
            seed: seed,
            templateID: templateID,
            exemplars: exemplars,
            temperature: (temperature * 1000).rounded() / 1000
        )
    }
}
