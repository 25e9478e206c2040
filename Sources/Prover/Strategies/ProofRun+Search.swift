import Conjecturer
import LeanExtraction
import LeanREPL
import LeanSource
import LeanVerify
import Ledger

/// Step-wise best-first search over REPL proof states.
extension ProofRun {
    /// What the search found: a sketch with every placeholder closed.
    struct SearchSuccess: Sendable {
        var proof: String
        var steps: [ProofStep]
    }

    /// Searches from the root goal (`sorry` as the whole sketch) and from the model's sketches; the first
    /// node whose obligations all close is composed into one proof and re-verified as one command.
    ///
    /// - Throws: `ProverError` `.cancelled` or `.ledger`; REPL failures end the search and are noted.
    func runSearch(sketches modelSketches: [String], stepper: any TacticStepping) async throws(ProverError) -> SearchSuccess? {
        var frontier = SearchFrontier(scoring: configuration.scoring, capacity: configuration.frontierCapacity)
        var sketches: [String] = []
        var seenSketches = Set<String>()
        for sketch in ["sorry"] + modelSketches where seenSketches.insert(ProofTextNormalizer.normalize(sketch)).inserted {
            sketches.append(sketch)
        }
        do {
            for (index, sketch) in sketches.enumerated() {
                try Self.checkCancellation(target.formalizationID)
                guard meter.reserveCheck(keeping: 1) else { break }
                guard let command = try? VerificationCommandBuilder.build(statement: target.statement, proof: sketch) else { continue }
                let response = try await stepper.start(command.theoremCommand)
                guard response.hasNoErrors else { continue }
                let holes = SketchComposer.placeholders(in: sketch).count
                let sorries = response.sorries.sorted { ($0.pos?.line ?? 0, $0.pos?.column ?? 0) < ($1.pos?.line ?? 0, $1.pos?.column ?? 0) }
                guard holes > 0, sorries.count == holes else { continue }
                var obligations: [ProofObligation] = []
                for (offset, sorry) in sorries.enumerated() {
                    guard let state = sorry.proofState else { break }
                    obligations.append(ProofObligation(sorryIndex: offset, proofState: state, goals: [sorry.goal]))
                }
                guard obligations.count == holes else { continue }
                frontier.push(SearchNode(sketchIndex: index, open: obligations))
            }
            while let node = frontier.popBest(), meter.reserveExpansion() {
                try Self.checkCancellation(target.formalizationID)
                let obligation = node.open[0]
                for tactic in try await candidateTactics(for: obligation) {
                    guard meter.reserveCheck(keeping: 1) else { return nil }
                    let response = try await stepper.apply(tactic, to: obligation.proofState)
                    guard response.hasNoErrors, let state = response.proofState else { continue }
                    let goals = response.goals ?? []
                    if goals.isEmpty, response.proofStatus != "Completed" { continue }
                    let child = node.applying(tactic, reaching: state, goals: goals)
                    if child.isComplete {
                        return compose(child, sketch: sketches[child.sketchIndex])
                    }
                    frontier.push(child)
                }
            }
        } catch let error as ProverError {
            throw error
        } catch {
            note(ProverError(.repl, "The step-wise search stopped: \(error)", context: target.formalizationID))
        }
        return nil
    }

    /// Portfolio tactics first (they close easy subgoals), then the model's suggestions; duplicates and
    /// tactics with any hygiene violation are dropped.
    func candidateTactics(for obligation: ProofObligation) async throws(ProverError) -> [String] {
        var tactics = configuration.portfolio.tactics
        let wanted = configuration.tacticsPerExpansion
        if hasModel, wanted > 0 {
            let granted = meter.reserveSamples(wanted)
            if granted > 0 {
                var context = promptContext
                context.values["goals"] = .text(obligation.goals.joined(separator: "\n\n"))
                context.values["tactics"] = .list(obligation.tactics.map { ["tactic": .text($0)] })
                let seedKey = keys.search() + "/\(obligation.proofState)/\(obligation.tactics.count)"
                do {
                    let sampled = try await sample(template: configuration.nextTacticTemplate, context: context,
                                                   count: granted, seedKey: seedKey)
                    tactics += sampled.texts.indices.filter { sampled.failures[$0] == nil }
                        .compactMap { Self.tactic(fromModelOutput: sampled.texts[$0]) }
                } catch where error.code == .model || error.code == .prompt {
                    note(error)
                }
            }
        }
        var seen = Set<String>()
        return tactics.filter { tactic in
            seen.insert(tactic).inserted && ProofHygiene.violations(in: tactic, mode: .tactic, policy: .strict).isEmpty
        }
    }

    /// The tactic in a next-tactic completion: the preferred code block, else the visible text, trimmed,
    /// without a leading `by`.
    static func tactic(fromModelOutput text: String) -> String? {
        let extraction = LeanCodeExtractor.extract(from: text)
        var tactic = (extraction.preferredCode ?? extraction.visibleText).trimmingCharacters()
        if tactic.hasPrefix("by ") || tactic.hasPrefix("by\n") { tactic = String(tactic.dropFirst(3)).trimmingCharacters() }
        return tactic.isEmpty ? nil : tactic
    }

    private func compose(_ node: SearchNode, sketch: String) -> SearchSuccess? {
        let tactics = node.closed.mapValues(\.tactics)
        guard let proof = SketchComposer.compose(sketch: sketch, tactics: tactics) else { return nil }
        let steps = node.closed.sorted { $0.key < $1.key }.flatMap { _, obligation in
            zip(obligation.states, obligation.tactics).map { ProofStep(state: $0, tactic: $1) }
        }
        return SearchSuccess(proof: proof, steps: steps)
    }
}
