import Foundation
import LeanSource

/// Builds the commands that check a hostile proof of a trusted statement.
///
/// The statement (miniF2F form, ending in `:= by` or `:=`) is parsed with
/// `LeanParser.parseStatementSource`; it must be exactly one `theorem`/`lemma`/`example`. Its scoped
/// prefixes (`open Real in`, `set_option NAME V in` with NAME in the policy's allowed options,
/// `universe u in`; a proof-free preamble of its own such as `open Real` on its own line is folded into
/// these) are kept in front of every command that elaborates it; attributes, doc comments and visibility
/// modifiers are dropped (they do not change what is stated). The theorem command is the statement
/// rendered with `:= by` (or `:=` and a newline for a term), followed by the proof with EVERY line
/// indented by two spaces.
///
/// ```swift
/// let command = try VerificationCommandBuilder.build(statement: "theorem t (n : ℕ) : n + 0 = n := by", proof: "simp",
///                                                    referenceName: { "leanplay_ref_1" })
/// command.referenceCommand  // "theorem leanplay_ref_1 (n : ℕ) : n + 0 = n\n  := by sorry"
/// command.theoremCommand    // "theorem t (n : ℕ) : n + 0 = n := by\n  simp"
/// command.typeCheckCommand  // "example : type_of% @leanplay_ref_1 := @t"
/// command.axiomsCommand     // "#print axioms t"
/// ```
///
/// ## The type pin
///
/// "The submitted theorem proves exactly the given statement" is checked by elaborating the statement
/// twice, independently, and comparing the elaborated types, never the text:
///
/// 1. the reference: the statement's own signature exactly as written (comments and layout kept), under
///    its scoped prefixes, named with a fresh reserved name (`leanplay_ref_<uuid>`) and closed with
///    `sorry`, in a separate command on the header's pristine environment (under the same
///    `set_option maxHeartbeats H in` as the theorem, when a budget is given);
/// 2. the theorem: the rendered statement and the proof, on the environment the reference produced;
/// 3. the pin `example : type_of% @REF := @NAME`, on the theorem's environment: the kernel accepts it
///    only when the submitted theorem's type is (definitionally) the reference's type, so a proof of
///    one is a proof of the other.
///
/// Both sides are elaborated by Lean from the statement's own binders, so auto-bound implicit
/// variables (`f x` with no binder for `x` gives `∀ {x : ℤ} (f : ℤ → ℤ) …` on both sides, in the same
/// order), universe-polymorphic binders (the pin's universe metavariables become the example's own
/// universe parameters; a theorem less general than the reference fails) and instance binders (`@`
/// makes every argument explicit on both sides) agree exactly, while any difference between what was
/// proved and what was given — a rendering that lost something, a proof that changed the declaration —
/// fails the pin. The reference's `sorry` is judged only in its own answer (its sorry warning is
/// expected there); the theorem's answer and `#print axioms NAME` are judged on their own, so the
/// reference can neither hide a `sorry` of the proof nor be mistaken for one. A proof can reach the
/// reference only by finding it (its name is unguessable; library search such as `exact?` could), and
/// then `#print axioms NAME` lists `sorryAx` and the proof is `incomplete`, never accepted.
///
/// `#print axioms NAME` is sent without the prefixes: it is about the constant the theorem command
/// declared (with its prefixes in effect), and an `open` there could only make `NAME` ambiguous, an
/// option only change how the report is printed.
public enum VerificationCommandBuilder {
    /// The reserved name prefix of reference declarations; statements may not use it.
    public static let referencePrefix = "leanplay_ref_"

