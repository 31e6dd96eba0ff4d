import CXLSXDeflate
import CXLSXWriter
import Foundation
import StarModel
import StarPlatform
import StarRender

/// Why a workbook could not be written: libxlsxwriter's error text (or the system's), shown as
/// the reason in a catalogue message that names the file.
public struct WorkbookError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// The owner of a libxlsxwriter workbook, and the only code that calls libxlsxwriter: it makes
/// the worksheets (by name) and the formats, and the one thing that makes the bytes repeatable —
/// the document's creation date is always given (libxlsxwriter dates the ZIP entries 1980-01-01
/// itself).
///
/// Every libxlsxwriter call that can fail is checked: making a worksheet or a format throws at
/// once; a cell, column, row, filter or validation that libxlsxwriter refuses is remembered (the
/// first refusal wins) and thrown by `close`, after the file is written, so that no refusal goes
/// unreported.
final class Workbook {
    let path: String
    private let book: UnsafeMutablePointer<lxw_workbook>
    private var closed = false
    /// The first error a worksheet call returned.
    private var firstError: lxw_error?

    /// The zlib level each part of the workbook is deflated at (Sources/CXLSXDeflate says why it
    /// is not libxlsxwriter's default); the zip headers record it as "super fast".
    static let deflateLevel = Int(star_xlsx_deflate_level())

    /// - Parameter created: the date written into docProps/core.xml (the notice date).
    init(path: String, created: CivilDate, title: String, constantMemory: Bool) throws {
        self.path = path
        var options = lxw_workbook_options(constant_memory: constantMemory ? 1 : 0, tmpdir: nil, use_zip64: 0)
        guard let b = workbook_new_opt(path, &options) else {
            throw WorkbookError(description: PlatformFile.reason(errno))
        }
        book = b
        var comps = DateComponents()
        comps.year = created.year
        comps.month = created.month
        comps.day = created.day
        comps.timeZone = TimeZone(identifier: "UTC")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let seconds = calendar.date(from: comps).map { time_t($0.timeIntervalSince1970) } ?? 0
        let rc = title.withCString { t in
            "star-report".withCString { a in
                var props = lxw_doc_properties()
                props.title = UnsafeMutablePointer(mutating: t)
                props.author = UnsafeMutablePointer(mutating: a)
                props.created = max(1, seconds)
                return workbook_set_properties(b, &props)
            }
        }
        check(rc)
    }

    // A workbook given up on (an error thrown before `close`) is still closed, to free it; its
    // own error is the one reported, so the result of this close is not.
    deinit { if !closed { _ = workbook_close(book) } }

    /// A new worksheet named `name` (Excel's rules: at most 31 characters, none of `[]:*?/\`,
    /// unique in the workbook).
    func worksheet(_ name: String) throws -> Worksheet {
        precondition(!closed, "worksheet added to a closed workbook")
        guard let sheet = workbook_add_worksheet(book, name) else {
            // libxlsxwriter returns no reason with the nil; the name check gives it
            let rc = workbook_validate_sheet_name(book, name)
            throw failure(rc == LXW_NO_ERROR ? LXW_ERROR_MEMORY_MALLOC_FAILED : rc)
        }
        return Worksheet(sheet, in: self)
    }

    /// A new format looking as `style` says.
    func format(_ style: Format.Style) throws -> Format {
        precondition(!closed, "format added to a closed workbook")
        guard let f = workbook_add_format(book) else { throw failure(LXW_ERROR_MEMORY_MALLOC_FAILED) }
        if style.bold { format_set_bold(f) }
        if let color = style.background { format_set_bg_color(f, lxw_color_t(color)) }
        if style.thinBorder { format_set_border(f, UInt8(LXW_BORDER_THIN.rawValue)) }
        if let h = style.horizontal { format_set_align(f, UInt8(h.alignment.rawValue)) }
        if let v = style.vertical { format_set_align(f, UInt8(v.alignment.rawValue)) }
        if style.wrap { format_set_text_wrap(f) }
        if let n = style.numberFormat { format_set_num_format(f, n) }
        if style.unlocked { format_set_unlocked(f) }
        return Format(pointer: f)
    }

    /// Writes the file; throws the first error of any call on the workbook, or of writing it.
    func close() throws {
        precondition(!closed, "workbook closed twice")
        closed = true
        let rc = workbook_close(book)
        if let error = firstError ?? (rc == LXW_NO_ERROR ? nil : rc) { throw failure(error) }
    }

