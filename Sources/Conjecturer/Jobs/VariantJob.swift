public import Foundation

/// Generates variant curricula for a list of parent theorems into OUT.jsonl (one `VariantRecord` per
/// line). Resumable like `FormalizationJob`: a parent is finished when OUT.jsonl holds `targetCount`
/// well-formed variants of it, and skipped; an unfinished parent (a rerun with a larger count, or one
/// whose generators ran dry) keeps its lines and is extended — the generator continues after them,
/// appending only new variants — and when it still falls short, `JobSummary.notes` says why. A
/// parent's lines are appended only when its work is done; a torn last write is cut off.
///
/// ```swift
/// let parents = corpus.compactMap(VariantParent.init(problem:))
/// let job = VariantJob(parents: parents, output: URL(fileURLWithPath: "variants.jsonl"), generator: generator)
/// let summary = try await job.run()
/// ```
public struct VariantJob: Sendable {
    /// The parents (ids must be unique; repeats are processed once).
    public var parents: [VariantParent]
    /// OUT.jsonl.
    public var output: URL
    /// Does the work for each parent.
    public var generator: VariantGenerator
    /// How many parents run at once.
    public var concurrency: Int

    /// Creates a job.
    public init(parents: [VariantParent], output: URL, generator: VariantGenerator, concurrency: Int = 2) {
        self.parents = parents
        self.output = output
        self.generator = generator
        self.concurrency = concurrency
    }

    /// Runs the job, calling `progress` after the resume scan and after every parent.
    ///
    /// A parent that yields no candidate at all writes no line and is retried by a rerun; a failed
    /// model request writes a `request_failed` line and the parent's other variants are kept.
    /// - Throws: `ConjecturerError` `.outputMalformed` / `.outputUnreadable` (existing OUT.jsonl),
    ///   `.outputWriteFailed`, `.invalidSettings`, `.cancelled`. Per-parent failures are in the summary.
    public func run(progress: @escaping @Sendable (JobProgress) -> Void = { _ in }) async throws(ConjecturerError) -> JobSummary {
        let generator = self.generator
        let target = generator.settings.targetCount
        let runner = ItemJobRunner(
            items: parents,
            itemID: { $0.id },
            output: output,
            idKey: "parent_id",
            concurrency: concurrency,
            isFinished: { lines in
                lines.filter { $0["status"] as? String == VariantStatus.wellFormed.rawValue }.count >= target
            },
            unfinished: .extend,
            work: { parent, kept throws(ConjecturerError) in
                let decoder = JSONDecoder()
                let earlier = kept.compactMap { try? decoder.decode(VariantRecord.self, from: $0) }
                let batch = try await generator.generate(for: parent, after: earlier)
                let lines = try (batch.records + batch.failedRequests).map { record throws(ConjecturerError) in
                    try RecordEncoding.line(record)
                }
                return ItemWorkResult(lines: lines, note: batch.shortfall)
            }
        )
        return try await runner.run(progress: progress)
    }
}
