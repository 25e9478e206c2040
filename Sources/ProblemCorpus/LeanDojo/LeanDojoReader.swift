public import Foundation

/// Streams the theorems of a LeanDojo Benchmark 4 split file (one JSON array of theorem objects, often
/// hundreds of MB) without loading it whole: bytes are read in 1 MiB chunks and each top-level array
/// element is decoded as soon as it is complete.
///
/// ```swift
/// var reader = try LeanDojoReader(url: URL(fileURLWithPath: "leandojo_benchmark_4/random/train.json"))
/// while let theorem = try reader.next() { print(theorem.fullName, theorem.tracedTactics.count) }
/// ```
public struct LeanDojoReader {
    /// Elements longer than this (256 MiB) are refused rather than buffered.
    public static let maximumElementBytes = 256 << 20

    private let handle: FileHandle
    private let path: String
    private let chunkSize: Int
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var started = false
    private var finished = false
    /// 1-based index of the last element returned.
    public private(set) var elementIndex = 0

    /// Opens the file at `url`.
    ///
    /// - Throws: `CorpusError` `.unreadableFile` when it cannot be opened.
    public init(url: URL) throws(CorpusError) {
        try self.init(url: url, chunkSize: 1 << 20)
    }

    /// Opens the file at `url`, reading `chunkSize` bytes at a time (tests use tiny chunks).
    init(url: URL, chunkSize: Int) throws(CorpusError) {
        precondition(chunkSize > 0, "chunks need at least one byte")
        self.chunkSize = chunkSize
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw CorpusError(code: .unreadableFile, message: "cannot open the LeanDojo file (\(error.localizedDescription))", file: url.path)
        }
        path = url.path
    }

    /// Closes the file.
    public func close() { try? handle.close() }

    /// The next theorem, or nil at the end of the array.
    ///
    /// - Throws: `CorpusError` naming the file and the element's index: `.malformedJSON` when the file is
    ///   not a JSON array of objects, `.missingKey` / `.wrongType` when an element lacks LeanDojo's fields.
    public mutating func next() throws(CorpusError) -> LeanDojoTheorem? {
        guard let bytes = try nextElement() else { return nil }
        elementIndex += 1
        do {
            return try JSONDecoder().decode(LeanDojoTheorem.self, from: Data(bytes))
        } catch let DecodingError.keyNotFound(key, _) {
            throw fail(.missingKey, "theorem \(elementIndex) has no \"\(key.stringValue)\" (is this a LeanDojo Benchmark 4 file?)")
        } catch let DecodingError.typeMismatch(_, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw fail(.wrongType, "theorem \(elementIndex): \"\(field)\" has the wrong type")
        } catch {
            throw fail(.malformedJSON, "theorem \(elementIndex) is not valid JSON (\(error))")
        }
    }

    private func fail(_ code: CorpusError.Code, _ message: String) -> CorpusError {
        CorpusError(code: code, message: message, file: path)
    }

    /// The bytes of the next top-level array element.
    private mutating func nextElement() throws(CorpusError) -> [UInt8]? {
        guard !finished else { return nil }
        if !started {
            guard let first = try nextNonSpace() else { throw fail(.malformedJSON, "the file is empty; expected a JSON array of theorems") }
            guard first == UInt8(ascii: "[") else { throw fail(.malformedJSON, "expected a JSON array of theorems, found '\(Character(Unicode.Scalar(first)))'") }
            position += 1
            started = true
        }
        guard var byte = try nextNonSpace() else { throw fail(.malformedJSON, "the array is not closed (the file is cut short)") }
        if byte == UInt8(ascii: ",") && elementIndex > 0 {
            position += 1
            guard let after = try nextNonSpace() else { throw fail(.malformedJSON, "the array is not closed (the file is cut short)") }
            byte = after
        } else if byte == UInt8(ascii: "]") {
            finished = true
            position += 1
            if let extra = try nextNonSpace() {
                throw fail(.malformedJSON, "text after the array's closing ']' (starting with '\(Character(Unicode.Scalar(extra)))'); "
                           + "a split file is exactly one JSON array of theorems")
            }
            return nil
        } else if elementIndex > 0 {
            throw fail(.malformedJSON, "theorem \(elementIndex) is not followed by ',' or ']'")
        }
        guard byte == UInt8(ascii: "{") else {
            throw fail(.malformedJSON, "element \(elementIndex + 1) is not a theorem object")
        }
        var element: [UInt8] = []
        var depth = 0
        var inString = false
        var escaped = false
        while true {
            if position >= buffer.count {
                guard try fill() else { throw fail(.malformedJSON, "theorem \(elementIndex + 1) is cut short (the file ends inside it)") }
            }
            let b = buffer[position]
            position += 1
            element.append(b)
            if element.count > Self.maximumElementBytes {
                throw fail(.lineTooLong, "theorem \(elementIndex + 1) is longer than \(Self.maximumElementBytes) bytes")
            }
            if inString {
                if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch b {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return element }
            default: break
            }
        }
    }

    private mutating func nextNonSpace() throws(CorpusError) -> UInt8? {
        while true {
            if position >= buffer.count {
                guard try fill() else { return nil }
            }
            let b = buffer[position]
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { position += 1; continue }
            return b
        }
    }

    /// Reads the next chunk; false at the end of the file.
    private mutating func fill() throws(CorpusError) -> Bool {
        guard !atEnd else { return false }
        let chunk: Data?
        do {
            chunk = try handle.read(upToCount: chunkSize)
        } catch {
            throw fail(.unreadableFile, "read failed (\(error.localizedDescription))")
        }
        guard let chunk, !chunk.isEmpty else {
            atEnd = true
            return false
        }
        buffer = Array(chunk)
        position = 0
        return true
    }
}
