import Foundation
import LeanSource
public import LeanVerify
public import ModelClient

/// Builds N distinct, validated variants of a theorem from (a) a model prompted with the variants/
/// templates and (b) symbolic mutations that need no model.
///
/// Candidates are taken round-robin across "operators" — each symbolic operator (its candidates in a
/// seeded shuffle) and each model template (asked lazily, only when its turn comes) — deduped by
/// statement hash (and against the parent), validated with Lean, and recorded, until N are
/// well-formed, the validation budget is spent, or candidates run out.
public struct VariantGenerator: Sendable {
    /// The model for model variants (role `.variantGenerator`); nil for symbolic variants only.
    public let model: (any ChatModel)?
    /// Checks that variants elaborate.
    public let validator: any StatementValidating
    /// The prompt templates.
    public let prompts: PromptLibrary
    /// The settings.
    public let settings: VariantSettings
    /// The model templates in use (empty without a model).
    public let templateIDs: [String]

    /// Creates a generator.
    ///
    /// - Throws: `ConjecturerError` `.invalidSettings`, `.templateNotFound` for an unknown template id.
    public init(
        model: (any ChatModel)?, validator: any StatementValidating, prompts: PromptLibrary, settings: VariantSettings = .init()
    ) throws(ConjecturerError) {
        try settings.validate()
        let templateIDs = model == nil ? [] : (settings.templateIDs ?? prompts.ids(kind: "variants"))
        for id in templateIDs where prompts.template(id) == nil {
            throw ConjecturerError(.templateNotFound, "no prompt template `\(id)`; known: \(prompts.ids.joined(separator: ", "))", origin: id)
        }
        self.model = model
        self.validator = validator
        self.prompts = prompts
        self.settings = settings
        self.templateIDs = templateIDs
    }

    /// The records of every candidate validated for `parent`, in the order they were tried.
    ///
    /// A model request that fails fails only its own candidates: the other operators go on (see
    /// `generate(for:after:)` for the failure records).
    ///
    /// - Throws: `ConjecturerError` `.statementUnparsable` when the parent is not one Lean declaration;
    ///   `.cancelled`; `.missingVariable` for a template needing a variable the generator does not provide.
    public func variants(of parent: VariantParent) async throws(ConjecturerError) -> [VariantRecord] {
        try await generate(for: parent).records
    }

    /// Generates variants of `parent` until `targetCount` are well-formed — counting the well-formed
    /// ones among `earlier` (the parent's records from a previous run, which are never repeated) —
    /// the validation budget is spent (earlier records count against it), or every operator has run
    /// out of new candidates. Candidates come in the same seeded order on every run, so a rerun with a
    /// larger `targetCount` continues where the earlier run stopped.
    ///
    /// - Throws: `ConjecturerError` `.statementUnparsable` when the parent is not one Lean declaration;
    ///   `.cancelled`; `.missingVariable` for a template needing a variable the generator does not provide.
    public func generate(for parent: VariantParent, after earlier: [VariantRecord] = []) async throws(ConjecturerError) -> VariantBatch {
        let declaration: LeanDeclaration
        do { declaration = try LeanParser.parseDeclaration(parent.statement, origin: parent.id) } catch {
            throw ConjecturerError(.statementUnparsable, "the parent statement does not parse: \(error.description)", origin: parent.id)
        }
        let candidatesBefore = earlier.filter { $0.status != .requestFailed }
        var queues = VariantQueues(generator: self, parent: parent, declaration: declaration)
        var seen: Set<String> = [declaration.statementHash]
        let seenIDs = Set(candidatesBefore.map(\.variantID))
        var records: [VariantRecord] = []
        var wellFormed = candidatesBefore.filter { $0.status == .wellFormed }.count
        var validations = candidatesBefore.count
        var exhausted = false
        while wellFormed < settings.targetCount, validations < settings.maxValidations {
            guard let candidate = try await queues.next() else {
                exhausted = true
                break
            }
            let hash = candidate.declaration.statementHash
            let variantID = parent.id + "/" + hash.prefix(16)
            guard seen.insert(hash).inserted, !seenIDs.contains(variantID) else { continue }
            let statement = StatementExtraction.canonical(candidate.declaration, named: LeanNaming.theoremName(for: variantID))
                .rendered(ending: .tacticBlock)
            let check = await validator.validate(header: parent.header, statement: statement)
            validations += 1
            if check.isWellFormed { wellFormed += 1 }
            records.append(VariantRecord(
                parentID: parent.id, variantID: variantID, statement: statement, operator: candidate.operator,
                source: candidate.source, status: check.isWellFormed ? .wellFormed : .illFormed,
                leanError: check.isWellFormed ? nil : check.recordedError, header: parent.header,
                informal: candidate.source == .model ? Self.docComment(in: candidate.declaration.modifiers) : nil
            ))
        }
        let earlierFailures = Set(earlier.filter { $0.status == .requestFailed }.map(\.variantID))
        let failed = queues.failures.filter { !earlierFailures.contains($0.variantID) }
        var shortfall: String?
        if wellFormed < settings.targetCount {
            let lanes = templateIDs.isEmpty
                ? "symbolic mutations used up; no model templates in use"
                : "symbolic mutations used up, each model template asked \(settings.callsPerTemplate) time(s)"
            var reason = exhausted
                ? "every operator ran out of new candidates (\(lanes))"
                : "the validation budget of \(settings.maxValidations) candidates per parent is spent"
            if !queues.failures.isEmpty {
                reason += "; \(queues.failures.count) model request(s) failed (first: \(queues.failures[0].requestError ?? "")), a rerun asks again"
            }
            shortfall = "\(wellFormed) of \(settings.targetCount) well-formed variants: \(reason)"
        }
        return VariantBatch(records: records, failedRequests: failed, wellFormed: wellFormed, shortfall: shortfall)
    }

