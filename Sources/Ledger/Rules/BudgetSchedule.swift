/// The budget per level: `base · 2^level`, never more than `cap`.
///
/// The unit is the caller's (samples, seconds, search expansions). A failed prove attempt at level `L`
/// moves an open formalization to level `L + 1`, up to ``maximumLevel``, the first level whose budget
/// reaches the cap.
public struct BudgetSchedule: Sendable, Hashable, Codable {
    /// The budget at level 0 (at least 1).
    public var base: Int
    /// The largest budget any level gets (at least `base`).
    public var cap: Int

    /// Creates a schedule; `base` is raised to 1 and `cap` to `base` if smaller.
    public init(base: Int = 1, cap: Int = 64) {
        self.base = max(1, base)
        self.cap = max(self.base, cap)
    }

    /// The budget at `level`: `min(base · 2^level, cap)`; negative levels count as 0.
    ///
    /// ```swift
    /// BudgetSchedule(base: 4, cap: 100).budget(for: 3) // 32
    /// BudgetSchedule(base: 4, cap: 100).budget(for: 5) // 100
    /// ```
    public func budget(for level: Int) -> Int {
        var budget = base
        var remaining = max(0, level)
        while remaining > 0, budget < cap {
            let (doubled, overflow) = budget.multipliedReportingOverflow(by: 2)
            budget = overflow ? cap : doubled
            remaining -= 1
        }
        return min(budget, cap)
    }

    /// The first level whose budget equals the cap; budget levels never go above it.
    public var maximumLevel: Int {
        var level = 0
        while budget(for: level) < cap {
            level += 1
        }
        return level
    }
}
