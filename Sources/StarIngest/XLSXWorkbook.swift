import CLibXML2
import Foundation
import StarModel

/// A cell's value as the workbook stores it (ECMA-376 §18.3.1.4 `c`, its `t` attribute).
enum XLSXCell: Equatable, Sendable {
    /// A number, as the text of `<v>` (`8.299999999999999`, `45000`, `1E-3`).
    case number(String)
    case string(String)
    case bool(Bool)
    /// An error value such as `#N/A` (`t="e"`).
    case error(String)
    /// An ISO 8601 date-time (`t="d"`).
    case isoDate(String)
    /// A cell that cannot be taken as Excel shows it: a formula without a cached value, a text
    /// over the cell limit, a number that is not decimal, a second cell at the same reference.
    case unreadable(Message)
}

/// A cell of a row: its 1-based column, its value, and whether its number format shows a
/// percent (`0%`, `0.0%`: the stored 0.9 is shown as 90%).
struct XLSXCellAt: Equatable, Sendable {
    var column: Int
    var value: XLSXCell
    var percent: Bool
}

/// A workbook read sheet by sheet (SpreadsheetML through ZIPFoundation and libxml2's
/// `xmlTextReader`): workbook.xml and its relationships name the worksheets in tab order, the
/// shared strings and the cell styles are read once, then a sheet's rows stream to the caller.
/// Formula cells give their cached value; rich-text runs are joined, phonetic guides (`rPh`)
/// left out.
///
/// Bounded work for any input: the shared strings are kept once, in one buffer of UTF-8 with
/// offsets, and never copied per cell; there may be at most `maxSharedStrings(for:)` of them (a
/// cell that refers to one needs at least 16 bytes of sheet XML); a cell's text above
/// `maxCellCharacters` is refused at the cell before any copy.
struct XLSXWorkbook {
    let archive: XLSXArchive
    /// The worksheets in tab order: the name on the tab and the part.
    let worksheets: [(name: String, part: String)]
    /// The first worksheet's name and part.
    var sheetName: String { worksheets[0].name }
    var sheetPart: String { worksheets[0].part }
    let sharedStrings: SharedStrings
    /// For each cell style (`s`, an index of `cellXfs`), whether its number format is a percent.
    let percentStyles: [Bool]

    /// Excel itself holds at most 32,767 characters in a cell; no field of a submission needs
    /// more than a name's 100. Longer text is refused at the cell, unread.
    static let maxCellCharacters = 1_000
    /// Excel's own limit of cell formats is 64,000.
    static let maxStyles = 65_000

    /// At most one shared string per 16 bytes of the worksheets (`<c t="s"><v>1</v></c>`), and
    /// never fewer than 10,000 allowed.
    static func maxSharedStrings(sheetBytes: UInt64) -> Int {
        Int(min(UInt64(Int32.max), max(10_000, sheetBytes / 16)))
    }

    init(bytes: [UInt8], data: Data? = nil) throws {
        archive = try XLSXArchive(bytes: bytes, data: data)
        // [Content_Types].xml is checked like every part read: no DOCTYPE, well-formed.
        if archive.has("[Content_Types].xml") { try XLSXWorkbook.checkOnly("[Content_Types].xml", archive) }
        let workbookPart = try XLSXWorkbook.officeDocument(archive)
        guard archive.has(workbookPart) else { throw XLSXRefusal.zip("缺少工作簿部件 \(workbookPart)") }
        let (sheets, date1904) = try XLSXWorkbook.sheets(workbookPart, archive)
        if date1904 {
            throw XLSXRefusal(message: Message(.xlsxDate1904), part: workbookPart)
        }
        let rels = try XLSXWorkbook.relationships(of: workbookPart, archive)
        var found: [(name: String, part: String)] = []
        for (name, rid) in sheets {
            if let r = rels[rid], r.type.hasSuffix("/worksheet"), archive.has(r.target) {
                found.append((name, r.target))
            }
        }
        guard !found.isEmpty else { throw XLSXRefusal.zip("工作簿中没有工作表") }
        worksheets = found
        let a = archive
        let sheetBytes = found.reduce(UInt64(0)) { $0 &+ a.size($1.part) }
        let sstPart = rels.values.first { $0.type.hasSuffix("/sharedStrings") }?.target
        if let sstPart, a.has(sstPart) {
            sharedStrings = try XLSXWorkbook.sharedStrings(
                sstPart, a, limit: XLSXWorkbook.maxSharedStrings(sheetBytes: sheetBytes))
        } else {
            sharedStrings = SharedStrings()
        }
        let stylesPart = rels.values.first { $0.type.hasSuffix("/styles") }?.target
        if let stylesPart, a.has(stylesPart) {
            percentStyles = try XLSXWorkbook.percentStyles(stylesPart, a)
        } else {
            percentStyles = []
        }
    }

