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

    /// One data row: the text of each known column (same order as `SheetContext.columns`).
    struct Row: Sendable {
        let number: Int
        let texts: [String]
        let sheet: SheetContext

        func raw() -> RawSubmission {
            let path = sheet.path
            let rowAt = SourceLocation(file: path, line: number, column: 1, cell: sheet.rowCell)
            var raw = RawSubmission(format: .xlsx, location: rowAt)
            for (i, (column, key, _)) in sheet.columns.enumerated() {
                let text = texts[i]
                raw.setCell(key, text, at: SourceLocation(file: path, line: number, column: column, cell: sheet.cells[i]))
            }
            return raw
        }
    }

    /// Reads the workbook's first sheet, row by row; returns the number of data rows.
    static func readRows(bytes: [UInt8], path: String, diagnostics: inout [Diagnostic], row emitRow: (Row) -> Void) -> Int {
        // ZIPFoundation reads a view of the file's bytes, not a copy (a province's workbook is
        // hundreds of MB); the view lives only while this call reads the workbook.
        bytes.withUnsafeBytes { raw in
            let view = raw.baseAddress.map { Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: $0), count: raw.count, deallocator: .none) }
            return readRows(bytes: bytes, view: view, path: path, diagnostics: &diagnostics, row: emitRow)
        }
    }

    private static func readRows(bytes: [UInt8], view: Data?, path: String, diagnostics: inout [Diagnostic], row emitRow: (Row) -> Void) -> Int {
        let workbook: XLSXWorkbook
        do { workbook = try XLSXWorkbook(bytes: bytes, data: view) } catch {
            diagnostics.append(diagnostic(error, path: path))
            return 0
        }
        let sheet = workbook.sheetName
        var context: SheetContext?
        var headerFailed = false
        var rows = 0
        do {
            try workbook.rows { number, cells throws in
                guard !headerFailed else { return }
                guard let ctx = context else {
                    guard !cells.isEmpty else { return }  // blank rows above the header
                    if let columns = header(cells, row: number, path: path, sheet: sheet, diagnostics: &diagnostics) {
                        context = SheetContext(path: path, sheet: sheet, columns: columns)
                    } else {
                        headerFailed = true
                    }
                    return
                }
                // blank rows (also styled empty cells and trailing rows) are no branch
                let hasValue = cells.contains {
                    if case .string(let s) = $0.1 { return !s.trimmingSpaces.isEmpty }; return true
                }
                guard hasValue else { return }
                var texts = Array(repeating: "", count: ctx.columns.count)
                // cells arrive in column order; a cursor finds each known column's cell
                var k = 0
                for (i, (column, key, _)) in ctx.columns.enumerated() {
                    if k < cells.count && cells[k].0 > column { k = 0 }
                    while k < cells.count && cells[k].0 < column { k += 1 }
                    if k < cells.count && cells[k].0 == column { texts[i] = text(cells[k].1, key: key) }
                }
                if rows % 1024 == 0 { context = SheetContext(path: path, sheet: sheet, columns: ctx.columns) }
                rows += 1
                emitRow(Row(number: number, texts: texts, sheet: context!))
            }
        } catch {
            diagnostics.append(diagnostic(error, path: path))
        }
        if context == nil && !headerFailed && diagnostics.isEmpty {
            diagnostics.append(.error(.of(.xlsxEmptySheet, ("sheet", sheet)), at: SourceLocation(file: path, line: 1, column: 1, cell: CellReference(sheet: sheet))))
        }
        return rows
    }

    static func diagnostic(_ e: Error, path: String) -> Diagnostic {
        let r = e as? XLSXRefusal ?? XLSXRefusal.zip("\(e)")
        return .error(r.message, at: SourceLocation(file: path, line: 1))
    }

    /// The header row matched to field keys (English names or Chinese labels, any order), with
    /// the same checks as a CSV header; nil when a column is missing or repeated.
    static func header(
        _ cells: [(Int, XLSXCell)], row: Int, path: String, sheet: String,
        diagnostics: inout [Diagnostic]
    ) -> [(Int, FieldKey, String)]? {
        var seen: [FieldKey: Int] = [:]
        var columns: [(Int, FieldKey, String)] = []
        var ok = true
        for (column, cell) in cells {
            let name = text(cell, key: .branchName).trimmingSpaces
            let at = SourceLocation(file: path, line: row, column: column, cell: CellReference(sheet: sheet))
            if name.isEmpty { continue }
            guard let key = CSVSubmissionReader.byName[name] else {
                diagnostics.append(.warning(.of(.xlsxUnknownColumn, ("name", Escaped.text(name))), at: at, field: Escaped.text(name)))
                continue
            }
            if let first = seen[key] {
                diagnostics.append(
                    .error(
                        .of(.xlsxRepeatedColumn, ("first", "\(CellReference.columnName(first))\(row)"), ("key", key.description)),
                        at: at, field: name))
                ok = false
                continue
            }
            seen[key] = column
            columns.append((column, key, name))
        }
        let missing = CSVSubmissionReader.required.subtracting(seen.keys).sorted()
        if !missing.isEmpty {
            diagnostics.append(
                .error(
                    .of(
                        .xlsxMissingColumns, ("columns", missing.map { "\($0.chineseLabel)（\($0)）" }.joined(separator: "、")),
                        ("columnsEn", missing.map { "\($0) (\($0.chineseLabel))" }.joined(separator: ", "))),
                    at: SourceLocation(file: path, line: row, column: 1, cell: CellReference(sheet: sheet))))
            ok = false
        }
        return ok ? columns : nil
    }

    /// The text a cell stands for in the column of `key` (see the type's comment).
    static func text(_ cell: XLSXCell, key: FieldKey) -> String {
        switch cell {
        case .string(let s): return s.trimmingSpaces
        case .bool(let b): return b ? "true" : "false"
        case .error(let e): return e
        case .isoDate(let s): return String(s.prefix(10))
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

    /// An Excel date serial of the 1900 system as `YYYY-MM-DD` (the time of day is dropped).
    /// Serial 60 is the 29 February 1900 that never was (Lotus's leap-year bug, kept by Excel).
    static func date(serial v: Double) -> String? {
        guard v >= 1, v < 2_958_466 else { return nil }
        var days = Int(v.rounded(.down))
        if days == 60 { return "1900-02-29" }
        if days < 60 { days += 1 }
        // days since 1899-12-30; 25569 of them lead to 1970-01-01, CivilDate's day 0
        return CivilDate(dayNumber: days - 25569).description
    }
}
