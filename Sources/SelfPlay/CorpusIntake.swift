import LeanSource
import LeanVerify
import Ledger
import ProblemCorpus
import Prover

/// Brings corpus problems into the ledger: each problem, and its formal statement (when it has one) as a
/// validated formalization. Statements already in the ledger are skipped, so every round may pass the
/// whole corpus at little cost.
struct CorpusIntake: Sendable {
    var ledger: Ledger
    var validator: any StatementValidating
    var defaultHeader: String

    struct Counts: Sendable {
        var added = 0
        var illFormed = 0
        var unformalized: [Problem] = []
        var problems: [String] = []
    }

    /// Adds `problems` in `round`; a formalization added but not yet validated by an interrupted run
    /// (open, created this round, never attempted) is validated again.
    func intake(_ problems: [Problem], round: Int, progress: SelfPlayProgressHandler?) async throws(ProverError) -> Counts {
        var counts = Counts()
        for (index, problem) in problems.enumerated() {
            try ProofRun.checkCancellation("corpus intake")
            try call(problem.id) { () throws(LedgerError) in
                try ledger.addProblem(LedgerProblem(id: problem.id, informal: problem.informal, source: problem.source, tags: problem.tags))
            }
            progress?(SelfPlayProgress(round: round, stage: .corpus, completed: index + 1, total: problems.count))
            guard let formal = problem.formalStatement, formal.contains(where: { !$0.isWhitespace }) else {
                counts.unformalized.append(problem)
                continue
            }
            let header = problem.header ?? defaultHeader
            let declaration: LeanDeclaration
            do {
                // A preamble of the statement's own (`open Real` before it) stays in effect as `open Real in`.
                declaration = try LeanParser.parseStatement(
                    formal, headerImports: LeanParser.imports(ofHeader: header), origin: problem.id)
            } catch {
                counts.problems.append("\(problem.id): the formal statement does not parse (\(error.message)); skipped")
                continue
            }
            let existing = try call(problem.id) { () throws(LedgerError) in try ledger.formalization(statementHash: declaration.statementHash) }
            if let existing, !(existing.status == .open && existing.createdRound == round && existing.attemptCount == 0) {
                continue
            }
            let statement = declaration.rendered(ending: .bare)
            let insertion = try call(problem.id) { () throws(LedgerError) in
                try ledger.addFormalization(NewFormalization(
                    problemID: problem.id, statement: statement, header: header, statementHash: declaration.statementHash,
                    source: .corpus, provenance: ["source": problem.source ?? "corpus"], createdRound: round))
            }
            if insertion.inserted { counts.added += 1 }
            let check = await validator.validate(header: header, statement: statement)
            switch check.status {
            case .wellFormed:
                continue
            case .illFormed:
                counts.illFormed += 1
                let error = check.errors.first?.message ?? check.reason
                try call(insertion.id) { () throws(LedgerError) in try ledger.markIllFormed(insertion.id, error: error) }
            case .timeout, .crashed:
                counts.problems.append("\(insertion.id): validation was inconclusive (\(check.reason)); left open")
            }
        }
        return counts
    }

    private func call<T>(_ context: String, _ body: () throws(LedgerError) -> T) throws(ProverError) -> T {
        do {
            return try body()
        } catch {
            throw ProverError(.ledger, "The ledger failed: \(error.message)", context: context)
        }
    }
}
