import Foundation
import ProblemCorpus

/// What one item's work produced: its lines (already encoded, without newlines) and, when the item
/// could not be done to the requested extent, a note saying why (reported in `JobSummary.notes`).
struct ItemWorkResult: Sendable {
    var lines: [Data]
    var note: String? = nil
}

/// What a rerun does with an item that OUT.jsonl holds but that is not finished under this run's
/// settings (for example `--samples 8` over a file written with 4).
enum UnfinishedItemPolicy: Sendable {
    /// Remove the item's lines and do it again from scratch.
    case redo
    /// Keep the item's lines, hand them to the work, and append what it adds.
    case extend
}

/// The resumable, concurrent loop shared by `FormalizationJob` and `VariantJob`: skip items already
/// finished in OUT.jsonl, repair a torn last write, redo or extend unfinished items, process the rest
/// with at most `concurrency` in flight, and append each item's lines in one flushed write.
struct ItemJobRunner<Item: Sendable> {
    var items: [Item]
    var itemID: @Sendable (Item) -> String
    var output: URL
    /// The record key holding the item id ("problem_id", "parent_id").
    var idKey: String
    var concurrency: Int
    /// Whether an item's lines in OUT.jsonl (all of them, in file order) finish it under this run's
    /// settings. A torn last write is always cut off before this is asked.
    var isFinished: ([[String: Any]]) -> Bool
    /// What to do with items that have lines but are not finished.
    var unfinished: UnfinishedItemPolicy
    /// Does an item. The second argument holds the item's lines kept in OUT.jsonl (only with `.extend`;
    /// empty otherwise); the result's lines are appended after them.
    var work: @Sendable (Item, [Data]) async throws(ConjecturerError) -> ItemWorkResult

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
        var blocks = scan.blocks
        var truncation: Int? = nil
        var discarded = 0
        if scan.hasTornTail {
            discarded = 1
            truncation = scan.validLength
            if let last = blocks.popLast() {
                discarded += last.lines.count
                truncation = last.startOffset
            }
        }
        var linesByID: [String: [[String: Any]]] = [:]
        for block in blocks { linesByID[block.id, default: []] += block.lines }
        let finished = Set(linesByID.filter { isFinished($0.value) }.keys)
        let inputIDs = Set(unique.map(itemID))
        // Lines of items being redone, put back when the redo does not succeed (a failed or cancelled
        // rerun loses nothing). Items of the file that are not in this run's input are left alone.
        var removedLines: [String: [Data]] = [:]
        if unfinished == .redo {
            let redone = Set(linesByID.keys).subtracting(finished).intersection(inputIDs)
            let removed = blocks.filter { redone.contains($0.id) }
            for block in removed { removedLines[block.id, default: []] += block.rawLines }
            discarded += removed.reduce(0) { $0 + $1.lines.count }
            switch try Self.remove(redone, from: blocks, in: output) {
            case .none: break
            case .some(.truncate(let cut)): truncation = min(truncation ?? cut, cut)
            case .some(.rewritten): truncation = nil  // the file now holds exactly the kept blocks
            }
            blocks.removeAll { redone.contains($0.id) }
        }
        var keptLines: [String: [Data]] = [:]
        if unfinished == .extend {
            for block in blocks where !finished.contains(block.id) { keptLines[block.id, default: []] += block.rawLines }
        }
        let pending = unique.filter { !finished.contains(itemID($0)) }

        var state = JobProgress(totalItems: unique.count, skippedItems: unique.count - pending.count)
        progress(state)
        let appender = try JSONLAppender(url: output, truncatingTo: truncation)
        var failures: [(Int, JobFailure)] = []
        var notes: [(Int, String)] = []
        let work = self.work, idOf = self.itemID, limit = concurrency

        do {
            try await withThrowingTaskGroup(of: (Int, Result<ItemWorkResult, ConjecturerError>).self) { group in
                var next = 0
                func startNext() {
                    let index = next, item = pending[index]
                    let kept = keptLines[idOf(item)] ?? []
                    next += 1
                    group.addTask {
                        do throws(ConjecturerError) { return (index, .success(try await work(item, kept))) } catch { return (index, .failure(error)) }
                    }
                }
                while next < min(limit, pending.count) { startNext() }
                while let (index, result) = try await group.next() {
                    switch result {
                    case .success(let done):
                        removedLines[idOf(pending[index])] = nil
                        try await appender.append(done.lines)
                        state.completedItems += 1
                        state.recordsWritten += done.lines.count
                        if let note = done.note { notes.append((index, "\(idOf(pending[index])): \(note)")) }
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
            _ = try? await restore(removedLines, with: appender)
            await appender.close()
            if let error = error as? ConjecturerError { throw error }
            throw ConjecturerError(.cancelled, "the job was cancelled; finished items are recorded and a rerun resumes", origin: output.path)
        }
        discarded -= try await restore(removedLines, with: appender)
        await appender.close()
        return JobSummary(
            progress: state,
            failures: failures.sorted { $0.0 < $1.0 }.map(\.1),
            duplicateIDs: duplicates,
            discardedTornLines: discarded,
            notes: notes.sorted { $0.0 < $1.0 }.map(\.1)
        )
    }

    /// Appends the earlier lines of items whose redo did not succeed; returns how many lines.
    @discardableResult
    private func restore(_ removed: [String: [Data]], with appender: JSONLAppender) async throws(ConjecturerError) -> Int {
        var count = 0
        for id in removed.keys.sorted() {
            guard let lines = removed[id] else { continue }
            try await appender.append(lines)
            count += lines.count
        }
        return count
    }

    private enum Removal {
        case truncate(at: Int)
        case rewritten
    }

    /// Removes the blocks of `ids` from the file. When they all follow every other block, nothing is
    /// rewritten and the offset to truncate at is returned; otherwise the file is rewritten (atomically)
    /// with only the other blocks (a torn tail goes too). Nil when there is nothing to remove.
    ///
    /// - Throws: `.outputWriteFailed` naming the file.
    private static func remove(_ ids: Set<String>, from blocks: [JSONLResumeScan.Block], in url: URL) throws(ConjecturerError) -> Removal? {
        guard let firstRemoved = blocks.firstIndex(where: { ids.contains($0.id) }) else { return nil }
        if blocks[firstRemoved...].allSatisfy({ ids.contains($0.id) }) { return .truncate(at: blocks[firstRemoved].startOffset) }
        var kept = Data()
        for block in blocks where !ids.contains(block.id) {
            for line in block.rawLines {
                kept.append(line)
                kept.append(UInt8(ascii: "\n"))
            }
        }
        do {
            try kept.write(to: url, options: .atomic)
        } catch {
            throw ConjecturerError(
                .outputWriteFailed, "cannot rewrite the output without the items to redo: \(error.fileSystemReason)",
                origin: url.path)
        }
        return .rewritten
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
