/// One item a job could not finish, and why.
public struct JobFailure: Sendable, Hashable {
    /// The problem or parent id.
    public var itemID: String
    /// What went wrong.
    public var error: ConjecturerError

    /// Creates a failure record.
    public init(itemID: String, error: ConjecturerError) {
        self.itemID = itemID
        self.error = error
    }
}

/// What a job run did.
public struct JobSummary: Sendable, Hashable {
    /// The final progress.
    public var progress: JobProgress
    /// The items that failed, in input order.
    public var failures: [JobFailure]
    /// Input items whose id repeated an earlier item's id (processed once).
    public var duplicateIDs: [String]
    /// Lines the resume scan removed from OUT.jsonl before appending: a torn last write, and the lines
    /// of items redone because they were unfinished under this run's settings.
    public var discardedTornLines: Int
    /// Items done only in part, with why ("p1: 4 of 8 well-formed variants; …"), in input order.
    public var notes: [String] = []
}
