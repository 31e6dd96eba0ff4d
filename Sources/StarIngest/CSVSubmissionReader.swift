import StarModel

/// Reads a committee's bulk sheet (one row per branch) into raw submissions.
/// Headers are matched by English column name or Chinese label; column order is free.
enum CSVSubmissionReader {
    /// Columns a sheet must have; the others default to empty / zero.
    static let required: Set<FieldKey> = {
        var s: Set<FieldKey> = [
            .year, .branchID, .branchName, .committeeID, .committeeName, .members,
            .massMemberParticipants, .massPublicParticipants, .satisfaction,
        ]
        for sheet in Sheet.allCases { for n in 1...10 { s.insert(.aspect(sheet, n)) } }
        return s
    }()

    static let byName: [String: FieldKey] = {
        var m: [String: FieldKey] = [:]
        for k in FieldKey.allColumns { m[k.description] = k; m[k.chineseLabel] = k }
        return m
    }()

    /// A row that matched the header's width, not yet a `RawSubmission`: the thread that checks
    /// it makes it one (`raw()`), so the thread reading the sheet only splits it into rows.
    struct Row: Sendable {
        let record: CSVRecord
        let sheet: SheetContext

        /// The row's fields by key, each with its text (spaces trimmed) and place.
        func raw() -> RawSubmission {
            let path = sheet.path
            let at = SourceLocation(file: path, line: record.line)
            var raw = RawSubmission(format: .csv, location: at)
            raw.columns = sheet.header.sheetColumns
            for (i, key) in sheet.header.columns {
                let text = record.fields[i].trimmingSpaces
                raw.setCell(key, text, at: record.fieldLines[i] == record.line ? at : SourceLocation(file: path, line: record.fieldLines[i]))
            }
            return raw
        }
    }

    /// The header and the file's path, shared by a run of rows. Every field's location holds the
    /// path; a new context (with a fresh copy of the path) every 1,024 rows keeps the threads
    /// that check different batches off one shared reference count (the atomic retains on a
    /// single copy were a third of reading a million rows).
    final class SheetContext: Sendable {
        let header: Header
        let path: String
        init(header: Header, path: String) {
            self.header = header
            self.path = String(decoding: Array(path.utf8), as: UTF8.self)
        }
    }

    /// Streams the sheet row by row (see `Row`), so the rows are never all held as text. Returns
    /// the number of rows read.
    static func readRows(
        bytes: [UInt8], path: String, diagnostics: inout [Diagnostic], progress: (Int) -> Void = { _ in },
        row emitRow: (Row) -> Void
    ) -> Int {
        guard let decoded = CSVTable.decode(bytes: bytes, path: path, diagnostics: &diagnostics) else { return 0 }
        var reader = CSVReader()
        var header: Header?
        var headerFailed = false
        var rows = 0
        var rowDiagnostics: [Diagnostic] = []
        var context: SheetContext?
        let handle: (CSVRecord) -> Void = { row in
            guard !headerFailed else { return }
            if let l = row.limit {
                rowDiagnostics.append(CSVTable.limitError(l, path: path))
                if header == nil { headerFailed = true }
                return
            }
            guard let h = header else {
                header = Header(row, path: path, diagnostics: &rowDiagnostics)
                if header == nil { headerFailed = true }
                return
            }
            guard row.fields.count == h.width else {
                rowDiagnostics.append(
                    .error(
                        .of(.csvFieldCount, ("expected", h.width), ("found", row.fields.count)),
                        at: SourceLocation(file: path, line: row.line)))
                return
            }
            // notes, totals, titles and a repeated header: one warning, not an error per cell
            // a row of empty cells (Excel saves the blank rows between the data and a note so)
            if row.fields.allSatisfy({ $0.trimmingSpaces.isEmpty }) { return }
            if let idColumn = h.idColumn,
                let shown = SheetRows.notABranch(
                    id: row.fields[idColumn].trimmingSpaces, texts: { row.fields.map(\.trimmingSpaces).filter { !$0.isEmpty } })
            {
                rowDiagnostics.append(
                    .warning(.of(.sheetNotABranch, ("row", row.line), ("text", shown)), at: SourceLocation(file: path, line: row.line)))
                return
            }
            if rows % 1024 == 0 || context == nil { context = SheetContext(header: h, path: path) }
            rows += 1
            emitRow(Row(record: row, sheet: context!))
        }
        // in 1 MiB pieces, so that the progress line can show how far a province's sheet is
        let piece = 1 << 20
        var start = 0
        while start < decoded.count {
            let end = min(decoded.count, start + piece)
            reader.feed(decoded[start..<end], emit: handle)
            progress(end - start)
            start = end
        }
        let quote = reader.finish(emit: handle)
        diagnostics += rowDiagnostics
        if let quote { diagnostics.append(CSVTable.quoteError(quote, path: path)) }
        if header == nil && !headerFailed {
            diagnostics.append(.error(Message(.csvNoHeader), at: SourceLocation(file: path, line: 1)))
        }
        return rows
    }

