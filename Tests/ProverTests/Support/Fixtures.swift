import LeanVerify
import LeanSource
import Ledger
@testable import Prover

enum Fixtures {
    static func declaration(_ text: String) throws -> LeanDeclaration {
        try LeanParser.parseDeclaration(text)
    }

    static func target(_ text: String, id: String = "p1/f1", kind: AttemptKind = .prove, level: Int = 0) throws -> ProofTarget {
        ProofTarget(formalizationID: id, header: "", declaration: try declaration(text), kind: kind, budgetLevel: level)
    }

    static func budget(checks: Int, samples: Int = 0, expansions: Int = 0, repairs: Int = 0) -> ProverBudget {
        ProverBudget(modelSamples: samples, leanChecks: checks, wallTime: .seconds(600), repairRounds: repairs, searchExpansions: expansions)
    }

    static func prover(
        verifier: some ProofVerifying, portfolio: [String] = ["rfl", "decide", "omega", "simp"],
        stepping: (any TacticSteppingProvider)? = nil, clock: ManualClock = ManualClock()
    ) -> StatementProver {
        StatementProver(
            configuration: ProverConfiguration(portfolio: AutomationPortfolio(tactics: portfolio), concurrency: 1),
            services: ProverServices(verifier: verifier, stepping: stepping, clock: clock))
    }
}
