/// One theorem of LeanDojo Benchmark 4 (`leandojo_benchmark_4/{random,novel_premises}/{train,val,test}.json`):
/// a human proof traced into tactic steps.
///
/// Field names follow LeanDojo's files: `url`, `commit`, `file_path`, `full_name`, `start`, `end`, and
/// `traced_tactics` with `tactic`, `annotated_tactic`, `state_before`, `state_after` per step. Only the
/// fields LeanPlay uses are decoded; the others are ignored.
public struct LeanDojoTheorem: Sendable, Hashable, Decodable {
    /// One traced step: the proof state before, the tactic a human wrote, the proof state after.
    public struct Step: Sendable, Hashable, Decodable {
        /// The tactic as written in the source.
        public var tactic: String
        /// The pretty-printed proof state before the tactic.
        public var stateBefore: String
        /// The pretty-printed proof state after it (`"no goals"` when it closed the proof).
        public var stateAfter: String

        enum CodingKeys: String, CodingKey {
            case tactic, stateBefore = "state_before", stateAfter = "state_after"
        }

        /// Creates a step.
        public init(tactic: String, stateBefore: String, stateAfter: String) {
            self.tactic = tactic
            self.stateBefore = stateBefore
            self.stateAfter = stateAfter
        }
    }

    /// The theorem's fully qualified name, e.g. `Nat.add_comm`.
    public var fullName: String
    /// The source file inside its repository, e.g. `Mathlib/Algebra/Group/Basic.lean`.
    public var filePath: String
    /// The repository URL (absent in some files).
    public var url: String?
    /// The repository commit (absent in some files).
    public var commit: String?
    /// The traced tactic steps, in proof order (empty for term-mode proofs).
    public var tracedTactics: [Step]

    enum CodingKeys: String, CodingKey {
        case fullName = "full_name", filePath = "file_path", url, commit, tracedTactics = "traced_tactics"
    }

    /// Creates a theorem.
    public init(fullName: String, filePath: String, url: String? = nil, commit: String? = nil, tracedTactics: [Step]) {
        self.fullName = fullName
        self.filePath = filePath
        self.url = url
        self.commit = commit
        self.tracedTactics = tracedTactics
    }
}