    /// Remembers `rc` if it is the first error.
    fileprivate func check(_ rc: lxw_error) {
        if rc != LXW_NO_ERROR && firstError == nil { firstError = rc }
    }

    fileprivate var isOpen: Bool { !closed }

    private func failure(_ rc: lxw_error) -> WorkbookError {
        WorkbookError(description: String(cString: lxw_strerror(rc)))
    }
}

/// A cell format of one workbook (made by `Workbook.format`; freed with the workbook).
struct Format {
    fileprivate let pointer: UnsafeMutablePointer<lxw_format>

    /// How cells of a format look; what is not set is Excel's default.
    struct Style {
        enum Horizontal {
            case center
            var alignment: lxw_format_alignments { LXW_ALIGN_CENTER }
        }
        enum Vertical {
            case center, top
            var alignment: lxw_format_alignments {
                switch self {
                case .center: LXW_ALIGN_VERTICAL_CENTER
                case .top: LXW_ALIGN_VERTICAL_TOP
                }
            }
        }
        var bold = false
        /// An RGB colour, as 0xDDEBF7.
        var background: UInt32?
        var thinBorder = false
        var horizontal: Horizontal?
        var vertical: Vertical?
        var wrap = false
        /// Excel's number format, as "0.0".
        var numberFormat: String?
        /// Editable when the sheet is protected.
        var unlocked = false
    }
}

/// A worksheet of a `Workbook`, by row and column (both from 0). A call libxlsxwriter refuses is
/// remembered by the workbook and thrown by its `close`. A worksheet is used only while its
/// workbook is open.
struct Worksheet {
    private let sheet: UnsafeMutablePointer<lxw_worksheet>
    private let book: Workbook

    fileprivate init(_ sheet: UnsafeMutablePointer<lxw_worksheet>, in book: Workbook) {
        self.sheet = sheet
        self.book = book
    }

    /// Checks that the workbook is open and remembers the error of `call`.
    @inline(__always)
    private func run(_ call: (UnsafeMutablePointer<lxw_worksheet>) -> lxw_error) {
        precondition(book.isOpen, "worksheet used after its workbook was closed")
        book.check(call(sheet))
    }

    /// Excel's limit on a cell's text, in Unicode scalars as libxlsxwriter counts them.
    static let maxCellCharacters = 32_767

    /// Text, always as a string cell (never a formula, whatever it begins with); an empty text
    /// writes nothing, or a blank cell when it has a format. A text over Excel's limit (a quota's
    /// list of a province's branches, a long objection) is cut there, ending in "…", instead of
    /// being refused.
    func text(_ row: Int, _ col: Int, _ s: String, _ f: Format? = nil) {
        if s.isEmpty {
            if let f { blank(row, col, f) }
            return
        }
        let limit = Self.maxCellCharacters
        let shown =
            s.utf8.count > limit && s.unicodeScalars.count > limit
            ? String(String.UnicodeScalarView(s.unicodeScalars.prefix(limit - 1))) + "…" : s
        run { worksheet_write_string($0, lxw_row_t(row), lxw_col_t(col), shown, f?.pointer) }
    }

    /// A cell with no value, only a format.
    func blank(_ row: Int, _ col: Int, _ f: Format) {
        run { worksheet_write_blank($0, lxw_row_t(row), lxw_col_t(col), f.pointer) }
    }

    func number(_ row: Int, _ col: Int, _ v: Double, _ f: Format? = nil) {
        run { worksheet_write_number($0, lxw_row_t(row), lxw_col_t(col), v, f?.pointer) }
    }

    /// A score, as its number (shown as `f` says).
    func tenths(_ row: Int, _ col: Int, _ t: Tenths, _ f: Format?) {
        number(row, col, Double(t.raw) / 10, f)
    }

    /// A column's width (Excel's character units) and its format.
    func width(_ col: Int, _ w: Double, _ f: Format? = nil) {
        run { worksheet_set_column($0, lxw_col_t(col), lxw_col_t(col), w, f?.pointer) }
    }

    /// A row's height (points).
    func height(_ row: Int, _ h: Double) {
        run { worksheet_set_row($0, lxw_row_t(row), h, nil) }
    }

    /// Keeps the first `rows` rows and `columns` columns in view.
    func freeze(rows: Int, columns: Int) {
        run {
            worksheet_freeze_panes($0, lxw_row_t(rows), lxw_col_t(columns))
            return LXW_NO_ERROR
        }
    }

