#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits the REPL's stdout byte stream into messages: a message ends at a blank line (LF LF, CRLF
/// tolerated). Frames on LF bytes only, so U+2028 or any other Unicode inside JSON never splits a
/// message. Every byte is scanned a bounded number of times (no quadratic rescans), and a message
/// longer than ``maximumMessageBytes`` is an error instead of unbounded memory.
///
/// ```swift
/// var framer = REPLMessageFramer()
/// let messages = try framer.append(Array("{\"env\": 0}\n\n{\"en".utf8))  // one complete message
/// ```
public struct REPLMessageFramer: Sendable {
    /// The default maximum message size: 64 MiB.
    public static let defaultMaximumMessageBytes = 64 << 20

    /// The largest message accepted, in bytes.
    public let maximumMessageBytes: Int

    private var buffer: [UInt8] = []
    private var messageStart = 0
    private var lineStart = 0
    private var scanIndex = 0

    /// Creates a framer.
    /// - Parameter maximumMessageBytes: the largest message accepted (must be positive).
    public init(maximumMessageBytes: Int = REPLMessageFramer.defaultMaximumMessageBytes) {
        precondition(maximumMessageBytes > 0, "maximumMessageBytes must be positive")
        self.maximumMessageBytes = maximumMessageBytes
    }

    /// Bytes received that do not yet form a complete message.
    public var pendingByteCount: Int { buffer.count - messageStart }

    /// The bytes of the incomplete message, if any (for error snippets at end of stream).
    public var pendingBytes: [UInt8] { Array(buffer[messageStart...]) }

    /// True when only whitespace is pending (the stream may end here cleanly).
    public var isAtMessageBoundary: Bool { Self.isBlank(buffer, messageStart..<buffer.count) }

    /// Adds bytes read from the stream and returns every message they complete, in order (each without
    /// its terminating blank line; whitespace-only messages are skipped).
    /// - Throws: `LeanREPLError` with code `.responseTooLarge` when a message exceeds the maximum size.
    public mutating func append(_ bytes: some Sequence<UInt8>) throws(LeanREPLError) -> [[UInt8]] {
        compact()
        let copied: Void? = bytes.withContiguousStorageIfAvailable { buffer.append(contentsOf: UnsafeRawBufferPointer($0)) }
        if copied == nil { buffer.append(contentsOf: bytes) }
        return try frame()
    }

    /// Adds raw bytes read from the stream (no intermediate copy) and returns the completed messages.
    /// - Throws: `LeanREPLError` with code `.responseTooLarge` when a message exceeds the maximum size.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) throws(LeanREPLError) -> [[UInt8]] {
        compact()
        buffer.append(contentsOf: bytes)
        return try frame()
    }

    private mutating func frame() throws(LeanREPLError) -> [[UInt8]] {
        var messages: [[UInt8]] = []
        while let newline = nextLineFeed() {
            let isBlankLine = Self.isBlank(buffer, lineStart..<newline)
            if isBlankLine {
                let body = messageStart..<lineStart
                if body.count > maximumMessageBytes { throw tooLarge(body.count) }
                if !Self.isBlank(buffer, body) { messages.append(Array(buffer[body])) }
                messageStart = newline + 1
            }
            lineStart = newline + 1
            scanIndex = newline + 1
        }
        scanIndex = buffer.count
        if pendingByteCount > maximumMessageBytes && !isAtMessageBoundary { throw tooLarge(pendingByteCount) }
        return messages
    }

    private func tooLarge(_ count: Int) -> LeanREPLError {
        LeanREPLError(
            .responseTooLarge,
            "a REPL response exceeded the maximum message size of \(maximumMessageBytes) bytes (\(count)+ bytes); "
                + "raise the pool's maximumResponseBytes if such responses are expected (e.g. large info trees)"
        )
    }

    private func nextLineFeed() -> Int? {
        guard scanIndex < buffer.count else { return nil }
        return buffer.withUnsafeBufferPointer { pointer -> Int? in
            guard let base = pointer.baseAddress else { return nil }
            guard let found = memchr(base + scanIndex, 0x0A, pointer.count - scanIndex) else { return nil }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
        }
    }

    private mutating func compact() {
        guard messageStart > 0 else { return }
        buffer.removeSubrange(0..<messageStart)
        lineStart -= messageStart
        scanIndex -= messageStart
        messageStart = 0
    }

    private static func isBlank(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        for index in range {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D, 0x0A: continue
            default: return false
            }
        }
        return true
    }
}
