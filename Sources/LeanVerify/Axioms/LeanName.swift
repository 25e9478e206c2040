/// Small helpers for Lean constant names as Lean prints them.
enum LeanName {
    /// The name with «» quoting removed from each component: `«Foo».bar` → `Foo.bar`.
    static func canonical(_ name: String) -> String {
        String(name.trimmingWhitespace().filter { $0 != "«" && $0 != "»" })
    }

    /// True when `name` looks like a (possibly dotted, possibly «quoted») Lean name: non-empty, no
    /// whitespace or brackets outside «», balanced «».
    static func isPlausible(_ name: String) -> Bool {
        guard !name.isEmpty else { return false }
        var insideGuillemets = false
        for character in name {
            switch character {
            case "«":
                if insideGuillemets { return false }
                insideGuillemets = true
            case "»":
                if !insideGuillemets { return false }
                insideGuillemets = false
            default:
                if insideGuillemets { continue }
                if character.isWhitespace || "[](){},:;\"`".contains(character) { return false }
            }
        }
        return !insideGuillemets
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace and newlines.
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
