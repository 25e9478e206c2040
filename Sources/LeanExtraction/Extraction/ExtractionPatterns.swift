/// The PCRE2 patterns behind `LeanCodeExtractor` and `stripReasoning`, compiled once per process.
/// They are constants written here, so a compile failure is a programming error and traps.
enum ExtractionPatterns {
    /// Names of the tags that wrap a model's reasoning.
    static let reasoningTagNames = "think|thinking|reasoning"

    /// `<think …>…</think>`, or `<think>…` running to the end when never closed.
    /// Group 1: the tag name; group 2: the reasoning text.
    static let reasoningBlock = compile(
        #"<(\#(reasoningTagNames))\b[^>]*>(.*?)(?:</\1\s*>|\z)"#, [.caseInsensitive, .dotMatchesNewlines])

    /// An opening reasoning tag.
    static let reasoningOpen = compile(#"<(?:\#(reasoningTagNames))\b[^>]*>"#, [.caseInsensitive])

    /// A closing reasoning tag.
    static let reasoningClose = compile(#"</(?:\#(reasoningTagNames))\s*>"#, [.caseInsensitive])

    /// A fenced block: an opening fence of three or more backticks or tildes (indented at most three
    /// spaces) with an optional info string, the body, and a closing fence of the same kind, or the end
    /// of the text. Groups: 1 fence, 2 language tag, 3 body, 4 closing fence (nil when missing).
    static let fencedBlock = compile(
        #"^[ \t]{0,3}(`{3,}|~{3,})[ \t]*([^\s`~]*)[^\n]*(?:\n|\z)(.*?)(?:(^[ \t]{0,3}\1[`~]*[ \t]*$)|\z)"#,
        [.multiline, .dotMatchesNewlines])

    /// A Lean declaration written outside any fence: optional preamble lines (`import`, `open`, …), an
    /// optional doc comment and attribute, then `theorem|lemma|example` at a line start, followed by
    /// every line that belongs to it: indented lines, `|` match arms and `where`/`termination_by`
    /// clauses at column 0, and single blank lines followed by an indented line.
    static let bareDeclaration = compile(
        #"""
        ^(?:(?:import|open|set_option|universe|namespace|section|variable)\b[^\n]*\n(?:[ \t]*\n)*)*
        (?:/--(?s:.*?)-/[ \t]*\n)?
        (?:@\[[^\n]*\][ \t]*\n?)?
        (?:(?:private|protected|noncomputable|nonrec)[ \t]+)*
        (?:(?:theorem|lemma)[ \t]+[^\s(){}\[\]:]+|example(?=[ \t]*[:({\[⦃]))[^\n]*
        (?:\n(?:[ \t]+\S[^\n]*|(?:\||where\b|termination_by\b|decreasing_by\b)[^\n]*|[ \t]*(?=\n[ \t]+\S)))*
        """#, [.multiline, .extended])

    /// Leading `:=` and/or `by` of a tactic block the model wrote without its statement.
    static let leadingBy = compile(#"\A\s*(?::=\s*)?by\b[ \t]*\n?"#, [])

    /// For a declaration the parser rejected: everything after the first `:= by` that follows a
    /// `theorem|lemma|example` at a line start. Group 1: the proof text.
    static let proofAfterDeclaration = compile(
        #"^[^\n]*?\b(?:theorem|lemma|example)\b.*?:=[ \t]*by\b[ \t]*(.*)\z"#, [.multiline, .dotMatchesNewlines])

    /// A prompt that ends inside a tactic block: `:= by` and nothing but whitespace after it.
    static let endsInsideTacticBlock = compile(#":=[ \t\r\n]*by[ \t\r\n]*\z"#, [])

    /// A fence line (three or more backticks or tildes, indented at most three spaces). Group 1: the
    /// language tag, possibly empty.
    static let fenceLine = compile(#"^[ \t]{0,3}(?:`{3,}|~{3,})[ \t]*([^\s`~]*)[^\n]*$"#, [.multiline])

    /// A `theorem`/`lemma`/`example` keyword at a line start (possibly after modifiers).
    static let declarationAtLineStart = compile(
        #"^[ \t]*(?:(?:private|protected|noncomputable)[ \t]+)*(?:theorem|lemma|example)\b"#, [.multiline])

    private static func compile(_ pattern: String, _ options: PCRE2Regex.Options) -> PCRE2Regex {
        do {
            return try PCRE2Regex(pattern, options: options)
        } catch {
            preconditionFailure("built-in extraction pattern does not compile: \(error)")
        }
    }
}
