import LeanSource
import LeanVerify
import ProblemCorpus

/// Turns a problem's group outcomes into records: one per distinct statement (repairs can make two
/// groups converge), plus one `no_statement` record for the samples without a statement.
///
/// Repair keeps its lineage: every ill-formed statement a successful repair went through is its own
/// `ill_formed` record with Lean's error, and the repaired record lists them in `repaired_from` — also
/// when the repair produced a statement another sample already gave.
enum FormalizationMerger {
    /// One statement's contribution from one group: the group's final statement, or a step before it.
    private struct Entry {
        var hash: String
        var declaration: LeanDeclaration
        var check: StatementCheck
        var repairRound: Int
        var group: SampleGroup
        var repairedFrom: [String]
    }

    static func records(for problem: Problem, outcomes: [GroupOutcome], samples: [FormalizationSample], header: String = "") -> [FormalizationRecord] {
        struct Merged {
            var representative: Entry
            var sampleCount: Int
            var wellFormed: Bool
            var firstSample: Int
            var repairedFrom: [String]
        }
        func id(_ hash: String) -> String { problem.id + "/" + hash.prefix(16) }
        var entries: [Entry] = []
        for outcome in outcomes {
            var previous: String?
            for step in outcome.repairedFrom {
                let hash = step.declaration.statementHash
                entries.append(Entry(hash: hash, declaration: step.declaration, check: step.check, repairRound: step.repairRound,
                                     group: outcome.group, repairedFrom: previous.map { [id($0)] } ?? []))
                previous = hash
            }
            let hash = outcome.declaration.statementHash
            entries.append(Entry(hash: hash, declaration: outcome.declaration, check: outcome.check, repairRound: outcome.repairRound,
                                 group: outcome.group, repairedFrom: previous.map { [id($0)] } ?? []))
        }
        var merged: [String: Merged] = [:]
        var order: [String] = []
        for entry in entries {
            let hash = entry.hash
            let first = entry.group.first.draw.sampleIndex
            if var existing = merged[hash] {
                existing.sampleCount += entry.group.samples.count
                existing.wellFormed = existing.wellFormed || entry.check.isWellFormed
                existing.firstSample = min(existing.firstSample, first)
                for source in entry.repairedFrom where !existing.repairedFrom.contains(source) { existing.repairedFrom.append(source) }
                if rank(entry) < rank(existing.representative) { existing.representative = entry }
                merged[hash] = existing
            } else {
                order.append(hash)
                merged[hash] = Merged(
                    representative: entry, sampleCount: entry.group.samples.count,
                    wellFormed: entry.check.isWellFormed, firstSample: first, repairedFrom: entry.repairedFrom
                )
            }
        }
        let sorted = order.compactMap { hash in merged[hash].map { (hash, $0) } }
            .sorted { lhs, rhs in
                if lhs.1.wellFormed != rhs.1.wellFormed { return lhs.1.wellFormed }
                return lhs.1.firstSample < rhs.1.firstSample
            }
        var records = sorted.map { hash, entry in
            let representative = entry.representative
            var record = FormalizationRecord(
                problemID: problem.id,
                formalizationID: id(hash),
                statement: representative.declaration.rendered(ending: .tacticBlock),
                status: entry.wellFormed ? .wellFormed : .illFormed,
                leanError: entry.wellFormed ? nil : representative.check.recordedError,
                sampleCount: entry.sampleCount,
                provenance: provenance(representative.group.first, repairRound: representative.repairRound), header: header
            )
            record.repairedFrom = entry.repairedFrom
            return record
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
    private static func rank(_ entry: Entry) -> (Int, Int) {
        (entry.repairRound, entry.group.first.draw.sampleIndex)
    }

    private static func provenance(_ sample: FormalizationSample, repairRound: Int) -> FormalizationProvenance {
        FormalizationProvenance(
            model: sample.model, template: sample.draw.templateID, temperature: sample.draw.temperature,
            seed: sample.draw.seed, repairRound: repairRound
        )
    }
}
