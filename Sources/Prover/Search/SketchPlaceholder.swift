/// One `sorry` placeholder of a sketch and where it stands in the layout.
public struct SketchPlaceholder: Sendable, Hashable {
    /// Where the placeholder stands, which decides how its tactics are written.
    public enum Position: Sendable, Hashable {
        /// First tactic of a tactic block: alone at the start of a line, or after `by`, `·`, `.`, `=>`,
        /// `then`, `else`.
        case blockStart
        /// A tactic after `;` or `<;>` (one tactic is expected there).
        case sequenced
        /// A term (`exact f sorry`, `:= sorry`).
        case term
    }

    /// The placeholder's range in the sketch.
    public var range: Range<String.Index>
    /// Where it stands.
    public var position: Position
    /// Its column: Unicode scalars between the start of its line and the placeholder (Lean's columns).
    public var column: Int
    /// True when code (not just a comment) follows it on the same line.
    public var hasCodeAfter: Bool

    /// True when it stands in tactic position.
    public var isTactic: Bool { position != .term }
}
