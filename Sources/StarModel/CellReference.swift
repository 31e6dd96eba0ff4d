/// Where in a workbook a value sits, beside the row and column of its `SourceLocation`: the
/// sheet's name and the column's header as the sheet names it (`自评3` or `self_3`), with the
/// canonical field that header maps to, so a diagnostic about that field names it the user's way.
///
/// A class, so that a location holds one pointer (a `Submission` keeps its source location, and
/// a province has a million of them); the reader shares one instance per column and sheet.
public final class CellReference: Hashable, Sendable, Codable {
    public let sheet: String
    public let header: String?
    public let field: String?

    public init(sheet: String, header: String? = nil, field: String? = nil) {
        self.sheet = sheet
        self.header = header
        self.field = field
    }

    public static func == (a: CellReference, b: CellReference) -> Bool {
        a === b || (a.sheet == b.sheet && a.header == b.header && a.field == b.field)
    }

    public func hash(into h: inout Hasher) {
        h.combine(sheet)
        h.combine(header)
        h.combine(field)
    }

    /// `Sheet1`, or `'My Sheet'` when the name holds anything but letters, digits and `_`
    /// (Excel's own quoting of sheet names in references).
    public var quotedSheet: String {
        if !sheet.isEmpty, sheet.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { return sheet }
        return "'" + sheet.replacingAll("'", with: "''") + "'"
    }

    /// `A` for 1, `Z` for 26, `AA` for 27 … (Excel's column letters).
    public static func columnName(_ n: Int) -> String {
        var n = max(1, n)
        var letters: [UInt8] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(UInt8(65 + r))
            n = (n - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }
}

extension String {
    fileprivate func replacingAll(_ c: Character, with s: String) -> String {
        var out = ""
        for ch in self { if ch == c { out += s } else { out.append(ch) } }
        return out
    }
}
