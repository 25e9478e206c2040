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
    /// Not a variant: a model request for variants failed (after the model client's retries);
    /// `request_error` says why, `operator` names the template. The statement is empty.
    case requestFailed = "request_failed"
}

/// One candidate variant: one line of a variant job's OUT.jsonl.
///
/// ```json
/// {"parent_id":"p1","variant_id":"p1/9c1e…","statement":"theorem p1_9c1e… … := by","operator":"drop_hypothesis",
///  "source":"symbolic","status":"well_formed","lean_error":null,"request_error":null,"header":"import Mathlib",
///  "informal":null}
/// ```
/// A model request that failed is recorded as a `request_failed` line (`variant_id`
/// `parent_id/request_failed/TEMPLATE/CALL`, empty statement, `request_error` set); the parent's other
/// variants are kept.
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
    /// Why the model request failed, for `request_failed` lines; nil otherwise.
    public var requestError: String?
    /// The Lean header the variant was validated under (its parent's).
    public var header: String
    /// The natural-language statement of the variant, when the model that made it wrote one (a `/-- … -/`
    /// doc comment on its theorem); nil otherwise — symbolic variants never have one, and a variant is
    /// never given its parent's informal text (it states something else).
    public var informal: String?

    /// Creates a record.
    public init(
        parentID: String, variantID: String, statement: String, operator: String, source: VariantSource,
        status: VariantStatus, leanError: String?, requestError: String? = nil, header: String = "",
        informal: String? = nil
    ) {
        self.requestError = requestError
        self.parentID = parentID
        self.variantID = variantID
        self.statement = statement
        self.operator = `operator`
        self.source = source
        self.status = status
        self.leanError = leanError
        self.header = header
        self.informal = informal
    }

    enum CodingKeys: String, CodingKey {
        case statement, `operator`, source, status, header
        case parentID = "parent_id"
        case variantID = "variant_id"
        case leanError = "lean_error"
        case requestError = "request_error"
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
        try container.encode(requestError, forKey: .requestError)
        try container.encode(header, forKey: .header)
        try container.encode(informal, forKey: .informal)
    }

    /// Decodes a record; a line written before headers were recorded has header "", one without
    /// `informal` or `request_error` has nil.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        parentID = try container.decode(String.self, forKey: .parentID)
        variantID = try container.decode(String.self, forKey: .variantID)
        statement = try container.decode(String.self, forKey: .statement)
        `operator` = try container.decode(String.self, forKey: .operator)
        source = try container.decode(VariantSource.self, forKey: .source)
        status = try container.decode(VariantStatus.self, forKey: .status)
        leanError = try container.decodeIfPresent(String.self, forKey: .leanError)
        requestError = try container.decodeIfPresent(String.self, forKey: .requestError)
        header = try container.decodeIfPresent(String.self, forKey: .header) ?? ""
        informal = try container.decodeIfPresent(String.self, forKey: .informal)
    }
}
