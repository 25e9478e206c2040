import LeanSource
public import LeanVerify
public import ModelClient
public import ProblemCorpus

/// Stochastic autoformalization of one problem: k samples, each with a randomly drawn template,
/// few-shot exemplars and temperature → extract → normalize → dedupe by statement hash → validate with
/// Lean → repair ill-formed statements with Lean's message (up to r rounds) → one record per distinct
/// formalization.
///
/// ```swift
/// let formalizer = try Autoformalizer(model: client, validator: verifier, prompts: library,
///                                     exemplars: ExemplarPool(corpus: corpus), settings: .init(seed: 7))
/// let records = try await formalizer.formalize(problem)
/// ```
public struct Autoformalizer: Sendable {
    /// The model asked for formalizations and repairs (role `.formalizer`).
    public let model: any ChatModel
    /// Checks that statements elaborate.
    public let validator: any StatementValidating
    /// The prompt templates.
    public let prompts: PromptLibrary
    /// Draws each sample's template, exemplars and temperature.
    public let plan: SamplingPlan

    /// Creates a formalizer.
    ///
    /// - Throws: `ConjecturerError` `.invalidSettings`, `.noTemplates` when the library has no
    ///   formalize/ template, `.templateNotFound` for an unknown template or repair template id.
    public init(
        model: any ChatModel, validator: any StatementValidating, prompts: PromptLibrary,
        exemplars: ExemplarPool, settings: AutoformalizationSettings
    ) throws(ConjecturerError) {
        try settings.validate()
        let templateIDs = settings.templateIDs ?? prompts.ids(kind: "formalize")
        guard !templateIDs.isEmpty else {
            throw ConjecturerError(.noTemplates, "the prompt library has no formalize/ templates; add Prompts/formalize/*.mustache")
        }
        for id in templateIDs + (settings.repairRounds > 0 ? [settings.repairTemplateID] : []) where prompts.template(id) == nil {
            throw ConjecturerError(.templateNotFound, "no prompt template `\(id)`; known: \(prompts.ids.joined(separator: ", "))", origin: id)
        }
        self.model = model
        self.validator = validator
        self.prompts = prompts
        self.plan = SamplingPlan(templateIDs: templateIDs, exemplarPool: exemplars, settings: settings)
    }

    /// The settings in use.
    public var settings: AutoformalizationSettings { plan.settings }

    /// Formalizes `problem`: the records of its distinct formalizations, well-formed first in sample
    /// order, then ill-formed, then the `no_statement` record when some samples had no statement.
    ///
    /// A sample whose model request fails (after the model client's retries) fails alone: it is
    /// recorded in a `request_failed` record with the reason, and the other samples are kept. A repair
    /// request that fails counts as a repair round that produced no statement.
    ///
    /// - Throws: `ConjecturerError(.modelFailed)` when every sample's request fails: the problem is then
    ///   unfinished and a resumed job retries it. `.cancelled` when the task is cancelled.
    ///   `.missingVariable` when a template needs a variable the formalizer does not provide.
    public func formalize(_ problem: Problem) async throws(ConjecturerError) -> [FormalizationRecord] {
        let draws = (0..<settings.samplesPerProblem).map { plan.draw(for: problem, sample: $0) }
        let samples = try await BoundedConcurrency.map(draws, limit: settings.sampleConcurrency) { draw throws(ConjecturerError) in
            try await sample(problem, draw)
        }
        if let failure = samples.first?.requestError, samples.allSatisfy({ $0.requestError != nil }) {
            throw ConjecturerError(.modelFailed, "every formalizer request failed; the first: \(failure)", origin: problem.id)
        }
        let groups = SampleGroup.group(samples)
        let outcomes = try await BoundedConcurrency.map(groups, limit: settings.sampleConcurrency) { group throws(ConjecturerError) in
            try await settle(group, of: problem)
        }
        return FormalizationMerger.records(for: problem, outcomes: outcomes, samples: samples, header: header(for: problem))
    }

    /// The header `problem`'s statements are shown with, validated under and recorded with: its own, else
    /// ``AutoformalizationSettings/defaultHeader``.
    public func header(for problem: Problem) -> String {
        problem.header ?? settings.defaultHeader
    }

    /// The theorem name every formalization of `problem` gets.
    public static func theoremName(for problem: Problem) -> String { LeanNaming.theoremName(for: problem.id) }

