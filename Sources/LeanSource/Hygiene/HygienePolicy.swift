/// What a proof may do beyond plain tactics and terms.
public struct HygienePolicy: Sendable, Hashable, Codable {
    /// Options a proof may set with `set_option NAME … in` (e.g. `maxRecDepth`); all others are
    /// violations, and so are `debug.*` options even when listed (see ``allows(option:)``).
    public var allowedOptions: Set<String>
    /// Whether `native_decide`, `decide +native`, `Lean.ofReduceBool`, `bv_decide` … are allowed.
    public var allowNativeComputation: Bool

    /// Creates a policy; the defaults are those of ``strict``.
    public init(allowedOptions: Set<String> = [], allowNativeComputation: Bool = false) {
        self.allowedOptions = allowedOptions
        self.allowNativeComputation = allowNativeComputation
    }

    /// No options, no native computation: only what the kernel checks by itself.
    public static let strict = HygienePolicy()

    /// True when a proof or a statement prefix may set `option`: it is in ``allowedOptions`` and is not
    /// one of Lean's `debug.*` options, which switch off the checks a verdict stands on
    /// (`debug.skipKernelTC` admits a declaration without the kernel checking it, and nothing records
    /// that; `debug.byAsSorry` turns proofs into `sorry`). Those are refused even when listed.
    public func allows(option: String) -> Bool {
        allowedOptions.contains(option) && !option.hasPrefix("debug.")
    }
}
