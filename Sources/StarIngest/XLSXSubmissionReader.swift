import Foundation
import StarModel

/// Reads a committee's sheet saved as `.xlsx` into raw submissions exactly as a CSV sheet is
/// read (the same header names and labels, the same required columns, one `RawSubmission` per
/// row), so validation, the register and duplicate checks treat both formats alike. Each cell
/// becomes the text a person would have typed into the CSV:
/// - a number within 1e-9 of a one-decimal value becomes that value (`8.299999999999999` →
///   `8.3`, `9.0` → `9`, so integers in one-decimal columns are accepted); any other number
///   keeps its shortest form (`9.55`) and fails like `9.55` in a CSV;
/// - in the date columns a number is an Excel date serial (1900 system) → `YYYY-MM-DD`;
/// - a boolean becomes `true` / `false`; text stays text; an error value (`#N/A`) stays as shown.
/// Every field's location is its cell (`file.xlsx:Sheet1!F16`) with the header as the sheet names it.
enum XLSXSubmissionReader {
    static let dateColumns: Set<FieldKey> = [.electionDue, .electionHeld]

    /// The header and sheet shared by a run of rows (a fresh copy every 1,024 rows, as for CSV).
    final class SheetContext: Sendable {
        let path: String
        let sheet: String
        /// (cell column, key, header as written) for every known column.
        let columns: [(Int, FieldKey, String)]
        /// One shared reference per column, and one for the row itself.
        let cells: [CellReference]
        let rowCell: CellReference
        init(path: String, sheet: String, columns: [(Int, FieldKey, String)]) {
            self.path = String(decoding: Array(path.utf8), as: UTF8.self)
            self.sheet = sheet
            self.columns = columns
            cells = columns.map { CellReference(sheet: sheet, header: $0.2, field: $0.1.description) }
            rowCell = CellReference(sheet: sheet)
        }
    }

    /// One data row: the text of each known column (same order as `SheetContext.columns`), and
    /// the cells that could not be read (index into the columns, why).
    struct Row: Sendable {
        let number: Int
        let texts: [String]
        var problems: [(Int, Message)] = []
        let sheet: SheetContext

        func raw() -> RawSubmission {
            let path = sheet.path
            let rowAt = SourceLocation(file: path, line: number, column: 1, cell: sheet.rowCell)
            var raw = RawSubmission(format: .xlsx, location: rowAt)
            for (i, (column, key, _)) in sheet.columns.enumerated() {
                let text = texts[i]
                raw.setCell(
                    key, text, at: SourceLocation(file: path, line: number, column: column, cell: sheet.cells[i]))
            }
            for (i, message) in problems {
                let (column, key, _) = sheet.columns[i]
                raw.problems.append(
                    CellProblem(
                        key: key, message: message,
                        location: SourceLocation(file: path, line: number, column: column, cell: sheet.cells[i])))
            }
            return raw
        }
    }

