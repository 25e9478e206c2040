import LeanVerify
import Ledger
import ProblemCorpus

/// The conjecture stage of a round: model formalizations of problems without a formal statement, and
/// variants of hard open and recently proved formalizations.
struct SelfPlayConjecturer: Sendable {
    var ledger: Ledger
    var services: ProverServices
    var validator: any StatementValidating
    var configuration: SelfPlayConfiguration
    var corpus: [Problem]

    struct Counts: Sendable {
        var added = 0
        var variants = 0
        var illFormed = 0
        var unformalized = 0
        var problems: [String] = []
    }

    func conjecture(unformalized: [Problem], round: Int, progress: SelfPlayProgressHandler?) async throws(ProverError) -> Counts {
        var counts = Counts()
        counts.unformalized = services.model == nil ? unformalized.count : 0
        return counts
    }
}
