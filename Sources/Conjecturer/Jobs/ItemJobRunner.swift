import Foundation

/// The resumable, concurrent loop shared by `FormalizationJob` and `VariantJob`: skip items already in
/// OUT.jsonl, repair a torn last write, process the rest with at most `concurrency` in flight, and
/// append each finished item's lines in one flushed write.
struct ItemJobRunner<Item: Sendable> {
    var items: [Item]
    var itemID: @Sendable (Item) -> String
    var output: URL
    /// The record key holding the item id ("problem_id", "parent_id").
    var idKey: String
    var concurrency: Int
    /// Whether the file's last block (the lines of the last item written) is complete. Only consulted
    /// when the file does not end in a torn line; with a torn line the last block is always redone.
    var lastBlockIsComplete: ([[String: Any]]) -> Bool
    /// Produces an item's lines (already encoded, without newlines).
    var work: @Sendable (Item) async throws(ConjecturerError) -> [Data]

    func run(progress: @Sendable (JobProgress) -> Void) async throws(ConjecturerError) -> JobSummary {
        guard concurrency >= 1 else {
            throw ConjecturerError(.invalidSettings, "concurrency is \(concurrency); use at least 1", origin: output.path)
        }
        var seen = Set<String>()
        var unique: [Item] = []
        var duplicates: [String] = []
        for item in items {
            let id = itemID(item)
            if seen.insert(id).inserted { unique.append(item) } else { duplicates.append(id) }
        }

        let scan = try JSONLResumeScan.scan(output, idKey: idKey)
        var kept = scan.blocks
        var truncation: Int? = nil
        var discarded = 0
        if scan.hasTornTail {
            discarded = 1
            truncation = scan.validLength
            if let last = kept.popLast() {
                discarded += last.lines.count
                truncation = last.startOffset
            }
        } else if let last = kept.last, !lastBlockIsComplete(last.lines) {
            kept.removeLast()
            discarded = last.lines.count
            truncation = last.startOffset
        }
        let finished = Set(kept.map(\.id))
        let pending = unique.filter { !finished.contains(itemID($0)) }

        var state = JobProgress(totalItems: unique.count, skippedItems: unique.count - pending.count)
        progress(state)
        let appender = try JSONLAppender(url: output, truncatingTo: truncation)
        var failures: [(Int, JobFailure)] = []
        let work = self.work, idOf = self.itemID, limit = concurrency

        do {
            try await withThrowingTaskGroup(of: (Int, Result<[Data], ConjecturerError>).self) { group in
                var next = 0
                func startNext() {
                    let index = next, item = pending[index]
                    next += 1
                    group.addTask {
                        do throws(ConjecturerError) { return (index, .success(try await work(item))) } catch { return (index, .failure(error)) }
                    }
                }
                while next < min(limit, pending.count) { startNext() }
                while let (index, result) = try await group.next() {
                    switch result {
                    case .success(let lines):
                        try await appender.append(lines)
                        state.completedItems += 1
                        state.recordsWritten += lines.count
                    case .failure(let error):
                        if error.code == .cancelled || Task.isCancelled { throw error }
                        failures.append((index, JobFailure(itemID: idOf(pending[index]), error: error)))
                        state.failedItems += 1
                    }
                    progress(state)
                    if next < pending.count { startNext() }
                }
            }
        } catch {
            await appender.close()
            if let error = error as? ConjecturerError { throw error }
            throw ConjecturerError(.cancelled, "the job was cancelled; finished items are recorded and a rerun resumes", origin: output.path)
        }
        await appender.close()
        return JobSummary(
            progress: state,
            failures: failures.sorted { $0.0 < $1.0 }.map(\.1),
            duplicateIDs: duplicates,
            discardedTornLines: discarded
        )
    }
}

/// One JSON encoder configuration for every record line: stable key order, no escaped slashes.
enum RecordEncoding {
    static func line(_ record: some Encodable) throws(ConjecturerError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do { return try encoder.encode(record) } catch {
            throw ConjecturerError(.outputWriteFailed, "cannot encode a record: \(error)")
        }
    }
}
