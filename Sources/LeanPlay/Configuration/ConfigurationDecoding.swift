/// The one way a `leanplay.toml` value is read, so every key accepts what a person writes and a wrong value
/// is reported as the key, the type expected and what was found.
///
/// Numbers are where hand-written TOML and Swift types disagree: `timeout_seconds = 60` is a TOML integer
/// and `temperature = 1` too, while the fields are `Double`; `workers = 2.0` is a TOML decimal for an `Int`
/// field. ``number(_:)`` and ``wholeNumber(_:)`` accept both spellings (a decimal must have no fractional
/// part to become a whole number). Every numeric key of every section goes through one of them, and so
/// should any key added later.
extension KeyedDecodingContainer {
    /// A number key (seconds, temperature, top_p): an integer or a decimal, not `nan`, and at least `minimum`
    /// (greater than it when `exclusive`) when one is given; nil when the key is absent.
    ///
    /// - Throws: `DecodingError.typeMismatch` naming the key, "a number" (with the range) and the value found.
    func number(_ key: Key, minimum: Double? = nil, exclusive: Bool = false) throws -> Double? {
        guard contains(key) else { return nil }
        let value: Double
        if let decimal = try? decode(Double.self, forKey: key) {
            value = decimal
        } else if let integer = try? decode(Int.self, forKey: key) {
            value = Double(integer)
        } else {
            throw mismatch(key, expected: "a number (an integer or a decimal, e.g. 60 or 0.7)")
        }
        if let minimum, exclusive ? !(value > minimum) : !(value >= minimum) {
            throw mismatch(key, expected: "a number \(exclusive ? "greater than" : "at least") \(Self.plain(minimum))")
        }
        guard !value.isNaN else { throw mismatch(key, expected: "a number, not nan") }
        return value  // `inf` is allowed: a time limit of `inf` means none (it is capped where used)
    }

    /// A whole-number key (counts, limits, seeds): an integer, or a decimal with no fractional part (`2.0`),
    /// at least `minimum` when one is given; nil when the key is absent.
    ///
    /// - Throws: `DecodingError.typeMismatch` naming the key, the range expected and the value found.
    func wholeNumber<Number: FixedWidthInteger>(
        _ key: Key, as type: Number.Type = Number.self, minimum: Number? = nil
    ) throws -> Number? {
        guard contains(key) else { return nil }
        let expected = minimum.map { "a whole number at least \($0)" } ?? "a whole number from \(Number.min) to \(Number.max)"
        let exact: Number?
        if let value = try? decode(Int.self, forKey: key) {
            exact = Number(exactly: value)
        } else if let value = try? decode(Double.self, forKey: key) {
            exact = Number(exactly: value)
        } else {
            exact = nil
        }
        guard let exact, exact >= minimum ?? Number.min else { throw mismatch(key, expected: expected) }
        return exact
    }

    /// `0` rather than `0.0` in messages.
    private static func plain(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// A text key; nil when the key is absent.
    ///
    /// - Throws: `DecodingError.typeMismatch` naming the key, "a string" and the value found.
    func text(_ key: Key) throws -> String? {
        guard contains(key) else { return nil }
        if let value = try? decode(String.self, forKey: key) { return value }
        throw mismatch(key, expected: "a string in quotes")
    }

    /// A `true`/`false` key; nil when the key is absent.
    ///
    /// - Throws: `DecodingError.typeMismatch` naming the key, "true or false" and the value found.
    func boolean(_ key: Key) throws -> Bool? {
        guard contains(key) else { return nil }
        if let value = try? decode(Bool.self, forKey: key) { return value }
        throw mismatch(key, expected: "true or false")
    }

    /// A list-of-strings key; nil when the key is absent.
    ///
    /// - Throws: `DecodingError.typeMismatch` naming the key, "a list of strings" and the value found.
    func texts(_ key: Key) throws -> [String]? {
        guard contains(key) else { return nil }
        if let value = try? decode([String].self, forKey: key) { return value }
        throw mismatch(key, expected: "a list of strings, e.g. [\"a\", \"b\"]")
    }

    /// The error for a value of the wrong type: its description reads "expected …, found …".
    func mismatch(_ key: Key, expected: String) -> DecodingError {
        .typeMismatch(
            Any.self,
            DecodingError.Context(codingPath: codingPath + [key], debugDescription: "expected \(expected), found \(found(key))"))
    }

    /// What the value at `key` is, in a person's words (`the string "60"`, `the integer 3`).
    private func found(_ key: Key) -> String {
        if let value = try? decode(String.self, forKey: key) { return "the string \"\(value)\"" }
        if let value = try? decode(Bool.self, forKey: key) { return "\(value)" }
        if let value = try? decode(Int.self, forKey: key) { return "the integer \(value)" }
        if let value = try? decode(Double.self, forKey: key) { return "the decimal \(value)" }
        if (try? nestedUnkeyedContainer(forKey: key)) != nil { return "a list" }
        return "a table or a date"
    }
}
