public import ProblemCorpus

/// The few-shot exemplars a sample may show: corpus problems that have a reference formal statement.
///
/// A problem never sees itself (same id, or the same informal text under another id) as an exemplar.
public struct ExemplarPool: Sendable {
    /// The problems with a non-empty informal statement and formal statement, in corpus order.
    public let problems: [Problem]

    /// Keeps the problems of `corpus` that can serve as exemplars.
    public init(corpus: [Problem]) {
        problems = corpus.filter { problem in
            guard let formal = problem.formalStatement else { return false }
            return !formal.allSatisfy(\.isWhitespace) && !problem.informal.allSatisfy(\.isWhitespace)
        }
    }

    /// The exemplars allowed for `problem`, in corpus order.
    public func candidates(for problem: Problem) -> [Problem] {
        let informal = normalizedInformal(problem.informal)
        return problems.filter { $0.id != problem.id && normalizedInformal($0.informal) != informal }
    }

    /// `count` exemplars for `problem` in a random order drawn from `generator`.
    public func draw(_ count: Int, for problem: Problem, using generator: inout SplitMix64) -> [Problem] {
        generator.sample(candidates(for: problem), count: count)
    }

    private func normalizedInformal(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
