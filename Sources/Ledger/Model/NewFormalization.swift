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
    /// Statement hashes of ill-formed formalizations that statement repair turned into this one. Each
    /// must be in the ledger already or in the same ``Ledger/addFormalizations(_:)`` batch; the lineage is
    /// stored in `statement_repairs` and exported by ``ExportKind/repair`` as statement repairs.
    public var repairedFromHashes: [String] = []

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

    /// The ``provenance`` key of a variant's natural-language statement, when the model that made it
    /// wrote one; the pairs export pairs a variant with this text only (never with its parent's).
    public static let informalKey = "informal"
    /// The ``provenance`` key saying who wrote ``informalKey``'s text (`"model"`).
    public static let informalSourceKey = "informal_source"

    /// The id this formalization is stored under.
    public var resolvedID: String {
        id ?? "\(problemID)/\(statementHash.prefix(16))"
    }
}
