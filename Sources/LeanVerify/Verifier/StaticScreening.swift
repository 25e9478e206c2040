import LeanSource

/// The checks made before anything reaches Lean: an empty proof is rejected, any hygiene violation
/// makes the verdict tampered, naming the rule.
enum StaticScreening {
    static func screen(_ command: VerificationCommand, policy: VerificationPolicy) -> Verdict? {
        let mode: ProofHygiene.Mode = command.mode == .tactic ? .tactic : .term
        let violations = ProofHygiene.violations(in: command.proofText, mode: mode, policy: policy.hygienePolicy)
        guard !violations.isEmpty else { return nil }
        let errors = violations.map {
            VerdictError(severity: "error", message: "\($0.rule.rawValue): \($0.explanation)", location: .proof,
                         line: $0.line, column: $0.column)
        }
        if let empty = violations.first(where: { $0.rule == .emptyProof }) {
            return .decided(.rejected, by: .emptyProof, "the proof is empty (\(empty.explanation)); Lean was not called",
                            errors: errors)
        }
        let first = violations[0]
        return Verdict(
            status: .tampered,
            reason: "\(first.rule.rawValue): `\(LeanVerifyError.excerpt(first.offending))` at proof line \(first.line), column \(first.column): "
                + "\(first.explanation); Lean was not called",
            rule: first.rule.rawValue, errors: errors)
    }
}
