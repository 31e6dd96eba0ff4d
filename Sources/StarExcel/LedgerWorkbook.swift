import Foundation
import StarModel

/// The star ledger's workbook (星级管理台账): sheets of plain rows given by StarLedger, written
/// with the same libxlsxwriter helpers as results.xlsx. Text is always written as a string cell,
/// so a name starting with `=` never becomes a formula.
public struct LedgerWorkbook: Sendable {
    public enum Cell: Sendable, Equatable {
        case text(String)
        case int(Int)
        /// A score in tenths, shown with one decimal.
        case tenths(Int)
        case empty
    }

    public struct Sheet: Sendable {
        public var name: String
        public var header: [String]
        public var rows: [[Cell]]
        public init(name: String, header: [String], rows: [[Cell]]) {
            self.name = name
            self.header = header
            self.rows = rows
        }
    }

    public var title: String
    /// The date written into the document's properties (so the bytes repeat).
    public var created: CivilDate
    public var sheets: [Sheet]

    public init(title: String, created: CivilDate, sheets: [Sheet]) {
        self.title = title
        self.created = created
        self.sheets = sheets
    }

    public func write(to path: String) throws {
        let book = try Workbook(path: path, created: created, title: title, constantMemory: false)
        let bold = try book.format(.init(bold: true))
        let score = try book.format(.init(numberFormat: "0.0"))
        for sheet in sheets {
            let ws = try book.worksheet(sheet.name)
            for (c, h) in sheet.header.enumerated() { ws.text(0, c, h, bold) }
            for (r, row) in sheet.rows.enumerated() {
                for (c, cell) in row.enumerated() {
                    switch cell {
                    case .text(let s): ws.text(r + 1, c, s)
                    case .int(let i): ws.number(r + 1, c, Double(i))
                    case .tenths(let t): ws.tenths(r + 1, c, Tenths(t), score)
                    case .empty: break
                    }
                }
            }
            for c in sheet.header.indices {
                let texts =
                    [sheet.header[c]]
                    + sheet.rows.prefix(2000).compactMap { row -> String? in
                        guard c < row.count, case .text(let s) = row[c] else { return nil }
                        return s
                    }
                ws.width(c, Columns.width(texts, max: 50))
            }
            ws.freeze(rows: 1, columns: 0)
        }
        try book.close()
    }
}
