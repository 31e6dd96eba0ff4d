import Foundation
import StarModel
import StarRender

/// `错误清单-<committee>.xlsx` (`validate --errors DIR`): one committee's errors, one a row, for
/// the department to send back — file, sheet, cell, field, value, message, what to do, with
/// headers in the user's language. The house style of results.xlsx: the header bold, frozen and
/// filtered, every text written as a string (never a formula, whatever it begins with).
public enum ErrorListWorkbook {
    /// One error as the sheet shows it.
    public struct Row: Sendable, Equatable {
        public var file, sheet, cell, field, value, message, action: String
        public init(
            file: String, sheet: String, cell: String, field: String, value: String, message: String, action: String
        ) {
            self.file = file
            self.sheet = sheet
            self.cell = cell
            self.field = field
            self.value = value
            self.message = message
            self.action = action
        }
        var cells: [String] { [file, sheet, cell, field, value, message, action] }
    }

    /// - Parameters:
    ///   - headers: the seven column headers, in the user's language.
    ///   - created: the document date (the same input gives the same bytes).
    public static func write(
        _ rows: [Row], headers: [String], sheet: String, title: String, created: CivilDate, to path: String
    ) throws {
        let wb = try Workbook(path: path, created: created, title: title, constantMemory: false)
        let header = try wb.format(
            .init(bold: true, background: 0xDDEBF7, thinBorder: true, vertical: .center, wrap: true))
        let wrap = try wb.format(.init(vertical: .top, wrap: true))
        let ws = try wb.worksheet(sheet)
        for (i, h) in headers.enumerated() { ws.text(0, i, h, header) }
        ws.freeze(rows: 1, columns: 0)
        ws.autofilter(rows: 0...max(rows.count, 1), columns: 0...headers.count - 1)
        for (k, r) in rows.enumerated() {
            for (i, s) in r.cells.enumerated() { ws.text(k + 1, i, s, i >= 5 ? wrap : nil) }
        }
        // widths: the short columns fit their texts; message and what to do wrap at 50
        let sample = rows.prefix(2000)
        for i in 0..<5 {
            ws.width(i, Columns.width([headers[i]] + sample.map { $0.cells[i] }, min: 8, max: 40))
        }
        ws.width(5, 50)
        ws.width(6, 50)
        try wb.close()
    }
}
