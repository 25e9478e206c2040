public import Ledger

extension FormalizationFlag {
    /// One sentence for reports saying what the flag means and why it matters.
    public var explanation: String {
        switch self {
        case .vacuous:
            "vacuous: a theorem with the same binders and conclusion `False` was proved, so the hypotheses are "
                + "contradictory and the statement says nothing; fix the hypotheses of the formalization."
        case .trivialConclusion:
            "trivial_conclusion: the conclusion was proved from the non-hypothesis binders alone, so the "
                + "hypotheses play no role; the formalization probably lost the problem's point."
        case .easy:
            "easy: proved at budget level 0 by one automation tactic; useful as a warm-up, weak as training signal."
        case .contradictory:
            "contradictory: both the statement and its negation were accepted; the Lean setup is unsound "
                + "(check the header and the axiom whitelist)."
        }
    }
}
