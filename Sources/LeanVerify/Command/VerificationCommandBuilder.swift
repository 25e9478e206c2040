import Foundation
import LeanSource

/// Builds the commands that check a hostile proof of a trusted statement.
///
/// The statement (miniF2F form, ending in `:= by` or `:=`) is parsed with `LeanParser`; it must be
/// exactly one `theorem`/`lemma`/`example`. The theorem command is the statement rendered with `:= by`
/// (or `:=` and a newline for a term), followed by the proof with EVERY line indented by two spaces.
///
/// ```swift
/// let command = try VerificationCommandBuilder.build(statement: "theorem t (n : ℕ) : n + 0 = n := by", proof: "simp")
/// command.theoremCommand    // "theorem t (n : ℕ) : n + 0 = n := by\n  simp"
/// command.axiomsCommand     // "#print axioms t"
/// command.typeCheckCommand  // "example : ∀ (n : ℕ), n + 0 = n := @t"
/// ```
public enum VerificationCommandBuilder {
    /// Builds the three verification commands for `proof` of `statement`.
    ///
    /// - Parameters:
    ///   - freshName: names an `example` so that its axioms can be printed.
    ///   - maxHeartbeats: Lean's deterministic budget for the theorem command (``HeartbeatLimit``); nil
    ///     leaves Lean's default.
    /// - Throws: ``LeanVerifyError/Code/invalidStatement`` when the statement does not parse as exactly
    ///   one declaration, already carries a proof, or hides commands or `sorry` in its binders/conclusion.
    public static func build(
        statement: String, proof: String, maxHeartbeats: Int? = nil,
        freshName: () -> String = VerificationCommandBuilder.freshExampleName
    ) throws(LeanVerifyError) -> VerificationCommand {
        let prepared = try prepare(statement: statement, freshName: freshName)
        return build(prepared: prepared, proof: proof, maxHeartbeats: maxHeartbeats)
    }

    /// Builds the verification commands for an already prepared statement; the theorem command carries
    /// `set_option maxHeartbeats H in` when `maxHeartbeats` is given.
    public static func build(prepared: PreparedStatement, proof: String, maxHeartbeats: Int? = nil) -> VerificationCommand {
        let proofText = ProofLayout.lines(of: proof).joined(separator: "\n")
        let (indentedProof, lineLengths) = ProofLayout.indented(proofText)
        let opening: String
        switch prepared.mode {
        case .tactic: opening = prepared.declaration.rendered(ending: .tacticBlock)
        case .term: opening = prepared.declaration.rendered(ending: .term)
        }
        let limited = HeartbeatLimit.wrap(opening, maxHeartbeats: maxHeartbeats)
        let openingLineCount = ProofLayout.lines(of: limited).count
        let name = prepared.theoremName
        return VerificationCommand(
            theoremName: name,
            mode: prepared.mode,
            proofText: proofText,
            theoremCommand: limited + "\n" + indentedProof,
            axiomsCommand: "#print axioms \(name)",
            typeCheckCommand: "example : \(prepared.declaration.universalClosure()) := @\(name)",
            positionMap: ProofPositionMap(
                proofStartLine: openingLineCount + 1, proofLineLengths: lineLengths, indentation: ProofLayout.indentation,
                statementStartLine: 1 + HeartbeatLimit.addedLines(maxHeartbeats: maxHeartbeats))
        )
    }

    /// The command that checks a statement alone: the declaration closed with `by sorry`.
    ///
    /// - Throws: ``LeanVerifyError/Code/invalidStatement`` as ``build(statement:proof:freshName:)``.
    public static func validationCommand(statement: String) throws(LeanVerifyError) -> String {
        try prepare(statement: statement).declaration.rendered(ending: .sorry)
    }

    /// Parses and checks a statement: one declaration, no proof beyond `sorry`, no hidden commands.
    ///
    /// - Throws: ``LeanVerifyError/Code/invalidStatement``.
    public static func prepare(
        statement: String, freshName: () -> String = VerificationCommandBuilder.freshExampleName
    ) throws(LeanVerifyError) -> PreparedStatement {
        var declaration: LeanDeclaration
        do {
            declaration = try LeanParser.parseDeclaration(statement, origin: "statement")
        } catch {
            throw invalid("it does not parse as one theorem/lemma/example: \(error)", statement)
        }
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
        try checkHygiene(of: declaration, statement: statement)
        declaration.body = .none
        declaration.modifiers = ""
        var name = declaration.name ?? ""
        if declaration.keyword == .example || name.isEmpty {
            name = freshName()
            declaration = declaration.renamed(name)
            declaration.keyword = .theorem
        }
        try checkRendering(of: declaration, mode: mode, statement: statement)
        return PreparedStatement(declaration: declaration, theoremName: name, mode: mode)
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

    /// A fresh, unique theorem name for an `example`.
    public static func freshExampleName() -> String {
        "leanplay_example_" + UUID().uuidString.replacing("-", with: "").lowercased()
    }

    /// An empty body or a lone `sorry` (as in `:= by sorry`) is a placeholder for the proof to come.
    private static func isPlaceholder(_ body: String) -> Bool {
        let trimmed = body.trimmingWhitespace()
        return trimmed.isEmpty || trimmed == "sorry"
    }

    /// Binder types and the conclusion are terms: they must pass the same static hygiene as a term proof.
    private static func checkHygiene(of declaration: LeanDeclaration, statement: String) throws(LeanVerifyError) {
        let parts = declaration.binders.map(\.type) + [declaration.conclusion]
        for part in parts {
            let violations = ProofHygiene.violations(in: part, mode: .term, policy: .strict)
                .filter { $0.rule != .emptyProof }
            if let first = violations.first {
                throw invalid("its binders or conclusion contain \(first.rule.rawValue) (`\(first.offending)`)", statement)
            }
        }
    }

    private static func invalid(_ why: String, _ statement: String) -> LeanVerifyError {
        LeanVerifyError(
            .invalidStatement,
            "The statement cannot be verified because \(why). Pass exactly one theorem, lemma or example "
                + "ending in `:= by` (tactic proof) or `:=` (term proof).",
            context: LeanVerifyError.excerpt(statement))
    }
}