    /// Reads the workbook's sheet of submissions row by row; returns the number of data rows.
    static func readRows(bytes: [UInt8], path: String, diagnostics: inout [Diagnostic], row emitRow: (Row) -> Void)
        -> Int
    {
        // ZIPFoundation reads a view of the file's bytes, not a copy (a province's workbook is
        // hundreds of MB); the view lives only while this call reads the workbook.
        bytes.withUnsafeBytes { raw in
            let view = raw.baseAddress.map {
                Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: $0), count: raw.count, deallocator: .none)
            }
            return readRows(bytes: bytes, view: view, path: path, diagnostics: &diagnostics, row: emitRow)
        }
    }

    /// Where the header is: the sheet (index), the row and its cells.
    struct HeaderPlace {
        var sheet: Int
        var row: Int
        var cells: [XLSXCellAt]
        var found: Int
    }

    /// The first worksheet (in tab order) with a header among its first 10 non-blank rows: a
    /// cover sheet, 填写说明 or title rows above the header are fine. Without one, the row that
    /// came closest (most column names recognised).
    static func findHeader(_ workbook: XLSXWorkbook) throws -> (found: HeaderPlace?, closest: HeaderPlace?) {
        var closest: HeaderPlace?
        for (i, sheet) in workbook.worksheets.enumerated() {
            var seen = 0
            var found: HeaderPlace?
            try workbook.rows(of: sheet.part) { number, cells in
                let texts = cells.map { text($0, key: .branchName) }.filter { !$0.isEmpty }
                guard !texts.isEmpty else { return true }
                seen += 1
                let known = texts.filter { CSVSubmissionReader.byName[$0] != nil }.count
                let place = HeaderPlace(sheet: i, row: number, cells: cells, found: known)
                if known >= SheetRows.headerMinimum {
                    found = place
                    return false
                }
                if known > (closest?.found ?? -1) { closest = place }
                return seen < 10
            }
            if let found { return (found, closest) }
        }
        return (nil, closest)
    }

    private static func readRows(
        bytes: [UInt8], view: Data?, path: String, diagnostics: inout [Diagnostic], row emitRow: (Row) -> Void
    ) -> Int {
        let workbook: XLSXWorkbook
        do { workbook = try XLSXWorkbook(bytes: bytes, data: view) } catch {
            diagnostics.append(diagnostic(error, path: path))
            return 0
        }
        var rows = 0
        do {
            let (found, closest) = try findHeader(workbook)
            guard let found else {
                if let closest {
                    let sheet = workbook.worksheets[closest.sheet].name
                    diagnostics.append(
                        .error(
                            .sheetNoHeader(
                                sheets: workbook.worksheets.map { "“\($0.name)”" }.joined(separator: "、"),
                                row: closest.row, sheet: sheet, found: closest.found),
                            at: SourceLocation(
                                file: path, line: closest.row, column: 1, cell: CellReference(sheet: sheet))))
                } else {
                    diagnostics.append(
                        .error(
                            .xlsxEmptySheet(sheet: workbook.sheetName),
                            at: SourceLocation(
                                file: path, line: 1, column: 1, cell: CellReference(sheet: workbook.sheetName))))
                }
                return 0
            }
            let sheet = workbook.worksheets[found.sheet]
            guard
                let columns = header(
                    found.cells, row: found.row, path: path, sheet: sheet.name, diagnostics: &diagnostics)
            else { return 0 }
            let merges = try workbook.mergedRanges(of: sheet.part).filter { $0.lastRow > found.row }
            var fill = MergeFill(merges)
            var context = SheetContext(path: path, sheet: sheet.name, columns: columns)
            let idIndex = columns.firstIndex { $0.1 == .branchID }
            // branch rows with formulas saved without their values (a workbook written by a
            // program, never opened in Excel): the file is one error, not one per cell
            var withoutValues: (cells: Int, rows: Int, first: (row: Int, index: Int), branch: String)?
            // the rows skipped as no branch, reported only if the file is read
            var skipped: [Diagnostic] = []
            let committeeIndex = columns.firstIndex { $0.1 == .committeeID }
            try workbook.rows(of: sheet.part) { number, rawCells in
                guard number > found.row else { return true }
                let cells = fill.apply(rawCells, row: number)
                // blank rows (also styled empty cells and trailing rows) are no branch
                let all = cells.map { text($0, key: .branchName) }.filter { !$0.isEmpty }
                let unreadable = cells.contains { if case .unreadable = $0.value { return true } else { return false } }
                guard !all.isEmpty || unreadable else { return true }
                var texts = Array(repeating: "", count: columns.count)
                var problems: [(Int, Message)] = []
                // cells are in column order: a cursor finds each known column's cell
                var k = 0
                for (i, (column, key, _)) in columns.enumerated() {
                    if k < cells.count && cells[k].column > column { k = 0 }
                    while k < cells.count && cells[k].column < column { k += 1 }
                    guard k < cells.count && cells[k].column == column else { continue }
                    if case .unreadable(let m) = cells[k].value {
                        problems.append((i, m))
                    } else {
                        texts[i] = text(cells[k], key: key)
                    }
                }
                // whether the row is a branch is judged on the cells as written: a note merged
                // across the row fills no id, and a 合计 row's formulas without values (what many
                // tools save) are no reason to read it as a branch
                let id =
                    idIndex.flatMap { i in rawCells.first { $0.column == columns[i].0 } }.map {
                        text($0, key: .branchID)
                    } ?? ""
                if let shown = SheetRows.notABranch(
                    id: id, texts: { rawCells.map { text($0, key: .branchName) }.filter { !$0.isEmpty } })
                {
                    skipped.append(
                        .warning(
                            .sheetNotABranch(row: number, text: shown),
                            at: SourceLocation(
                                file: path, line: number,
                                // the cell the row's first text is in (合计 under 支部名称, a note in A)
                                column: rawCells.first { !text($0, key: .branchName).isEmpty }?.column ?? 1,
                                cell: CellReference(sheet: sheet.name))))
                    return true
                }
                let formulas = problems.filter { $0.1.id == .sheetFormulaWithoutValue }
                if let f = formulas.first {
                    let seen = withoutValues ?? (0, 0, (number, f.0), idIndex.map { texts[$0] } ?? "")
                    withoutValues = (seen.cells + formulas.count, seen.rows + 1, seen.first, seen.branch)
                }
                guard withoutValues == nil else { return true }
                fill.note(committee: committeeIndex.map { texts[$0] } ?? "", row: number)
                if rows % 1024 == 0 { context = SheetContext(path: path, sheet: sheet.name, columns: columns) }
                rows += 1
                emitRow(Row(number: number, texts: texts, problems: problems, sheet: context))
                return true
            }
            if let w = withoutValues {
                let (column, _, header) = columns[w.first.index]
                diagnostics.append(
                    .error(
                        .sheetFormulasWithoutValues(
                            count: w.cells, rows: w.rows,
                            first: "\(sheet.name)!\(CellReference.columnName(column))\(w.first.row)"),
                        at: SourceLocation(
                            file: path, line: w.first.row, column: column, cell: context.cells[w.first.index]),
                        // its first branch's: `validate --errors` puts it in that committee's list
                        field: header, branch: w.branch.isEmpty ? nil : w.branch))
                // the rows read before are dropped with the rest: the register's branches the
                // file probably holds are listed under the error, as for an unreadable file
                return 0
            }
            diagnostics += skipped
            for (range, committees) in fill.acrossCommittees() {
                diagnostics.append(
                    .error(
                        .sheetMergeAcrossCommittees(range: range.ref, committees: committees.joined(separator: "、")),
                        at: SourceLocation(
                            file: path, line: range.firstRow, column: range.firstColumn,
                            cell: CellReference(sheet: sheet.name))))
            }
        } catch {
            diagnostics.append(diagnostic(error, path: path))
        }
        return rows
    }

    /// Merged ranges below the header: the top-left cell's value is every cell's value, as
    /// Excel shows it; a range across rows of different committees is noted.
    struct MergeFill {
        /// The ranges by their first row, then those under way with their value.
        private var starting: [Int: [MergedRange]] = [:]
        private var active: [(range: MergedRange, value: XLSXCellAt?)] = []
        /// For each range over several rows, the committee ids of its rows.
        private var committees: [Int: Set<String>] = [:]
        private var ranges: [MergedRange]

        init(_ ranges: [MergedRange]) {
            self.ranges = ranges
            for r in ranges where r.lastRow > r.firstRow || r.lastColumn > r.firstColumn {
                starting[r.firstRow, default: []].append(r)
            }
        }

        mutating func apply(_ cells: [XLSXCellAt], row: Int) -> [XLSXCellAt] {
            active.removeAll { $0.range.lastRow < row }
            if let new = starting.removeValue(forKey: row) {
                for r in new { active.append((r, cells.first { $0.column == r.firstColumn })) }
            }
            guard !active.isEmpty else { return cells }
            var byColumn: [Int: XLSXCellAt] = [:]
            for c in cells { byColumn[c.column] = c }
            for (r, value) in active {
                guard let value else { continue }
                for column in r.firstColumn...min(r.lastColumn, r.firstColumn + 1_000) where byColumn[column] == nil {
                    byColumn[column] = XLSXCellAt(column: column, value: value.value, percent: value.percent)
                }
            }
            return byColumn.values.sorted { $0.column < $1.column }
        }

        /// The committee id of a branch row, for the ranges over it.
        mutating func note(committee: String, row: Int) {
            for (i, (r, _)) in active.enumerated() where r.lastRow > r.firstRow {
                _ = i
                committees[r.firstRow * 20_000 + r.firstColumn, default: []].insert(committee)
            }
        }

        /// Ranges over rows of more than one committee, with the committees.
        func acrossCommittees() -> [(MergedRange, [String])] {
            ranges.compactMap { r in
                guard let c = committees[r.firstRow * 20_000 + r.firstColumn], c.count > 1 else { return nil }
                return (r, c.sorted())
            }.sorted { ($0.0.firstRow, $0.0.firstColumn) < ($1.0.firstRow, $1.0.firstColumn) }
        }
    }

    static func diagnostic(_ e: Error, path: String) -> Diagnostic {
        let r = e as? XLSXRefusal ?? XLSXRefusal.zip("\(e)")
        return .error(r.message, at: SourceLocation(file: path, line: 1))
    }

    /// The header row matched to field keys (English names or Chinese labels, any order), with
    /// the same checks as a CSV header; nil when a column is missing or repeated.
    static func header(
        _ cells: [XLSXCellAt], row: Int, path: String, sheet: String,
        diagnostics: inout [Diagnostic]
    ) -> [(Int, FieldKey, String)]? {
        let names = cells.map { ($0.column, text($0.value, key: .branchName).trimmingSpaces) }.filter { !$0.1.isEmpty }
        let match = CSVSubmissionReader.HeaderMatch(names)
        func at(_ column: Int) -> SourceLocation {
            SourceLocation(file: path, line: row, column: column, cell: CellReference(sheet: sheet))
        }
        for r in match.repeated {
            let key = CSVSubmissionReader.byName[r.name]!
            diagnostics.append(
                .error(
                    .xlsxRepeatedColumn(first: "\(CellReference.columnName(r.first))\(row)", key: key.description),
                    at: at(r.index), field: r.name))
        }
        for u in match.unknown {
            if let typo = u.typoOf {
                diagnostics.append(
                    .error(
                        .xlsxUnknownColumnSuggest(
                            found: Escaped.text(u.name),
                            suggestion: CSVSubmissionReader.HeaderMatch.shown(typo, for: u.name)),
                        at: at(u.index), field: Escaped.text(u.name)))
            } else {
                diagnostics.append(
                    .warning(
                        .xlsxUnknownColumn(name: Escaped.text(u.name)), at: at(u.index), field: Escaped.text(u.name)))
            }
        }
        if !match.missing.isEmpty {
            diagnostics.append(
                .error(
                    .xlsxMissingColumns(
                        columns: Localized(
                            zh: match.missing.map { "\($0.chineseLabel)（\($0)）" }.joined(separator: "、"),
                            en: match.missing.map { "\($0) (\($0.chineseLabel))" }.joined(separator: ", "))),
                    at: at(1)))
        }
        return match.ok ? match.columns.map { ($0.index, $0.key, $0.name) } : nil
    }

    /// The text a cell stands for in the column of `key`, as Excel shows it: a number under a
    /// percent format is the percent (0.9 shown as 90% is 90).
    static func text(_ cell: XLSXCellAt, key: FieldKey) -> String {
        if cell.percent, !dateColumns.contains(key), case .number(let s) = cell.value, let v = Double(s), v.isFinite {
            return oneDecimal(v * 100) ?? shortest(v * 100)
        }
        return text(cell.value, key: key)
    }

    /// The text a cell stands for in the column of `key` (see the type's comment).
    static func text(_ cell: XLSXCell, key: FieldKey) -> String {
        switch cell {
        case .string(let s): return s.trimmingSpaces
        case .bool(let b): return b ? "true" : "false"
        case .error(let e): return e
        case .isoDate(let s): return String(s.prefix(10))
        case .unreadable: return ""
        case .number(let s):
            guard let v = Double(s), v.isFinite else { return s }
            if dateColumns.contains(key) { return date(serial: v) ?? s }
            return oneDecimal(v) ?? shortest(v)
        }
    }

    /// The one-decimal text of `v` when it is within 1e-9 of one (`9` for a whole number).
    static func oneDecimal(_ v: Double) -> String? {
        guard abs(v) < 1e12 else { return nil }
        let tenths = (v * 10).rounded()
        guard abs(v - tenths / 10) <= 1e-9 else { return nil }
        let t = Int(tenths)
        if t % 10 == 0 { return String(t / 10) }
        return Tenths(t).description
    }

    /// The shortest text that reads back as `v` (`9.55`, `1e-05`).
    static func shortest(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
        return "\(v)"
    }

    /// An Excel date serial as `YYYY-MM-DD` (see `CivilDate(excelSerial:)`); serial 60, the
    /// 29 February 1900 that never was, is shown as Excel shows it and fails as a date.
    static func date(serial v: Double) -> String? {
        if Int(v.rounded(.down)) == 60 { return "1900-02-29" }
        return CivilDate(excelSerial: v)?.description
    }
}
