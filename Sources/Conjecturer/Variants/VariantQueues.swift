import LeanSource

/// A variant candidate before validation.
struct VariantCandidate: Sendable {
    var declaration: LeanDeclaration
    var `operator`: String
    var source: VariantSource
}

/// The round-robin over operators: symbolic operators (candidates precomputed, seeded shuffle) and
/// model templates (filled by a model call when their turn comes and their queue is empty).
struct VariantQueues {
    private enum Lane {
        case symbolic(SymbolicOperator, [LeanDeclaration])
        case model(templateID: String, pending: [LeanDeclaration], callsMade: Int)
    }

    private let generator: VariantGenerator
    private let parent: VariantParent
    private let declaration: LeanDeclaration
    private var lanes: [Lane]
    private var turn = 0
    /// Model requests that failed, as `request_failed` records; their lane went on with its next call.
    private(set) var failures: [VariantRecord] = []

    init(generator: VariantGenerator, parent: VariantParent, declaration: LeanDeclaration) {
        self.generator = generator
        self.parent = parent
        self.declaration = declaration
        var lanes: [Lane] = []
        for op in generator.settings.symbolicOperators {
            var candidates = SymbolicMutator.mutations(of: declaration, operator: op)
            var random = SplitMix64(seed: StableSeed.derive(generator.settings.seed, "symbolic", parent.id, op.rawValue))
            random.shuffle(&candidates)
            lanes.append(.symbolic(op, candidates))
        }
        for id in generator.templateIDs where generator.settings.callsPerTemplate > 0 {
            lanes.append(.model(templateID: id, pending: [], callsMade: 0))
        }
        self.lanes = lanes
    }

    /// The next candidate in round-robin order, or nil when every lane is exhausted.
    mutating func next() async throws(ConjecturerError) -> VariantCandidate? {
        var exhaustedInARow = 0
        while !lanes.isEmpty, exhaustedInARow < lanes.count {
            let index = turn % lanes.count
            turn += 1
            if let candidate = try await take(from: index) {
                return candidate
            }
            exhaustedInARow += 1
        }
        return nil
    }

    private mutating func take(from index: Int) async throws(ConjecturerError) -> VariantCandidate? {
        switch lanes[index] {
        case .symbolic(let op, var candidates):
            guard !candidates.isEmpty else { return nil }
            let first = candidates.removeFirst()
            lanes[index] = .symbolic(op, candidates)
            return VariantCandidate(declaration: first, operator: op.rawValue, source: .symbolic)
        case .model(let templateID, var pending, var callsMade):
            while pending.isEmpty, callsMade < generator.settings.callsPerTemplate {
                do {
                    pending = try await generator.modelCandidates(parent: parent, declaration: declaration, templateID: templateID, call: callsMade)
                } catch where error.code == .modelFailed {
                    failures.append(VariantRecord(
                        parentID: parent.id, variantID: "\(parent.id)/request_failed/\(templateID)/\(callsMade)", statement: "",
                        operator: templateID, source: .model, status: .requestFailed, leanError: nil, requestError: error.message))
                }
                callsMade += 1
            }
            guard !pending.isEmpty else {
                lanes[index] = .model(templateID: templateID, pending: [], callsMade: callsMade)
                return nil
            }
            let first = pending.removeFirst()
            lanes[index] = .model(templateID: templateID, pending: pending, callsMade: callsMade)
            return VariantCandidate(declaration: first, operator: templateID, source: .model)
        }
    }
}
