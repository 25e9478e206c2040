/// How the ledger measures a proof to keep the shortest one.
///
/// The length is the number of non-whitespace characters (Swift `Character`s, so `ℕ` and `≤` count once).
/// Line counts were rejected: they tie too often (`nlinarith [sq_nonneg (a - b), …]` is one line) and
/// reward cramming tactics onto one line with `;`. Whitespace and indentation never count, so
/// reformatting a proof never makes it "shorter".
public enum ProofLength {
    /// The number of non-whitespace characters in `proof`.
    ///
    /// ```swift
    /// ProofLength.measure("  norm_num\n  linarith") // 14
    /// ```
    public static func measure(_ proof: String) -> Int {
        var count = 0
        for character in proof where !character.isWhitespace {
            count += 1
        }
        return count
    }
}
