import Foundation
public import LeanVerify
public import Ledger
import Prover

/// The verdict cache of self-play and evaluation: final verdicts in the ledger's `verdict_cache` table
/// (migration `v4-verdict-cache`), so a rerun, a resumed round or a duplicate candidate in another round
/// costs no Lean check. Lookups compare the full key, so a digest collision is a miss; a ledger that
/// cannot be read or written is a miss or a skipped store, never a failed check.
///
/// ```swift
/// let verifier = lean.verifier.caching(in: LedgerVerdictCache(ledger: ledger))
/// ```
public struct LedgerVerdictCache: VerdictCaching {
    /// The ledger holding the cache.
    public let ledger: Ledger

    /// A cache in `ledger`.
    public init(ledger: Ledger) {
        self.ledger = ledger
    }

    /// The stored final verdict for `key`, or nil.
    public func cachedVerdict(for key: VerdictCacheKey) async -> Verdict? {
        guard let row = try? ledger.cachedVerdict(digest: key.digest),
              let storedKey = try? JSONDecoder().decode(VerdictCacheKey.self, from: Data(row.key.utf8)), storedKey == key,
              let verdict = try? JSONDecoder().decode(Verdict.self, from: Data(row.verdict.utf8)), verdict.isFinal
        else { return nil }
        return verdict
    }

    /// Stores a final verdict (timeouts and crashes are never stored).
    public func store(_ verdict: Verdict, for key: VerdictCacheKey) async {
        guard verdict.isFinal,
              let keyJSON = try? JSONEncoder().encode(key), let verdictJSON = try? JSONEncoder().encode(verdict) else { return }
        let row = CachedVerdictRow(key: String(decoding: keyJSON, as: UTF8.self), status: verdict.status.rawValue,
                                   verdict: String(decoding: verdictJSON, as: UTF8.self))
        try? ledger.storeVerdict(digest: key.digest, row)
    }
}
