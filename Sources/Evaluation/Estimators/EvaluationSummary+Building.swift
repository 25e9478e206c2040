public import ProblemCorpus

extension EvaluationSummary {
    /// Summarizes `results` of the evaluated `problems` (in benchmark order; a problem without a result
    /// is not counted) under `configuration`.
    ///
    /// - Parameters:
    ///   - skipped: ids of problems left out for lack of a formal statement.
    ///   - malformedLines: `file:line: reason` of benchmark lines that could not be read.
    public init(
        configuration: EvaluationConfiguration, problems: [Problem], results: [ProblemResult],
        skipped: [String] = [], malformedLines: [String] = []
    ) {
        let byID = Dictionary(results.map { ($0.problemID, $0) }, uniquingKeysWith: { _, later in later })
        let pairs = problems.compactMap { problem in byID[problem.id].map { (problem, $0) } }
        let all = pairs.map(\.1)
        let proofLengths = all.compactMap(\.proofLength)
        benchmark = configuration.benchmark
        model = configuration.model
        strategy = configuration.strategy.rawValue
        samples = configuration.samples
        self.problems = all.count
        self.skipped = skipped.count
        skippedProblems = skipped
        let overall = Self.group(all, configuration: configuration)
        proved = overall.proved
        errors = all.count { $0.status == .error }
        accuracy = overall.accuracy
        passAtK = overall.passAtK
        estimator = configuration.estimator
        averageProofLength = proofLengths.isEmpty ? nil : Double(proofLengths.reduce(0, +)) / Double(proofLengths.count)
        averageSearchSeconds = all.isEmpty ? 0 : all.reduce(0) { $0 + $1.searchSeconds } / Double(all.count)
        leanSeconds = all.reduce(0) { $0 + $1.leanSeconds }
        leanChecks = all.reduce(0) { $0 + $1.leanChecks }
        tokens = all.reduce(TokenCounts()) { $0 + $1.tokens }
        var splits: [String: [ProblemResult]] = [:]
        var tags: [String: [ProblemResult]] = [:]
        for (problem, result) in pairs {
            for tag in Set(problem.tags) {
                if tag.hasPrefix("split:") {
                    splits[String(tag.dropFirst("split:".count)), default: []].append(result)
                } else {
                    tags[tag, default: []].append(result)
                }
            }
        }
        bySplit = splits.mapValues { Self.group($0, configuration: configuration) }
        byTag = tags.mapValues { Self.group($0, configuration: configuration) }
        self.malformedLines = malformedLines
    }

    /// The figures of one group under the configuration's estimator.
    static func group(_ results: [ProblemResult], configuration: EvaluationConfiguration) -> Group {
        let proved = results.count { $0.status == .proved }
        var passAtK: [String: Double] = [:]
        for k in configuration.ks {
            passAtK[String(k)] = configuration.allSamples
                // Every sample counts: a failed request is a failed sample, so n is the configured N.
                ? PassAtK.unbiasedMean(results.map { (n: max($0.samples, k), c: $0.correct) }, k: k)
                : PassAtK.earlyExit(firstSuccesses: results.map(\.firstSuccess), k: k)
        }
        return Group(
            problems: results.count, proved: proved,
            accuracy: results.isEmpty ? 0 : Double(proved) / Double(results.count), passAtK: passAtK)
    }
}
