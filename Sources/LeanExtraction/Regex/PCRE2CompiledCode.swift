import CPCRE2

/// Owns one compiled PCRE2 pattern and frees it when the last reference goes away.
///
/// `@unchecked Sendable` is sound because the pointer is written once, in `init`, and never mutated
/// afterwards: PCRE2 documents a compiled `pcre2_code` (including its JIT code) as read-only during
/// matching and safe to share between threads. Everything a match writes to lives in a
/// `pcre2_match_data` block that each match call creates for itself (see `PCRE2Regex.withMatchData`),
/// so no mutable state is ever shared.
final class PCRE2CompiledCode: @unchecked Sendable {
    let pointer: OpaquePointer
    /// Number of capture groups in the pattern (not counting the whole match).
    let captureCount: Int
    /// True when PCRE2's JIT compiler accepted the pattern; matching then runs machine code.
    let isJITCompiled: Bool

    init(pattern: String, options: UInt32) throws(ExtractionError) {
        var errorCode: Int32 = 0
        var errorOffset = 0
        var utf8Pattern = pattern
        let compiled: OpaquePointer? = utf8Pattern.withUTF8 { bytes in
            lp_pcre2_compile(bytes.baseAddress, bytes.count, options, &errorCode, &errorOffset)
        }
        guard let compiled else {
            let reason = PCRE2CompiledCode.errorMessage(for: errorCode)
            throw ExtractionError(
                code: .invalidPattern,
                message: "PCRE2 could not compile the pattern at byte \(errorOffset): \(reason). "
                    + "Fix the regular expression (PCRE2 syntax, UTF-8 mode).",
                pattern: pattern, patternOffset: errorOffset, pcre2ErrorCode: errorCode)
        }
        pointer = compiled
        var count: UInt32 = 0
        _ = lp_pcre2_pattern_info_capture_count(compiled, &count)
        captureCount = Int(count)
        // A JIT failure (for example a build without JIT support) is not an error: the interpreter
        // gives the same results, only slower.
        isJITCompiled = lp_pcre2_jit_compile(compiled) == 0
    }

    deinit { lp_pcre2_code_free(pointer) }

    /// PCRE2's English text for an error code.
    static func errorMessage(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = buffer.withUnsafeMutableBufferPointer { lp_pcre2_get_error_message(code, $0.baseAddress, $0.count) }
        guard length > 0 else { return "PCRE2 error \(code)" }
        return String(decoding: buffer[0..<Int(length)], as: UTF8.self)
    }
}
