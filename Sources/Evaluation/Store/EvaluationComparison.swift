public import Foundation

/// Two evaluations side by side: per-problem wins and losses of B against A, and pass@k deltas.
///
/// ```swift
/// let comparison = try EvaluationComparison(a: URL(fileURLWithPath: "base"), b: URL(fileURLWithPath: "new"))
/// comparison.wins          // ["mathd_algebra_10"]: proved by B only
/// comparison.passAtKDelta  // ["1": 0.02, "8": 0.05]: B − A
/// ```
public struct EvaluationComparison: Sendable, Hashable {
    /// Summary of A.
    public var a: EvaluationSummary
    /// Summary of B.
    public var b: EvaluationSummary
    /// Problems B proved and A did not (evaluated by both).
    public var wins: [String]
    /// Problems A proved and B did not (evaluated by both).
    public var losses: [String]
    /// Problems both proved.
    public var bothProved: [String]
    /// Problems neither proved.
    public var neitherProved: [String]
    /// Problems only one of the two evaluated.
    public var onlyInA: [String]
    /// Problems only B evaluated.
    public var onlyInB: [String]
    /// B − A for every k both report, keyed by k as a string.
    public var passAtKDelta: [String: Double]

    /// Reads the two output directories (`summary.json` and `results.jsonl` of each).
    ///
    /// - Throws: `EvaluationError` `.unreadableDirectory` naming the file that is missing or bad.
    public init(a directoryA: URL, b directoryB: URL) throws(EvaluationError) {
        a = try EvaluationDirectory.readSummary(directoryA)
        b = try EvaluationDirectory.readSummary(directoryB)
        let resultsA = try Self.results(directoryA)
        let resultsB = try Self.results(directoryB)
        var wins: [String] = [], losses: [String] = [], both: [String] = [], neither: [String] = []
        for id in resultsA.keys.sorted() {
            guard let b = resultsB[id], let a = resultsA[id] else { continue }
            switch (a.status == .proved, b.status == .proved) {
            case (false, true): wins.append(id)
            case (true, false): losses.append(id)
            case (true, true): both.append(id)
            case (false, false): neither.append(id)
            }
        }
        self.wins = wins
        self.losses = losses
        bothProved = both
        neitherProved = neither
        onlyInA = Set(resultsA.keys).subtracting(resultsB.keys).sorted()
        onlyInB = Set(resultsB.keys).subtracting(resultsA.keys).sorted()
        var delta: [String: Double] = [:]
        for (k, valueA) in a.passAtK { if let valueB = b.passAtK[k] { delta[k] = valueB - valueA } }
        passAtKDelta = delta
    }

    private static func results(_ directory: URL) throws(EvaluationError) -> [String: ProblemResult] {
        let store = EvaluationDirectory.reading(directory)
        return Dictionary(try store.finishedResults().map { ($0.problemID, $0) }, uniquingKeysWith: { _, later in later })
    }
}
