/// Derives independent seeds from a base seed and names, identically on every run and platform (unlike
/// `Hasher`, which is randomized per process).
///
/// Each (problem, sample) pair gets its own seed, so what sample 3 of problem "p7" draws does not depend
/// on how many problems ran before it, in which order, or how concurrently.
public enum StableSeed {
    /// A seed for `components` under `base`: FNV-1a over the UTF-8 of each component (length-prefixed so
    /// ("ab","c") ≠ ("a","bc")), then scrambled with the SplitMix64 finalizer.
    public static func derive(_ base: UInt64, _ components: String...) -> UInt64 {
        derive(base, components: components)
    }

    /// The array form of `derive(_:_:)`.
    public static func derive(_ base: UInt64, components: [String]) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ SplitMix64.mix(base)
        func absorb(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        for component in components {
            let bytes = Array(component.utf8)
            withUnsafeBytes(of: UInt32(truncatingIfNeeded: bytes.count).littleEndian) { for byte in $0 { absorb(byte) } }
            for byte in bytes { absorb(byte) }
        }
        return SplitMix64.mix(hash ^ base)
    }
}
