/// The context before a file's first declaration: imports and commands such as `open`, `set_option`,
/// `namespace`, `universe`, `variable`, `noncomputable section` (and any `def` the statements need).
public struct LeanPreamble: Sendable, Hashable, Codable {
    /// Imported module names, e.g. `["Mathlib", "Aesop"]`.
    public var imports: [String]
    /// Every other command, trimmed, in order, e.g. `["set_option maxHeartbeats 0", "open Real Nat"]`.
    public var commands: [String]

    /// The header used wherever text is turned into Lean and no header is given (a problem without one,
    /// a statement file without imports): Mathlib, which the prompts' conventions (ℝ, `Finset`, …)
    /// assume. Configurable as `[lean] default_header` in `leanplay.toml`.
    public static let defaultHeader = "import Mathlib"

    /// Creates a preamble.
    public init(imports: [String] = [], commands: [String] = []) {
        self.imports = imports
        self.commands = commands
    }

    /// The preamble as Lean source: one `import` per line, a blank line, then the commands.
    public var text: String {
        var sections: [String] = []
        if !imports.isEmpty { sections.append(imports.map { "import " + $0 }.joined(separator: "\n")) }
        if !commands.isEmpty { sections.append(commands.joined(separator: "\n")) }
        return sections.isEmpty ? "" : sections.joined(separator: "\n\n") + "\n"
    }
}
