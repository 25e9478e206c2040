/// What `#print axioms NAME` said about one constant.
///
/// Lean prints one of two shapes (an info message):
/// - `'NAME' depends on axioms: [propext, Classical.choice, Quot.sound]`
/// - `'NAME' does not depend on any axioms`
///
/// Names may be dotted, contain `'`, or be «guillemet-quoted»; the list may wrap across lines.
///
/// ```swift
/// let report = try AxiomReport.parse("'foo' depends on axioms: [propext, sorryAx]")
/// report.axioms           // ["propext", "sorryAx"]
/// report.usesSorry        // true
/// ```
public struct AxiomReport: Sendable, Hashable, Codable {
    /// The axiom Lean uses for `sorry`.
    public static let sorryAxiom = "sorryAx"

    /// The constant the report is about, as Lean printed it.
    public var constant: String
    /// The axioms, as Lean printed them, in Lean's order.
    public var axioms: [String]

    /// Creates a report.
    public init(constant: String, axioms: [String]) {
        self.constant = constant
        self.axioms = axioms
    }

    /// True when the constant depends on `sorryAx`.
    public var usesSorry: Bool { axioms.contains { LeanName.canonical($0) == Self.sorryAxiom } }

    /// The axioms not in `whitelist` (compared after removing «» quoting), in report order.
    public func axioms(outside whitelist: Set<String>) -> [String] {
        let allowed = Set(whitelist.map(LeanName.canonical))
        return axioms.filter { !allowed.contains(LeanName.canonical($0)) }
    }

    /// True when the report is about `name`: the same name, or `name` inside a namespace the header
    /// opened (`Ns.name`), compared after removing «» quoting.
    public func isAbout(_ name: String) -> Bool {
        let reported = LeanName.canonical(constant)
        let expected = LeanName.canonical(name)
        return reported == expected || reported.hasSuffix("." + expected)
    }

    /// Parses one `#print axioms` message.
    ///
    /// - Throws: ``LeanVerifyError/Code/unparsableAxiomReport`` when the text has neither shape, the
    ///   list is unterminated, or an entry is empty or not a name.
    public static func parse(_ message: String) throws(LeanVerifyError) -> AxiomReport {
        let text = message.trimmingWhitespace()
        guard text.hasPrefix("'") else { throw unparsable(message, "it does not start with a quoted name") }
        let afterQuote = text.dropFirst()

        let noAxioms = "' does not depend on any axioms"
        if text.hasSuffix(noAxioms), text.count > noAxioms.count + 1 {
            let name = String(afterQuote.dropLast(noAxioms.count))
            guard LeanName.isPlausible(name) else { throw unparsable(message, "the constant name is not a Lean name") }
            return AxiomReport(constant: name, axioms: [])
        }

        let marker = "' depends on axioms: ["
        guard let markerRange = afterQuote.firstRange(of: marker) else {
            throw unparsable(message, "it has neither \"depends on axioms: [\" nor \"does not depend on any axioms\"")
        }
        let name = String(afterQuote[..<markerRange.lowerBound])
        guard LeanName.isPlausible(name) else { throw unparsable(message, "the constant name is not a Lean name") }
        let listAndRest = afterQuote[markerRange.upperBound...]
        guard listAndRest.hasSuffix("]") else { throw unparsable(message, "the axiom list is not closed by ']'") }
        let axioms = try splitList(String(listAndRest.dropLast()), message: message)
        return AxiomReport(constant: name, axioms: axioms)
    }

    /// Splits "a, b.c, «d, e»" at top-level commas, keeping «…» intact.
    private static func splitList(_ list: String, message: String) throws(LeanVerifyError) -> [String] {
        if list.trimmingWhitespace().isEmpty { return [] }
        var items: [String] = []
        var current = ""
        var insideGuillemets = false
        for character in list {
            switch character {
            case "«": insideGuillemets = true; current.append(character)
            case "»": insideGuillemets = false; current.append(character)
            case "," where !insideGuillemets:
                items.append(current.trimmingWhitespace())
                current = ""
            default: current.append(character)
            }
        }
        guard !insideGuillemets else { throw unparsable(message, "a «quoted» axiom name is not closed") }
        items.append(current.trimmingWhitespace())
        for item in items where !LeanName.isPlausible(item) {
            throw unparsable(message, "the axiom list entry \"\(LeanVerifyError.excerpt(item))\" is not a Lean name")
        }
        return items
    }

    private static func unparsable(_ message: String, _ why: String) -> LeanVerifyError {
        LeanVerifyError(
            .unparsableAxiomReport,
            "The `#print axioms` output could not be read because \(why); the proof is not accepted (fail closed). "
                + "If your Lean toolchain prints axioms differently, report the message so the parser can learn it.",
            context: LeanVerifyError.excerpt(message)
        )
    }
}
