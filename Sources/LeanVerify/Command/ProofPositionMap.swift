/// Maps positions Lean reports in the verifier's command back into the caller's proof text.
///
/// The command is the rendered statement (lines `1 ..< proofStartLine`) followed by the proof with every
/// line indented by ``indentation`` spaces. Lean's lines are 1-based and its columns 0-based Unicode
/// scalars; the mapped position uses the same convention, relative to the proof text.
///
/// ```swift
/// let map = ProofPositionMap(proofStartLine: 2, proofLineLengths: [6, 9])
/// map.map(line: 3, column: 4)   // (.proof, line: 2, column: 2)
/// map.map(line: 1, column: 23)  // (.statement, line: 1, column: 23)
/// ```
public struct ProofPositionMap: Sendable, Hashable, Codable {
    /// The command line on which the proof's first line sits (1-based).
    public var proofStartLine: Int
    /// The length, in Unicode scalars, of each proof line (without the added indentation).
    public var proofLineLengths: [Int]
    /// How many spaces were added in front of every proof line.
    public var indentation: Int
    /// The command line on which the rendered statement starts (1-based); lines before it are the
    /// verifier's own prefix (`set_option maxHeartbeats H in`). Statement positions are reported
    /// relative to the statement.
    public var statementStartLine: Int

    /// Creates a map.
    public init(proofStartLine: Int, proofLineLengths: [Int], indentation: Int = 2, statementStartLine: Int = 1) {
        precondition(proofStartLine >= 1, "Lean lines are 1-based")
        precondition(statementStartLine >= 1 && statementStartLine <= proofStartLine, "the statement starts before the proof")
        self.statementStartLine = statementStartLine
        self.proofStartLine = proofStartLine
        self.proofLineLengths = proofLineLengths
        self.indentation = indentation
    }

    /// The mapped position of a command position: inside the proof (proof-relative line and column), or
    /// in the statement (unchanged). Positions past the end of the command clamp to the proof's end, and
    /// columns that point into the added indentation clamp to 0.
    public func map(line: Int, column: Int) -> (location: VerdictError.Location, line: Int, column: Int) {
        guard line >= proofStartLine, !proofLineLengths.isEmpty else {
            if line < statementStartLine { return (.unknown, line, column) }
            return (.statement, line - statementStartLine + 1, column)
        }
        let proofLine = line - proofStartLine + 1
        if proofLine > proofLineLengths.count {
            return (.proof, proofLineLengths.count, proofLineLengths[proofLineLengths.count - 1])
        }
        let length = proofLineLengths[proofLine - 1]
        return (.proof, proofLine, min(max(column - indentation, 0), length))
    }

    /// Maps one Lean message position pair into a ``VerdictError``.
    func error(severity: String, message: String, line: Int?, column: Int?, endLine: Int?, endColumn: Int?) -> VerdictError {
        guard let line, let column else {
            return VerdictError(severity: severity, message: message, location: .unknown)
        }
        let start = map(line: line, column: column)
        var error = VerdictError(
            severity: severity, message: message, location: start.location, line: start.line, column: start.column)
        if let endLine, let endColumn {
            let end = map(line: endLine, column: endColumn)
            if end.location == start.location {
                error.endLine = end.line
                error.endColumn = end.column
            }
        }
        return error
    }
}
