public import Foundation
public import ProblemCorpus

/// Formalizes a list of problems into OUT.jsonl (one `FormalizationRecord` per line).
///
/// Resumable: a rerun skips the problems already finished in OUT.jsonl. A problem's lines are written
/// only when the problem is complete (one append, flushed); a torn last write from a crash is cut off
/// and that problem redone. A problem is finished when its records account for `samplesPerProblem`
/// answered samples: a rerun with more samples (`--samples 8` over a file written with 4), or over a
/// problem some of whose requests failed (`request_failed` record), removes that problem's lines and
/// formalizes it again with every sample (earlier answers come from the response cache when it is on).
/// Problems whose every model call fails are reported in the summary, not written, and retried by the
/// next run.
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
            isFinished: { lines in
                // Every sample of a problem is counted in exactly one of its final records (a repaired
                // sample also counts on the ill-formed records its statement was repaired from: those
                // lineage records are left out); samples whose request failed are not finished (a rerun
                // asks again).
                let lineage = Set(lines.flatMap { ($0["repaired_from"] as? [String]) ?? [] })
                return lines.reduce(0) { total, line in
                    line["status"] as? String == FormalizationStatus.requestFailed.rawValue
                        || lineage.contains(line["formalization_id"] as? String ?? "")
                        ? total : total + ((line["sample_count"] as? Int) ?? 0)
                } >= samples
            },
            unfinished: .redo,
            work: { problem, _ throws(ConjecturerError) in
                let lines = try await formalizer.formalize(problem).map { record throws(ConjecturerError) in try RecordEncoding.line(record) }
                return ItemWorkResult(lines: lines)
            }
        )
        return try await runner.run(progress: progress)
    }
}
