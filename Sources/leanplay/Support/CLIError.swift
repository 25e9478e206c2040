/// A failure the command line itself detects while running: a missing input file, an input that is not in
/// the expected format, an output that cannot be written (bad flags are `ValidationError`s, exit 64). Its
/// ``kind`` decides the exit status (see ``ExitStatus``); its message names the flag and path involved and
/// says what to do.
struct CLIError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, as one row of the exit-status table.
    enum Kind: Sendable {
        /// An input file does not exist or cannot be read.
        case inputMissing
        /// An input file exists but is not in the expected format.
        case inputMalformed
        /// An output file or folder cannot be created or written.
        case outputUnwritable
    }

    var kind: Kind
    var message: String

    init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    var description: String { message }
}
