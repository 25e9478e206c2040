import Prover
import Testing

@Suite("Budget schedule and meter")
struct BudgetScheduleTests {
    @Test("level 0 is automation only; levels double from the base up to the cap")
    func ramp() {
        let schedule = ProverBudgetSchedule(
            automationOnly: ProverBudget(modelSamples: 0, leanChecks: 10, wallTime: .seconds(30)),
            base: ProverBudget(modelSamples: 4, leanChecks: 20, wallTime: .seconds(60), repairRounds: 2, searchExpansions: 3),
            maximumLevel: 3)
        #expect(schedule.budget(forLevel: 0).isAutomationOnly)
        #expect(schedule.budget(forLevel: 0).leanChecks == 10)
        #expect(schedule.budget(forLevel: -4) == schedule.budget(forLevel: 0))
        #expect(schedule.budget(forLevel: 1) == schedule.base)
        #expect(schedule.budget(forLevel: 2).modelSamples == 8)
        #expect(schedule.budget(forLevel: 2).leanChecks == 40)
        #expect(schedule.budget(forLevel: 2).wallTime == .seconds(120))
        #expect(schedule.budget(forLevel: 3).modelSamples == 16)
        #expect(schedule.budget(forLevel: 3).searchExpansions == 12)
        #expect(schedule.budget(forLevel: 3).repairRounds == 2, "repair rounds per chain do not double")
        #expect(schedule.budget(forLevel: 9) == schedule.budget(forLevel: 3), "levels above the cap get the cap's budget")
    }

    @Test("scaling saturates instead of overflowing")
    func saturation() {
        let huge = ProverBudget(modelSamples: Int.max / 2, leanChecks: 1, wallTime: .seconds(1))
        #expect(huge.scaled(by: 4).modelSamples == Int.max)
        #expect(huge.scaled(by: 4).leanChecks == 4)
    }

    @Test("the meter grants samples and checks up to the budget")
    func meterCounts() {
        let clock = ManualClock()
        let meter = BudgetMeter(budget: ProverBudget(modelSamples: 5, leanChecks: 2, wallTime: .seconds(10), searchExpansions: 1), clock: clock)
        #expect(meter.reserveSamples(4) == 4)
        #expect(meter.reserveSamples(4) == 1, "only the remainder is granted")
        #expect(meter.reserveSamples(1) == 0)
        #expect(meter.reserveCheck())
        #expect(meter.canCheck)
        #expect(meter.reserveCheck())
        #expect(!meter.reserveCheck())
        #expect(meter.reserveExpansion())
        #expect(!meter.reserveExpansion())
        #expect(meter.spent.modelSamples == 5 && meter.spent.leanChecks == 2)
    }

    @Test("the meter stops granting when the wall time is used up")
    func meterTime() {
        let clock = ManualClock()
        let meter = BudgetMeter(budget: ProverBudget(modelSamples: 5, leanChecks: 5, wallTime: .seconds(10)), clock: clock)
        clock.advance(by: .seconds(9))
        #expect(meter.reserveCheck())
        clock.advance(by: .seconds(1))
        #expect(meter.isOutOfTime)
        #expect(!meter.reserveCheck())
        #expect(meter.reserveSamples(1) == 0)
        #expect(meter.elapsed == .seconds(10))
    }
}

@Suite("Released checks: a proved statement gives its unspent checks to the round")
struct ReleasedChecksTests {
    @Test func meterDrawsReleasedChecksOnlyAfterItsOwn() {
        let clock = ManualClock()
        let released = ReleasedChecks()
        let meter = BudgetMeter(budget: ProverBudget(modelSamples: 0, leanChecks: 1, wallTime: .seconds(10)), clock: clock, released: released)
        #expect(meter.reserveCheck())
        #expect(!meter.reserveCheck() && !meter.canCheck, "own budget used up, nothing released yet")
        released.release(2)
        #expect(meter.canCheck)
        #expect(meter.reserveCheck() && meter.reserveCheck())
        #expect(!meter.reserveCheck())
        #expect(meter.spent.leanChecks == 3 && meter.spent.borrowedChecks == 2)
        #expect(meter.unspentChecks == 0)
    }

    @Test func provedStatementReleasesWhatItDidNotSpend() {
        let clock = ManualClock()
        let meter = BudgetMeter(budget: ProverBudget(modelSamples: 0, leanChecks: 16, wallTime: .seconds(10)), clock: clock)
        #expect(meter.reserveCheck() && meter.reserveCheck())
        #expect(meter.unspentChecks == 14)
        let released = ReleasedChecks()
        released.release(meter.unspentChecks)
        released.release(-3)
        #expect(released.available == 14 && released.totalReleased == 14)
    }
}
