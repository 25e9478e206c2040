import LeanSource
public import ProblemCorpus

/// A theorem a variant curriculum starts from.
public struct VariantParent: Sendable, Hashable {
    /// The parent's id (recorded as `parent_id`).
    public var id: String
    /// The Lean header the statement needs (imports, opens); "" for core Lean.
    public var header: String
    /// The parent statement (`theorem … := by` or with a proof; the proof is ignored).
    public var statement: String
    /// The informal problem, when known (shown to the model).
    public var informal: String?

    /// Creates a parent.
    public init(id: String, header: String, statement: String, informal: String? = nil) {
        self.id = id
        self.header = header
        self.statement = statement
        self.informal = informal
    }
}

extension VariantParent {
    /// The problem's reference statement as a parent, under its header or `LeanPreamble.defaultHeader`.
    public init?(problem: Problem) {
        self.init(problem: problem, defaultHeader: LeanPreamble.defaultHeader)
    }

    /// The problem's reference statement as a parent, under the problem's header or else `defaultHeader`;
    /// nil when the problem has no formal statement.
    public init?(problem: Problem, defaultHeader: String) {
        guard let statement = problem.formalStatement, !statement.allSatisfy(\.isWhitespace) else { return nil }
        self.init(id: problem.id, header: problem.header ?? defaultHeader, statement: statement,
                  informal: problem.informal.isEmpty ? nil : problem.informal)
    }
}
