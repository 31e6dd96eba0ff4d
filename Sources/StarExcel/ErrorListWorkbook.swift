import CXLSXWriter
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
        public init(file: String, sheet: String, cell: String, field: String, value: String, message: String, action: String) {
            self.file = file; self.sheet = sheet; self.cell = cell; self.field = field; self.value = value
            self.message = message; self.action = action
        }
        var cells: [String] { [file, sheet, cell, field, value, message, action] }
    }

    /// Excel's limit on a cell's text; longer text (a value quoted from a hostile file) is cut.
    static let maxCellCharacters = 32_767

    /// - Parameters:
    ///   - headers: the seven column headers, in the user's language.
    ///   - created: the document date (the same input gives the same bytes).
    public static func write(_ rows: [Row], headers: [String], sheet: String, title: String, created: CivilDate, to path: String) throws {
        let wb = try Workbook(path: path, created: created, title: title, constantMemory: false)
        let header = wb.format { f in
            format_set_bold(f); format_set_bg_color(f, 0xDDEBF7); format_set_border(f, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue)); format_set_text_wrap(f)
        }
        let wrap = wb.format {
            format_set_text_wrap($0); format_set_align($0, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        }
        let ws = wb.sheet(sheet)
        for (i, h) in headers.enumerated() { ws.text(0, i, h, header) }
        worksheet_freeze_panes(ws, 1, 0)
        worksheet_autofilter(ws, 0, 0, lxw_row_t(max(rows.count, 1)), lxw_col_t(headers.count - 1))
        for (k, r) in rows.enumerated() {
            for (i, s) in r.cells.enumerated() {
                let text = s.count > maxCellCharacters ? String(s.prefix(maxCellCharacters - 1)) + "…" : s
                ws.text(k + 1, i, text, i >= 5 ? wrap : nil)
            }
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