    /// Asks the model for sample `draw` and extracts its statement.
    func sample(_ problem: Problem, _ draw: SampleDraw) async throws(ConjecturerError) -> FormalizationSample {
        var context = Self.context(for: problem, header: header(for: problem))
        context["exemplars"] = .list(draw.exemplars.map { exemplar in
            ["id": .text(exemplar.id), "informal": .text(exemplar.informal),
             "formal_statement": .text(Self.trimmedStatement(exemplar.formalStatement ?? ""))]
        })
        let messages = try prompts.render(draw.templateID, context: context)
        let parameters = SamplingParameters(
            n: 1, temperature: draw.temperature, topP: settings.topP, maxTokens: settings.maxTokens,
            seed: Int(draw.seed)
        )
        let response: ChatResponse
        do {
            response = try await complete(ChatRequest(messages: messages, parameters: parameters), problem: problem)
        } catch where error.code == .modelFailed {
            return FormalizationSample(draw: draw, model: "", declaration: nil, requestError: error.message)
        }
        let name = Self.theoremName(for: problem)
        let text = response.samples.first?.text ?? ""
        switch StatementExtraction.proposal(in: text, named: name) {
        case .statement(let declaration):
            let canonical = StatementExtraction.canonical(declaration, named: name)
            return FormalizationSample(draw: draw, model: response.model, declaration: canonical)
        case .refused(let reason):
            return FormalizationSample(draw: draw, model: response.model, declaration: nil, refusal: reason)
        case .none:
            return FormalizationSample(draw: draw, model: response.model, declaration: nil)
        }
    }

    /// Validates a group's statement and repairs it while Lean rejects it.
    func settle(_ group: SampleGroup, of problem: Problem) async throws(ConjecturerError) -> GroupOutcome {
        let header = self.header(for: problem)
        var current = group.declaration
        var check = await validator.validate(header: header, statement: current.rendered(ending: .tacticBlock))
        let original = (declaration: current, check: check)
        var round = 0
        var steps: [RepairStep] = []
        var currentRound = 0
        while !check.isWellFormed, check.wasJudged, round < settings.repairRounds {
            round += 1
            guard let repaired = try await repair(current, error: check.errorReport, problem: problem, group: group, round: round) else {
                continue
            }
            if repaired.statementHash == current.statementHash { continue }
            steps.append(RepairStep(declaration: current, check: check, repairRound: currentRound))
            current = repaired
            currentRound = round
            check = await validator.validate(header: header, statement: current.rendered(ending: .tacticBlock))
        }
        if check.isWellFormed {
            return GroupOutcome(group: group, declaration: current, check: check, repairRound: round, repairedFrom: steps)
        }
        return GroupOutcome(group: group, declaration: original.declaration, check: original.check, repairRound: 0)
    }

    /// One repair round: the repair template with the statement and Lean's error; nil when the answer
    /// holds no statement.
    func repair(
        _ declaration: LeanDeclaration, error: String, problem: Problem, group: SampleGroup, round: Int
    ) async throws(ConjecturerError) -> LeanDeclaration? {
        var context = Self.context(for: problem, header: header(for: problem))
        context["statement"] = .text(declaration.rendered(ending: .sorry))
        context["lean_error"] = .text(error)
        let messages = try prompts.render(settings.repairTemplateID, context: context)
        let seed = StableSeed.derive(settings.seed, "repair", problem.id, group.declaration.statementHash, String(round))
            & SamplingPlan.seedMask
        let parameters = SamplingParameters(
            n: 1, temperature: settings.repairTemperature ?? settings.baseTemperature, topP: settings.topP,
            maxTokens: settings.maxTokens, seed: Int(seed)
        )
        let response: ChatResponse
        do {
            response = try await complete(ChatRequest(messages: messages, parameters: parameters), problem: problem)
        } catch where error.code == .modelFailed {
            return nil  // a round without a repair: the statement keeps Lean's verdict
        }
        let name = Self.theoremName(for: problem)
        return StatementExtraction.statement(in: response.samples.first?.text ?? "", named: name).map {
            StatementExtraction.canonical($0, named: name)
        }
    }

    /// - Throws: `.modelFailed` with the model client's message, `.cancelled` when the task was cancelled.
    private func complete(_ request: ChatRequest, problem: Problem) async throws(ConjecturerError) -> ChatResponse {
        do {
            return try await model.complete(request, role: .formalizer)
        } catch where error.code == .cancelled {
            throw ConjecturerError(.cancelled, "the formalization was cancelled; finished problems stay recorded", origin: problem.id)
        } catch {
            throw ConjecturerError(.modelFailed, "the formalizer model failed: \(error.description)", origin: problem.id)
        }
    }

    /// The variables every formalize/ and repair/ template can use.
    static func context(for problem: Problem, header: String) -> PromptContext {
        [
            "problem_id": .text(problem.id),
            "theorem_name": .text(theoremName(for: problem)),
            "informal": .text(problem.informal),
            "header": .text(header.trimmingTrailingWhitespace),
            "exemplars": .list([]),
        ]
    }

    /// A reference statement without its trailing `:= by` / `sorry`, as exemplars show it with `:= by sorry`.
    static func trimmedStatement(_ text: String) -> String {
        guard let declaration = try? LeanParser.parseDeclaration(text) else { return text.trimmingTrailingWhitespace }
        return declaration.rendered(ending: .sorry)
    }
}

extension String {
    /// The string without trailing spaces, tabs and newlines.
    var trimmingTrailingWhitespace: String {
        var text = Substring(self)
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
