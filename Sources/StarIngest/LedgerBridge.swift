import StarModel

/// What the star ledger (StarLedger) needs from the ingest: results.csv read as a table, last
/// year's stars taken from the ledger instead of a results file, and the stars of an old year's
/// results (`ledger import`), all through the readers `--previous` uses.
public enum ResultsTable {
    /// A CSV file star-report wrote (results.csv, with its BOM), read row by row so that a
    /// million-branch file is never held as a table: `header` gets the header's names, trimmed
    /// (returning false skips the rows), `row` each data row's fields and the line it starts on.
    /// Returns false after adding the diagnostic that stops the whole file (its encoding, an
    /// unbalanced quote, a field over the limits, no header): what `header` and `row` found is
    /// then about a file that was not read, and the caller drops it.
    public static func read(
        bytes: [UInt8], path: String, diagnostics: inout [Diagnostic], header: ([String]) -> Bool,
        row: ([String], Int) -> Void
    ) -> Bool {
        var names: [String]?
        var rowsWanted = true
        return CSVTable.forEachRecord(bytes: bytes, path: path, diagnostics: &diagnostics) { record in
            guard names != nil else {
                let trimmed = record.fields.map { $0.trimmingSpaces }
                names = trimmed
                rowsWanted = header(trimmed)
                return
            }
            // a blank line (at the end) is no row
            guard rowsWanted, !(record.fields.count == 1 && record.fields[0].trimmingSpaces.isEmpty) else { return }
            row(record.fields, record.line)
        }
    }
}

extension PreviousResults {
    /// Last year's stars as the ledger holds them (`run --ledger`): `path` is the ledger file,
    /// listed among the inputs with its size and SHA-256.
    public init(ledger path: String, year: Int, stars: [String: Int], bytes: Int, sha256: String) {
        self.init(
            path: path, stars: stars, year: year, usable: true,
            account: FileAccount(path: path, kind: .previous, records: stars.count, bytes: bytes, sha256: sha256))
    }

    /// The stars of an old year's results.csv or results.xlsx (`ledger import`), read and
    /// checked as `--previous` reads them: the year they say they hold must be `year`.
    public static func forImport(_ path: String, year: Int, diagnostics: inout [Diagnostic]) throws(Failure) -> [String:
        Int]
    {
        try read(path, year: year + 1, diagnostics: &diagnostics).stars
    }
}

extension YearInputs {
    /// Takes last year's stars from elsewhere than `--previous` (the ledger): they feed 晋星/减星,
    /// the check across years and the inputs' list exactly as a results file would.
    public mutating func usePrevious(_ previous: PreviousResults) {
        self.previous = previous.stars
        previousResults = previous
        files.append(previous.account)
    }
}
