/// A parsed Lean file: its preamble, its `theorem`/`lemma`/`example` declarations, and whatever other
/// commands follow the first declaration.
public struct LeanSourceFile: Sendable, Hashable, Codable {
    /// Imports and commands before the first declaration.
    public var preamble: LeanPreamble
    /// The `theorem`, `lemma` and `example` declarations, in order.
    public var declarations: [LeanDeclaration]
    /// Commands after the first declaration that are not declarations (`def`, `open`, `#eval`, `end`…),
    /// trimmed, in order.
    public var trailingCommands: [String]

    /// Creates a file model.
    public init(preamble: LeanPreamble, declarations: [LeanDeclaration], trailingCommands: [String] = []) {
        self.preamble = preamble
        self.declarations = declarations
        self.trailingCommands = trailingCommands
    }
}
