/// What the step-wise search spent on the sketch obligations it closed.
///
/// `checks` counts the REPL tactic requests made on an obligation's goals (answers reused from the
/// per-goal cache cost none) summed over the obligations that closed; an obligation closed by the first
/// tactic tried costs 1.
public struct SearchObligationStatistics: Sendable, Hashable, Codable {
    /// Obligations (one per `sorry` of a sketch) the search closed.
    public var closed: Int
    /// Tactic requests spent on those obligations until each closed.
    public var checks: Int

    /// Creates statistics.
    public init(closed: Int = 0, checks: Int = 0) {
        self.closed = closed
        self.checks = checks
    }

    /// Checks per closed obligation (0 when none closed).
    public var checksPerClosedObligation: Double {
        closed == 0 ? 0 : Double(checks) / Double(closed)
    }

    /// The sum of two statistics.
    public static func + (lhs: Self, rhs: Self) -> Self {
        Self(closed: lhs.closed + rhs.closed, checks: lhs.checks + rhs.checks)
    }
}
