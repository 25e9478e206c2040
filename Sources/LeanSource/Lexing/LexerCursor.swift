/// A position in an array of Unicode scalars that knows its line and column.
struct LexerCursor {
    let scalars: [Unicode.Scalar]
    private(set) var index = 0
    private(set) var line = 1
    private(set) var column = 0

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    var isAtEnd: Bool { index >= scalars.count }

    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let position = index + offset
        return position < scalars.count ? scalars[position] : nil
    }

    func matches(_ literal: [Unicode.Scalar], at offset: Int = 0) -> Bool {
        let start = index + offset
        guard start + literal.count <= scalars.count else { return false }
        for (position, scalar) in literal.enumerated() where scalars[start + position] != scalar {
            return false
        }
        return true
    }

    /// Whether the next scalars are `first` then `second`.
    func matches(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Bool {
        peek() == first && peek(1) == second
    }

    mutating func advance(_ count: Int = 1) {
        for _ in 0..<count where index < scalars.count {
            if scalars[index] == "\n" {
                line += 1
                column = 0
            } else {
                column += 1
            }
            index += 1
        }
    }

    mutating func advance(while predicate: (Unicode.Scalar) -> Bool) {
        while let scalar = peek(), predicate(scalar) { advance() }
    }

    func text(_ range: Range<Int>) -> String {
        if range.count == 1 { return String(Character(scalars[range.lowerBound])) }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }
}