    /// Builds the four verification commands for `proof` of `statement`.
    ///
    /// - Parameters:
    ///   - policy: decides which `set_option … in` prefixes the statement may carry.
    ///   - headerImports: the modules the header imports (`LeanParser.imports(ofHeader:)`); an `import`
    ///     in the statement's own preamble must be one of them.
    ///   - freshName: names an `example` so that its axioms can be printed.
    ///   - referenceName: names the reference declaration of the type pin.
    ///   - maxHeartbeats: Lean's deterministic budget for the theorem command (``HeartbeatLimit``); nil
    ///     leaves Lean's default.
    /// - Throws: ``LeanVerifyError/Code/invalidStatement`` when the statement does not parse as exactly
    ///   one declaration, already carries a proof, hides commands or `sorry` in its binders/conclusion, or
    ///   carries a prefix that cannot be kept in effect (the message says which and what to do).
    public static func build(
        statement: String, proof: String, policy: VerificationPolicy = .init(), headerImports: [String] = [],
        maxHeartbeats: Int? = nil,
        freshName: () -> String = VerificationCommandBuilder.freshExampleName,
        referenceName: () -> String = VerificationCommandBuilder.freshReferenceName
    ) throws(LeanVerifyError) -> VerificationCommand {
        let prepared = try prepare(
            statement: statement, policy: policy, headerImports: headerImports, freshName: freshName,
            referenceName: referenceName)
        return build(prepared: prepared, proof: proof, maxHeartbeats: maxHeartbeats)
    }

    /// Builds the verification commands for an already prepared statement; the reference and the theorem
    /// command carry `set_option maxHeartbeats H in` when `maxHeartbeats` is given — in the theorem
    /// command in place of any `set_option maxHeartbeats … in` prefix of the statement (which stays in the
    /// reference command, as written).
    public static func build(prepared: PreparedStatement, proof: String, maxHeartbeats: Int? = nil) -> VerificationCommand {
        let proofText = ProofLayout.lines(of: proof).joined(separator: "\n")
        let (indentedProof, lineLengths) = ProofLayout.indented(proofText)
        var declaration = prepared.declaration
        if maxHeartbeats != nil {
            // The verifier's budget is the one in effect, stated once: a statement prefix setting
            // `maxHeartbeats` would sit inside the verifier's option and override it (`0`: no limit).
            declaration.modifiers = prepared.prefixes.filter { !HeartbeatLimit.setsHeartbeats($0) }.map(\.text).joined(separator: "\n")
        }
        let opening: String
        switch prepared.mode {
        case .tactic: opening = declaration.rendered(ending: .tacticBlock)
        case .term: opening = declaration.rendered(ending: .term)
        }
        let limited = HeartbeatLimit.wrap(opening, maxHeartbeats: maxHeartbeats)
        let openingLineCount = ProofLayout.lines(of: limited).count
        let name = prepared.theoremName
        let constant = constantName(name)
        return VerificationCommand(
            theoremName: constant,
            mode: prepared.mode,
            proofText: proofText,
            theoremCommand: limited + "\n" + indentedProof,
            axiomsCommand: "#print axioms \(constant)",
            typeCheckCommand: "example : type_of% @\(constantName(prepared.referenceName)) := @\(constant)",
            positionMap: ProofPositionMap(
                proofStartLine: openingLineCount + 1, proofLineLengths: lineLengths, indentation: ProofLayout.indentation,
                statementStartLine: 1 + HeartbeatLimit.addedLines(maxHeartbeats: maxHeartbeats)),
            referenceName: constantName(prepared.referenceName),
            // The reference elaborates the statement: it gets the same deterministic budget, so a statement
            // that runs away stops at Lean's heartbeat limit and the process with its header survives.
            referenceCommand: prepared.referenceCommand.isEmpty
                ? "" : HeartbeatLimit.wrap(prepared.referenceCommand, maxHeartbeats: maxHeartbeats)
        )
    }

    /// The command that checks a statement alone: its scoped prefixes and the declaration closed with
    /// `by sorry`.
    ///
    /// - Throws: ``LeanVerifyError/Code/invalidStatement`` as ``build(statement:proof:policy:headerImports:freshName:referenceName:)``.
    public static func validationCommand(
        statement: String, policy: VerificationPolicy = .init(), headerImports: [String] = []
    ) throws(LeanVerifyError) -> String {
        try prepare(statement: statement, policy: policy, headerImports: headerImports).declaration.rendered(ending: .sorry)
    }

