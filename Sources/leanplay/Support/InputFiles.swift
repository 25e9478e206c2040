import ArgumentParser
import Foundation
import LeanPlay

/// Reads the inputs of a command: a file path, or `-` for standard input.
///
/// Anything readable counts as a file: a regular file, `/dev/null`, a pipe such as bash's `<(…)`.
enum InputFiles {
    /// The UTF-8 text of `path` (or of standard input for `-`).
    /// - Throws: ``CLIError`` `.inputMissing` naming the flag and file when it cannot be read (or is a
    ///   folder), `.inputMalformed` when it is not valid UTF-8.
    static func text(_ path: String, flag: String) throws -> String {
        let data = try self.data(path, flag: flag)
        guard let text = String(validating: data, as: UTF8.self) else {
            throw CLIError(.inputMalformed, "\(flag) \(path == "-" ? "<stdin>" : path): not valid UTF-8 text")
        }
        return text
    }

    /// The bytes of `path` (or of standard input for `-`).
    /// - Throws: ``CLIError`` `.inputMissing` naming the flag and file when it cannot be read (or is a folder).
    static func data(_ path: String, flag: String) throws -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CLIError(.inputMissing, "\(flag) \(path): no such file; check the path")
        }
        if isDirectory.boolValue { throw CLIError(.inputMissing, "\(flag) \(path): is a folder; give a file") }
        // FileManager.contents(atPath:) answers nil for devices and pipes; a handle reads them all.
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            return try handle.readToEnd() ?? Data()
        } catch {
            throw CLIError(.inputMissing, "\(flag) \(path): cannot be read (\(error.fileSystemReason)); check its permissions")
        }
    }
}
