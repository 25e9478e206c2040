public import Foundation

/// Writes executable test scripts without the "Text file busy" race.
///
/// Tests run in parallel in one process, and other tests fork children (fake REPLs, the CLI) all the time.
/// A script written through Foundation is open for writing without `O_CLOEXEC`, so a child forked in that
/// instant inherits the write descriptor and keeps it while it lives, and executing the script then fails
/// with `ETXTBSY`. Here the file is opened with `O_CLOEXEC` and closed before anyone executes it.
public enum ExecutableScript {
    /// Writes `text` to `path` with mode 0755 (replacing what is there).
    ///
    /// - Throws: `POSIXError` when the file cannot be created or written.
    public static func write(_ text: String, to path: String) throws {
        unlink(path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            guard result > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            written += result
        }
        guard fchmod(descriptor, 0o755) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    /// Writes `text` to `url` with mode 0755, as the path form does.
    public static func write(_ text: String, to url: URL) throws {
        try write(text, to: url.path)
    }
}
