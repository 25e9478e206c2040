import Foundation
import GRDB

/// One value bound to, or read from, a ledger statement, whatever store runs it (SQLite or PostgreSQL).
///
/// Integers are 64-bit, reals are doubles; dates are read back as `.date` from PostgreSQL (`TIMESTAMPTZ`)
/// and as `.text` from SQLite (GRDB's `yyyy-MM-dd HH:mm:ss.SSS` UTC form), and ``SQLDecodable`` reads
/// both.
enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case date(Date)
}

/// A Swift value a statement can bind: `Int`, `Int64`, `Double`, `String`, `Bool`, `Date`.
protocol SQLBindable: Sendable {
    /// The value as bound.
    var sqlValue: SQLValue { get }
}

/// A Swift value a row column can be read as; `nil` when the stored value has another type.
protocol SQLDecodable {
    /// Reads `value`, or `nil` when it cannot be this type (a `NULL` reads as `nil` too, except through
    /// `Optional`).
    static func decode(sqlValue value: SQLValue) -> Self?
}

/// The arguments of one statement, positional (`?` placeholders), as an array literal:
/// `[round, formalizationID, nil]`.
typealias SQLArguments = [(any SQLBindable)?]

extension SQLArguments {
    var sqlValues: [SQLValue] { map { $0?.sqlValue ?? .null } }
}

extension Int: SQLBindable, SQLDecodable {
    var sqlValue: SQLValue { .integer(Int64(self)) }
    static func decode(sqlValue value: SQLValue) -> Int? {
        if case .integer(let v) = value { return Int(exactly: v) }
        if case .real(let v) = value { return Int(exactly: v) }
        return nil
    }
}

extension Int64: SQLBindable, SQLDecodable {
    var sqlValue: SQLValue { .integer(self) }
    static func decode(sqlValue value: SQLValue) -> Int64? {
        if case .integer(let v) = value { return v }
        if case .real(let v) = value { return Int64(exactly: v) }
        return nil
    }
}

extension Double: SQLBindable, SQLDecodable {
    var sqlValue: SQLValue { .real(self) }
    static func decode(sqlValue value: SQLValue) -> Double? {
        switch value {
        case .real(let v): v
        case .integer(let v): Double(v)
        default: nil
        }
    }
}

extension String: SQLBindable, SQLDecodable {
    var sqlValue: SQLValue { .text(self) }
    static func decode(sqlValue value: SQLValue) -> String? {
        if case .text(let v) = value { return v }
        return nil
    }
}

extension Bool: SQLBindable, SQLDecodable {
    var sqlValue: SQLValue { .integer(self ? 1 : 0) }
    static func decode(sqlValue value: SQLValue) -> Bool? {
        Int64.decode(sqlValue: value).map { $0 != 0 }
    }
}

extension Date: SQLBindable, SQLDecodable {
    var sqlValue: SQLValue { .date(self) }
    static func decode(sqlValue value: SQLValue) -> Date? {
        switch value {
        case .date(let v): v
        case .text(let v): SQLDateText.parse(v)
        case .real(let v): Date(timeIntervalSince1970: v)
        case .integer(let v): Date(timeIntervalSince1970: Double(v))
        case .null: nil
        }
    }
}

extension Optional: SQLDecodable where Wrapped: SQLDecodable {
    static func decode(sqlValue value: SQLValue) -> Wrapped?? {
        if case .null = value { return .some(nil) }
        return Wrapped.decode(sqlValue: value).map { .some($0) }
    }
}

/// Dates as SQLite ledgers have always stored them: GRDB's `yyyy-MM-dd HH:mm:ss.SSS`, UTC text, read and
/// written by GRDB itself so ledgers written before the store abstraction read back the same.
enum SQLDateText {
    static func parse(_ text: String) -> Date? {
        Date.fromDatabaseValue(text.databaseValue)
    }
}
