/// What a proof may do beyond plain tactics and terms.
public struct HygienePolicy: Sendable, Hashable, Codable {
    /// Options a proof may set with `set_option NAME … in` (e.g. `maxRecDepth`); all others are violations.
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
}
