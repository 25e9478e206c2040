import Conjecturer
import Testing

@Suite("Seeded randomness")
struct RandomTests {
    @Test("SplitMix64 matches the reference sequence and is reproducible")
    func referenceSequence() {
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
        var a = SplitMix64(seed: 42), b = SplitMix64(seed: 42), c = SplitMix64(seed: 43)
        let sequenceA = (0..<16).map { _ in a.next() }
        #expect(sequenceA == (0..<16).map { _ in b.next() })
        #expect(sequenceA != (0..<16).map { _ in c.next() })
    }

    @Test("index(below:), unitDouble, shuffle and sample stay in range and are permutations")
    func helpers() {
        var generator = SplitMix64(seed: 7)
        var counts = [Int](repeating: 0, count: 5)
        for _ in 0..<5000 {
            let index = generator.index(below: 5)
            counts[index] += 1
            let unit = generator.unitDouble()
            #expect(unit >= 0 && unit < 1)
        }
        #expect(counts.allSatisfy { $0 > 800 }, "roughly uniform: \(counts)")
        var items = Array(0..<50)
        generator.shuffle(&items)
        #expect(items != Array(0..<50))
        #expect(items.sorted() == Array(0..<50))
        let picked = generator.sample(Array(0..<50), count: 10)
        #expect(picked.count == 10 && Set(picked).count == 10)
        #expect(generator.sample([1, 2], count: 5).sorted() == [1, 2])
    }

    @Test("StableSeed is deterministic and separates components")
    func stableSeed() {
        #expect(StableSeed.derive(1, "p7", "3") == StableSeed.derive(1, "p7", "3"))
        #expect(StableSeed.derive(1, "p7", "3") != StableSeed.derive(2, "p7", "3"))
        #expect(StableSeed.derive(1, "ab", "c") != StableSeed.derive(1, "a", "bc"))
        #expect(StableSeed.derive(1, "p7", "3") != StableSeed.derive(1, "p7", "4"))
    }
}
