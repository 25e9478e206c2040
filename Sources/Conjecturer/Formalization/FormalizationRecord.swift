/// Where a formalization came from: enough to reproduce the sample that first produced it.
public struct FormalizationProvenance: Sendable, Hashable, Codable {
    /// The model that answered, as the provider named it.
    public var model: String
    /// The formalization template's id, e.g. "formalize/few_shot".
    public var template: String
    /// The sample's jittered temperature.
    public var temperature: Double
    /// The sample's seed (from `SamplingPlan`; < 2^53).
    public var seed: UInt64
    /// 0 for a statement as sampled; i when the i-th repair round produced it.
    public var repairRound: Int

    /// Creates provenance.
    public init(model: String, template: String, temperature: Double, seed: UInt64, repairRound: Int) {
        self.model = model
        self.template = template
        self.temperature = temperature
        self.seed = seed
        self.repairRound = repairRound
    }

    enum CodingKeys: String, CodingKey {
        case model, template, temperature, seed
        case repairRound = "repair_round"
    }
}

/// What Lean made of a formalization.
public enum FormalizationStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Elaborates (closed with `sorry`) without error.
    case wellFormed = "well_formed"
    /// Lean reported an error (kept, with the error), even after the repair rounds.
    case illFormed = "ill_formed"
    /// The model's answers held no Lean statement.
    case noStatement = "no_statement"
    /// The requests for these samples failed (after the model client's retries); `request_error` says
    /// why. The problem's other samples are recorded as usual, and a rerun asks for these again.
    case requestFailed = "request_failed"
}

/// One distinct formalization of a problem: one line of a formalization job's OUT.jsonl.
///
/// ```json
/// {"problem_id":"p1","formalization_id":"p1/3f2a…","statement":"theorem p1 … := by","status":"well_formed",
///  "lean_error":null,"sample_count":3,"provenance":{"model":"m","template":"formalize/direct",
///  "temperature":0.71,"seed":123,"repair_round":0},"request_error":null,"header":"import Mathlib","repaired_from":[]}
/// ```
/// For `no_statement` the statement is null and `sample_count` counts the samples without one; for
/// `request_failed` the statement is null, `sample_count` counts the samples whose request failed and
/// `request_error` is the first failure's message (`provenance.model` is empty: no model answered).
/// `request_error` is null on every other record. A statement
/// that repair produced lists the ill-formed ones it came from in `repaired_from`; those keep their own
/// `ill_formed` records with Lean's error. `sample_count` counts the samples whose statement is this one or
/// was repaired into it (so a repaired sample counts on both records).
public struct FormalizationRecord: Sendable, Hashable, Codable {
    /// The problem formalized.
    public var problemID: String
    /// `problem_id/` + the first 16 hex digits of the statement hash (`problem_id/no_statement` for the
    /// no-statement record): stable across runs.
    public var formalizationID: String
    /// The statement as `theorem NAME binders : conclusion := by` (name = the problem id made a Lean
    /// identifier); nil for `no_statement`.
    public var statement: String?
    /// What Lean made of it.
    public var status: FormalizationStatus
    /// Lean's errors (or why validation could not run) for `ill_formed`; nil otherwise.
    public var leanError: String?
    /// How many of the problem's samples gave this formalization.
    public var sampleCount: Int
    /// The first sample that gave it.
    public var provenance: FormalizationProvenance
    /// Why the model request failed, for `request_failed`; nil otherwise.
    public var requestError: String?
    /// The Lean header the statement was validated under (the problem's own, else the default header).
    public var header: String
    /// The ill-formed formalizations (their `formalization_id`s, each its own `ill_formed` record with
    /// Lean's error) that statement repair turned into this one; empty when no repair led here.
    public var repairedFrom: [String] = []

    /// Creates a record.
    public init(
        problemID: String, formalizationID: String, statement: String?, status: FormalizationStatus,
        leanError: String?, sampleCount: Int, provenance: FormalizationProvenance, requestError: String? = nil,
        header: String = ""
    ) {
        self.requestError = requestError
        self.problemID = problemID
        self.formalizationID = formalizationID
        self.statement = statement
        self.status = status
        self.leanError = leanError
        self.sampleCount = sampleCount
        self.provenance = provenance
        self.header = header
    }

    enum CodingKeys: String, CodingKey {
        case status, provenance, statement, header
        case problemID = "problem_id"
        case formalizationID = "formalization_id"
        case leanError = "lean_error"
        case sampleCount = "sample_count"
        case requestError = "request_error"
        case repairedFrom = "repaired_from"
    }

    /// Encodes every key, with explicit nulls (the record's shape never varies).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(problemID, forKey: .problemID)
        try container.encode(formalizationID, forKey: .formalizationID)
        try container.encode(statement, forKey: .statement)
        try container.encode(status, forKey: .status)
        try container.encode(leanError, forKey: .leanError)
        try container.encode(sampleCount, forKey: .sampleCount)
        try container.encode(provenance, forKey: .provenance)
        try container.encode(requestError, forKey: .requestError)
        try container.encode(header, forKey: .header)
        try container.encode(repairedFrom, forKey: .repairedFrom)
    }

    /// Decodes a record; `header`, `request_error` and `repaired_from` may be missing (files written
    /// before they existed).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        problemID = try container.decode(String.self, forKey: .problemID)
        formalizationID = try container.decode(String.self, forKey: .formalizationID)
        statement = try container.decodeIfPresent(String.self, forKey: .statement)
        status = try container.decode(FormalizationStatus.self, forKey: .status)
        leanError = try container.decodeIfPresent(String.self, forKey: .leanError)
        sampleCount = try container.decode(Int.self, forKey: .sampleCount)
        provenance = try container.decode(FormalizationProvenance.self, forKey: .provenance)
        requestError = try container.decodeIfPresent(String.self, forKey: .requestError)
        header = try container.decodeIfPresent(String.self, forKey: .header) ?? ""
        repairedFrom = try container.decodeIfPresent([String].self, forKey: .repairedFrom) ?? []
    }
}
