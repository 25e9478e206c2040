import Ledger

/// The automation portfolio: each tactic checked as a whole proof, cheapest first.
extension ProofRun {
    /// Tries every portfolio tactic until one is accepted or the check budget runs out.
    ///
    /// Above level 0 the portfolio leaves the model strategies their checks (`StrategyShares`).
    ///
    /// - Returns: the accepted tactic, or nil.
    /// - Throws: `ProverError` `.cancelled` or `.ledger`.
    func runAutomation(_ portfolio: AutomationPortfolio) async throws(ProverError) -> String? {
        let keep = shares.checksKeptFromAutomation
        for tactic in portfolio.tactics {
            let candidate = ProofCandidate(proof: tactic, strategy: .automation, label: tactic, key: keys.automation(tactic))
            switch try await check(candidate, keepingChecks: keep) {
            case .accepted(let proof):
                succeed(proof, by: .automation)
                return proof
            case .outOfBudget:
                return nil
            case .failed, .duplicate, .unusable:
                continue
            }
        }
        return nil
    }
}
