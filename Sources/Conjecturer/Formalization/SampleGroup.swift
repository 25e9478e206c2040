import LeanSource
import LeanVerify

/// One model sample of a problem and the statement extracted from it (nil: none found, or the
/// request failed — then `requestError` says why).
struct FormalizationSample: Sendable {
    var draw: SampleDraw
    var model: String
    var declaration: LeanDeclaration?
    var requestError: String? = nil
    /// Why the answer's statement was refused (a command before it that cannot be kept in effect).
    var refusal: String? = nil
}

/// The samples that gave the same statement (equal `statementHash`), in sample order.
struct SampleGroup: Sendable {
    var declaration: LeanDeclaration
    var samples: [FormalizationSample]

    var first: FormalizationSample { samples[0] }

    /// Groups the samples that have a statement by hash, ordered by each group's first sample.
    static func group(_ samples: [FormalizationSample]) -> [SampleGroup] {
        var groups: [SampleGroup] = []
        var indexByHash: [String: Int] = [:]
        for sample in samples.sorted(by: { $0.draw.sampleIndex < $1.draw.sampleIndex }) {
            guard let declaration = sample.declaration else { continue }
            let hash = declaration.statementHash
            if let index = indexByHash[hash] {
                groups[index].samples.append(sample)
            } else {
                indexByHash[hash] = groups.count
                groups.append(SampleGroup(declaration: declaration, samples: [sample]))
            }
        }
        return groups
    }
}

/// What validation (and repair) made of a group: the final statement and Lean's judgement of it.
struct GroupOutcome: Sendable {
    var group: SampleGroup
    var declaration: LeanDeclaration
    var check: StatementCheck
    var repairRound: Int
    /// When repair succeeded: the ill-formed statements it went through, the sampled one first, each
    /// with Lean's judgement and the repair round that produced it (0 for the sampled one). Empty when
    /// the statement was well-formed as sampled, or when repair failed (the outcome is then the sampled
    /// statement itself).
    var repairedFrom: [RepairStep] = []
}

/// One ill-formed statement on the way to a repaired one.
struct RepairStep: Sendable {
    var declaration: LeanDeclaration
    var check: StatementCheck
    var repairRound: Int
}
