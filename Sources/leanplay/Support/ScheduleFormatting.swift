import Foundation
import LeanPlay

/// The prover's budget schedule as `leanplay doctor` prints it: per budget level, the budget and each
/// strategy's guaranteed share of model samples (`StrategyShares`), for the proof and the disproof.
enum ScheduleFormatting {
    static func lines(_ prover: ProverConfiguration, hasModel: Bool, hasSearch: Bool = true) -> [String] {
        let portfolio = prover.portfolio.tactics
        var lines = [
            "budget schedule (levels 0…\(prover.schedule.maximumLevel); model \(hasModel ? "configured" : "not configured"); "
                + "automation: \(portfolio.isEmpty ? "none — level 0 moves to the model strategies" : portfolio.joined(separator: ", ")))",
            "level  samples  checks  seconds  whole_proof  repair  search samples/expansions  disproof whole_proof/repair",
        ]
        for level in 0...max(1, prover.schedule.maximumLevel) {
            let budget = prover.schedule.budget(forLevel: level)
            // The shares a model gets (printed also without one, so the schedule can be judged up front).
            let proof = prover.proofShares(forLevel: level, hasModel: true, hasSearch: hasSearch)
            let disproof = prover.disproofShares(forLevel: level, hasModel: true)
            let columns: [(String, Int)] = [
                (String(level), 7),
                (String(budget.modelSamples), 9),
                (String(budget.leanChecks), 8),
                (String(Int(budget.wallTime.components.seconds)), 9),
                (budget.isAutomationOnly ? "-" : String(proof.wholeProof), 13),
                (budget.isAutomationOnly ? "-" : String(proof.repair), 8),
                (budget.isAutomationOnly ? "-" : "\(proof.search)/\(proof.searchExpansions)", 27),
            ]
            let disproofText = budget.isAutomationOnly
                ? "automation only" : "\(disproof.wholeProof)/\(disproof.repair)"
            lines.append(columns.map { $0.0.padding(toLength: $0.1, withPad: " ", startingAt: 0) }.joined() + disproofText)
        }
        if !hasModel {
            lines.append("no model configured: levels above 0 run the automation portfolio and the step-wise search on its tactics "
                + "only; the sample shares above apply once a model is configured")
            if portfolio.isEmpty {
                lines.append("[search] automation is empty and no model is configured: selfplay and prove will refuse to start")
            }
        }
        return lines
    }
}
