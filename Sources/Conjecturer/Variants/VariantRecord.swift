/// Where a variant came from.
public enum VariantSource: String, Sendable, Hashable, Codable {
    /// A model, prompted with a variants/ template.
    case model
    /// A `SymbolicOperator`.
    case symbolic
}

/// What Lean made of a variant.
public enum VariantStatus: String, Sendable, Hashable, Codable {
    /// Elaborates (closed with `sorry`) without error.
    case wellFormed = "well_formed"
    /// Lean reported an error, or could not check it (the error says which).
    case illFormed = "ill_formed"
}

/// One candidate variant: one line of a variant job's OUT.jsonl.
///
/// ```json
/// {"parent_id":"p1","variant_id":"p1/9c1e…","statement":"theorem p1_9c1e… … := by","operator":"drop_hypothesis",
///  "source":"symbolic","status":"well_formed","lean_error":null,"informal":null}
/// ```
public struct VariantRecord: Sendable, Hashable, Codable {
    /// The parent's id.
    public var parentID: String
    /// `parent_id/` + the first 16 hex digits of the statement hash.
    public var variantID: String
    /// The variant as `theorem NAME binders : conclusion := by`.
    public var statement: String
    /// A `SymbolicOperator` raw value, or the model template's id (e.g. "variants/special_case").
    public var `operator`: String
    /// Model or symbolic.
    public var source: VariantSource
    /// What Lean made of it.
    public var status: VariantStatus
    /// Lean's errors for ill-formed variants; nil otherwise.
    public var leanError: String?
    /// The natural-language statement of the variant, when the model that made it wrote one (a `/-- … -/`
    /// doc comment on its theorem); nil otherwise — symbolic variants never have one, and a variant is
    /// never given its parent's informal text (it states something else).
    public var informal: String?

    /// Creates a record.
    public init(
        parentID: String, variantID: String, statement: String, operator: String, source: VariantSource,
        status: VariantStatus, leanError: String?, informal: String? = nil
    ) {
        self.parentID = parentID
        self.variantID = variantID
        self.statement = statement
        self.operator = `operator`
        self.source = source
        self.status = status
        self.leanError = leanError
        self.informal = informal
    }

    enum CodingKeys: String, CodingKey {
        case statement, `operator`, source, status
        case parentID = "parent_id"
        case variantID = "variant_id"
        case leanError = "lean_error"
        case informal
    }

    /// Encodes every key, with explicit nulls for `lean_error` and `informal`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(parentID, forKey: .parentID)
        try container.encode(variantID, forKey: .variantID)
        try container.encode(statement, forKey: .statement)
        try container.encode(`operator`, forKey: .operator)
        try container.encode(source, forKey: .source)
        try container.encode(status, forKey: .status)
        try container.encode(leanError, forKey: .leanError)
        try container.encode(informal, forKey: .informal)
    }
}
