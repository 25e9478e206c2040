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
    /// Wall-clock time of the whole check, in milliseconds (near 0 for a verdict from the cache).
    public var elapsedMilliseconds: Double
    /// Set when the REPL crashed during the check and the whole check sequence (theorem, type pin,
    /// axioms) was run again once on a fresh process: what crashed. nil when no retry happened.
    public var retry: String?
    /// True when the verdict came from the verdict cache ("decided once, never again"): no Lean check
    /// was spent on it.
    public var fromCache: Bool

    /// Creates a verdict.
    public init(
        status: VerdictStatus, reason: String, rule: String? = nil, errors: [VerdictError] = [],
        axioms: [String] = [], elapsedMilliseconds: Double = 0, retry: String? = nil, fromCache: Bool = false
    ) {
        self.status = status
        self.reason = reason
        self.rule = rule
        self.errors = errors
        self.axioms = axioms
        self.elapsedMilliseconds = elapsedMilliseconds
        self.retry = retry
        self.fromCache = fromCache
    }

    enum CodingKeys: String, CodingKey {
        case status, reason, rule, errors, axioms, elapsedMilliseconds, retry, fromCache
    }

    /// Decodes a verdict; `retry` and `fromCache` may be absent (verdicts stored by earlier versions).
    /// - Throws: `DecodingError` when a field has the wrong type or a required one is missing.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        status = try c.decode(VerdictStatus.self, forKey: .status)
        reason = try c.decode(String.self, forKey: .reason)
        rule = try c.decodeIfPresent(String.self, forKey: .rule)
        errors = try c.decodeIfPresent([VerdictError].self, forKey: .errors) ?? []
        axioms = try c.decodeIfPresent([String].self, forKey: .axioms) ?? []
        elapsedMilliseconds = try c.decodeIfPresent(Double.self, forKey: .elapsedMilliseconds) ?? 0
        retry = try c.decodeIfPresent(String.self, forKey: .retry)
        fromCache = try c.decodeIfPresent(Bool.self, forKey: .fromCache) ?? false
    }

    /// True when the verdict is final — decided by Lean or by the verifier's own rules — and so may be
    /// cached: every status but ``VerdictStatus/timeout`` and ``VerdictStatus/crashed``.
    public var isFinal: Bool { status != .timeout && status != .crashed }

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