    /// The text of the first `/-- … -/` doc comment in `modifiers` (trimmed), or nil when there is none
    /// or it is blank: what a model wrote as the variant's natural-language statement.
    static func docComment(in modifiers: String) -> String? {
        guard let open = modifiers.range(of: "/--"),
              let close = modifiers.range(of: "-/", range: open.upperBound..<modifiers.endIndex) else { return nil }
        let text = modifiers[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// Asks the model for variants with `templateID` (call number `call`); the declarations it proposes.
    func modelCandidates(
        parent: VariantParent, declaration: LeanDeclaration, templateID: String, call: Int
    ) async throws(ConjecturerError) -> [LeanDeclaration] {
        guard let model else { return [] }
        var context: PromptContext = [
            "statement": .text(declaration.rendered(ending: .sorry)),
            "theorem_name": .text(LeanNaming.theoremName(for: parent.id) + "_variant"),
            "header": .text(parent.header.trimmingTrailingWhitespace),
            "count": .text(String(settings.variantsPerCall)),
            "informal": .text(parent.informal ?? ""),
        ]
        context["parent_id"] = .text(parent.id)
        let messages = try prompts.render(templateID, context: context)
        let seed = StableSeed.derive(settings.seed, "variants", parent.id, templateID, String(call)) & SamplingPlan.seedMask
        let request = ChatRequest(
            messages: messages,
            parameters: SamplingParameters(n: 1, temperature: settings.temperature, maxTokens: settings.maxTokens, seed: Int(seed))
        )
        let response: ChatResponse
        do { response = try await model.complete(request, role: .variantGenerator) } catch where error.code == .cancelled {
            throw ConjecturerError(.cancelled, "variant generation was cancelled", origin: parent.id)
        } catch {
            throw ConjecturerError(.modelFailed, "the variant model failed: \(error.description)", origin: parent.id)
        }
        return response.samples.flatMap { StatementExtraction.declarations(in: $0.text) }
    }
}

/// What `VariantGenerator.generate(for:after:)` produced for one parent.
public struct VariantBatch: Sendable, Hashable {
    /// The candidates validated by this call, in the order they were tried.
    public var records: [VariantRecord]
    /// One `request_failed` record per model request that failed (not repeating `earlier` ones).
    public var failedRequests: [VariantRecord]
    /// Well-formed variants of the parent in all: the earlier ones plus this call's.
    public var wellFormed: Int
    /// Why fewer than `targetCount` are well-formed; nil when the target was reached.
    public var shortfall: String?
}
