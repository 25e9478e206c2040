/// What a round's conjecture stage (corpus intake, formalization, variants) added: stored in the ledger
/// with the stage (`rounds.conjecture_report`) so every peer's round report carries the same counts,
/// whichever peer ran the stage.
struct ConjectureStageReport: Sendable, Hashable, Codable {
    var newFormalizations = 0
    var newVariants = 0
    var illFormed = 0
    var unformalizedProblems = 0
    var problems: [String] = []

    func apply(to report: inout SelfPlayRoundReport) {
        report.newFormalizations += newFormalizations
        report.newVariants += newVariants
        report.illFormed += illFormed
        report.unformalizedProblems += unformalizedProblems
        report.problems += problems
    }
}
