/// Strict UTF-8 decoding that says where the first invalid byte is.
enum UTF8Validation {
    /// Decodes `bytes`, or throws `.invalidUTF8` with the line and column of the first bad sequence.
    static func decode(_ bytes: some Collection<UInt8>) throws(LeanSourceError) -> String {
        var scalars = String.UnicodeScalarView()
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1, column = 0, byteOffset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                scalars.append(scalar)
                byteOffset += UTF8.width(scalar)
                if scalar == "\n" {
                    line += 1
                    column = 0
                } else {
                    column += 1
                }
            case .emptyInput:
                return String(scalars)
            case .error:
                throw LeanSourceError(
                    code: .invalidUTF8,
                    message: "The text is not valid UTF-8 (first bad byte at offset \(byteOffset)); "
                        + "re-encode it as UTF-8 before checking it.",
                    line: line, column: column)
            }
        }
    }
}
