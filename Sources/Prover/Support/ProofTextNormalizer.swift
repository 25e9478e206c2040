/// Normalizes candidate proof text so identical proofs are checked once.
///
/// Lean tactic blocks are layout-sensitive, so indentation is kept RELATIVE: trailing whitespace and
/// blank lines are dropped, a leading `by` line is removed, tabs become spaces and the common leading
/// indentation is removed. Two proofs that differ only in those respects normalize equal; proofs that
/// differ in any token or in relative indentation do not.
public enum ProofTextNormalizer {
    /// The canonical form of `proof`.
    public static func normalize(_ proof: String) -> String {
        var lines = proof
            .replacingTabs()
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0.trimmingTrailingWhitespace()) }
            .filter { !$0.allSatisfy(\.isWhitespace) }
        if let first = lines.first, first.trimmingCharacters() == "by" { lines.removeFirst() }
        let indent = lines.map { $0.prefix(while: { $0 == " " }).count }.min() ?? 0
        return lines.map { String($0.dropFirst(indent)) }.joined(separator: "\n")
    }
}

extension StringProtocol {
    func replacingTabs() -> String {
        String(self).split(separator: "\t", omittingEmptySubsequences: false).joined(separator: "  ")
    }

    func trimmingTrailingWhitespace() -> Substring {
        let text = Substring(self)
        guard let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return text[...last]
    }

    func trimmingCharacters() -> String {
        let text = Substring(self)
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[first...last])
    }
}