    // MARK: parts

    static func checkOnly(_ part: String, _ archive: XLSXArchive) throws {
        try XLSXXMLStream.walk(part, in: archive) { x throws in while try x.next() {} }
    }

    /// The workbook part named by the package relationships (`xl/workbook.xml` as a rule).
    static func officeDocument(_ archive: XLSXArchive) throws -> String {
        guard archive.has("_rels/.rels") else { return "xl/workbook.xml" }
        let rels = try relationships(part: "_rels/.rels", base: "", archive)
        return rels.values.first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
    }

    /// The sheets in tab order (name, relationship id) and whether the 1904 date system is used.
    static func sheets(_ part: String, _ archive: XLSXArchive) throws -> ([(String, String)], Bool) {
        var sheets: [(String, String)] = []
        var date1904 = false
        try XLSXXMLStream.walk(part, in: archive) { x throws in
            while try x.next() {
                guard x.isElement else { continue }
                switch x.localNameString {
                case "workbookPr":
                    if let v = x.attribute("date1904"), v == "1" || v == "true" { date1904 = true }
                case "sheet":
                    var name = ""
                    var rid = ""
                    x.attributes { n, v in
                        let key = String(cString: n)
                        if key == "name" { name = String(cString: v) } else if key == "id" { rid = String(cString: v) }
                    }
                    sheets.append((name, rid))
                default: break
                }
            }
        }
        return (sheets, date1904)
    }

    struct Relationship {
        var type: String
        var target: String
    }

    /// The relationships of `part` (`xl/_rels/workbook.xml.rels` for `xl/workbook.xml`), targets
    /// resolved to part names; a target leaving the package is refused.
    static func relationships(of part: String, _ archive: XLSXArchive) throws -> [String: Relationship] {
        let dir = part.split(separator: "/").dropLast().joined(separator: "/")
        let file = part.split(separator: "/").last.map(String.init) ?? part
        let relsPart = (dir.isEmpty ? "" : dir + "/") + "_rels/" + file + ".rels"
        guard archive.has(relsPart) else { throw XLSXRefusal.zip("缺少部件 \(relsPart)") }
        return try relationships(part: relsPart, base: dir, archive)
    }

    static func relationships(part: String, base: String, _ archive: XLSXArchive) throws -> [String: Relationship] {
        var out: [String: Relationship] = [:]
        var bad: String?
        try XLSXXMLStream.walk(part, in: archive) { x throws in
            while try x.next() {
                guard x.isElement, x.localNameString == "Relationship" else { continue }
                var id = ""
                var type = ""
                var target = ""
                var external = false
                x.attributes { n, v in
                    switch String(cString: n) {
                    case "Id": id = String(cString: v)
                    case "Type": type = String(cString: v)
                    case "Target": target = String(cString: v)
                    case "TargetMode": external = String(cString: v) == "External"
                    default: break
                    }
                }
                if external { continue }
                guard let resolved = resolve(target, base: base) else {
                    bad = bad ?? target
                    continue
                }
                out[id] = Relationship(type: type, target: resolved)
            }
        }
        if let bad {
            throw XLSXRefusal(message: .xlsxOutsidePackage(part: part, target: bad), part: part)
        }
        return out
    }

