public import Foundation

/// Generates variant curricula for a list of parent theorems into OUT.jsonl (one `VariantRecord` per
/// line). Resumable like `FormalizationJob`: parents already in OUT.jsonl are skipped; a parent's lines
/// are appended only when the parent is done; a torn last write is cut off and that parent redone.
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
    /// A parent that yields no candidate at all writes no line and is retried by a rerun.
    /// - Throws: `ConjecturerError` `.outputMalformed` / `.outputUnreadable` (existing OUT.jsonl),
    ///   `.outputWriteFailed`, `.invalidSettings`, `.cancelled`. Per-parent failures are in the summary.
    public func run(progress: @escaping @Sendable (JobProgress) -> Void = { _ in }) async throws(ConjecturerError) -> JobSummary {
        let generator = self.generator
        let runner = ItemJobRunner(
            items: parents,
            itemID: { $0.id },
            output: output,
            idKey: "parent_id",
            concurrency: concurrency,
            lastBlockIsComplete: { _ in true },
            work: { parent throws(ConjecturerError) in
                try await generator.variants(of: parent).map { record throws(ConjecturerError) in try RecordEncoding.line(record) }
            }
        )
        return try await runner.run(progress: progress)
    }
}
