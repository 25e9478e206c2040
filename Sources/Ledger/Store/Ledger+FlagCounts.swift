extension Ledger {
    /// How many formalizations carry each flag; flags no formalization carries are absent.
    ///
    /// - Throws: ``LedgerError/Code/database``, ``LedgerError/Code/corruptRow`` for a flag this build
    ///   does not know.
    public func flagCounts() throws(LedgerError) -> [FormalizationFlag: Int] {
        let grouped: [(String, Int)] = try read("flag counts") { db in
            try db.fetchAll("SELECT flags, COUNT(*) AS n FROM formalizations WHERE flags <> '[]' GROUP BY flags")
                .map { ($0["flags"], $0["n"]) }
        }
        var counts: [FormalizationFlag: Int] = [:]
        for (text, count) in grouped {
            for flag in try JSONColumn.decodeFlags(text, rowID: "flag counts") { counts[flag, default: 0] += count }
        }
        return counts
    }
}
