/// The JSONL layouts `CorpusLoader` reads.
public enum CorpusFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// LeanPlay's own schema: `id`, `informal`, and optional `formal_statement`, `header`, `tags`,
    /// `difficulty`, `source`.
    case leanplay
    /// miniF2F-style: `id` or `name`, `formal_statement`, optional `informal_prefix` or `informal`
    /// (`/-- … -/` markers are stripped), `header`, `split` (becomes the tag `split:<value>`).
    case miniF2F = "minif2f"
    /// ProofNet-style: `id` or `name`, `nl_statement`, `formal_statement`, optional `src_header` or
    /// `header`.
    case proofNet = "proofnet"
    /// Decide per line from its keys: `nl_statement` → ProofNet; `informal_prefix`, `split` or
    /// `name` → miniF2F; `id` with `informal` → LeanPlay; otherwise `formal_statement` → miniF2F.
    case automatic

    /// The format a line with these keys is read as (never `.automatic`), or nil when no format fits.
    static func detect(keys: some Collection<String>) -> CorpusFormat? {
        let keySet = Set(keys)
        if keySet.contains("nl_statement") { return .proofNet }
        if !keySet.isDisjoint(with: ["informal_prefix", "split", "name"]) { return .miniF2F }
        if keySet.contains("id"), keySet.contains("informal") { return .leanplay }
        if keySet.contains("formal_statement") { return .miniF2F }
        return nil
    }

    /// The dataset name recorded as `source` when a line does not give one.
    var defaultSource: String? {
        switch self {
        case .miniF2F: "miniF2F"
        case .proofNet: "ProofNet"
        case .leanplay, .automatic: nil
        }
    }
}
