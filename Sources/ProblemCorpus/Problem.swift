/// One problem of a corpus: an informal statement, optionally with a reference Lean formalization.
///
/// Encodes to the LeanPlay JSONL schema (`formal_statement` in snake case; absent optionals omitted):
/// ```json
/// {"id":"core_add_zero","informal":"Show that n + 0 = n.","formal_statement":"theorem core_add_zero (n : Nat) : n + 0 = n := by","header":"","tags":["algebra","core"],"difficulty":"easy"}
/// ```
public struct Problem: Sendable, Hashable, Codable {
    /// Unique within its corpus.
    public var id: String
    /// The natural-language statement (may be empty for formal-only corpora).
    public var informal: String
    /// A reference Lean 4 statement, usually `theorem id (binders) : conclusion := by`.
    public var formalStatement: String?
    /// Lean text to put before the statement (imports, `open`, options); nil or empty for core Lean.
    public var header: String?
    /// Free-form tags such as the area (`"algebra"`), `"core"`/`"mathlib"`, or `"split:test"`.
    public var tags: [String]
    /// `"easy"`, `"medium"`, `"hard"`, or a dataset's own level name.
    public var difficulty: String?
    /// Where the problem comes from (a dataset name).
    public var source: String?

    /// Creates a problem.
    public init(
        id: String, informal: String, formalStatement: String? = nil, header: String? = nil,
        tags: [String] = [], difficulty: String? = nil, source: String? = nil
    ) {
        self.id = id
        self.informal = informal
        self.formalStatement = formalStatement
        self.header = header
        self.tags = tags
        self.difficulty = difficulty
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case id, informal, header, tags, difficulty, source
        case formalStatement = "formal_statement"
    }

    /// Decodes the LeanPlay schema; `tags` may be absent (empty).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        informal = try container.decode(String.self, forKey: .informal)
        formalStatement = try container.decodeIfPresent(String.self, forKey: .formalStatement)
        header = try container.decodeIfPresent(String.self, forKey: .header)
        tags = try container.decodeIfPresent([String].self, forKey: .tags) ?? []
        difficulty = try container.decodeIfPresent(String.self, forKey: .difficulty)
        source = try container.decodeIfPresent(String.self, forKey: .source)
    }
}
