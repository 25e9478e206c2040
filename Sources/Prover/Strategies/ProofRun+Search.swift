import Conjecturer
import LeanExtraction
import LeanREPL
import LeanSource
import LeanVerify
import Ledger
import Synchronization

/// Step-wise best-first search over REPL proof states.
extension ProofRun {
    /// What the search found: a sketch with every placeholder closed.
    struct SearchSuccess: Sendable {
        var proof: String
        var steps: [ProofStep]
    }

    /// What one tactic did to a node.
    enum StepResult: Sendable {
        case outOfBudget
        case failed
        case child(SearchNode)
    }

    /// The mutable state of one search: frontier, per-goal cache and the spending per obligation.
    struct SearchState: Sendable {
        var frontier: SearchFrontier
        var cache = TacticOutcomeCache()
        /// REPL tactic requests per obligation (sketch index, sorry index).
        var checksByObligation: [ObligationID: Int] = [:]
        /// Obligations closed on some path.
        var closedObligations = Set<ObligationID>()
        /// Set when a tactic check was refused: only the final re-verification's check is left.
        var outOfChecks = false

        var statistics: SearchObligationStatistics {
            SearchObligationStatistics(
                closed: closedObligations.count,
                checks: closedObligations.reduce(0) { $0 + checksByObligation[$1, default: 0] })
        }
    }

    struct ObligationID: Sendable, Hashable {
        var sketchIndex: Int
        var sorryIndex: Int
    }

    /// Searches the model's sketches first and then the root goal (`sorry` as the whole sketch); the first
    /// node whose obligations all close is composed into one proof and re-verified as one command.
    ///
    /// Spending rules: an obligation is expanded until one tactic closes it, and no further; a tactic is
    /// never applied twice to the same goal text (answers are cached, and on the root goal the portfolio
    /// tactics that automation already saw fail as whole proofs, without leaving goals, count as decided);
    /// the model is asked for next tactics only when the portfolio left the obligation open.
    ///
    /// - Throws: `ProverError` `.cancelled` or `.ledger`; REPL failures end the search and are noted.
    func runSearch(sketches modelSketches: [String], stepper: any TacticStepping) async throws(ProverError) -> SearchSuccess? {
        var search = SearchState(frontier: SearchFrontier(scoring: configuration.scoring, capacity: configuration.frontierCapacity))
        defer {
            let statistics = search.statistics
            state.withLock { $0.outcome.searchObligations = $0.outcome.searchObligations + statistics }
        }
        var sketches: [String] = []
        var seenSketches = Set<String>()
        for sketch in ["sorry"] + modelSketches where seenSketches.insert(ProofTextNormalizer.normalize(sketch)).inserted {
            sketches.append(sketch)
        }
        do {
            // The model's decompositions first; the bare root goal only once they are exhausted.
            var rootPending = true
            if sketches.count > 1 {
                for index in 1..<sketches.count {
                    try Self.checkCancellation(target.formalizationID)
                    guard meter.reserveCheck(keeping: 1) else { return nil }
                    if let node = try await startNode(sketch: sketches[index], index: index, stepper: stepper) {
                        search.frontier.push(node)
                    }
                }
            }
            while true {
                try Self.checkCancellation(target.formalizationID)
                var next = search.frontier.popBest()
                if next == nil, rootPending {
                    rootPending = false
                    guard meter.reserveCheck(keeping: 1) else { return nil }
                    if let root = try await startNode(sketch: sketches[0], index: 0, stepper: stepper) {
                        seedRootDecisions(root, cache: &search.cache)
                        next = root
                    }
                    if next == nil { continue }
                }
                guard let node = next, meter.reserveExpansion() else { return nil }
                switch try await expand(node, search: &search, stepper: stepper) {
                case .some(let complete):
                    return compose(complete, sketch: sketches[complete.sketchIndex])
                case .none:
                    if search.outOfChecks || !meter.canCheck { return nil }
                }
            }
        } catch let error as ProverError {
            throw error
        } catch {
            note(ProverError(.repl, "The step-wise search stopped: \(error)", context: target.formalizationID))
        }
        return nil
    }

    /// Elaborates `sketch` and returns its root node (one obligation per `sorry`), or nil when Lean
    /// rejects it or its sorries do not match the placeholders.
    private func startNode(sketch: String, index: Int, stepper: any TacticStepping) async throws -> SearchNode? {
        guard let command = try? VerificationCommandBuilder.build(statement: target.statement, proof: sketch) else { return nil }
        let response = try await stepper.start(command.theoremCommand)
        guard response.hasNoErrors else { return nil }
        let holes = SketchComposer.placeholders(in: sketch).count
        let sorries = response.sorries.sorted { ($0.pos?.line ?? 0, $0.pos?.column ?? 0) < ($1.pos?.line ?? 0, $1.pos?.column ?? 0) }
        guard holes > 0, sorries.count == holes else { return nil }
        var obligations: [ProofObligation] = []
        for (offset, sorry) in sorries.enumerated() {
            guard let proofState = sorry.proofState else { return nil }
            obligations.append(ProofObligation(sorryIndex: offset, proofState: proofState, goals: [sorry.goal]))
        }
        return SearchNode(sketchIndex: index, open: obligations)
    }

