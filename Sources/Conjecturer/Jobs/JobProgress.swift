/// How far a job is: reported after the resume scan and after every finished item (the CLI draws a bar).
public struct JobProgress: Sendable, Hashable {
    /// Distinct items (problems or parent statements) in the input.
    public var totalItems: Int
    /// Items already finished in OUT.jsonl by an earlier run, skipped.
    public var skippedItems: Int
    /// Items finished by this run.
    public var completedItems: Int
    /// Items that failed in this run (not written; a rerun retries them).
    public var failedItems: Int
    /// Lines appended to OUT.jsonl by this run.
    public var recordsWritten: Int

    /// Creates a progress report.
    public init(totalItems: Int, skippedItems: Int = 0, completedItems: Int = 0, failedItems: Int = 0, recordsWritten: Int = 0) {
        self.totalItems = totalItems
        self.skippedItems = skippedItems
        self.completedItems = completedItems
        self.failedItems = failedItems
        self.recordsWritten = recordsWritten
    }

    /// Items done one way or another (skipped, completed or failed).
    public var settledItems: Int { skippedItems + completedItems + failedItems }

    /// `settledItems / totalItems` in 0...1 (1 for an empty job).
    public var fraction: Double { totalItems == 0 ? 1 : Double(settledItems) / Double(totalItems) }
}
