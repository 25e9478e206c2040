public import Foundation

/// An informal problem as the ledger stores it (table `problems`).
public struct LedgerProblem: Sendable, Hashable, Codable {
    /// The problem's stable id, e.g. `"mathd_algebra_478"`.
    public var id: String
    /// The informal statement.
    public var informal: String
    /// Where it came from (`"minif2f"`, a file name, …).
    public var source: String?
    /// Free-form tags (`"algebra"`, `"amc12"`, …).
    public var tags: [String]
    /// When it was first added; set by the ledger's clock.
    public var createdAt: Date?

    /// Creates a problem record; `createdAt` is filled in when it is added.
    public init(id: String, informal: String, source: String? = nil, tags: [String] = [], createdAt: Date? = nil) {
        self.id = id
        self.informal = informal
        self.source = source
        self.tags = tags
        self.createdAt = createdAt
    }
}