    /// `worksheets/sheet1.xml` against `xl` → `xl/worksheets/sheet1.xml`; `/xl/…` is absolute;
    /// nil for a path that climbs out of the package.
    static func resolve(_ target: String, base: String) -> String? {
        var parts: [Substring] = target.hasPrefix("/") ? [] : base.split(separator: "/")
        for p in target.split(separator: "/") {
            if p == "." || p.isEmpty { continue }
            if p == ".." {
                if parts.isEmpty { return nil }
                parts.removeLast()
            } else {
                parts.append(p)
            }
        }
        return parts.joined(separator: "/")
    }

    /// The shared-string table: each `si`'s text (`t`, or the `t` of its runs, not of `rPh`),
    /// appended to one buffer; at most `limit` strings.
    static func sharedStrings(_ part: String, _ archive: XLSXArchive, limit: Int) throws -> SharedStrings {
        var out = SharedStrings()
        try XLSXXMLStream.walk(part, in: archive) { x throws in
            let si = x.intern("si")
            let t = x.intern("t")
            let rPh = x.intern("rPh")
            var inT = false
            var inPhonetic = false
            var inSI = false
            while try x.next() {
                let name = x.localName
                if x.isElement {
                    if same(name, si) {
                        guard out.count < limit else {
                            throw XLSXRefusal(
                                message: .sheetTooManyStrings(part: part, limit: limit), part: part, line: x.line)
                        }
                        inSI = !x.isEmptyElement
                        if !inSI { out.close() }
                    } else if same(name, rPh) {
                        inPhonetic = !x.isEmptyElement
                    } else if same(name, t) {
                        inT = !x.isEmptyElement
                    }
                } else if x.isEndElement {
                    if same(name, si) {
                        if inSI { out.close() }
                        inSI = false
                    } else if same(name, rPh) {
                        inPhonetic = false
                    } else if same(name, t) {
                        inT = false
                    }
                } else if x.isText && inT && !inPhonetic && inSI {
                    x.withValue { out.append($0) }
                }
            }
        }
        return out
    }

    /// Which cell styles show a percent: `cellXfs`' `numFmtId` 9 (`0%`) or 10 (`0.00%`), or a
    /// custom format (`numFmts`) whose code holds `%` outside quotes and not escaped.
    static func percentStyles(_ part: String, _ archive: XLSXArchive) throws -> [Bool] {
        var customPercent: [Int: Bool] = [:]
        var xfs: [Int] = []
        try XLSXXMLStream.walk(part, in: archive) { x throws in
            var inCellXfs = false
            while try x.next() {
                if x.isEndElement {
                    if x.localNameString == "cellXfs" { inCellXfs = false }
                    continue
                }
                guard x.isElement else { continue }
                switch x.localNameString {
                case "numFmt":
                    if let id = x.attribute("numFmtId").flatMap({ Int($0) }), let code = x.attribute("formatCode") {
                        customPercent[id] = isPercentFormat(code)
                    }
                case "cellXfs":
                    inCellXfs = !x.isEmptyElement
                case "xf" where inCellXfs:
                    guard xfs.count < maxStyles else {
                        throw XLSXRefusal(
                            message: .sheetTooManyStyles(part: part, limit: maxStyles), part: part, line: x.line)
                    }
                    xfs.append(x.attribute("numFmtId").flatMap { Int($0) } ?? 0)
                default: break
                }
            }
        }
        return xfs.map { $0 == 9 || $0 == 10 || customPercent[$0] == true }
    }

    /// `0.0%` → true. A `%` in quotes (`0.0"%"`), escaped (`0.0\%`) or in brackets (`[Red]`)
    /// is not a percent format.
    static func isPercentFormat(_ code: String) -> Bool {
        var inQuotes = false
        var escaped = false
        var inBrackets = false
        for ch in code {
            if escaped {
                escaped = false
                continue
            }
            switch ch {
            case "\\": escaped = true
            case "\"": inQuotes.toggle()
            case "[" where !inQuotes: inBrackets = true
            case "]" where !inQuotes: inBrackets = false
            case "%" where !inQuotes && !inBrackets: return true
            default: break
            }
        }
        return false
    }

