public import LeanSource

/// What the verifier tolerates: which axioms a proof may depend on, which `set_option` names a proof
/// may use, and whether native computation (`native_decide`, `Lean.ofReduceBool`) is trusted.
///
/// The default is strict: axioms `propext`, `Classical.choice`, `Quot.sound`; no options; no native code.
public struct VerificationPolicy: Sendable, Hashable {
    /// The axioms of ordinary Lean/Mathlib mathematics.
    public static let standardAxioms: Set<String> = ["propext", "Classical.choice", "Quot.sound"]
    /// The axioms that native computation adds; whitelisted only when ``allowNativeComputation`` is on.
    public static let nativeComputationAxioms: Set<String> = ["Lean.ofReduceBool", "Lean.trustCompiler"]

    /// Axioms a proof may depend on (``nativeComputationAxioms`` are added when native computation is
    /// allowed). `sorryAx` is never accepted, even if listed here.
    public var axiomWhitelist: Set<String>
    /// `set_option` names a proof may use (for example `maxHeartbeats`).
    public var allowedOptions: Set<String>
    /// Whether `native_decide` and friends are trusted.
    public var allowNativeComputation: Bool
    /// The time limit for each REPL request of a check; nil uses the pool's configured request timeout.
    public var requestTimeout: Duration?

    /// Creates a policy; the defaults are the strict policy.
    public init(
        axiomWhitelist: Set<String> = VerificationPolicy.standardAxioms,
        allowedOptions: Set<String> = [],
        allowNativeComputation: Bool = false,
        requestTimeout: Duration? = nil
    ) {
        self.axiomWhitelist = axiomWhitelist
        self.allowedOptions = allowedOptions
        self.allowNativeComputation = allowNativeComputation
        self.requestTimeout = requestTimeout
    }

    /// The axioms actually accepted: the whitelist, plus the native-computation axioms when allowed,
    /// never `sorryAx`.
    public var effectiveAxiomWhitelist: Set<String> {
        var allowed = axiomWhitelist
        if allowNativeComputation { allowed.formUnion(Self.nativeComputationAxioms) }
        allowed.remove(AxiomReport.sorryAxiom)
        return allowed
    }

    /// The static hygiene policy derived from this policy.
    public var hygienePolicy: HygienePolicy {
        HygienePolicy(allowedOptions: allowedOptions, allowNativeComputation: allowNativeComputation)
    }
}
