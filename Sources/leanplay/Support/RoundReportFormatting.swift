import Foundation
import LeanPlay

/// The human form of a self-play round report.
enum RoundReportFormatting {
    static func print(_ report: SelfPlayRoundReport) {
        let rate = String(format: "%.1f%%", report.passRate * 100)
        Swift.print("""
            round \(report.round): \(report.newFormalizations) new formalizations (\(report.newVariants) variants), \
            \(report.illFormed) ill-formed, \(report.worked) worked: \(report.proved) proved, \(report.disproved) disproved, \
            pass rate \(rate); Lean \(String(format: "%.1f", report.leanSeconds)) s over \(report.leanChecks) checks\(cached(report)); \
            tokens \(report.promptTokens) prompt / \(report.completionTokens) completion
            """)
        if let search = report.searchObligations, search.closed > 0 || search.checks > 0 {
            Swift.print("  " + searchLine(search))
        }
        if let levels = report.workedByBudgetLevel, !levels.isEmpty {
            let counts = levels.sorted { (Int($0.key) ?? 0) < (Int($1.key) ?? 0) }.map { "level \($0.key): \($0.value)" }
            Swift.print("  worked by budget level: " + counts.joined(separator: ", "))
        }
        if let roles = report.tokensByRole, !roles.isEmpty {
            Swift.print("  model tokens prompt/completion: " + tokenText(roles, withRequests: true))
        }
        for (flag, count) in report.flagged.sorted(by: { $0.key < $1.key }) where count > 0 {
            Swift.print("  flagged \(flag): \(count) — \(report.flagExplanations[flag] ?? "")")
        }
        if report.unformalizedProblems > 0 {
            Swift.print("  \(report.unformalizedProblems) problems have no formal statement (configure a model to formalize them)")
        }
        for (kind, lines) in report.exports.sorted(by: { $0.key < $1.key }) {
            Swift.print("  exported \(kind): \(lines) lines")
        }
        printProblems(report)
    }

    /// The most problems named one by one on standard error; `--json` has them all.
    static let problemsShown = 20

    /// What the round could not do (a corpus problem skipped, a model request failed, a validation left
    /// open), on standard error so that standard output stays the report.
    static func printProblems(_ report: SelfPlayRoundReport) {
        for problem in report.problems.prefix(problemsShown) { printError("round \(report.round): \(problem)") }
        if report.problems.count > problemsShown {
            printError("round \(report.round): … and \(report.problems.count - problemsShown) more (all of them in the --json report)")
        }
    }

    /// ` (12 verdicts from the cache)` when some candidates were decided before, else nothing.
    static func cached(_ report: SelfPlayRoundReport) -> String {
        guard let cached = report.cachedVerdicts, cached > 0 else { return "" }
        return " (\(cached) verdict\(cached == 1 ? "" : "s") from the cache)"
    }

    /// `search: 4 sketch obligations closed with 4 tactic checks (1.0 per closed obligation)`.
    static func searchLine(_ search: SearchObligationStatistics) -> String {
        "search: \(search.closed) sketch obligations closed with \(search.checks) tactic checks "
            + "(\(String(format: "%.1f", search.checksPerClosedObligation)) per closed obligation)"
    }

    /// `role prompt/completion, …` in role order.
    static func tokenText(_ roles: [String: RoundTokens], withRequests: Bool = false) -> String {
        roles.sorted { $0.key < $1.key }
            .map { role, usage in
                "\(role) \(usage.promptTokens)/\(usage.completionTokens)"
                    + (withRequests ? " (\(usage.requests) requests, \(usage.cacheHits) cached)" : "")
            }
            .joined(separator: withRequests ? "; " : ", ")
    }
}