    // MARK: rows

    /// Streams the first worksheet: `row(number, cells)` for each `row` element (see
    /// `rows(of:_:)`), the cells as values alone.
    func rows(_ row: (Int, [(Int, XLSXCell)]) throws -> Void) throws {
        try rows(of: sheetPart) { number, cells in
            try row(number, cells.map { ($0.column, $0.value) })
            return true
        }
    }

    private struct Stop: Error {}

    /// Streams a worksheet: `row(number, cells)` for each `row` element with its cells in column
    /// order, each placed by its reference (`r="F16"`), whatever order the file has them in; a
    /// second cell at a reference already seen is `.unreadable`. Empty cells are absent. `row`
    /// returns false to stop reading.
    func rows(of part: String, _ row: (Int, [XLSXCellAt]) throws -> Bool) throws {
        let shared = sharedStrings
        let percentStyles = percentStyles
        do {
            try XLSXXMLStream.walk(part, in: archive) { x throws in
                let rowName = x.intern("row")
                let cName = x.intern("c")
                let vName = x.intern("v")
                let isName = x.intern("is")
                let tName = x.intern("t")
                let rPh = x.intern("rPh")
                let rAttr = x.intern("r")
                let sAttr = x.intern("s")
                let fName = x.intern("f")
                var rowNumber = 0
                var cells: [XLSXCellAt] = []
                var inRow = false
                var column = 0
                var cellType = CellType.number
                var percent = false
                var inV = false
                var inInline = false
                var inT = false
                var inPhonetic = false
                var text = ""
                var tooLong = false
                var haveValue = false
                var haveFormula = false
                func add(_ piece: UnsafePointer<xmlChar>) {
                    guard !tooLong else { return }
                    let n = strlen(UnsafeRawPointer(piece).assumingMemoryBound(to: CChar.self))
                    if text.utf8.count + n > 4 * XLSXWorkbook.maxCellCharacters {
                        tooLong = true
                        return
                    }
                    text += String(cString: piece)
                }
                func finishCell() throws {
                    let ref = "\(CellReference.columnName(column))\(rowNumber)"
                    let value: XLSXCell
                    if haveFormula && (!haveValue || (text.isEmpty && cellType == .number)) {
                        value = .unreadable(.sheetFormulaWithoutValue(cell: ref))
                    } else if !haveValue {
                        return
                    } else if tooLong {
                        value = .unreadable(.sheetCellTooLong(limit: XLSXWorkbook.maxCellCharacters))
                    } else {
                        switch cellType {
                        case .shared:
                            guard let i = Int(text.trimmingSpaces), i >= 0, i < shared.count else {
                                throw XLSXRefusal(
                                    message: .xlsxMissingSharedString(cell: ref, index: text), part: part, line: x.line)
                            }
                            if let s = shared.string(i, maxCharacters: XLSXWorkbook.maxCellCharacters) {
                                value = .string(s)
                            } else {
                                value = .unreadable(.sheetCellTooLong(limit: XLSXWorkbook.maxCellCharacters))
                            }
                        case .inline, .formulaString: value = .string(text)
                        case .bool: value = .bool(text.trimmingSpaces == "1" || text.trimmingSpaces == "true")
                        case .error: value = .error(text)
                        case .isoDate:
                            let t = text.trimmingSpaces
                            value =
                                XLSXWorkbook.isISODate(t)
                                ? .isoDate(t) : .unreadable(.sheetBadISODate(value: Escaped.text(t)))
                        case .number:
                            let t = text.trimmingSpaces
                            if t.isEmpty { return }
                            value =
                                XLSXWorkbook.isDecimalNumber(t)
                                ? .number(t) : .unreadable(.sheetBadNumber(value: Escaped.text(t)))
                        }
                    }
                    cells.append(XLSXCellAt(column: column, value: value, percent: percent))
                }
                while try x.next() {
                    let name = x.localName
                    if x.isElement {
                        if same(name, cName) {
                            column += 1
                            cellType = .number
                            percent = false
                            x.attributes { n, v in
                                if same(n, rAttr) {
                                    if let c = XLSXWorkbook.column(of: v) { column = c }
                                } else if same(n, tName) {
                                    cellType = CellType(v)
                                } else if same(n, sAttr) {
                                    if let i = Int(String(cString: v)), i >= 0, i < percentStyles.count {
                                        percent = percentStyles[i]
                                    }
                                }
                            }
                            text = ""
                            tooLong = false
                            haveValue = false
                            haveFormula = false
                            inV = false
                            inInline = false
                            if x.isEmptyElement { continue }
                        } else if same(name, vName) {
                            inV = !x.isEmptyElement
                            if cellType != .inline { haveValue = true }
                        } else if same(name, fName) {
                            haveFormula = true
                        } else if same(name, isName) {
                            inInline = !x.isEmptyElement
                            if cellType == .inline { haveValue = true }
                        } else if same(name, tName) {
                            inT = !x.isEmptyElement
                        } else if same(name, rPh) {
                            inPhonetic = !x.isEmptyElement
                        } else if same(name, rowName) {
                            rowNumber += 1
                            if let r = x.attribute("r"), let n = Int(r), n > 0 { rowNumber = n }
                            cells.removeAll(keepingCapacity: true)
                            column = 0
                            inRow = true
                            if x.isEmptyElement {
                                inRow = false
                                guard try row(rowNumber, []) else { throw Stop() }
                            }
                        }
                    } else if x.isEndElement {
                        if same(name, cName) {
                            try finishCell()
                        } else if same(name, vName) {
                            inV = false
                        } else if same(name, isName) {
                            inInline = false
                        } else if same(name, tName) {
                            inT = false
                        } else if same(name, rPh) {
                            inPhonetic = false
                        } else if same(name, rowName), inRow {
                            inRow = false
                            guard try row(rowNumber, XLSXWorkbook.placed(cells, row: rowNumber)) else { throw Stop() }
                        }
                    } else if x.isText {
                        if inV && cellType != .inline {
                            x.withValue(add)
                        } else if inInline && inT && !inPhonetic && cellType == .inline {
                            x.withValue(add)
                        }
                    }
                }
            }
        } catch is Stop {
            return
        }
    }

