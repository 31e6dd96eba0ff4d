import CXLSXWriter
import Foundation
import StarModel
import StarRender

/// Why a workbook could not be written (libxlsxwriter's error text).
public struct WorkbookError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// A thin owner of a libxlsxwriter workbook: formats by name, cells by row and column, and the
/// one thing that makes the bytes repeatable — the document's creation date is always given
/// (libxlsxwriter dates the ZIP entries 1980-01-01 itself).
final class Workbook {
    let path: String
    let book: UnsafeMutablePointer<lxw_workbook>
    private var closed = false

    /// - Parameter created: the date written into docProps/core.xml (the notice date).
    init(path: String, created: CivilDate, title: String, constantMemory: Bool) throws {
        self.path = path
        var options = lxw_workbook_options(constant_memory: constantMemory ? 1 : 0, tmpdir: nil, use_zip64: 0)
        guard let b = workbook_new_opt(path, &options) else {
            throw WorkbookError(description: "cannot create \(path)")
        }
        book = b
        var comps = DateComponents()
        comps.year = created.year; comps.month = created.month; comps.day = created.day
        comps.timeZone = TimeZone(identifier: "UTC")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let seconds = calendar.date(from: comps).map { time_t($0.timeIntervalSince1970) } ?? 0
        title.withCString { t in
            "star-report".withCString { a in
                var props = lxw_doc_properties()
                props.title = UnsafeMutablePointer(mutating: t)
                props.author = UnsafeMutablePointer(mutating: a)
                props.created = max(1, seconds)
                _ = workbook_set_properties(b, &props)
            }
        }
    }

    deinit { if !closed { _ = workbook_close(book) } }

    func sheet(_ name: String) -> UnsafeMutablePointer<lxw_worksheet> {
        workbook_add_worksheet(book, name)
    }

    func format(_ configure: (UnsafeMutablePointer<lxw_format>) -> Void) -> UnsafeMutablePointer<lxw_format> {
        let f = workbook_add_format(book)!
        configure(f)
        return f
    }

    func close() throws {
        closed = true
        let rc = workbook_close(book)
        if rc != LXW_NO_ERROR {
            throw WorkbookError(description: "cannot write \(path): " + String(cString: lxw_strerror(rc)))
        }
    }
}

/// Cell helpers over a libxlsxwriter worksheet.
extension UnsafeMutablePointer where Pointee == lxw_worksheet {
    func text(_ row: Int, _ col: Int, _ s: String, _ f: UnsafeMutablePointer<lxw_format>? = nil) {
        if s.isEmpty {
            if let f { worksheet_write_blank(self, lxw_row_t(row), lxw_col_t(col), f) }
            return
        }
        worksheet_write_string(self, lxw_row_t(row), lxw_col_t(col), s, f)
    }
    func number(_ row: Int, _ col: Int, _ v: Double, _ f: UnsafeMutablePointer<lxw_format>? = nil) {
        worksheet_write_number(self, lxw_row_t(row), lxw_col_t(col), v, f)
    }
    func tenths(_ row: Int, _ col: Int, _ t: Tenths, _ f: UnsafeMutablePointer<lxw_format>?) {
        number(row, col, Double(t.raw) / 10, f)
    }
    func width(_ col: Int, _ w: Double, _ f: UnsafeMutablePointer<lxw_format>? = nil) {
        worksheet_set_column(self, lxw_col_t(col), lxw_col_t(col), w, f)
    }
}

enum Columns {
    /// A column width (Excel's character units) fitting `texts`, CJK counted as two.
    static func width(_ texts: [String], min: Double = 6, max: Double = 60) -> Double {
        let w = texts.map { Double(DisplayWidth.of($0)) }.max() ?? 0
        return Swift.min(max, Swift.max(min, w + 2))
    }
}
