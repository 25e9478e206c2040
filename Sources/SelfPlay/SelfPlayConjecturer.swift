import Conjecturer
import Foundation
import LeanSource
import LeanVerify
import ModelClient
import Ledger
import ProblemCorpus
import Prover

/// The conjecture stage of a round: model formalizations of problems without a formal statement, and
/// variants of the previous round's hardest open and freshly proved formalizations (symbolic mutations
/// when there is no model). Work already in the ledger is skipped, so a resumed round does not repeat it.
struct SelfPlayConjecturer: Sendable {
    var ledger: Ledger
    var services: ProverServices
    var validator: any StatementValidating
    var configuration: SelfPlayConfiguration
    var corpus: [Problem]

    struct Counts: Sendable {
        var added = 0
        var variants = 0
        var illFormed = 0
        var unformalized = 0
        var problems: [String] = []
    }

    func conjecture(unformalized: [Problem], round: Int, progress: SelfPlayProgressHandler?) async throws(ProverError) -> Counts {
        var counts = Counts()
        try await formalize(unformalized, round: round, progress: progress, counts: &counts)
        try await vary(round: round, progress: progress, counts: &counts)
        return counts
    }

    // MARK: Formalization

    private func formalize(_ problems: [Problem], round: Int, progress: SelfPlayProgressHandler?, counts: inout Counts) async throws(ProverError) {
        guard let model = services.model, let prompts = services.prompts else {
            counts.unformalized = problems.count
            return
        }
        var settings = AutoformalizationSettings(
            samplesPerProblem: configuration.formalizationSamples, seed: configuration.seed,
            defaultHeader: configuration.defaultHeader)
        settings.repairRounds = configuration.formalizationRepairRounds
        if let temperature = configuration.formalizerSampling.temperature { settings.baseTemperature = temperature }
        if let maxTokens = configuration.formalizerSampling.maxTokens { settings.maxTokens = maxTokens }
        if let topP = configuration.formalizerSampling.topP { settings.topP = topP }
        let formalizer: Autoformalizer
        do {
            formalizer = try Autoformalizer(model: model, validator: validator, prompts: prompts,
                                            exemplars: ExemplarPool(corpus: corpus), settings: settings)
        } catch {
            counts.problems.append("formalization skipped: \(error)")
            counts.unformalized = problems.count
            return
        }
        for (index, problem) in problems.enumerated() {
            try ProofRun.checkCancellation("formalization")
            defer { progress?(SelfPlayProgress(round: round, stage: .formalize, completed: index + 1, total: problems.count)) }
            guard try call(problem.id, { () throws(LedgerError) in try ledger.formalizations(problemID: problem.id) }).isEmpty else { continue }
            let records: [FormalizationRecord]
            do {
                records = try await formalizer.formalize(problem)
            } catch {
                counts.problems.append("\(problem.id): formalization failed (\(error)); retried next round")
                counts.unformalized += 1
                continue
            }
            var batch: [NewFormalization] = []
            var hashByRecord: [String: String] = [:]
            var repairedFrom: [Int: [String]] = [:]
            for record in records {
                guard let statement = record.statement else { continue }
                let provenance = [
                    "model": record.provenance.model, "template": record.provenance.template,
                    "temperature": String(record.provenance.temperature), "seed": String(record.provenance.seed),
                    "repair_round": String(record.provenance.repairRound), "sample_count": String(record.sampleCount),
                ]
                let wellFormed = record.status == .wellFormed
                if let new = formalization(problemID: problem.id, statement: statement, header: problem.header ?? configuration.defaultHeader,
                                           parentID: nil, operator: nil, source: .model, provenance: provenance, round: round,
                                           leanError: wellFormed ? nil : (record.leanError ?? "ill-formed"), counts: &counts) {
                    hashByRecord[record.formalizationID] = new.statementHash
                    if !record.repairedFrom.isEmpty { repairedFrom[batch.count] = record.repairedFrom }
                    batch.append(new)
                }
            }
            for (index, sources) in repairedFrom {
                batch[index].repairedFromHashes = sources.compactMap { hashByRecord[$0] }
            }
            let added = try add(batch, context: problem.id, counts: &counts) > 0
            if !added { counts.unformalized += 1 }
        }
    }

    // MARK: Variants