    /// The cells of a row in column order; a second cell at the same reference is unreadable.
    static func placed(_ cells: [XLSXCellAt], row: Int) -> [XLSXCellAt] {
        var ordered = true
        for i in cells.indices.dropFirst() where cells[i].column <= cells[i - 1].column {
            ordered = false
            break
        }
        if ordered { return cells }
        var sorted = cells.enumerated().sorted { ($0.element.column, $0.offset) < ($1.element.column, $1.offset) }.map(
            \.element)
        for i in sorted.indices.dropFirst() where sorted[i].column == sorted[i - 1].column {
            let ref = "\(CellReference.columnName(sorted[i].column))\(row)"
            sorted[i - 1].value = .unreadable(.sheetDuplicateCell(cell: ref))
        }
        // keep one cell per column (the marked one)
        var out: [XLSXCellAt] = []
        for c in sorted where out.last?.column != c.column { out.append(c) }
        return out
    }

    /// A number as Excel writes it: optional sign, digits, optional fraction, optional exponent
    /// (`8.299999999999999`, `1E-3`); not hexadecimal (`0x1.3p3`), `inf` or `nan`.
    static func isDecimalNumber(_ t: String) -> Bool {
        var u = Substring(t).utf8[...]
        if u.first == UInt8(ascii: "-") || u.first == UInt8(ascii: "+") { u = u.dropFirst() }
        func digits(_ s: inout Substring.UTF8View.SubSequence) -> Int {
            var n = 0
            while let b = s.first, b >= 0x30 && b <= 0x39 {
                s = s.dropFirst()
                n += 1
            }
            return n
        }
        var n = digits(&u)
        if u.first == UInt8(ascii: ".") {
            u = u.dropFirst()
            n += digits(&u)
        }
        guard n > 0 else { return false }
        if u.first == UInt8(ascii: "e") || u.first == UInt8(ascii: "E") {
            u = u.dropFirst()
            if u.first == UInt8(ascii: "-") || u.first == UInt8(ascii: "+") { u = u.dropFirst() }
            guard digits(&u) > 0 else { return false }
        }
        return u.isEmpty
    }

