/// A command that scopes exactly one declaration, written in front of it with `in`:
/// `open Real in`, `open scoped BigOperators in`, `set_option maxRecDepth 1000 in`, `universe u in`.
///
/// A statement relies on these for what it means (`π` is `Real.pi` only under `open Real`), so whoever
/// elaborates the statement, its proof or anything derived from it must keep them in effect.
///
/// ```swift
/// let declaration = try LeanParser.parseDeclaration("open Real in\ntheorem t1 : π > 3 := by")
/// try declaration.scopedPrefixes().map(\.text)   // ["open Real in"]
/// ```
public struct ScopedPrefix: Sendable, Hashable, Codable {
    /// Which command scopes the declaration.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// `open NS… in`, `open scoped NS in`, `open NS (a b) in`, `open NS hiding a in`, `open NS renaming a → b in`.
        case open
        /// `set_option NAME VALUE in`.
        case setOption = "set_option"
        /// `universe u v in`.
        case universe
    }

    /// The command.
    public var kind: Kind
    /// The prefix as Lean source, comments removed and whitespace collapsed, ending in ` in`.
    public var text: String
    /// The option name of a `set_option` prefix; nil otherwise.
    public var optionName: String?
    /// The namespaces an `open` prefix names (after `scoped`, before `(`, `hiding` or `renaming`).
    public var namespaces: [String]

    /// Creates a prefix.
    public init(kind: Kind, text: String, optionName: String? = nil, namespaces: [String] = []) {
        self.kind = kind
        self.text = text
        self.optionName = optionName
        self.namespaces = namespaces
    }

    /// The rules this prefix breaks when the declaration is checked under `policy`: `set_option` with an
    /// option the policy does not allow (``HygieneRule/setOption``), and `open` of a namespace that
    /// exposes meta-programming or IO (`Lean`, `IO`, `System`, …: ``HygieneRule/codeExecution``), the
    /// same rules a proof obeys.
    public func violations(policy: HygienePolicy) -> [HygieneRule] {
        switch kind {
        case .setOption:
            guard let optionName, policy.allows(option: optionName) else { return [.setOption] }
            return []
        case .open:
            let exposesMeta = namespaces.contains { ProofHygiene.exposesCodeExecution(namespace: $0) }
            return exposesMeta ? [.codeExecution] : []
        case .universe:
            return []
        }
    }
}

extension LeanDeclaration {
    /// The `open … in`, `set_option … in` and `universe … in` prefixes in ``modifiers``, in order. Doc
    /// comments, attributes (`@[simp]`) and visibility modifiers (`private`, `noncomputable`, …) are
    /// skipped: they do not change what the declaration states.
    ///
    /// - Throws: `LeanSourceError` `.unsupportedCommand` for any other command before the keyword
    ///   (`variable … in`, `notation … in`, …) or a malformed prefix (a `set_option` without a value).
    public func scopedPrefixes() throws(LeanSourceError) -> [ScopedPrefix] {
        try ScopedPrefixParser.parse(modifiers)
    }

    /// The scoped prefixes as Lean source, one per line, ready to put in front of a derived declaration;
    /// "" when there are none or ``modifiers`` cannot be read (then ``scopedPrefixes()`` throws).
    public var scopedPrefixText: String {
        ((try? scopedPrefixes()) ?? []).map(\.text).joined(separator: "\n")
    }
}
