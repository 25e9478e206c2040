public import Foundation
public import ProblemCorpus

/// Formalizes a list of problems into OUT.jsonl (one `FormalizationRecord` per line).
///
/// Resumable: a rerun skips the problems already finished in OUT.jsonl. A problem's lines are written
/// only when the problem is complete (one append, flushed); a torn last write from a crash is cut off
/// and that problem redone. Problems whose model calls fail are reported in the summary, not written,
/// and retried by the next run.
///
/// ```swift
/// let job = FormalizationJob(problems: corpus, output: URL(fileURLWithPath: "out.jsonl"), formalizer: formalizer)
/// let summary = try await job.run { progress in print("\(progress.settledItems)/\(progress.totalItems)") }
/// ```
public struct FormalizationJob: Sendable {
    /// The problems to formalize (ids must be unique; repeats are processed once).
    public var problems: [Problem]
    /// OUT.jsonl.
    public var output: URL
    /// Does the work for each problem.
    public var formalizer: Autoformalizer
    /// How many problems run at once.
    public var concurrency: Int

    /// Creates a job.
    public init(problems: [Problem], output: URL, formalizer: Autoformalizer, concurrency: Int = 2) {
        self.problems = problems
        self.output = output
        self.formalizer = formalizer
        self.concurrency = concurrency
    }

    /// Runs the job, calling `progress` after the resume scan and after every problem.
    ///
    /// - Throws: `ConjecturerError` `.outputMalformed` / `.outputUnreadable` (existing OUT.jsonl),
    ///   `.outputWriteFailed`, `.invalidSettings`, `.cancelled`. Per-problem failures are in the summary.
    public func run(progress: @escaping @Sendable (JobProgress) -> Void = { _ in }) async throws(ConjecturerError) -> JobSummary {
        let formalizer = self.formalizer
        let samples = formalizer.settings.samplesPerProblem
        let runner = ItemJobRunner(
            items: problems,
            itemID: { $0.id },
            output: output,
            idKey: "problem_id",
            concurrency: concurrency,
            lastBlockIsComplete: { lines in
                // Every sample of a finished problem is counted in exactly one of its records.
                lines.reduce(0) { $0 + (($1["sample_count"] as? Int) ?? 0) } >= samples
            },
            work: { problem throws(ConjecturerError) in
                try await formalizer.formalize(problem).map { record throws(ConjecturerError) in try RecordEncoding.line(record) }
            }
        )
        return try await runner.run(progress: progress)
    }
}
