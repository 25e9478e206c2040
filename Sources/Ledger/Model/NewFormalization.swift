/// A formal statement to add to the ledger (see ``Ledger/addFormalization(_:)``).
///
/// Formalizations are deduplicated by ``statementHash``: use LeanSource's
/// `LeanDeclaration.statementHash` (name-independent, comment- and whitespace-normalized). For text that
/// does not parse, any stable hash of the raw text works.
public struct NewFormalization: Sendable, Hashable {
    /// The id to store; `nil` makes `"<problemID>/<first 16 hex digits of statementHash>"`.
    public var id: String?
    /// The problem this statement formalizes (must already be in the ledger).
    public var problemID: String
    /// The Lean statement, e.g. `"theorem t (x : ℕ) (h : 2 * x = 4) : x = 2"` (no `:=`).
    public var statement: String
    /// The Lean header (imports, `open`, options) the statement elaborates under.
    public var header: String
    /// The normalized statement hash used for deduplication.
    public var statementHash: String
    /// The formalization this one is a variant of, if any (must already be in the ledger).
    public var parentID: String?
    /// The variant operator that made it (`"generalize"`, `"drop_hypothesis"`, …), if a variant.
    public var variantOperator: String?
    /// Where the statement came from.
    public var source: FormalizationSource
    /// Free-form provenance (model name, prompt template, sample index, seed, …).
    public var provenance: [String: String]
    /// The self-play round that created it.
    public var createdRound: Int
    /// Lean's error when the statement does not elaborate: it is then stored as `ill_formed` in the same
    /// insert (never queued, not even after a crash between adding and marking it).
    public var leanError: String? = nil

    /// Creates a formalization to add.
    public init(
        id: String? = nil,
        problemID: String,
        statement: String,
        header: String,
        statementHash: String,
        parentID: String? = nil,
        variantOperator: String? = nil,
        source: FormalizationSource,
        provenance: [String: String] = [:],
        createdRound: Int = 0
    ) {
        self.id = id
        self.problemID = problemID
        self.statement = statement
        self.header = header
        self.statementHash = statementHash
        self.parentID = parentID
        self.variantOperator = variantOperator
        self.source = source
        self.provenance = provenance
        self.createdRound = createdRound
    }

    /// The id this formalization is stored under.
    public var resolvedID: String {
        id ?? "\(problemID)/\(statementHash.prefix(16))"
    }
}
