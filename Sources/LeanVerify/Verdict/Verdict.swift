/// The verifier's answer for one proof: a status, the rule that decided it, Lean's errors, the axioms
/// the theorem depends on, and how long the check took.
///
/// ```swift
/// let verdict = await verifier.verify(header: "import Mathlib", statement: "theorem t : 1 + 1 = 2 := by", proof: "norm_num")
/// if verdict.status == .accepted { … }
/// ```
public struct Verdict: Sendable, Hashable, Codable {
    /// The outcome; only ``VerdictStatus/accepted`` means proved.
    public var status: VerdictStatus
    /// A human-readable explanation, naming the rule that decided the verdict when it differs from the
    /// status (`lean-error: Lean reported …`); it never repeats the status itself.
    public var reason: String
    /// The rule that decided the verdict (a ``VerificationRule`` raw value or a hygiene rule), nil when
    /// accepted.
    public var rule: String?
    /// Lean's error messages (and `sorry` warnings), positions mapped into the proof text.
    public var errors: [VerdictError]
    /// The axioms `#print axioms` reported, in Lean's order; empty when no report was obtained.
    public var axioms: [String]
    /// Wall-clock time of the whole check, in milliseconds.
    public var elapsedMilliseconds: Double

    /// Creates a verdict.
    public init(
        status: VerdictStatus, reason: String, rule: String? = nil, errors: [VerdictError] = [],
        axioms: [String] = [], elapsedMilliseconds: Double = 0
    ) {
        self.status = status
        self.reason = reason
        self.rule = rule
        self.errors = errors
        self.axioms = axioms
        self.elapsedMilliseconds = elapsedMilliseconds
    }

    /// True only for ``VerdictStatus/accepted``.
    public var isAccepted: Bool { status == .accepted }
}

extension Verdict {
    /// A verdict decided by one of the verifier's own rules.
    static func decided(
        _ status: VerdictStatus, by rule: VerificationRule, _ reason: String,
        errors: [VerdictError] = [], axioms: [String] = []
    ) -> Verdict {
        // The rule is named in front of the reason unless it only repeats the status (`timeout: timeout: …`).
        let text = rule.rawValue == status.rawValue ? reason : "\(rule.rawValue): \(reason)"
        return Verdict(status: status, reason: text, rule: rule.rawValue, errors: errors, axioms: axioms)
    }
}
