import LeanSource
import LeanVerify
import ProblemCorpus

/// Turns a problem's group outcomes into records: one per distinct final statement (repairs can make
/// two groups converge), plus one `no_statement` record for the samples without a statement.
enum FormalizationMerger {
    static func records(for problem: Problem, outcomes: [GroupOutcome], samples: [FormalizationSample], header: String = "") -> [FormalizationRecord] {
        struct Merged {
            var representative: GroupOutcome
            var sampleCount: Int
            var wellFormed: Bool
            var firstSample: Int
        }
        var merged: [String: Merged] = [:]
        var order: [String] = []
        for outcome in outcomes {
            let hash = outcome.declaration.statementHash
            if var existing = merged[hash] {
                existing.sampleCount += outcome.group.samples.count
                existing.wellFormed = existing.wellFormed || outcome.check.isWellFormed
                existing.firstSample = min(existing.firstSample, outcome.group.first.draw.sampleIndex)
                if rank(outcome) < rank(existing.representative) { existing.representative = outcome }
                merged[hash] = existing
            } else {
                order.append(hash)
                merged[hash] = Merged(
                    representative: outcome, sampleCount: outcome.group.samples.count,
                    wellFormed: outcome.check.isWellFormed, firstSample: outcome.group.first.draw.sampleIndex
                )
            }
        }
        let entries = order.compactMap { hash in merged[hash].map { (hash, $0) } }
            .sorted { lhs, rhs in
                if lhs.1.wellFormed != rhs.1.wellFormed { return lhs.1.wellFormed }
                return lhs.1.firstSample < rhs.1.firstSample
            }
        var records = entries.map { hash, entry in
            let outcome = entry.representative
            let first = outcome.group.first
            return FormalizationRecord(
                problemID: problem.id,
                formalizationID: problem.id + "/" + hash.prefix(16),
                statement: outcome.declaration.rendered(ending: .tacticBlock),
                status: entry.wellFormed ? .wellFormed : .illFormed,
                leanError: entry.wellFormed ? nil : outcome.check.recordedError,
                sampleCount: entry.sampleCount,
                provenance: provenance(first, repairRound: outcome.repairRound), header: header
            )
        }
        let empty = samples.filter { $0.declaration == nil && $0.requestError == nil }.sorted { $0.draw.sampleIndex < $1.draw.sampleIndex }
        if let first = empty.first {
            records.append(FormalizationRecord(
                problemID: problem.id, formalizationID: problem.id + "/no_statement", statement: nil,
                status: .noStatement, leanError: empty.compactMap(\.refusal).first, sampleCount: empty.count,
                provenance: provenance(first, repairRound: 0), header: header
            ))
        }
        let failed = samples.filter { $0.requestError != nil }.sorted { $0.draw.sampleIndex < $1.draw.sampleIndex }
        if let first = failed.first {
            records.append(FormalizationRecord(
                problemID: problem.id, formalizationID: problem.id + "/request_failed", statement: nil,
                status: .requestFailed, leanError: nil, sampleCount: failed.count,
                provenance: provenance(first, repairRound: 0), requestError: first.requestError, header: header
            ))
        }
        return records
    }

    /// Earlier is better: fewer repair rounds, then the earlier sample.
    private static func rank(_ outcome: GroupOutcome) -> (Int, Int) {
        (outcome.repairRound, outcome.group.first.draw.sampleIndex)
    }

    private static func provenance(_ sample: FormalizationSample, repairRound: Int) -> FormalizationProvenance {
        FormalizationProvenance(
            model: sample.model, template: sample.draw.templateID, temperature: sample.draw.temperature,
            seed: sample.draw.seed, repairRound: repairRound
        )
    }
}
