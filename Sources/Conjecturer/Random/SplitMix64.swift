/// A small, fast, seedable random number generator (SplitMix64, Steele–Lea–Flood 2014): the same seed
/// gives the same sequence on every platform and Swift version.
///
/// All of LeanPlay's sampling choices (templates, exemplars, temperatures, variant order) draw from it
/// through its own helpers (`unitDouble()`, `index(below:)`, `shuffle(_:)`) rather than the standard
/// library's `random(in:using:)`, whose algorithms are not promised to stay the same.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    /// The generator's state; the next output is derived from it.
    public private(set) var state: UInt64

    /// Creates a generator with `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// The SplitMix64 finalizer: a bijective scramble of 64 bits.
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform Double in `0..<1` (53 random bits).
    public mutating func unitDouble() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform integer in `0..<bound` (Lemire's unbiased multiply-and-reject); `bound` must be > 0.
    public mutating func index(below bound: Int) -> Int {
        precondition(bound > 0, "SplitMix64.index(below:) needs a positive bound")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// Shuffles `items` in place (Fisher–Yates, drawing with `index(below:)`).
    public mutating func shuffle<Element>(_ items: inout [Element]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, index(below: i + 1))
        }
    }

    /// `count` distinct elements of `items` in random order (a partial Fisher–Yates).
    public mutating func sample<Element>(_ items: [Element], count: Int) -> [Element] {
        var pool = items
        let take = min(max(count, 0), pool.count)
        for i in 0..<take {
            pool.swapAt(i, i + index(below: pool.count - i))
        }
        return Array(pool.prefix(take))
    }
}
