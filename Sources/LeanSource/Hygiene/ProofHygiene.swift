/// Static checks on a proof before it reaches the kernel: the proof must stay one honest proof body.
///
/// The check runs on the token stream, so comments and strings are understood: `-- no sorry here`,
/// `h_sorry` and `"#eval"` are fine; `sorry`, `«sorry»`, an unterminated `/-`, `theorem fake …`,
/// `native_decide` or a `)` that closes the surrounding text are not.
///
/// ```swift
/// ProofHygiene.violations(in: "nlinarith [sq_nonneg (a - b)]", policy: .strict)  // []
/// ProofHygiene.violations(in: "exact sorry", policy: .strict).map(\.rule)        // [.sorry]
/// ```
public enum ProofHygiene {
    /// Where the proof goes.
    public enum Mode: String, Sendable, Hashable, Codable {
        /// The text follows the library's own `:= by` (tactics).
        case tactic
        /// The text follows the library's own `:=` (a term).
        case term
    }

    /// Every violation in `proof`, in text order; empty when the proof is clean.
    ///
    /// - Parameters:
    ///   - proof: the text that follows `:= by` (`.tactic`) or `:=` (`.term`).
    ///   - mode: where the proof goes.
    ///   - policy: which options and native computation are allowed.
    public static func violations(in proof: String, mode: Mode = .tactic,
                                  policy: HygienePolicy = .strict) -> [HygieneViolation] {
        violations(in: proof, mode: mode, policy: policy, statementBinding: nil)
    }

    /// Every violation in one part of a statement — a binder type or the conclusion — which must be a
    /// plain term: the rules of a term proof, except that a name the statement binds may be a word such
    /// as `stop`, `meta` or `include`, and character literals and plain strings (`"{"`) that Lean cannot
    /// read two ways are allowed. An empty part is no violation.
    ///
    /// - Parameters:
    ///   - boundNames: the names the statement's binders bind.
    public static func statementViolations(in part: String, boundNames: Set<String> = [],
                                           policy: HygienePolicy = .strict) -> [HygieneViolation] {
        violations(in: part, mode: .term, policy: policy, statementBinding: boundNames).filter { $0.rule != .emptyProof }
    }

    private static func violations(in proof: String, mode: Mode, policy: HygienePolicy,
                                   statementBinding: Set<String>?) -> [HygieneViolation] {
        let outcome = LeanLexer.tokenizePartially(proof)
        var scanner = HygieneScanner(tokens: outcome.tokens.filter { !$0.isTrivia }, policy: policy)
        if let statementBinding {
            scanner.statement = true
            scanner.boundNames = statementBinding
        }
        scanner.scan()
        var violations = scanner.violations + HygieneScanner.commentViolations(in: outcome.tokens)
        violations.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        if let error = outcome.error { violations.append(violation(for: error, in: proof)) }
        let significant = scanner.tokens
        if outcome.error == nil, significant.isEmpty || (mode == .term && significant.count == 1 && significant[0].is("by")) {
            violations.append(HygieneViolation(rule: .emptyProof, offending: proof, line: 1, column: 0))
        }
        return violations
    }

    /// Like ``violations(in:mode:policy:)`` for raw bytes; invalid UTF-8 is an `invalid-utf8` violation.
    public static func violations(inUTF8 bytes: some Collection<UInt8>, mode: Mode = .tactic,
                                  policy: HygienePolicy = .strict) -> [HygieneViolation] {
        do {
            return violations(in: try UTF8Validation.decode(bytes), mode: mode, policy: policy)
        } catch {
            return [HygieneViolation(rule: .invalidUTF8, offending: "invalid UTF-8", line: error.line, column: error.column)]
        }
    }

    /// The comments in `text` that Lean bounds differently from a plain nesting count (`/--`, `/-!`,
    /// `/-/`), as ``HygieneRule/ambiguousLexing`` violations; also an unterminated comment or literal.
    public static func ambiguousComments(in text: String) -> [HygieneViolation] {
        let outcome = LeanLexer.tokenizePartially(text)
        var violations = HygieneScanner.commentViolations(in: outcome.tokens)
        if let error = outcome.error { violations.append(violation(for: error, in: text)) }
        return violations
    }

    /// True when opening `namespace` (`open NS in`, or declaring a constant inside it, whose body Lean
    /// then elaborates with `NS` open) exposes meta-programming or IO names without their prefix: its
    /// first component is `Lean`, `IO`, `EIO`, `BaseIO` or `System` (after «» quoting and `_root_` are
    /// removed), unless it lies in a lemma namespace such as `Lean.Omega`.
    ///
    /// ```swift
    /// ProofHygiene.exposesCodeExecution(namespace: "Lean.Elab")   // true
    /// ProofHygiene.exposesCodeExecution(namespace: "Lean.Omega")  // false
    /// ```
    public static func exposesCodeExecution(namespace: String) -> Bool {
        let components = HygieneScanner.components(of: namespace)
        return HygieneVocabulary.codeExecutionNamespaces.contains(components.first ?? "")
            && !HygieneVocabulary.isLemmaNamespace(components)
    }

    /// True when `proof` has no violation under `policy`.
    public static func isClean(_ proof: String, mode: Mode = .tactic, policy: HygienePolicy = .strict) -> Bool {
        violations(in: proof, mode: mode, policy: policy).isEmpty
    }

    private static func violation(for error: LeanSourceError, in proof: String) -> HygieneViolation {
        let rule: HygieneRule
        let offending: String
        switch error.code {
        case .unterminatedString:
            rule = .unterminatedString
            offending = "\""
        case .unterminatedIdentifier:
            rule = .unterminatedIdentifier
            offending = "«"
        default:
            rule = .unterminatedComment
            offending = "/-"
        }
        return HygieneViolation(rule: rule, offending: offending, line: error.line, column: error.column)
    }
}
