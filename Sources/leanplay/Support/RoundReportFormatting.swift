import Foundation
import LeanPlay

/// The human form of a self-play round report.
enum RoundReportFormatting {
    static func print(_ report: SelfPlayRoundReport) {
        let rate = String(format: "%.1f%%", report.passRate * 100)
        Swift.print("""
            round \(report.round): \(report.newFormalizations) new formalizations (\(report.newVariants) variants), \
            \(report.illFormed) ill-formed, \(report.worked) worked: \(report.proved) proved, \(report.disproved) disproved, \
            pass rate \(rate); Lean \(String(format: "%.1f", report.leanSeconds)) s over \(report.leanChecks) checks; \
            tokens \(report.promptTokens) prompt / \(report.completionTokens) completion
            """)
        for (flag, count) in report.flagged.sorted(by: { $0.key < $1.key }) where count > 0 {
            Swift.print("  flagged \(flag): \(count) — \(report.flagExplanations[flag] ?? "")")
        }
        if report.unformalizedProblems > 0 {
            Swift.print("  \(report.unformalizedProblems) problems have no formal statement (configure a model to formalize them)")
        }
        for (kind, lines) in report.exports.sorted(by: { $0.key < $1.key }) {
            Swift.print("  exported \(kind): \(lines) lines")
        }
    }
}