    /// The header row matched to field keys: English names or Chinese labels, any order.
    struct Header: Sendable {
        var columns: [(Int, FieldKey)] = []
        var width: Int
        /// The column of the branch id (0-based).
        var idColumn: Int? { columns.first { $0.1 == .branchID }?.0 }
        /// How the sheet names each field and where (for diagnostics).
        let sheetColumns: SheetColumns

        init?(_ row: CSVRecord, path: String, diagnostics: inout [Diagnostic]) {
            width = row.fields.count
            let at = SourceLocation(file: path, line: row.line)
            var seen: [FieldKey: Int] = [:]
            var named: [(key: FieldKey, name: String, column: Int)] = []
            var ok = true
            var unknown: [(Int, String)] = []
            for (i, raw) in row.fields.enumerated() {
                let name = raw.trimmingSpaces
                guard let key = byName[name] else {
                    unknown.append((i, name))
                    continue
                }
                if let first = seen[key] {
                    diagnostics.append(
                        .error(
                            .of(.csvRepeatedColumn, ("column", i + 1), ("first", first + 1)),
                            at: SourceLocation(file: path, line: row.line, column: i + 1), field: name))
                    ok = false
                    continue
                }
                seen[key] = i
                columns.append((i, key))
                named.append((key, name, i + 1))
            }
            var missing = CSVSubmissionReader.required.subtracting(seen.keys)
            // Root cause first: a misspelled header is one error that names the column it
            // should be, not an unknown column plus a missing one (plus every row's fallout).
            for (i, name) in unknown {
                let at = SourceLocation(file: path, line: row.line, column: i + 1)
                let letter = CellReference.columnName(i + 1)
                if !name.isEmpty, let suggestion = CSVSubmissionReader.closest(to: name, among: missing) {
                    let shown = name.unicodeScalars.contains { $0.value > 0x7F } ? suggestion.chineseLabel : suggestion.description
                    diagnostics.append(
                        .error(
                            .of(
                                .csvUnknownColumnSuggest, ("column", i + 1), ("letter", letter), ("found", Escaped.text(name)),
                                ("suggestion", shown)), at: at, field: Escaped.text(name)))
                    missing.remove(suggestion)
                    ok = false
                } else {
                    diagnostics.append(
                        .warning(
                            .of(.csvUnknownColumn, ("column", i + 1), ("letter", letter)), at: at,
                            field: name.isEmpty ? "column \(i + 1)" : Escaped.text(name)))
                }
            }
            if !missing.isEmpty {
                diagnostics.append(
                    .error(
                        .of(.csvMissingColumns, ("columns", missing.sorted().map { "\($0) (\($0.chineseLabel))" }.joined(separator: ", "))),
                        at: at))
                ok = false
            }
            sheetColumns = SheetColumns(named)
            if !ok { return nil }
        }
    }

    /// The required column whose English name or Chinese label is nearest to `name` by edit
    /// distance, if near enough to be a typo (at most 2 edits, and under a third of the name).
    static func closest(to name: String, among keys: Set<FieldKey>) -> FieldKey? {
        var best: (FieldKey, Int)?
        for key in keys.sorted() {
            for candidate in [key.description, key.chineseLabel] {
                let d = EditDistance.between(name.lowercased(), candidate.lowercased())
                let limit = min(2, max(1, candidate.count / 3))
                if d <= limit, d < (best?.1 ?? .max) { best = (key, d) }
            }
        }
        return best?.0
    }
}
