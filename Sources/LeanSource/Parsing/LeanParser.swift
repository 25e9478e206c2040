/// Parses Lean 4 source: whole files (preamble + declarations) and single declarations.
///
/// ```swift
/// let file = try LeanParser.parseFile("import Mathlib\nopen Real\n\ntheorem t : (1 : ℝ) < 2 := by norm_num")
/// file.preamble.imports            // ["Mathlib"]
/// file.declarations[0].conclusion  // "(1 : ℝ) < 2"
/// ```
public enum LeanParser {
    /// Parses a file into its preamble (imports and commands before the first declaration), its
    /// `theorem`/`lemma`/`example` declarations, and other commands after the first declaration.
    ///
    /// - Parameters:
    ///   - text: the Lean source of a whole file.
    ///   - origin: where the text came from, copied into errors.
    /// - Throws: `LeanSourceError` for lexical errors (unterminated comment/string), text that cannot
    ///   start a command, or a malformed declaration (missing name, `:` or statement; unbalanced brackets).
    public static func parseFile(_ text: String, origin: String? = nil) throws(LeanSourceError) -> LeanSourceFile {
        try parse(text, origin: origin).file
    }

    /// A parsed file plus the position of every command after the first declaration.
    struct Parsed {
        var file: LeanSourceFile
        var laterCommandPositions: [(line: Int, column: Int)]
        /// Each declaration's signature as written (see `DeclarationParser.parseWithSignature`).
        var signatures: [String] = []
    }

    static func parse(_ text: String, origin: String?) throws(LeanSourceError) -> Parsed {
        do {
            let source = SourceTokens(try LeanLexer.tokenize(text))
            var preamble = LeanPreamble()
            var declarations: [LeanDeclaration] = []
            var signatures: [String] = []
            var trailing: [String] = []
            var laterPositions: [(line: Int, column: Int)] = []
            for span in try CommandSplitter.split(source) {
                let first = source.tokens[span.tokenRange.lowerBound]
                if !declarations.isEmpty { laterPositions.append((first.line, first.column)) }
                if LeanVocabulary.declarationKeywords.contains(span.keyword) {
                    let parsed = try DeclarationParser(source: source, span: span).parseWithSignature()
                    declarations.append(parsed.declaration)
                    signatures.append(parsed.signature)
                } else if span.keyword == "import", declarations.isEmpty {
                    let names = span.significantRange.dropFirst().map { source.tokens[source.significant[$0]] }
                    preamble.imports += names.filter { $0.kind == .identifier && $0.text != "all" }.map(\.text)
                } else if span.keyword == "prelude" {
                    continue
                } else if declarations.isEmpty {
                    preamble.commands.append(source.text(span.tokenRange, keepingDocComments: true))
                } else {
                    trailing.append(source.text(span.tokenRange, keepingDocComments: true))
                }
            }
            let file = LeanSourceFile(preamble: preamble, declarations: declarations, trailingCommands: trailing)
            return Parsed(file: file, laterCommandPositions: laterPositions, signatures: signatures)
        } catch {
            throw error.with(origin: origin)
        }
    }

    /// Parses text holding exactly one `theorem`, `lemma` or `example` (possibly after a preamble).
    ///
    /// - Throws: `LeanSourceError` as ``parseFile(_:origin:)`` does, plus `.missingDeclaration` when
    ///   there is none and `.multipleDeclarations` when there is more than one or other commands follow.
    public static func parseDeclaration(_ text: String, origin: String? = nil) throws(LeanSourceError) -> LeanDeclaration {
        try single(parse(text, origin: origin), origin: origin)
    }

    /// The one declaration of a parsed text.
    static func single(_ parsed: Parsed, origin: String?) throws(LeanSourceError) -> LeanDeclaration {
        let file = parsed.file
        guard let declaration = file.declarations.first else {
            throw LeanSourceError(
                code: .missingDeclaration,
                message: "No `theorem`, `lemma` or `example` found; pass the declaration's full text.",
                origin: origin, line: 1, column: 0)
        }
        if let extra = parsed.laterCommandPositions.first {
            throw LeanSourceError(
                code: .multipleDeclarations,
                message: "Expected exactly one declaration but found \(file.declarations.count) and "
                    + "\(file.trailingCommands.count) other command(s) after it; use `parseFile` for several.",
                origin: origin, line: extra.line, column: extra.column)
        }
        return declaration
    }
}
