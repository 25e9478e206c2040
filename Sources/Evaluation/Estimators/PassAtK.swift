/// The two pass@k estimators of an evaluation.
///
/// ```swift
/// PassAtK.unbiased(n: 10, c: 3, k: 1)                 // 0.3
/// PassAtK.earlyExit(firstSuccesses: [1, nil, 4], k: 2)  // 1/3
/// ```
public enum PassAtK {
    /// The unbiased estimator of Chen et al. (2021), 1 − C(n−c, k)/C(n, k), for one problem with `n`
    /// samples of which `c` were accepted.
    ///
    /// Computed as 1 − ∏_{i=n−c+1}^{n} (1 − k/i), never with binomials (which overflow for n in the
    /// hundreds). Preconditions: 0 ≤ c ≤ n and 1 ≤ k ≤ n.
    public static func unbiased(n: Int, c: Int, k: Int) -> Double {
        precondition(n >= 0 && c >= 0 && c <= n, "need 0 ≤ c ≤ n")
        precondition(k >= 1 && k <= n, "need 1 ≤ k ≤ n")
        if c == 0 { return 0 }
        if n - c < k { return 1 }
        var failAll = 1.0
        for i in (n - c + 1)...n {
            failAll *= 1 - Double(k) / Double(i)
        }
        return 1 - failAll
    }

    /// The mean over problems of `unbiased(n:c:k:)`; 0 for no problems.
    public static func unbiasedMean(_ counts: [(n: Int, c: Int)], k: Int) -> Double {
        guard !counts.isEmpty else { return 0 }
        return counts.reduce(0) { $0 + unbiased(n: $1.n, c: $1.c, k: k) } / Double(counts.count)
    }

    /// The early-exit estimator: the fraction of problems whose first accepted sample (1-based) is at
    /// most `k`; nil means no accepted sample. 0 for no problems.
    public static func earlyExit(firstSuccesses: [Int?], k: Int) -> Double {
        guard !firstSuccesses.isEmpty else { return 0 }
        let hits = firstSuccesses.count { $0.map { $0 <= k } ?? false }
        return Double(hits) / Double(firstSuccesses.count)
    }
}
