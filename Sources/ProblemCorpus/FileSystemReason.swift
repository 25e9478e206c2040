import Foundation

/// Shared by every module that reads or writes the user's files (corpora, outputs, evaluation folders).
extension Error {
    /// Why a file-system call failed, in the system's words ("Not a directory", "Permission denied"):
    /// Foundation on Linux describes many failures only as "(NSCocoaErrorDomain error 512.)", so the
    /// underlying POSIX error is preferred when there is one.
    package var fileSystemReason: String {
        let error = self as NSError
        // The underlying error is a Swift `POSIXError` (Linux) or an `NSError` (Darwin).
        if let underlying = (error.userInfo[NSUnderlyingErrorKey] as? any Error).map({ $0 as NSError }),
           underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))) }
        return error.localizedDescription
    }
}
