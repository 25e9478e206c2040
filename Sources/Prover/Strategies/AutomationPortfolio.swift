/// The single tactics tried first on every statement, cheapest first.
///
/// ```swift
/// let portfolio = AutomationPortfolio(tactics: ["decide", "omega"])  // core Lean only
/// ```
public struct AutomationPortfolio: Sendable, Hashable, Codable {
    /// The tactics, in the order they are tried. Each is checked as a whole proof.
    public var tactics: [String]

    /// Creates a portfolio; duplicate and blank entries are dropped, order kept.
    public init(tactics: [String]) {
        var seen = Set<String>()
        self.tactics = tactics
            .map { $0.trimmingCharacters() }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// The default portfolio: core tactics first, then Mathlib's automation.
    public static let standard = AutomationPortfolio(tactics: [
        "rfl", "decide", "omega", "simp", "norm_num", "linarith", "nlinarith", "positivity", "aesop", "grind", "tauto",
    ])

    /// Tactics that only need core Lean 4 (no Mathlib import).
    public static let core = AutomationPortfolio(tactics: ["rfl", "decide", "omega", "simp", "grind"])
}
