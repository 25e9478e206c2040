import Conjecturer
import ProblemCorpus
import Testing

@Suite("SamplingPlan")
struct SamplingPlanTests {
    static let templates = ["formalize/a", "formalize/b", "formalize/c"]

    @Test("draws are reproducible and independent of the order they are made in")
    func reproducible() {
        let settings = AutoformalizationSettings(samplesPerProblem: 8, seed: 99)
        let plan = SamplingPlan(templateIDs: Self.templates, exemplarPool: ExemplarPool(corpus: Fixtures.corpus), settings: settings)
        let problem = Fixtures.corpus[3]
        let forward = (0..<8).map { plan.draw(for: problem, sample: $0) }
        let backward = (0..<8).reversed().map { plan.draw(for: problem, sample: $0) }.reversed()
        #expect(forward == Array(backward))
        let again = SamplingPlan(templateIDs: Self.templates.reversed(), exemplarPool: ExemplarPool(corpus: Fixtures.corpus), settings: settings)
        #expect(forward == (0..<8).map { again.draw(for: problem, sample: $0) })
        let otherSeed = SamplingPlan(templateIDs: Self.templates, exemplarPool: ExemplarPool(corpus: Fixtures.corpus), settings: .init(seed: 100))
        #expect(forward.map(\.seed) != (0..<8).map { otherSeed.draw(for: problem, sample: $0).seed })
        #expect(Set(forward.map(\.seed)).count == 8)
        #expect(forward.allSatisfy { $0.seed < (1 << 53) })
    }

    @Test("templates, temperatures and exemplar counts vary within their bounds")
    func variety() {
        let settings = AutoformalizationSettings(exemplarCount: 1...2, baseTemperature: 0.6, temperatureJitter: 0.2, seed: 5)
        let plan = SamplingPlan(templateIDs: Self.templates, exemplarPool: ExemplarPool(corpus: Fixtures.corpus), settings: settings)
        let draws = (0..<60).map { plan.draw(for: Fixtures.corpus[3], sample: $0) }
        #expect(Set(draws.map(\.templateID)) == Set(Self.templates))
        #expect(draws.allSatisfy { $0.temperature >= 0.4 - 1e-9 && $0.temperature <= 0.8 + 1e-9 })
        #expect(Set(draws.map(\.temperature)).count > 10)
        #expect(Set(draws.map(\.exemplars.count)) == [1, 2])
    }

    @Test("exemplars never include the problem itself (by id or by identical informal text)")
    func exemplarsExcludeTheProblem() {
        let copy = Problem(id: "alg_1_copy", informal: "Show that for every natural n,  n + 0 = n.", formalStatement: "theorem c (n : ℕ) : n + 0 = n := by")
        let pool = ExemplarPool(corpus: Fixtures.corpus + [copy])
        #expect(pool.problems.map(\.id) == ["alg_1", "alg_2", "nt_3", "alg_1_copy"], "informal-only problems are not exemplars")
        let settings = AutoformalizationSettings(exemplarCount: 3...3, seed: 1)
        let plan = SamplingPlan(templateIDs: Self.templates, exemplarPool: pool, settings: settings)
        var orders = Set<[String]>()
        for index in 0..<40 {
            let draw = plan.draw(for: Fixtures.corpus[0], sample: index)
            let ids = draw.exemplars.map(\.id)
            #expect(Set(ids) == ["alg_2", "nt_3"], "capped by the pool, never alg_1 or its copy: \(ids)")
            orders.insert(ids)
        }
        #expect(orders.count == 2, "the subset is shuffled")
    }
}
