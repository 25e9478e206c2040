import LeanPlay

/// One line of `leanplay verify --batch` output: `{"id","status","reason","rule","axioms","errors","elapsed_ms"}`,
/// every key present (`id` and `rule` may be null).
struct VerdictLine: Encodable {
    var id: String?
    var verdict: Verdict

    enum CodingKeys: String, CodingKey {
        case id, status, reason, rule, axioms, errors
        case elapsedMilliseconds = "elapsed_ms"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(verdict.status.rawValue, forKey: .status)
        try container.encode(verdict.reason, forKey: .reason)
        try container.encode(verdict.rule, forKey: .rule)  // null when accepted: every documented key on every line
        try container.encode(verdict.axioms, forKey: .axioms)
        try container.encode(verdict.errors, forKey: .errors)
        try container.encode((verdict.elapsedMilliseconds * 1000).rounded() / 1000, forKey: .elapsedMilliseconds)
    }
}

/// Human-readable verdicts.
enum VerdictFormatting {
    static func human(_ verdict: Verdict) -> String {
        var lines = ["\(verdict.status.rawValue): \(verdict.reason) (\(Int(verdict.elapsedMilliseconds)) ms)"]
        if !verdict.axioms.isEmpty { lines.append("axioms: \(verdict.axioms.joined(separator: ", "))") }
        for error in verdict.errors {
            let position = error.line.map { "\(error.location.rawValue) \($0):\(error.column ?? 0)" } ?? error.location.rawValue
            lines.append("  \(error.severity) at \(position): \(error.message)")
        }
        return lines.joined(separator: "\n")
    }
}
