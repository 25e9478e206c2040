import Foundation
import LeanPlay

extension EvaluateCommand {
    /// `evaluate … --db`: this process is one peer of an evaluation shared through the ledger. It leases
    /// problems, evaluates and completes them; once every problem is done (by any peer) it writes all
    /// results, in benchmark order, with the summary to its own `--out`, and one peer marks the run finished.
    func evaluateShared(
        db: String, context: CommandContext, configuration: EvaluationConfiguration, models: ModelRoster,
        selection: [Problem], badLines: [String], directory: EvaluationDirectory, finished: [ProblemResult]
    ) async throws {
        // A file (created when missing) or a postgres:// URL, the password from PGPASSWORD or [ledger] password_env.
        let ledger = try LedgerOption.open(db, mustExist: false, passwordVariable: context.configuration.ledger.passwordEnv)
        let peerSettings = peerOption.peer(context.configuration, command: "evaluate")
        let peerID = peerSettings.id
        let needsModel = configuration.strategy.needsModel
        let prompts = needsModel ? try context.configuration.promptLibrary(workingDirectory: context.workingDirectory) : nil
        let prover = context.configuration.proverConfiguration
        let outcome: EvaluationPeerOutcome = try await LeanPlayRuntime.withLean(context.configuration) { lean in
            let services = lean.proverServices(models: needsModel ? models : .empty, prompts: prompts)
            let peer = EvaluationPeer(
                evaluator: Evaluator(configuration: configuration, prover: StatementProver(configuration: prover, services: services)),
                ledger: ledger, peerID: peerID, leaseSeconds: peerSettings.leaseSeconds)
            let bar = ProgressBar(label: "evaluate", total: selection.count)
            let outcome = try await peer.run(
                selection, malformedLines: badLines, finished: finished,
                progress: { bar.update(done: $0.completed, total: $0.total, detail: "\($0.proved) proved here") },
                onResult: { result throws(EvaluationError) in try directory.append(result) })
            bar.finish()
            return outcome
        }
        try directory.writeResults(outcome.results)
        try directory.writeSummary(outcome.summary)
        if json {
            try JSONLines.print(outcome.summary)
            return
        }
        EvaluateSupport.printTable(outcome.summary, resumed: 0)
        let peers = outcome.completedByPeer.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        print("shared through \(LedgerLocation.parse(db)): run \(outcome.runID.prefix(12)) · \(peerID) completed \(outcome.completedHere) "
              + "problem(s) now · by peer: \(peers) · " + (outcome.finishedHere ? "finished by this peer" : "finished by another peer"))
    }
}
