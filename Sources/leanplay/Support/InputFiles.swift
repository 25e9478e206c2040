import ArgumentParser
import Foundation

/// Reads the text inputs of a command: a file path, or `-` for standard input.
enum InputFiles {
    /// The UTF-8 text of `path` (or of standard input for `-`).
    /// - Throws: ``CLIError`` `.inputMissing` naming the flag and file when it cannot be read,
    ///   `.inputMalformed` when it is not valid UTF-8.
    static func text(_ path: String, flag: String) throws -> String {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw CLIError(.inputMissing, "\(flag) \(path): no such readable file; check the path")
            }
            data = contents
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw CLIError(.inputMalformed, "\(flag) \(path == "-" ? "<stdin>" : path): not valid UTF-8 text")
        }
        return text
    }
}
