import Foundation
import ProblemCorpus

/// What an existing OUT.jsonl already holds, grouped into blocks of consecutive lines with the same id
/// (a job writes each item's lines in one append, so only the last block can be torn by a crash).
struct JSONLResumeScan {
    struct Block {
        var id: String
        /// Byte offset where the block's first line starts.
        var startOffset: Int
        /// Byte offset just after the block's last newline.
        var endOffset: Int
        var lines: [[String: Any]]
        /// The lines' bytes, without their newlines.
        var rawLines: [Data]
    }

    var blocks: [Block] = []
    /// Bytes of complete, valid lines (everything before a torn tail).
    var validLength = 0
    /// True when the file ended in a partial line (no final newline).
    var hasTornTail = false

    /// Scans `url`; a missing file is an empty scan, and so is anything that is not a regular file
    /// (`/dev/null`, a pipe, a terminal): there is nothing to resume from, and reading a pipe would
    /// consume it.
    ///
    /// - Throws: `.outputUnreadable` when the file cannot be read, `.outputMalformed` naming file:line
    ///   for a malformed line that is not the torn tail (the file was edited or is not our output).
    static func scan(_ url: URL, idKey: String) throws(ConjecturerError) -> JSONLResumeScan {
        var result = JSONLResumeScan()
        guard OutputFileKind.isRegularFile(url) else { return result }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ConjecturerError(.outputUnreadable, "cannot read the existing output to resume: \(error.fileSystemReason)", origin: url.path)
        }
        let bytes = [UInt8](data)
        var lineStart = 0
        var lineNumber = 0
        while lineStart < bytes.count {
            lineNumber += 1
            guard let newline = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) else {
                result.hasTornTail = true
                break
            }
            let line = bytes[lineStart..<newline]
            defer { lineStart = newline + 1 }
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\t") }) {
                result.validLength = newline + 1
                continue
            }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let id = object[idKey] as? String
            else {
                throw ConjecturerError(
                    .outputMalformed,
                    "line \(lineNumber) is not a record with a string \"\(idKey)\"; this file was edited or is not this job's output — fix the line or write to a new file",
                    origin: url.path, line: lineNumber
                )
            }
            if result.blocks.last?.id == id {
                result.blocks[result.blocks.count - 1].lines.append(object)
                result.blocks[result.blocks.count - 1].rawLines.append(Data(line))
                result.blocks[result.blocks.count - 1].endOffset = newline + 1
            } else {
                result.blocks.append(Block(id: id, startOffset: lineStart, endOffset: newline + 1, lines: [object], rawLines: [Data(line)]))
            }
            result.validLength = newline + 1
        }
        return result
    }
}

/// What kind of file a job's output path names.
enum OutputFileKind {
    /// True when `url` exists and is a regular file (symbolic links followed); false when it is missing
    /// or a device, pipe, socket or folder.
    static func isRegularFile(_ url: URL) -> Bool {
        let path = url.resolvingSymlinksInPath().path
        let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
        return type == .typeRegular
    }
}