    /// `t="d"`: a full ISO 8601 date, optionally with a time (`2026-06-30`, `2026-06-30T00:00:00Z`).
    static func isISODate(_ t: String) -> Bool {
        let u = Array(t.utf8)
        func digit(_ i: Int) -> Bool { i < u.count && u[i] >= 0x30 && u[i] <= 0x39 }
        guard u.count >= 10, (0..<4).allSatisfy(digit), u[4] == 0x2D, digit(5), digit(6), u[7] == 0x2D, digit(8),
            digit(9),
            CivilDate(iso: String(t.prefix(10))) != nil
        else { return false }
        if u.count == 10 { return true }
        // a time: THH:MM[:SS[.fff]][Z|±HH:MM]
        guard u[10] == UInt8(ascii: "T") || u[10] == UInt8(ascii: " ") else { return false }
        let rest = u[11...].map { Character(UnicodeScalar($0)) }
        return rest.allSatisfy { $0.isNumber || ":.+-Z".contains($0) } && rest.count >= 5
    }

    /// The merged ranges of a worksheet (`<mergeCells>` follows the rows, so the part is read
    /// once before its rows, by a byte search: a `<` cannot occur in text).
    func mergedRanges(of part: String) throws -> [MergedRange] {
        var ranges: [MergedRange] = []
        var carry: [UInt8] = []
        let needle = Array("<mergeCell ".utf8)
        try archive.stream(part, counted: false) { chunk in
            var bytes = carry
            bytes.append(contentsOf: chunk)
            var i = 0
            var pending: Int?
            while let at = XLSXWorkbook.find(needle, in: bytes, from: i) {
                // the element up to its end, or wait for the next chunk
                guard let end = bytes[at...].firstIndex(of: UInt8(ascii: ">")) else {
                    pending = at
                    break
                }
                let element = String(decoding: bytes[at...end], as: UTF8.self)
                if let r = XLSXWorkbook.refAttribute(element).flatMap(MergedRange.init(ref:)) {
                    guard ranges.count < XLSXWorkbook.maxMerges else {
                        throw XLSXRefusal(message: .sheetTooManyMerges(limit: XLSXWorkbook.maxMerges), part: part)
                    }
                    ranges.append(r)
                }
                i = end + 1
            }
            let tail = pending ?? max(i, bytes.count - (needle.count - 1))
            // an element that never ends within 64 KiB is no merge (the parser refuses the part)
            carry = bytes.count - tail > 1 << 16 ? [] : Array(bytes[tail...])
        }
        return ranges
    }

    static let maxMerges = 100_000