    /// A filter over the rows `rows` (the first its header) of the columns `columns`.
    func autofilter(rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
        run {
            worksheet_autofilter(
                $0, lxw_row_t(rows.lowerBound), lxw_col_t(columns.lowerBound), lxw_row_t(rows.upperBound),
                lxw_col_t(columns.upperBound))
        }
    }

    /// Protects the sheet without a password (locked cells stay as given), leaving columns and
    /// rows resizable.
    func protect(formatColumns: Bool, formatRows: Bool) {
        run {
            var protection = lxw_protection()
            protection.format_columns = formatColumns ? 1 : 0
            protection.format_rows = formatRows ? 1 : 0
            worksheet_protect($0, nil, &protection)
            return LXW_NO_ERROR
        }
    }

    /// What a cell may hold, with the prompt shown on it and the message shown when a value breaks
    /// the rule (which stops the value); a blank cell is always allowed.
    struct Validation {
        enum Rule {
            /// Text of at most this many characters.
            case length(atMost: Double)
            /// A whole number in the range.
            case whole(ClosedRange<Int>)
            /// A formula (beginning with `=`) true for a good value.
            case formula(String)
            /// One of the texts.
            case list([String])
            /// A date in the range.
            case dates(from: CivilDate, to: CivilDate)
        }
        var rule: Rule
        var inputTitle, inputMessage, errorTitle, errorMessage: String
    }

    /// Validates the cells of column `col` in `rows`.
    func validate(_ validation: Validation, column col: Int, rows: ClosedRange<Int>) {
        var v = lxw_data_validation()
        v.ignore_blank = UInt8(LXW_VALIDATION_ON.rawValue)
        v.show_input = UInt8(LXW_VALIDATION_ON.rawValue)
        v.show_error = UInt8(LXW_VALIDATION_ON.rawValue)
        v.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_STOP.rawValue)
        var formula = ""
        var list: [String] = []
        switch validation.rule {
        case .length(let most):
            v.validate = UInt8(LXW_VALIDATION_TYPE_LENGTH.rawValue)
            v.criteria = UInt8(LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO.rawValue)
            v.value_number = most
        case .whole(let r):
            v.validate = UInt8(LXW_VALIDATION_TYPE_INTEGER.rawValue)
            v.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
            v.minimum_number = Double(r.lowerBound)
            v.maximum_number = Double(r.upperBound)
        case .formula(let f):
            v.validate = UInt8(LXW_VALIDATION_TYPE_CUSTOM_FORMULA.rawValue)
            formula = f
        case .list(let l):
            v.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
            list = l
        case .dates(let from, let to):
            v.validate = UInt8(LXW_VALIDATION_TYPE_DATE.rawValue)
            v.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
            v.minimum_datetime = lxw_datetime(
                year: Int32(from.year), month: Int32(from.month), day: Int32(from.day), hour: 0, min: 0, sec: 0)
            v.maximum_datetime = lxw_datetime(
                year: Int32(to.year), month: Int32(to.month), day: Int32(to.day), hour: 0, min: 0, sec: 0)
        }
        // C strings that live through the call (libxlsxwriter copies them)
        let texts = [
            validation.inputTitle, validation.inputMessage, validation.errorTitle, validation.errorMessage, formula,
        ]
        let cStrings = (texts + list).map { strdup($0)! }
        defer { cStrings.forEach { free($0) } }
        v.input_title = cStrings[0]
        v.input_message = cStrings[1]
        v.error_title = cStrings[2]
        v.error_message = cStrings[3]
        if !formula.isEmpty { v.value_formula = cStrings[4] }
        var listPointers: [UnsafeMutablePointer<CChar>?] = Array(cStrings[5...]) + [nil]
        listPointers.withUnsafeMutableBufferPointer { buf in
            if !list.isEmpty { v.value_list = buf.baseAddress }
            run {
                worksheet_data_validation_range(
                    $0, lxw_row_t(rows.lowerBound), lxw_col_t(col), lxw_row_t(rows.upperBound), lxw_col_t(col), &v)
            }
        }
    }
}

enum Columns {
    /// A column width (Excel's character units) fitting `texts`, CJK counted as two.
    static func width(_ texts: [String], min: Double = 6, max: Double = 60) -> Double {
        let w = texts.map { Double(DisplayWidth.of($0)) }.max() ?? 0
        return Swift.min(max, Swift.max(min, w + 2))
    }
}
