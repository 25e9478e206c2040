import ArgumentParser
import Foundation
import LeanPlay

/// `leanplay report --compare DIR_A DIR_B`: two evaluations side by side.
enum CompareReport {
    /// Prints pass@k of both with deltas, then per-problem wins and losses of B against A.
    static func print(_ pathA: String, _ pathB: String, json: Bool) throws {
        let comparison: EvaluationComparison
        do {
            comparison = try EvaluationComparison(a: URL(fileURLWithPath: pathA), b: URL(fileURLWithPath: pathB))
        } catch {
            throw CLIError(.inputMissing, "--compare: \(error)")
        }
        if json {
            try JSONLines.print(Line(comparison))
            return
        }
        let a = comparison.a, b = comparison.b
        Swift.print("A: \(pathA) · \(a.strategy) · \(a.model ?? "no model") · N=\(a.samples) · \(a.estimator)")
        Swift.print("B: \(pathB) · \(b.strategy) · \(b.model ?? "no model") · N=\(b.samples) · \(b.estimator)")
        if a.estimator != b.estimator { Swift.print("note: the two use different pass@k estimators") }
        Swift.print("metric      A        B        B − A")
        func row(_ name: String, _ x: Double, _ y: Double) {
            Swift.print(name.padding(toLength: 12, withPad: " ", startingAt: 0)
                        + String(format: "%-9.3f%-9.3f%+.3f", x, y, y - x))
        }
        row("accuracy", a.accuracy, b.accuracy)
        for k in comparison.passAtKDelta.keys.compactMap(Int.init).sorted() {
            row("pass@\(k)", a.passAtK[String(k)] ?? 0, b.passAtK[String(k)] ?? 0)
        }
        Swift.print("wins (B only): \(comparison.wins.count)\(list(comparison.wins))")
        Swift.print("losses (A only): \(comparison.losses.count)\(list(comparison.losses))")
        Swift.print("both proved: \(comparison.bothProved.count) · neither: \(comparison.neitherProved.count)")
        if !comparison.onlyInA.isEmpty || !comparison.onlyInB.isEmpty {
            Swift.print("evaluated by one side only: A \(comparison.onlyInA.count), B \(comparison.onlyInB.count) (not compared)")
        }
    }

    private static func list(_ ids: [String]) -> String {
        ids.isEmpty ? "" : ": " + ids.prefix(20).joined(separator: ", ") + (ids.count > 20 ? ", …" : "")
    }

    /// The comparison as one JSON line.
    struct Line: Encodable {
        var wins: [String]
        var losses: [String]
        var bothProved: [String]
        var neitherProved: [String]
        var onlyInA: [String]
        var onlyInB: [String]
        var passAtKA: [String: Double]
        var passAtKB: [String: Double]
        var passAtKDelta: [String: Double]

        init(_ comparison: EvaluationComparison) {
            wins = comparison.wins
            losses = comparison.losses
            bothProved = comparison.bothProved
            neitherProved = comparison.neitherProved
            onlyInA = comparison.onlyInA
            onlyInB = comparison.onlyInB
            passAtKA = comparison.a.passAtK
            passAtKB = comparison.b.passAtK
            passAtKDelta = comparison.passAtKDelta
        }

        enum CodingKeys: String, CodingKey {
            case wins, losses, bothProved = "both_proved", neitherProved = "neither_proved", onlyInA = "only_in_a"
            case onlyInB = "only_in_b", passAtKA = "pass_at_k_a", passAtKB = "pass_at_k_b", passAtKDelta = "pass_at_k_delta"
        }
    }
}
