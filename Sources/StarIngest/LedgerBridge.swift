import StarModel

/// What the star ledger (StarLedger) needs from the ingest: results.csv read as a table, last
/// year's stars taken from the ledger instead of a results file, and the stars of an old year's
/// results (`ledger import`), all through the readers `--previous` uses.
public struct ResultsTable: Sendable {
    /// Header names, trimmed.
    public var header: [String]
    /// Data rows: fields and the line each row starts on.
    public var rows: [(fields: [String], line: Int)]

    /// A CSV file star-report wrote (results.csv, with its BOM), or the diagnostics that stop it.
    public static func read(bytes: [UInt8], path: String, diagnostics: inout [Diagnostic]) -> ResultsTable? {
        guard let table = CSVTable.read(bytes: bytes, path: path, diagnostics: &diagnostics) else { return nil }
        return ResultsTable(
            header: table.headerNames,
            rows: table.rows.filter { !($0.fields.count == 1 && $0.fields[0].trimmingSpaces.isEmpty) }.map {
                ($0.fields, $0.line)
            })
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
