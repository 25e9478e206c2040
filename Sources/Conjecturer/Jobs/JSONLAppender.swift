import Foundation
import ProblemCorpus

/// Appends whole blocks of JSONL lines to one file, one write per block, flushed to disk: a crash can
/// tear at most the block being written (the resume scan repairs that).
actor JSONLAppender {
    private let handle: FileHandle
    private let url: URL
    /// False for `/dev/null`, a pipe or a terminal: such outputs are written but never cut, sought or
    /// synchronized (those calls fail on them and there is nothing to resume).
    private let isRegularFile: Bool

    /// Opens `url` for appending (creating it), after cutting it to `truncatingTo` bytes when given (only
    /// for a regular file).
    ///
    /// - Throws: `.outputWriteFailed` naming the file.
    init(url: URL, truncatingTo length: Int?) throws(ConjecturerError) {
        self.url = url
        do {
            let directory = url.deletingLastPathComponent()
            if !FileManager.default.fileExists(atPath: directory.path) {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            }
            if !FileManager.default.fileExists(atPath: url.path) {
                try Data().write(to: url)  // not createFile(atPath:): its failures carry no reason
            }
            handle = try FileHandle(forWritingTo: url)
            isRegularFile = OutputFileKind.isRegularFile(url)
            if isRegularFile {
                if let length { try handle.truncate(atOffset: UInt64(length)) }
                try handle.seekToEnd()
            }
        } catch {
            throw ConjecturerError(
                .outputWriteFailed,
                "cannot open the output for appending (\(error.fileSystemReason)); check that the folder exists and is writable, or choose another --out",
                origin: url.path)
        }
    }

    /// Appends `lines` (each without its newline) in one write and flushes.
    ///
    /// - Throws: `.outputWriteFailed` naming the file (disk full, permissions…).
    func append(_ lines: [Data]) throws(ConjecturerError) {
        guard !lines.isEmpty else { return }
        var block = Data()
        for line in lines {
            block.append(line)
            block.append(UInt8(ascii: "\n"))
        }
        do {
            try handle.write(contentsOf: block)
            if isRegularFile { try handle.synchronize() }
        } catch {
            throw ConjecturerError(.outputWriteFailed, "cannot append to the output: \(error.fileSystemReason)", origin: url.path)
        }
    }

    /// Closes the file.
    func close() {
        try? handle.close()
    }
}
