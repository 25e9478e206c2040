/// Runs async work over a list with at most `limit` items in flight, keeping results in input order.
enum BoundedConcurrency {
    static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], limit: Int,
        _ transform: @escaping @Sendable (Item) async throws(ConjecturerError) -> Result
    ) async throws(ConjecturerError) -> [Result] {
        precondition(limit >= 1, "BoundedConcurrency needs a limit of at least 1")
        do {
            return try await withThrowingTaskGroup(of: (Int, Result).self) { group in
                var results = [Result?](repeating: nil, count: items.count)
                var next = 0
                while next < min(limit, items.count) {
                    let index = next, item = items[index]
                    group.addTask { (index, try await transform(item)) }
                    next += 1
                }
                while let (index, result) = try await group.next() {
                    results[index] = result
                    if next < items.count {
                        let index = next, item = items[index]
                        group.addTask { (index, try await transform(item)) }
                        next += 1
                    }
                }
                return results.map { $0! }
            }
        } catch let error as ConjecturerError {
            throw error
        } catch {
            throw ConjecturerError(.cancelled, "the work was cancelled before it finished (\(error))")
        }
    }
}
