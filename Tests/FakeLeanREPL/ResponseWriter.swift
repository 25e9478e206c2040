import Foundation

/// Writes responses to stdout with unbuffered writes: the message, then a blank line.
enum ResponseWriter {
    static func send(_ text: String) {
        write(text + "\n\n")
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
