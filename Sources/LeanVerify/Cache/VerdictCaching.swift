/// A store of final verdicts ("decided once, never again"), consulted by ``LeanVerifier`` before any
/// Lean check and filled after one.
///
/// Only final verdicts are stored (``Verdict/isFinal``: never `timeout` or `crashed`, which say nothing
/// about the proof). Implementations never throw: a cache that cannot be read is a miss, one that cannot
/// be written is skipped, and the check itself is never affected.
///
/// LeanPlay ships ``DirectoryVerdictCache`` (one JSON file per verdict, used by `leanplay verify`) and a
/// ledger-backed cache used by self-play (`Ledger`'s `verdict_cache` table).
public protocol VerdictCaching: Sendable {
    /// The stored verdict for `key`, or nil.
    func cachedVerdict(for key: VerdictCacheKey) async -> Verdict?
    /// Stores a final verdict for `key` (callers only pass final verdicts).
    func store(_ verdict: Verdict, for key: VerdictCacheKey) async
}
