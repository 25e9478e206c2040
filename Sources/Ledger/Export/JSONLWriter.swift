import Foundation

/// Writes JSON lines to a file handle through a bounded buffer, so exports stream in constant memory.
final class JSONLWriter {
    private let handle: FileHandle
    private let encoder: JSONEncoder
    private let kind: ExportKind
    private var buffer = Data()
    private let flushThreshold = 1 << 20
    private(set) var linesWritten = 0

    init(handle: FileHandle, kind: ExportKind) {
        self.handle = handle
        self.kind = kind
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
    }

    func write(_ line: some Encodable) throws(LedgerError) {
        do {
            buffer.append(try encoder.encode(line))
        } catch {
            throw LedgerError(.exportFailed, "a \(kind.rawValue) line cannot be encoded: \(error)", context: kind.rawValue)
        }
        buffer.append(0x0A)
        linesWritten += 1
        if buffer.count >= flushThreshold { try flush() }
    }

    func flush() throws(LedgerError) {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw LedgerError(
                .exportFailed, "writing the \(kind.rawValue) export failed (\(error)); check free disk space",
                context: kind.rawValue)
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
