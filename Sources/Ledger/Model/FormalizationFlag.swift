/// A suspicion or difficulty mark on a formalization. Stored as a sorted JSON array in `formalizations.flags`.
public enum FormalizationFlag: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// The hypotheses are contradictory: a vacuity probe (conclusion `False`) was accepted.
    case vacuous
    /// The conclusion holds without the hypotheses: a triviality probe was accepted.
    case trivialConclusion = "trivial_conclusion"
    /// Proved at budget level 0 by automation (a single tactic).
    case easy
    /// Both a proof and a proof of the negation were accepted: the header is inconsistent or a
    /// verdict is wrong. The status keeps whichever came first; investigate before training on it.
    case contradictory

    /// Orders flags by raw value so stored arrays are stable.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
