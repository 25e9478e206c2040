/// Where a formalization stands. Stored as its raw value in `formalizations.status`.
///
/// `open` → `proved` by an accepted proof; `open` → `disproved` by an accepted proof of the negation
/// (terminal: never queued again, never reopened); `open` → `ill_formed` when the statement does not
/// elaborate (terminal for the queue).
public enum FormalizationStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// The statement does not elaborate in Lean; never queued.
    case illFormed = "ill_formed"
    /// Well-formed and neither proved nor disproved yet.
    case open
    /// The kernel accepted a proof.
    case proved
    /// The kernel accepted a proof of the negation; retired forever.
    case disproved
}
