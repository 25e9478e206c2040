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
    /// Lean's deterministic budget for the reference and the theorem command, in heartbeats (Lean counts
    /// them in thousands of small allocations; `maxHeartbeats 200000` is Lean's own default). The verifier
    /// itself wraps both in `set_option maxHeartbeats H in`, so a runaway tactic or statement ends in
    /// Lean's "(deterministic) timeout" error while the REPL process survives. nil leaves Lean's default.
    public var maxHeartbeats: Int?

    /// The default heartbeat budget, 400,000: twice Lean's own default (200,000), the budget Mathlib
    /// grants its most expensive declarations (`set_option maxHeartbeats 400000 in`). Sources: the open
    /// prover literature checks miniF2F under the header of DeepSeek-Prover-V1.5 (`datasets/minif2f.jsonl`,
    /// Xin et al. 2024, arXiv:2408.08152; the same header heads DeepSeek-Prover-V2's published miniF2F
    /// solutions, Ren et al. 2025, arXiv:2504.21801), which sets `maxHeartbeats 0` — no deterministic
    /// limit, the wall clock alone. A limit has to be chosen; 400,000 leaves headroom over Lean's default
    /// for the heavy `nlinarith`/`polyrith` calls such proofs make and still stops a runaway tactic in
    /// seconds. The verifier's `set_option … in` overrides a header's global setting. A proof that needs
    /// more ends in `timeout` by `heartbeats` (never cached): raise `[lean] max_heartbeats`.
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
