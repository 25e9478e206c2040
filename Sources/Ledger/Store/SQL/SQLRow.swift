/// One result row of a ledger statement: values by column name (lowercase, as the schema spells them)
/// or by position.
///
/// Reading a column as a type it does not hold is a programming error (the schema fixes every column's
/// type) and traps, as GRDB's `Row` does; values that can be corrupt (JSON, enum raw values) are read as
/// `String` and checked by ``RowDecoding``.
struct SQLRow: Sendable {
    /// Column names, in select order.
    let columns: [String]
    /// Values, in select order.
    let values: [SQLValue]

    init(columns: [String], values: [SQLValue]) {
        precondition(columns.count == values.count, "a row needs one value per column")
        self.columns = columns
        self.values = values
    }

    /// The raw value of the column named `name`, or `nil` when the row has no such column.
    func value(named name: String) -> SQLValue? {
        guard let index = columns.firstIndex(of: name) else { return nil }
        return values[index]
    }

    /// The value of column `name` as `T`; traps when the column is missing or holds another type.
    subscript<T: SQLDecodable>(_ name: String) -> T {
        guard let value = value(named: name) else {
            preconditionFailure("no column \(name) in a row of \(columns)")
        }
        guard let decoded = T.decode(sqlValue: value) else {
            preconditionFailure("column \(name) holds \(value), not a \(T.self)")
        }
        return decoded
    }

    /// The value at `index` as `T`; traps when out of range or of another type.
    subscript<T: SQLDecodable>(_ index: Int) -> T {
        let value = values[index]
        guard let decoded = T.decode(sqlValue: value) else {
            preconditionFailure("column \(index) (\(columns[index])) holds \(value), not a \(T.self)")
        }
        return decoded
    }
}