    /// Marks as decided, on the root goal, the portfolio tactics that this run already saw fail as whole
    /// proofs with an error other than unsolved goals (as a step they would fail the same way; a tactic
    /// that left goals may still be a useful first step, so it stays undecided).
    private func seedRootDecisions(_ root: SearchNode, cache: inout TacticOutcomeCache) {
        guard let goal = root.open.first?.goalKey else { return }
        let failed = state.withLock { $0.failedProofs }
        for tactic in configuration.portfolio.tactics {
            guard let error = failed[ProofTextNormalizer.normalize(tactic)], !error.contains("unsolved goals") else { continue }
            cache.record(.failed, of: tactic, on: goal)
        }
    }

    /// Expands the node's first obligation: portfolio tactics until one closes it, then (only if it is
    /// still open) the model's next tactics. Returns a complete node as soon as one appears.
    private func expand(_ node: SearchNode, search: inout SearchState, stepper: any TacticStepping) async throws -> SearchNode? {
        let obligation = node.open[0]
        var tried = Set<String>()
        var portfolio = configuration.portfolio.tactics
        portfolio.removeAll { !tried.insert($0).inserted || !Self.isAllowedTactic($0) }
        for phase in 0..<2 {
            let tactics: [String]
            if phase == 0 {
                tactics = portfolio
            } else {
                let failed = search.cache.failedTactics(on: obligation.goalKey)
                tactics = try await modelTactics(for: obligation, failed: failed).filter { tried.insert($0).inserted }
            }
            for tactic in tactics {
                switch try await apply(tactic, to: node, search: &search, stepper: stepper) {
                case .outOfBudget:
                    return nil
                case .failed:
                    continue
                case .child(let child):
                    if child.isComplete { return child }
                    search.frontier.push(child)
                    if child.closed.count > node.closed.count { return nil }  // closed: nothing more to try here
                }
            }
        }
        return nil
    }

    /// Applies `tactic` to the node's first obligation, from the cache when its goal was seen before.
    private func apply(_ tactic: String, to node: SearchNode, search: inout SearchState,
                       stepper: any TacticStepping) async throws -> StepResult {
        let obligation = node.open[0]
        let goal = obligation.goalKey
        let id = ObligationID(sketchIndex: node.sketchIndex, sorryIndex: obligation.sorryIndex)
        let outcome: TacticOutcomeCache.Outcome
        if let cached = search.cache.outcome(of: tactic, on: goal) {
            outcome = cached
        } else {
            guard meter.reserveCheck(keeping: 1) else {
                search.outOfChecks = true
                return .outOfBudget
            }
            search.checksByObligation[id, default: 0] += 1
            let response = try await stepper.apply(tactic, to: obligation.proofState)
            let goals = response.goals ?? []
            if response.hasNoErrors, let proofState = response.proofState, !goals.isEmpty || response.proofStatus == "Completed" {
                outcome = .reached(proofState: proofState, goals: goals)
            } else {
                outcome = .failed
            }
            search.cache.record(outcome, of: tactic, on: goal)
        }
        guard case .reached(let proofState, let goals) = outcome else { return .failed }
        if goals.isEmpty { search.closedObligations.insert(id) }
        return .child(node.applying(tactic, reaching: proofState, goals: goals))
    }

    /// The model's next tactics for `obligation` (none without a model or samples), without tactics that
    /// break hygiene; `failed` (tactics already seen failing on its goal) goes to the prompt.
    func modelTactics(for obligation: ProofObligation, failed: [String] = []) async throws(ProverError) -> [String] {
        let wanted = configuration.tacticsPerExpansion
        guard hasModel, wanted > 0 else { return [] }
        let granted = meter.reserveSamples(wanted)
        guard granted > 0 else { return [] }
        var context = promptContext
        context.values["goals"] = .text(obligation.goalKey)
        context.values["tactics"] = .list(obligation.tactics.map { ["tactic": .text($0)] })
        context.values["failed_tactics"] = .list(failed.map { ["tactic": .text($0)] })
        let seedKey = keys.search() + "/\(obligation.proofState)/\(obligation.tactics.count)"
        do {
            let sampled = try await sample(template: configuration.nextTacticTemplate, context: context,
                                           count: granted, seedKey: seedKey)
            return sampled.texts.indices.filter { sampled.failures[$0] == nil }
                .compactMap { Self.tactic(fromModelOutput: sampled.texts[$0]) }.filter(Self.isAllowedTactic)
        } catch where error.code == .model || error.code == .prompt {
            note(error)
            return []
        }
    }

    static func isAllowedTactic(_ tactic: String) -> Bool {
        ProofHygiene.violations(in: tactic, mode: .tactic, policy: .strict).isEmpty
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
