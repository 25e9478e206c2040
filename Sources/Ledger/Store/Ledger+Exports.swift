public import Foundation
extension Ledger {
    /// Writes an export as JSON lines to `url`, streaming from a consistent snapshot of the ledger.
    ///
    /// A regular file appears complete or not at all: lines go to a temporary file beside it, which then
    /// replaces it (through a symbolic link, the file the link points to). Anything else that exists at
    /// `url` — `/dev/null`, a pipe, a terminal — is written to in place and never replaced.
    ///
    /// - Returns: the number of lines written.
    /// - Throws: ``LedgerError/Code/exportFailed`` when the file cannot be written or `url` is a folder,
    ///   ``LedgerError/Code/corruptRow`` or ``LedgerError/Code/database`` when reading fails.
    @discardableResult
    public func export(_ kind: ExportKind, to url: URL, options: ExportOptions = ExportOptions()) throws(LedgerError) -> Int {
        let manager = FileManager.default
        let url = url.resolvingSymlinksInPath()
        if let type = (try? manager.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType, type != .typeRegular {
            if type == .typeDirectory {
                throw LedgerError(.exportFailed, "this is a folder; give a file path for the export", context: url.path)
            }
            return try exportInPlace(kind, to: url, options: options)
        }
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).partial-\(UUID().uuidString)")
        guard manager.createFile(atPath: temporary.path, contents: nil) else {
            throw LedgerError(
                .exportFailed, "cannot create \(temporary.path); check that the directory exists and is writable",
                context: url.path)
        }
        defer { try? manager.removeItem(at: temporary) }
        let lines: Int
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            lines = try export(kind, to: handle, options: options)
            try handle.synchronize()
        } catch let error as LedgerError {
            throw error
        } catch {
            throw LedgerError(.exportFailed, "cannot write \(temporary.path): \(error)", context: url.path)
        }
        // rename(2) replaces an existing file atomically (Foundation's replaceItemAt on Linux removes the
        // old file first and can fail half-way, losing the previous export).
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            throw LedgerError(.exportFailed, "cannot move the finished export into place: \(reason)", context: url.path)
        }
        return lines
    }

    /// Writes to something that is not a regular file (a device, a pipe) through its own handle.
    private func exportInPlace(_ kind: ExportKind, to url: URL, options: ExportOptions) throws(LedgerError) -> Int {
        let handle: FileHandle
        do {
            handle = try FileHandle(forWritingTo: url)
        } catch {
            throw LedgerError(.exportFailed, "cannot open it for writing (\(error.localizedDescription))", context: url.path)
        }
        defer { try? handle.close() }
        return try export(kind, to: handle, options: options)
    }

    /// Writes an export as JSON lines to an open file handle (for example standard output).
    ///
    /// - Returns: the number of lines written.
    /// - Throws: as the variant that writes to a URL.
    @discardableResult
    public func export(_ kind: ExportKind, to handle: FileHandle, options: ExportOptions = ExportOptions()) throws(LedgerError) -> Int {
        let writer = JSONLWriter(handle: handle, kind: kind)
        let shortenLimit = configuration.shortenAttemptLimit
        try read("export \(kind.rawValue)") { db in
            let exporter = Exporter(db: db, writer: writer, options: options)
            switch kind {
            case .sft: try exporter.sft()
            case .repair: try exporter.repair()
            case .pairs: try exporter.pairs()
            case .steps: try exporter.steps()
            case .curriculum: try exporter.curriculum(shortenAttemptLimit: shortenLimit)
            case .roundReport:
                for summary in try Self.roundSummaries(in: db) {
                    try writer.write(RoundReportLine(summary: summary))
                }
            case .formalizationReport: try exporter.formalizationReport()
            }
        }
        try writer.flush()
        return writer.linesWritten
    }
}