    /// Parses and checks a statement: one declaration, no proof beyond `sorry`, no hidden commands, only
    /// prefixes that can be kept in effect.
    ///
    /// - Throws: ``LeanVerifyError/Code/invalidStatement``.
    public static func prepare(
        statement: String, policy: VerificationPolicy = .init(), headerImports: [String] = [],
        freshName: () -> String = VerificationCommandBuilder.freshExampleName,
        referenceName: () -> String = VerificationCommandBuilder.freshReferenceName
    ) throws(LeanVerifyError) -> PreparedStatement {
        let source: LeanStatementSource
        do {
            source = try LeanParser.parseStatementSource(statement, headerImports: headerImports, origin: "statement")
        } catch {
            if error.code == .unsupportedCommand { throw invalid(error.message, statement) }
            throw invalid("it does not parse as one theorem/lemma/example: \(error)", statement)
        }
        var declaration = source.declaration
        let mode: ProofMode
        switch declaration.body {
        case .tactics(let text):
            guard isPlaceholder(text) else { throw invalid("it already carries a tactic proof", statement) }
            mode = .tactic
        case .term(let text):
            guard isPlaceholder(text) else { throw invalid("it already carries a term proof", statement) }
            mode = .term
        case .none:
            mode = .tactic
        }
        try checkHygiene(of: declaration, signature: source.signature, statement: statement)
        let prefixes = try checkedPrefixes(of: declaration, policy: policy, statement: statement)
        declaration.body = .none
        declaration.modifiers = prefixes.map(\.text).joined(separator: "\n")
        var name = declaration.name ?? ""
        if let namespace = enclosingNamespace(of: name), ProofHygiene.exposesCodeExecution(namespace: namespace) {
            throw invalid("its name puts the theorem in namespace `\(namespace)`, where Lean elaborates the proof with "
                + "meta-programming or IO names in scope without their prefix (as `open \(namespace) in` would, which "
                + "is refused too); rename it", statement)
        }
        if isReserved(name) {
            throw invalid("its name starts with `\(referencePrefix)`, which is reserved for LeanPlay's reference declarations", statement)
        }
        if declaration.keyword == .example || name.isEmpty {
            name = freshName()
            declaration = declaration.renamed(name)
            declaration.keyword = .theorem
        }
        try checkRendering(of: declaration, mode: mode, statement: statement)
        let universes = name.firstRange(of: ".{").map { String(name[$0.lowerBound...]) } ?? ""
        let reference = referenceName() + universes
        let referenceCommand = (prefixes.map(\.text) + ["theorem \(reference) \(source.signature)", "  := by sorry"])
            .joined(separator: "\n")
        return PreparedStatement(
            declaration: declaration, theoremName: name, mode: mode, prefixes: prefixes, referenceName: reference,
            referenceCommand: referenceCommand)
    }

    /// The constant a declared name refers to: the name without explicit universe parameters
    /// (`foo.{u}` → `foo`).
    static func constantName(_ name: String) -> String {
        name.firstRange(of: ".{").map { String(name[..<$0.lowerBound]) } ?? name
    }

    /// The namespace a declared name puts its constant (and the elaboration of its body) in: every
    /// component but the last (`Lean.Elab.t.{u}` → `Lean.Elab`); nil for a name in the root namespace.
    static func enclosingNamespace(of name: String) -> String? {
        var constant = constantName(name)
        if constant.hasPrefix("_root_.") { constant.removeFirst("_root_.".count) }
        var depth = 0
        var lastDot: String.Index?
        for index in constant.indices {
            switch constant[index] {
            case "«": depth += 1
            case "»": depth -= 1
            case "." where depth == 0: lastDot = index
            default: break
            }
        }
        return lastDot.map { String(constant[..<$0]) }
    }

    /// True when `name` is a reference declaration's constant, or a name inside one, however it is
    /// spelled: «»-quoted components and a leading `_root_` name the same root constant
    /// (`«leanplay_ref_x»`, `_root_.leanplay_ref_x`).
    static func isReserved(_ name: String) -> Bool {
        var components = constantName(name).split(separator: ".", omittingEmptySubsequences: false).map {
            String($0.filter { $0 != "«" && $0 != "»" })
        }
        if components.first == "_root_" { components.removeFirst() }
        return components.first?.hasPrefix(referencePrefix) ?? false
    }

