/// One binder group of a declaration's signature, e.g. `(x y : ℝ)`, `{n : ℕ}`, `[Fact p.Prime]`.
public struct LeanBinder: Sendable, Hashable, Codable {
    /// The brackets around a binder group.
    public enum Bracket: String, Sendable, Hashable, Codable, CaseIterable {
        /// `( … )`
        case explicit
        /// `{ … }`
        case implicit
        /// `[ … ]`, a type-class instance.
        case instance
        /// `⦃ … ⦄` (also written `{{ … }}`).
        case strictImplicit

        /// The opening bracket as rendered.
        public var opening: String {
            switch self {
            case .explicit: "("
            case .implicit: "{"
            case .instance: "["
            case .strictImplicit: "⦃"
            }
        }

        /// The closing bracket as rendered.
        public var closing: String {
            switch self {
            case .explicit: ")"
            case .implicit: "}"
            case .instance: "]"
            case .strictImplicit: "⦄"
            }
        }
    }

    /// The brackets.
    public var bracket: Bracket
    /// The bound names, in order; empty for an anonymous instance binder like `[Fact p]`.
    public var names: [String]
    /// The type as written (comments removed, trimmed); empty for an untyped binder like `{x}`.
    public var type: String
    /// Whether this binder is a hypothesis (a proof of a proposition) rather than a variable.
    /// A heuristic: see ``HypothesisHeuristic`` for the rules and their limits.
    public var isHypothesis: Bool

    /// Creates a binder with an explicit hypothesis flag.
    public init(bracket: Bracket, names: [String], type: String, isHypothesis: Bool) {
        self.bracket = bracket
        self.names = names
        self.type = type
        self.isHypothesis = isHypothesis
    }

    /// Creates a binder whose hypothesis flag comes from ``HypothesisHeuristic``.
    public init(bracket: Bracket, names: [String], type: String) {
        self.init(bracket: bracket, names: names, type: type,
                  isHypothesis: HypothesisHeuristic.isHypothesis(bracket: bracket, names: names, type: type))
    }

    /// The binder as Lean source: `(x y : ℝ)`, `[Fact p]`, `{x}`.
    public var rendered: String {
        let namesText = names.joined(separator: " ")
        let inner: String
        if type.isEmpty {
            inner = namesText
        } else if names.isEmpty {
            inner = type
        } else {
            inner = "\(namesText) : \(type)"
        }
        return bracket.opening + inner + bracket.closing
    }
}
