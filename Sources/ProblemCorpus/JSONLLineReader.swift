import Foundation

/// Reads a file line by line (LF, with a trailing CR dropped) without loading it whole.
/// A UTF-8 byte-order mark at the start of the file is skipped.
struct JSONLLineReader {
    private let handle: FileHandle
    private let path: String
    private let maximumLineBytes: Int
    private let chunkSize = 1 << 20
    private var buffer: [UInt8] = []
    private var bufferStart = 0
    private var reachedEnd = false
    /// Bytes from `bufferStart` up to here are known to hold no LF (so long lines are scanned once).
    private var searchedUpTo = 0
    private(set) var lineNumber = 0

    init(url: URL, maximumLineBytes: Int) throws(CorpusError) {
        path = url.path
        self.maximumLineBytes = maximumLineBytes
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw CorpusError(
                code: .unreadableFile,
                message: "cannot open the corpus (\(error.localizedDescription)). Check the path and permissions.",
                file: url.path)
        }
    }

    func close() { try? handle.close() }

    /// The next line's bytes, or nil at the end of the file.
    mutating func nextLine() throws(CorpusError) -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[max(bufferStart, searchedUpTo)...].firstIndex(of: 0x0A) {
                var line = buffer[bufferStart..<newline]
                bufferStart = newline + 1
                searchedUpTo = bufferStart
                return finish(&line)
            }
            searchedUpTo = buffer.count
            if buffer.count - bufferStart > maximumLineBytes {
                throw CorpusError(
                    code: .lineTooLong,
                    message: "line is longer than \(maximumLineBytes) bytes. Split the file or remove the line.",
                    file: path, line: lineNumber + 1)
            }
            if reachedEnd {
                guard bufferStart < buffer.count else { return nil }
                var line = buffer[bufferStart...]
                bufferStart = buffer.count
                return finish(&line)
            }
            try fill()
        }
    }

    private mutating func finish(_ line: inout ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        lineNumber += 1
        if lineNumber == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
        if line.last == 0x0D { line = line.dropLast() }
        return line
    }

    private mutating func fill() throws(CorpusError) {
        if bufferStart > 0 {
            buffer.removeFirst(bufferStart)
            searchedUpTo -= bufferStart
            bufferStart = 0
        }
        let chunk: Data?
        do {
            chunk = try handle.read(upToCount: chunkSize)
        } catch {
            throw CorpusError(
                code: .unreadableFile,
                message: "reading failed after line \(lineNumber) (\(error.localizedDescription)). Check the file.",
                file: path)
        }
        guard let chunk, !chunk.isEmpty else {
            reachedEnd = true
            return
        }
        buffer.append(contentsOf: chunk)
    }
}