    /// The statement's scoped prefixes, each allowed by `policy`.
    private static func checkedPrefixes(
        of declaration: LeanDeclaration, policy: VerificationPolicy, statement: String
    ) throws(LeanVerifyError) -> [ScopedPrefix] {
        let prefixes: [ScopedPrefix]
        do {
            prefixes = try declaration.scopedPrefixes()
        } catch {
            throw invalid(error.message, statement)
        }
        for prefix in prefixes {
            for rule in prefix.violations(policy: policy.hygienePolicy) {
                switch rule {
                case .setOption where prefix.optionName?.hasPrefix("debug.") == true:
                    throw invalid("its prefix `\(prefix.text)` sets a `debug.*` option, which switches off checks a "
                        + "verdict stands on and is never allowed; remove it", statement)
                case .setOption:
                    throw invalid(
                        "its prefix `\(prefix.text)` sets an option the verification policy does not allow "
                            + "(`[verification] allowed_options`); allow the option or set it in the header", statement)
                default:
                    throw invalid("its prefix `\(prefix.text)` breaks the \(rule.rawValue) rule: it exposes "
                        + "meta-programming or IO names to the statement; remove it", statement)
                }
            }
        }
        return prefixes
    }

    /// The rendered opening must read back as the same declaration with an empty body of the right kind,
    /// so that nothing in the statement (a trailing `--` comment, an unbalanced bracket) can swallow or
    /// reshape the `:= by` the proof is appended to.
    private static func checkRendering(
        of declaration: LeanDeclaration, mode: ProofMode, statement: String
    ) throws(LeanVerifyError) {
        let ending: LeanDeclaration.Ending = mode == .tactic ? .tacticBlock : .term
        let reparsed: LeanDeclaration
        do {
            reparsed = try LeanParser.parseDeclaration(declaration.rendered(ending: ending), origin: "rendered statement")
        } catch {
            throw invalid("it does not read back after rendering: \(error)", statement)
        }
        let bodyMatches: Bool
        switch (mode, reparsed.body) {
        case (.tactic, .tactics(let text)), (.term, .term(let text)): bodyMatches = text.trimmingWhitespace().isEmpty
        default: bodyMatches = false
        }
        guard bodyMatches, reparsed.name == declaration.name, reparsed.binders == declaration.binders else {
            throw invalid("its rendering does not end in a bare `:= by`/`:=` (a comment or bracket swallows it)", statement)
        }
    }

    /// A fresh, unique, reserved name for the reference declaration of the type pin.
    public static func freshReferenceName() -> String {
        referencePrefix + UUID().uuidString.replacing("-", with: "").lowercased()
    }

    /// A fresh, unique theorem name for an `example`.
    public static func freshExampleName() -> String {
        "leanplay_example_" + UUID().uuidString.replacing("-", with: "").lowercased()
    }

    /// An empty body or a lone `sorry` (as in `:= by sorry`) is a placeholder for the proof to come.
    private static func isPlaceholder(_ body: String) -> Bool {
        let trimmed = body.trimmingWhitespace()
        return trimmed.isEmpty || trimmed == "sorry"
    }

    /// Binder types and the conclusion are terms: they must pass the static hygiene of statements
    /// (`ProofHygiene.statementViolations`), and the signature as written (which the reference
    /// elaborates) may hold no comment Lean bounds differently.
    private static func checkHygiene(
        of declaration: LeanDeclaration, signature: String, statement: String
    ) throws(LeanVerifyError) {
        let parts = declaration.binders.map(\.type) + [declaration.conclusion]
        let bound = Set(declaration.binders.flatMap(\.names))
        for part in parts {
            let violations = ProofHygiene.statementViolations(in: part, boundNames: bound, policy: .strict)
            if let first = violations.first {
                throw invalid("its binders or conclusion contain \(first.rule.rawValue) (`\(first.offending)`)", statement)
            }
        }
        if let comment = ProofHygiene.ambiguousComments(in: signature).first {
            throw invalid("its signature contains \(comment.rule.rawValue) (`\(comment.offending)`)", statement)
        }
    }

    private static func invalid(_ why: String, _ statement: String) -> LeanVerifyError {
        var why = why
        while why.hasSuffix(".") { why.removeLast() }  // reasons from the parser are whole sentences
        return LeanVerifyError(
            .invalidStatement,
            "The statement cannot be verified because \(why). Pass exactly one theorem, lemma or example "
                + "ending in `:= by` (tactic proof) or `:=` (term proof).",
            context: LeanVerifyError.excerpt(statement))
    }
}
