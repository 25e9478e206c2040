/// Splits a command line into words the way a POSIX shell does for quoting: whitespace separates words,
/// '…' keeps everything literally, "…" keeps everything but allows \" and \\, a backslash outside quotes
/// escapes the next character. No globbing, variables or operators.
enum CommandLineSplitter {
    static func split(_ text: String) throws(LeanREPLError) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            if let open = quote {
                if character == open {
                    quote = nil
                } else if open == "\"", character == "\\" {
                    guard let next = iterator.next() else { break }
                    if next != "\"" && next != "\\" { current.append("\\") }
                    current.append(next)
                } else {
                    current.append(character)
                }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == "\\" {
                if let next = iterator.next() { current.append(next) }
                inWord = true
            } else if character.isWhitespace {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if let quote {
            throw LeanREPLError(.invalidLaunch, "unbalanced \(quote) quote in the REPL command line \(text.debugDescription); close the quote")
        }
        if inWord { words.append(current) }
        return words
    }
}
