/// When a sample counts as degenerate repetition (a model stuck emitting the same line or tactic).
public struct DegenerationPolicy: Sendable, Hashable {
    /// The fewest consecutive copies of one unit that count as degenerate.
    public var minimumRepetitions: Int
    /// The fewest bytes the repeated run must cover (keeps short legitimate runs such as "----" safe).
    public var minimumRunBytes: Int
    /// The longest unit (in bytes) looked for within a single line.
    public var maximumUnitBytes: Int
    /// How many copies of the unit are kept in the recorded text.
    public var keptRepetitions: Int

    /// Creates a policy.
    public init(minimumRepetitions: Int = 40, minimumRunBytes: Int = 400, maximumUnitBytes: Int = 200, keptRepetitions: Int = 3) {
        self.minimumRepetitions = minimumRepetitions
        self.minimumRunBytes = minimumRunBytes
        self.maximumUnitBytes = maximumUnitBytes
        self.keptRepetitions = keptRepetitions
    }
}
