import Foundation
import PostgresNIO

/// ``SQLValue`` to and from PostgreSQL's wire values.
enum PostgresValues {
    /// Binds `values` in order (`$1, $2, …`): `NULL` untyped (the server infers it from the statement),
    /// integers as `int8`, reals as `float8`, text as `text`, dates as `timestamptz`.
    static func bindings(_ values: [SQLValue]) -> PostgresBindings {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .null: bindings.appendNull()
            case .integer(let v): bindings.append(v)
            case .real(let v): bindings.append(v)
            case .text(let v): bindings.append(v)
            case .date(let v): bindings.append(v)
            }
        }
        return bindings
    }

    /// One result row with lowercase column names.
    ///
    /// - Throws: ``PostgresValueError`` for a column of a type the ledger never stores (bytea, arrays…).
    static func row(_ row: PostgresRow) throws -> SQLRow {
        var columns: [String] = []
        var values: [SQLValue] = []
        columns.reserveCapacity(row.count)
        values.reserveCapacity(row.count)
        for cell in row {
            columns.append(cell.columnName.lowercased())
            values.append(try value(cell))
        }
        return SQLRow(columns: columns, values: values)
    }

    /// A cell by its data type: `int2/int4/int8` → `.integer`, `float4/float8/numeric` → `.real`,
    /// `text/varchar/bpchar/name/json/jsonb` → `.text`, `timestamptz/timestamp` → `.date`, `bool` →
    /// `.integer` (0 or 1), `void` → `.null`.
    static func value(_ cell: PostgresCell) throws -> SQLValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8:
            return .integer(try cell.decode(Int64.self))
        case .float4, .float8:
            return .real(try cell.decode(Double.self))
        case .numeric:
            // SUM over bigint and AVG are numeric in PostgreSQL; the ledger reads them as numbers.
            return .real(NSDecimalNumber(decimal: try cell.decode(Decimal.self)).doubleValue)
        case .text, .varchar, .bpchar, .name, .json, .jsonb:
            return .text(try cell.decode(String.self))
        case .timestamptz, .timestamp:
            return .date(try cell.decode(Date.self))
        case .bool:
            return .integer(try cell.decode(Bool.self) ? 1 : 0)
        case .void:
            return .null
        default:
            throw PostgresValueError(column: cell.columnName, dataType: cell.dataType.description)
        }
    }
}

/// A result column of a type the ledger does not read.
struct PostgresValueError: Error, CustomStringConvertible {
    let column: String
    let dataType: String

    var description: String {
        "column \(column) has PostgreSQL type \(dataType), which the ledger does not read (cast it to text, bigint, "
            + "double precision or timestamptz in the query)"
    }
}