    static func refAttribute(_ element: String) -> String? {
        guard let r = element.range(of: " ref=\"") else { return nil }
        let rest = element[r.upperBound...]
        guard let close = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<close])
    }

    /// The first place of `needle` in `hay` from `from` on (the first byte found by
    /// `firstIndex`, which is vectorised, then the rest compared).
    static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        var i = from
        let n = needle.count
        while i + n <= hay.count {
            guard let at = hay[i...(hay.count - n)].firstIndex(of: needle[0]) else { return nil }
            if hay[at..<(at + n)].elementsEqual(needle) { return at }
            i = at + 1
        }
        return nil
    }

    /// A cell's `t` attribute.
    enum CellType {
        case number, shared, inline, formulaString, bool, error, isoDate
        init(_ v: UnsafePointer<xmlChar>) {
            switch (v[0], v[1]) {
            case (UInt8(ascii: "s"), 0): self = .shared
            case (UInt8(ascii: "s"), _): self = .formulaString  // "str"
            case (UInt8(ascii: "i"), _): self = .inline  // "inlineStr"
            case (UInt8(ascii: "b"), _): self = .bool
            case (UInt8(ascii: "e"), _): self = .error
            case (UInt8(ascii: "d"), _): self = .isoDate
            default: self = .number  // "n" or absent
            }
        }
    }

    /// The column of a cell reference (`F16` → 6); nil when it is not one.
    static func column(of ref: UnsafePointer<xmlChar>) -> Int? {
        var n = 0
        var letters = 0
        var i = 0
        while true {
            let b = ref[i]
            i += 1
            if b >= 65 && b <= 90 {
                n = n * 26 + Int(b - 64)
                letters += 1
            } else if b >= 97 && b <= 122 {
                n = n * 26 + Int(b - 96)
                letters += 1
            } else {
                break
            }
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : n
    }

    static func column(of ref: String) -> Int? {
        ref.withCString { c in c.withMemoryRebound(to: xmlChar.self, capacity: ref.utf8.count + 1) { column(of: $0) } }
    }
}

/// Two names of libxml2's dictionary: the same pointer, or (outside the dictionary) the same text.
@inline(__always)
func same(_ a: UnsafePointer<xmlChar>?, _ b: UnsafePointer<xmlChar>?) -> Bool {
    guard let a, let b else { return false }
    if a == b { return true }
    return strcmp(
        UnsafeRawPointer(a).assumingMemoryBound(to: CChar.self), UnsafeRawPointer(b).assumingMemoryBound(to: CChar.self)
    ) == 0
}

/// The shared strings of a workbook: one UTF-8 buffer and where each string ends, so a string
/// used by a million cells is stored once and a cell's length is known before anything is copied.
struct SharedStrings: Sendable {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    var count: Int { ends.count }

    mutating func append(_ piece: UnsafePointer<xmlChar>) {
        let n = strlen(UnsafeRawPointer(piece).assumingMemoryBound(to: CChar.self))
        bytes.append(contentsOf: UnsafeBufferPointer(start: piece, count: n))
    }

    /// Ends the string being appended.
    mutating func close() { ends.append(bytes.count) }

    /// The string `i`, or nil when it has more than `maxCharacters` characters.
    func string(_ i: Int, maxCharacters: Int) -> String? {
        let start = i == 0 ? 0 : ends[i - 1]
        let end = ends[i]
        let slice = bytes[start..<end]
        if slice.count > maxCharacters {
            // at most 4 bytes a character: count them only when it could be too long
            if slice.count > 4 * maxCharacters { return nil }
            let s = String(decoding: slice, as: UTF8.self)
            return s.count > maxCharacters ? nil : s
        }
        return String(decoding: slice, as: UTF8.self)
    }
}

/// A merged range of cells (`E3:E5`): only its top-left cell holds the value, which Excel shows
/// across the whole range.
struct MergedRange: Equatable, Sendable {
    var firstRow, firstColumn, lastRow, lastColumn: Int

    init?(ref: String) {
        let parts = ref.split(separator: ":")
        guard parts.count == 2, let a = MergedRange.cell(parts[0]), let b = MergedRange.cell(parts[1]) else {
            return nil
        }
        firstRow = min(a.row, b.row)
        lastRow = max(a.row, b.row)
        firstColumn = min(a.column, b.column)
        lastColumn = max(a.column, b.column)
    }

    var ref: String {
        "\(CellReference.columnName(firstColumn))\(firstRow):\(CellReference.columnName(lastColumn))\(lastRow)"
    }

    static func cell(_ s: Substring) -> (row: Int, column: Int)? {
        let letters = s.prefix { $0.isASCII && $0.isLetter }
        guard let column = XLSXWorkbook.column(of: String(letters)), let row = Int(s.dropFirst(letters.count)), row > 0
        else { return nil }
        return (row, column)
    }
}
