extension LeanDeclaration {
    /// The declaration as Lean source, ending as asked.
    ///
    /// `.tacticBlock` → `theorem t (x : ℕ) : x = x := by`, `.term` → `… :=`, `.sorry` → `… := by sorry`,
    /// `.bare` → no `:=`, `.body` → the stored body after the statement.
    /// Parsing the result gives back an equal declaration (with the body implied by the ending).
    public func rendered(ending: Ending = .tacticBlock) -> String {
        var text = ""
        if !modifiers.isEmpty {
            text += modifiers + (modifiers.hasSuffix("-/") ? "\n" : " ")
        }
        text += keyword.rawValue
        if let name { text += " " + name }
        for binder in binders { text += " " + binder.rendered }
        text += " : " + conclusion
        switch ending {
        case .tacticBlock: text += " := by"
        case .term: text += " :="
        case .sorry: text += " := by sorry"
        case .bare: break
        case .body: text += Self.renderedBody(body)
        }
        return text
    }

    private static func renderedBody(_ body: Body) -> String {
        switch body {
        case .none:
            return ""
        case .tactics(let tactics):
            if tactics.isEmpty { return " := by" }
            return startsOnNewLine(tactics) ? " := by\n" + tactics : " := by " + tactics
        case .term(let term):
            if term.hasPrefix("|") || term.hasPrefix("where") { return "\n" + term }
            if term.isEmpty { return " :=" }
            return startsOnNewLine(term) ? " :=\n" + term : " := " + term
        }
    }

    private static func startsOnNewLine(_ text: String) -> Bool {
        text.first.map { $0 == " " || $0 == "\t" } ?? false
    }
}
