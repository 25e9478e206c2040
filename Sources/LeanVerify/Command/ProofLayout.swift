/// How the verifier lays out hostile proof text inside its own command: CRLF normalized to LF, then every
/// line indented by two spaces, so that no proof line can sit at column 0 after `by` (where Lean would
/// read it as a new command) and positions map back by a fixed offset.
enum ProofLayout {
    /// The indentation added in front of every proof line.
    static let indentation = 2

    /// The proof's lines after normalizing CRLF to LF, split on LF scalars only (a lone CR stays: Lean
    /// rejects it itself).
    static func lines(of proof: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var pendingCarriageReturn = false
        for scalar in proof.unicodeScalars {
            if pendingCarriageReturn {
                pendingCarriageReturn = false
                if scalar != "\n" { current.append("\r") }
            }
            switch scalar {
            case "\r": pendingCarriageReturn = true
            case "\n":
                lines.append(String(current))
                current = String.UnicodeScalarView()
            default: current.append(scalar)
            }
        }
        if pendingCarriageReturn { current.append("\r") }
        lines.append(String(current))
        return lines
    }

    /// The proof with every line indented, joined by LF, and each line's length in Unicode scalars.
    static func indented(_ proof: String) -> (text: String, lineLengths: [Int]) {
        let lines = lines(of: proof)
        let pad = String(repeating: " ", count: indentation)
        let text = lines.map { pad + $0 }.joined(separator: "\n")
        return (text, lines.map { $0.unicodeScalars.count })
    }
}
