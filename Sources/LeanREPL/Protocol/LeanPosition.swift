/// A position in Lean source as the REPL reports it: 1-based line, 0-based column (in codepoints).
public struct LeanPosition: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// 1-based line number (the REPL uses line 0 for messages without a position).
    public var line: Int
    /// 0-based column, counted in Unicode codepoints.
    public var column: Int

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Orders positions by line, then column.
    public static func < (lhs: LeanPosition, rhs: LeanPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}
