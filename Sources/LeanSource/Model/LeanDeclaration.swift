/// A parsed `theorem`, `lemma` or `example`: its signature (binders and conclusion) and its body.
///
/// ```swift
/// let theorem = try LeanParser.parseDeclaration("theorem t (x : ℤ) (h₀ : 0 < x) : x ≠ 0 := by omega")
/// theorem.universalClosure()   // "∀ (x : ℤ) (h₀ : 0 < x), x ≠ 0"
/// theorem.hypotheses.map(\.names)  // [["h₀"]]
/// ```
public struct LeanDeclaration: Sendable, Hashable, Codable {
    /// The declaration keyword.
    public enum Keyword: String, Sendable, Hashable, Codable, CaseIterable {
        /// `theorem`
        case theorem
        /// `lemma` (Mathlib)
        case lemma
        /// `example` (no name)
        case example
    }

    /// What follows the statement.
    public enum Body: Sendable, Hashable, Codable {
        /// `:= by …`: the tactic text after `by` (possibly empty).
        case tactics(String)
        /// `:= …` a term (including `sorry`), or equations `| … => …` / `where …` kept verbatim.
        case term(String)
        /// No body at all.
        case none

        /// The body's text (tactics after `by`, or the term); empty for `.none`.
        public var text: String {
            switch self {
            case .tactics(let text), .term(let text): text
            case .none: ""
            }
        }
    }

    /// How ``LeanDeclaration/rendered(ending:)`` ends the statement.
    public enum Ending: String, Sendable, Hashable, Codable, CaseIterable {
        /// `… := by`, ready for a tactic proof.
        case tacticBlock
        /// `… :=`, ready for a term proof.
        case term
        /// `… := by sorry`.
        case sorry
        /// No `:=` at all.
        case bare
        /// The stored body (``LeanDeclaration/body``) rendered after the statement.
        case body
    }

    /// `theorem`, `lemma` or `example`.
    public var keyword: Keyword
    /// The declared name (nil for `example`).
    public var name: String?
    /// The binder groups before the colon.
    public var binders: [LeanBinder]
    /// The statement's type after the colon, as written (comments removed, trimmed).
    public var conclusion: String
    /// The proof, if any.
    public var body: Body
    /// Text before the keyword: doc comment, attributes, `private`/`protected`, `open … in`.
    public var modifiers: String

    /// Creates a declaration.
    public init(keyword: Keyword, name: String?, binders: [LeanBinder], conclusion: String,
                body: Body = .none, modifiers: String = "") {
        self.keyword = keyword
        self.name = name
        self.binders = binders
        self.conclusion = conclusion
        self.body = body
        self.modifiers = modifiers
    }

    /// The binders judged to be hypotheses.
    public var hypotheses: [LeanBinder] { binders.filter(\.isHypothesis) }

    /// The binders judged to be variables (not hypotheses).
    public var variables: [LeanBinder] { binders.filter { !$0.isHypothesis } }
}
