import Testing
@testable import Evaluation

/// Hand-computed values of both estimators.
struct PassAtKTests {
    @Test func unbiasedMatchesHandComputedValues() {
        // n=10, c=3, k=1: 1 − C(7,1)/C(10,1) = 1 − 7/10 = 0.3
        #expect(abs(PassAtK.unbiased(n: 10, c: 3, k: 1) - 0.3) < 1e-12)
        // n=10, c=3, k=5: 1 − C(7,5)/C(10,5) = 1 − 21/252 = 11/12
        #expect(abs(PassAtK.unbiased(n: 10, c: 3, k: 5) - 11.0 / 12.0) < 1e-12)
        // n=4, c=1, k=2: 1 − C(3,2)/C(4,2) = 1 − 3/6 = 0.5
        #expect(abs(PassAtK.unbiased(n: 4, c: 1, k: 2) - 0.5) < 1e-12)
        // n−c < k: every k-subset holds an accepted sample.
        #expect(PassAtK.unbiased(n: 4, c: 3, k: 2) == 1)
        #expect(PassAtK.unbiased(n: 4, c: 0, k: 4) == 0)
        #expect(PassAtK.unbiased(n: 4, c: 4, k: 1) == 1)
    }

    @Test func unbiasedStaysFiniteForLargeSampleCounts() {
        // C(1024, 512) overflows a Double; the product form does not. n=1024, c=1, k=512: 1 − 512/1024.
        let value = PassAtK.unbiased(n: 1_024, c: 1, k: 512)
        #expect(abs(value - 0.5) < 1e-12)
        let many = PassAtK.unbiased(n: 1_000, c: 10, k: 100)
        #expect(many.isFinite && many > 0.65 && many < 0.66)  // 1 − ∏_{i=991}^{1000}(1 − 100/i) ≈ 0.6535
    }

    @Test func unbiasedMeanAveragesProblems() {
        // (0.3 + 0.5) / 2
        #expect(abs(PassAtK.unbiasedMean([(n: 10, c: 3), (n: 4, c: 1)], k: 1) - (0.3 + 0.25) / 2) < 1e-12)
        #expect(PassAtK.unbiasedMean([], k: 1) == 0)
    }

    @Test func earlyExitCountsFirstSuccessesUpToK() {
        let firsts: [Int?] = [1, nil, 4, 2]
        #expect(PassAtK.earlyExit(firstSuccesses: firsts, k: 1) == 0.25)
        #expect(PassAtK.earlyExit(firstSuccesses: firsts, k: 2) == 0.5)
        #expect(PassAtK.earlyExit(firstSuccesses: firsts, k: 4) == 0.75)
        #expect(PassAtK.earlyExit(firstSuccesses: [], k: 1) == 0)
    }

    @Test func defaultKsArePowersOfTwoUpToN() {
        #expect(EvaluationConfiguration.defaultKs(samples: 8) == [1, 2, 4, 8])
        #expect(EvaluationConfiguration.defaultKs(samples: 6) == [1, 2, 4, 6])
        #expect(EvaluationConfiguration.defaultKs(samples: 1) == [1])
    }

    @Test func kAboveSamplesIsRejectedWithTheFix() {
        let configuration = EvaluationConfiguration(benchmark: "b", model: "m", strategy: .wholeProof, samples: 4, ks: [1, 8])
        #expect(throws: EvaluationError.self) { try configuration.validate() }
        do {
            try configuration.validate()
        } catch {
            #expect(error.message.contains("pass@8") && error.message.contains("--samples"))
        }
    }
}
