/// Which command a ledger round belongs to (column `rounds.kind`, migration "v3-round-kind").
///
/// Rounds of both kinds share one numbering (attempts carry the round number), but only self-play rounds
/// count towards `leanplay selfplay --rounds N`.
public enum RoundKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A self-play round: conjecture, validate, prove/disprove, export.
    case selfPlay = "selfplay"
    /// A `leanplay prove` pass over the queue (no conjecturing).
    case prove
}
