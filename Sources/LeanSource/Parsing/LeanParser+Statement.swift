extension LeanParser {
    /// Options that only set resource limits: in a statement's own preamble they are dropped (they do
    /// not change what the statement says; the verifier runs under its own limits).
    public static let resourceOptions: Set<String> = [
        "maxHeartbeats", "maxRecDepth", "synthInstance.maxHeartbeats", "synthInstance.maxSize",
    ]

    /// Parses a statement that is to be checked under a separate header: exactly one
    /// `theorem`/`lemma`/`example`, possibly after a proof-free preamble of its own (as models write it:
    /// `open Real` on its own line before the theorem).
    ///
    /// Nothing the statement relies on is dropped silently. Preamble commands are folded into the
    /// declaration's ``LeanDeclaration/modifiers`` as scoped prefixes, so they stay in effect for the
    /// statement and everything derived from it: `open …` → `open … in`, `set_option N V` →
    /// `set_option N V in` (resource limits such as `maxHeartbeats` are dropped instead, see
    /// ``resourceOptions``), `universe u` → `universe u in`. `section` / `noncomputable section` are
    /// no-ops for one declaration, and an `import` the header already has is in effect already. Anything
    /// else is refused. The prefixes already written with `in` are checked the same way
    /// (``LeanDeclaration/scopedPrefixes()``).
    ///
    /// ```swift
    /// let declaration = try LeanParser.parseStatement("open Real\ntheorem t1 : π > 3 := by", headerImports: ["Mathlib"])
    /// declaration.modifiers   // "open Real in"
    /// ```
    ///
    /// - Parameters:
    ///   - headerImports: the modules the header imports (``imports(ofHeader:)``); an import of one of
    ///     them, or of a module inside one of them (`Mathlib.Tactic` under `Mathlib`), is allowed.
    /// - Throws: `LeanSourceError` as ``parseDeclaration(_:origin:)`` does, plus `.unsupportedCommand`
    ///   naming the command that cannot be kept (`def`, `namespace`, `variable`, `notation`, an import
    ///   the header lacks, …) and what to do instead.
    public static func parseStatement(
        _ text: String, headerImports: [String] = [], origin: String? = nil
    ) throws(LeanSourceError) -> LeanDeclaration {
        try parseStatementSource(text, headerImports: headerImports, origin: origin).declaration
    }

    /// Like ``parseStatement(_:headerImports:origin:)``, also returning the signature exactly as written.
    ///
    /// - Throws: as ``parseStatement(_:headerImports:origin:)``.
    public static func parseStatementSource(
        _ text: String, headerImports: [String] = [], origin: String? = nil
    ) throws(LeanSourceError) -> LeanStatementSource {
        let parsed = try parse(text, origin: origin)
        var declaration = try single(parsed, origin: origin)
        var folded: [String] = []
        for module in parsed.file.preamble.imports
        where !headerImports.contains(where: { module == $0 || module.hasPrefix($0 + ".") }) {
            throw unsupported(
                "the statement imports `\(module)`, which the header does not import; put every import in the header",
                origin: origin)
        }
        for command in parsed.file.preamble.commands {
            if let prefix = try scopedForm(of: command, origin: origin) { folded.append(prefix) }
        }
        if !folded.isEmpty {
            declaration.modifiers = (folded + (declaration.modifiers.isEmpty ? [] : [declaration.modifiers]))
                .joined(separator: "\n")
        }
        do {
            _ = try declaration.scopedPrefixes()
        } catch {
            throw error.with(origin: origin)
        }
        return LeanStatementSource(declaration: declaration, signature: parsed.signatures.first ?? "")
    }

    /// The modules `header` imports, in order (empty when it does not parse).
    public static func imports(ofHeader header: String) -> [String] {
        (try? parseFile(header))?.preamble.imports ?? []
    }

    /// The `… in` form of one preamble command, nil for a no-op.
    private static func scopedForm(of command: String, origin: String?) throws(LeanSourceError) -> String? {
        let tokens = ((try? LeanLexer.tokenize(command)) ?? []).filter { !$0.isTrivia }
        guard let first = tokens.first else { return nil }
        let text = tokens.map(\.text).joined(separator: " ")
        switch first.text {
        case "open", "universe":
            return text + " in"
        case "set_option":
            if tokens.count > 1, resourceOptions.contains(tokens[1].text) { return nil }
            return text + " in"
        case "section":
            return nil
        case "noncomputable" where tokens.count > 1 && tokens[1].is("section"):
            return nil
        default:
            throw unsupported(
                "`\(LeanSourceError.excerpt(command))` before the theorem cannot be kept in effect for the statement "
                    + "(only `open`, `set_option` and `universe` can); make the statement self-contained under "
                    + "the header (variables as binders, definitions in the header)",
                origin: origin)
        }
    }

    private static func unsupported(_ message: String, origin: String?) -> LeanSourceError {
        LeanSourceError(code: .unsupportedCommand, message: message + ".", origin: origin, line: 1, column: 0)
    }
}

extension LeanSourceError {
    /// The first line of `text`, at most 60 characters.
    static func excerpt(_ text: String) -> String {
        let line = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? text
        return line.count > 60 ? String(line.prefix(60)) + "…" : line
    }
}

/// A statement parsed for checking: the declaration (its own preamble folded into scoped prefixes, see
/// ``LeanParser/parseStatement(_:headerImports:origin:)``) and its signature exactly as written.
public struct LeanStatementSource: Sendable, Hashable {
    /// The declaration; ``LeanDeclaration/modifiers`` holds the scoped prefixes it needs.
    public var declaration: LeanDeclaration
    /// Binders, `:` and conclusion as written (comments and layout kept), from just after the name (or
    /// the `example` keyword) to the end of the conclusion; it may end in a `--` comment.
    public var signature: String

    /// Creates a statement source.
    public init(declaration: LeanDeclaration, signature: String) {
        self.declaration = declaration
        self.signature = signature
    }
}
