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
    /// This is the backstop: it kills the REPL process (and its imported header) when it fires.
    public var requestTimeout: Duration?
    /// Lean's deterministic budget for the theorem command, in heartbeats (Lean counts them in
    /// thousands of small allocations; `maxHeartbeats 200000` is Lean's own default). The verifier itself
    /// wraps the theorem in `set_option maxHeartbeats H in`, so a runaway tactic ends in Lean's
    /// "(deterministic) timeout" error while the REPL process survives. nil leaves Lean's default.
    public var maxHeartbeats: Int?

    /// The default heartbeat budget, 400,000: the value the open prover literature checks miniF2F proofs
    /// with — the evaluation header of DeepSeek-Prover-V1.5 (Xin et al., 2024, arXiv:2408.08152),
    /// reused by DeepSeek-Prover-V2, Goedel-Prover and Kimina-Prover, is `import Mathlib`,
    /// `import Aesop`, `set_option maxHeartbeats 400000`, `open BigOperators Real Nat Topology Rat`
    /// (twice Lean's default of 200,000).
    public static let defaultMaxHeartbeats = 400_000

    /// Creates a policy; the defaults are the strict policy.
    public init(
        axiomWhitelist: Set<String> = VerificationPolicy.standardAxioms,
        allowedOptions: Set<String> = [],
        allowNativeComputation: Bool = false,
        requestTimeout: Duration? = nil,
        maxHeartbeats: Int? = VerificationPolicy.defaultMaxHeartbeats
    ) {
        precondition(maxHeartbeats.map { $0 >= 0 } ?? true, "maxHeartbeats cannot be negative")
        self.maxHeartbeats = maxHeartbeats
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

    /// A stable text naming everything in this policy that can change a verdict Lean decides (axioms,
    /// options, native computation, heartbeats) — part of every verdict-cache key. The wall-clock
    /// ``requestTimeout`` is not in it: verdicts a wall clock decided are never cached.
    public var fingerprint: String {
        [
            "axioms=" + effectiveAxiomWhitelist.sorted().joined(separator: ","),
            "options=" + allowedOptions.sorted().joined(separator: ","),
            "native=\(allowNativeComputation)",
            "maxHeartbeats=\(maxHeartbeats.map(String.init) ?? "lean-default")",
        ].joined(separator: ";")
    }

    /// The static hygiene policy derived from this policy.
    public var hygienePolicy: HygienePolicy {
        HygienePolicy(allowedOptions: allowedOptions, allowNativeComputation: allowNativeComputation)
    }
}