    private func vary(round: Int, progress: SelfPlayProgressHandler?, counts: inout Counts) async throws(ProverError) {
        guard configuration.variantTargets > 0, configuration.variantsPerTarget > 0 else { return }
        let targets = try variantTargets(round: round)
        guard !targets.isEmpty else { return }
        let generator: VariantGenerator
        do {
            let prompts = try services.prompts ?? PromptLibrary.load(from: [URL]())
            var settings = VariantSettings(targetCount: configuration.variantsPerTarget, seed: configuration.seed &+ UInt64(round))
            if let temperature = configuration.variantSampling.temperature { settings.temperature = temperature }
            if let maxTokens = configuration.variantSampling.maxTokens { settings.maxTokens = maxTokens }
            generator = try VariantGenerator(
                model: services.prompts == nil ? nil : services.model, validator: validator, prompts: prompts,
                settings: settings)
        } catch {
            counts.problems.append("variants skipped: \(error)")
            return
        }
        for (index, target) in targets.enumerated() {
            try ProofRun.checkCancellation("variants")
            defer { progress?(SelfPlayProgress(round: round, stage: .variants, completed: index + 1, total: targets.count)) }
            let siblings = try call(target.id) { () throws(LedgerError) in try ledger.formalizations(problemID: target.problemID) }
            guard !siblings.contains(where: { $0.parentID == target.id && $0.createdRound == round }) else { continue }
            let records: [VariantRecord]
            do {
                let batch = try await generator.generate(for: VariantParent(id: target.id, header: target.header, statement: target.statement))
                records = batch.records
                for failed in batch.failedRequests {
                    counts.problems.append("\(target.id): a variant request (\(failed.operator)) failed (\(failed.requestError ?? "")); its other variants are kept")
                }
            } catch {
                counts.problems.append("\(target.id): variant generation failed (\(error))")
                continue
            }
            var batch: [NewFormalization] = []
            for record in records {
                let wellFormed = record.status == .wellFormed
                let source: FormalizationSource = record.source == .model ? .model : .symbolic
                if let new = formalization(problemID: target.problemID, statement: record.statement, header: target.header,
                                           parentID: target.id, operator: record.operator, source: source,
                                           provenance: Self.variantProvenance(record), round: round,
                                           leanError: wellFormed ? nil : (record.leanError ?? "ill-formed"), counts: &counts) {
                    batch.append(new)
                }
            }
            counts.variants += try add(batch, context: target.id, counts: &counts)
        }
    }

    /// A variant's provenance: its id, and the natural-language statement its model wrote, if any
    /// (`informal`, with `informal_source = "model"`; the pairs export uses nothing else for variants).
    static func variantProvenance(_ record: VariantRecord) -> [String: String] {
        var provenance = ["variant_id": record.variantID]
        if let informal = record.informal, record.source == .model {
            provenance[NewFormalization.informalKey] = informal
            provenance[NewFormalization.informalSourceKey] = "model"
        }
        return provenance
    }

    /// The previous round's formalizations that are still open at the highest budget levels (hard
    /// targets), interleaved with those it proved (fresh ground to build on), up to `variantTargets`.
    private func variantTargets(round: Int) throws(ProverError) -> [Formalization] {
        let rounds = try call("rounds") { () throws(LedgerError) in try ledger.rounds() }
        guard let previous = rounds.last(where: { $0.number < round && $0.isFinished }),
              let json = previous.reportJSON,
              let report = try? JSONDecoder().decode(SelfPlayRoundReport.self, from: Data(json.utf8)) else { return [] }
        let hard = report.formalizations.filter { $0.status == "open" && $0.work == "prove" }.sorted { $0.budgetLevel > $1.budgetLevel }
        let proved = report.formalizations.filter(\.proved)
        var ids: [String] = []
        for index in 0..<max(hard.count, proved.count) {
            if index < hard.count { ids.append(hard[index].formalizationID) }
            if index < proved.count { ids.append(proved[index].formalizationID) }
        }
        var targets: [Formalization] = []
        for id in ids.prefix(configuration.variantTargets) {
            if let formalization = try call(id, { () throws(LedgerError) in try ledger.formalization(id) }) {
                targets.append(formalization)
            }
        }
        return targets
    }

    // MARK: Ledger

    /// The ledger record of one statement (validated by the conjecturer already; ill-formed ones carry
    /// their error), or nil when it does not parse.
    private func formalization(
        problemID: String, statement: String, header: String, parentID: String?, operator: String?,
        source: FormalizationSource, provenance: [String: String], round: Int, leanError: String?, counts: inout Counts
    ) -> NewFormalization? {
        let declaration: LeanDeclaration
        do {
            declaration = try LeanParser.parseStatement(
                statement, headerImports: LeanParser.imports(ofHeader: header), origin: problemID)
        } catch {
            counts.problems.append("\(problemID): a conjectured statement does not parse (\(error.message)); skipped")
            return nil
        }
        var new = NewFormalization(
            problemID: problemID, statement: declaration.rendered(ending: .bare), header: header,
            statementHash: declaration.statementHash, parentID: parentID, variantOperator: `operator`, source: source,
            provenance: provenance, createdRound: round)
        new.leanError = leanError
        return new
    }

    /// Adds what one problem or variant target produced in ONE transaction, ill-formed statements already
    /// marked: a resumed round skips a problem or target that has formalizations, so a partial write
    /// would lose the rest for good (or leave an ill-formed statement open in the queue).
    /// Returns how many were new.
    private func add(_ batch: [NewFormalization], context: String, counts: inout Counts) throws(ProverError) -> Int {
        guard !batch.isEmpty else { return 0 }
        let insertions = try call(context) { () throws(LedgerError) in try ledger.addFormalizations(batch) }
        var added = 0
        for (new, insertion) in zip(batch, insertions) where insertion.inserted {
            added += 1
            if new.leanError != nil { counts.illFormed += 1 }
        }
        counts.added += added
        return added
    }

    private func call<T>(_ context: String, _ body: () throws(LedgerError) -> T) throws(ProverError) -> T {
        do {
            return try body()
        } catch {
            throw ProverError(.ledger, "The ledger failed: \(error.message)", context: context)
        }
    }
}
