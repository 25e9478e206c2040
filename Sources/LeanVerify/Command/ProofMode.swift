/// How the proof text continues the statement.
public enum ProofMode: String, Sendable, Hashable, Codable {
    /// The statement ends in `:= by`; the proof is a tactic block.
    case tactic
    /// The statement ends in `:=`; the proof is a term.
    case term
}
