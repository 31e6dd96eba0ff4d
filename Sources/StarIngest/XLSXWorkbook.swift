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
}

/// The first worksheet of a workbook, read row by row (SpreadsheetML through ZIPFoundation and
/// libxml2's `xmlTextReader`): workbook.xml and its relationships name the first sheet, the
/// shared strings are read once, then the sheet's rows stream to the caller. Formula cells give
/// their cached value; rich-text runs are joined, phonetic guides (`rPh`) left out.
struct XLSXWorkbook {
    let archive: XLSXArchive
    /// The first worksheet's name (as on its tab) and its part.
    let sheetName: String
    let sheetPart: String
    let sharedStrings: [String]

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
        var first: (String, String)?
        for (name, rid) in sheets {
            if let r = rels[rid], r.type.hasSuffix("/worksheet") { first = (name, r.target); break }
        }
        guard let (name, target) = first else { throw XLSXRefusal.zip("工作簿中没有工作表") }
        guard archive.has(target) else { throw XLSXRefusal.zip("缺少工作表部件 \(target)") }
        sheetName = name
        sheetPart = target
        let sstPart = rels.values.first { $0.type.hasSuffix("/sharedStrings") }?.target
        let a = archive
        if let sstPart, a.has(sstPart) { sharedStrings = try XLSXWorkbook.sharedStrings(sstPart, a) } else { sharedStrings = [] }
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
                    var name = "", rid = ""
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

    struct Relationship { var type: String; var target: String }

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
                var id = "", type = "", target = "", external = false
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
                guard let resolved = resolve(target, base: base) else { bad = bad ?? target; continue }
                out[id] = Relationship(type: type, target: resolved)
            }
        }
        if let bad {
            throw XLSXRefusal(message: .of(.xlsxOutsidePackage, ("part", part), ("target", bad)), part: part)
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

    /// The shared-string table: each `si`'s text (`t`, or the `t` of its runs, not of `rPh`).
    static func sharedStrings(_ part: String, _ archive: XLSXArchive) throws -> [String] {
        var out: [String] = []
        try XLSXXMLStream.walk(part, in: archive) { x throws in
            let si = x.intern("si"), t = x.intern("t"), rPh = x.intern("rPh")
            var current = ""
            var inT = false, inPhonetic = false, inSI = false
            while try x.next() {
                let name = x.localName
                if x.isElement {
                    if same(name, si) {
                        current = ""; inSI = true
                        if x.isEmptyElement { out.append(""); inSI = false }
                    } else if same(name, rPh) {
                        inPhonetic = !x.isEmptyElement
                    } else if same(name, t) {
                        inT = !x.isEmptyElement
                    }
                } else if x.isEndElement {
                    if same(name, si) { if inSI { out.append(current) }; inSI = false } else if same(name, rPh) { inPhonetic = false } else if same(name, t) { inT = false }
                } else if x.isText && inT && !inPhonetic {
                    current += x.value
                }
            }
        }
        return out
    }

    // MARK: rows

    /// Streams the first worksheet: `row(number, cells)` for each `row` element with its cells
    /// (1-based column, value); empty cells are absent.
    func rows(_ row: (Int, [(Int, XLSXCell)]) throws -> Void) throws {
        let shared = sharedStrings
        let part = sheetPart
        try XLSXXMLStream.walk(sheetPart, in: archive) { x throws in
            let rowName = x.intern("row"), cName = x.intern("c"), vName = x.intern("v"), isName = x.intern("is"),
                tName = x.intern("t"), rPh = x.intern("rPh"), rAttr = x.intern("r")
            var rowNumber = 0
            var cells: [(Int, XLSXCell)] = []
            var inRow = false
            var column = 0
            var cellType = CellType.number
            var inV = false, inInline = false, inT = false, inPhonetic = false
            var text = ""
            var haveValue = false
            func finishCell() throws {
                guard haveValue else { return }
                let value: XLSXCell
                switch cellType {
                case .shared:
                    guard let i = Int(text.trimmingSpaces), i >= 0, i < shared.count else {
                        throw XLSXRefusal(
                            message: .of(.xlsxMissingSharedString, ("cell", "\(CellReference.columnName(column))\(rowNumber)"), ("index", text)), part: part, line: x.line)
                    }
                    value = .string(shared[i])
                case .inline, .formulaString: value = .string(text)
                case .bool: value = .bool(text.trimmingSpaces == "1" || text.trimmingSpaces == "true")
                case .error: value = .error(text)
                case .isoDate: value = .isoDate(text)
                case .number: value = .number(text.trimmingSpaces)
                }
                cells.append((column, value))
            }
            while try x.next() {
                let name = x.localName
                if x.isElement {
                    if same(name, cName) {
                        column += 1
                        cellType = .number
                        x.attributes { n, v in
                            if same(n, rAttr) {
                                if let c = XLSXWorkbook.column(of: v) { column = c }
                            } else if same(n, tName) {
                                cellType = CellType(v)
                            }
                        }
                        text = ""; haveValue = false; inV = false; inInline = false
                        if x.isEmptyElement { continue }
                    } else if same(name, vName) {
                        inV = !x.isEmptyElement
                        if cellType != .inline { haveValue = true }
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
                        if x.isEmptyElement { inRow = false; try row(rowNumber, []) }
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
                        inRow = false; try row(rowNumber, cells)
                    }
                } else if x.isText {
                    if inV && cellType != .inline {
                        if text.isEmpty { text = x.value } else { text += x.value }
                    } else if inInline && inT && !inPhonetic && cellType == .inline {
                        text += x.value
                    }
                }
            }
        }
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
            if b >= 65 && b <= 90 { n = n * 26 + Int(b - 64); letters += 1 } else if b >= 97 && b <= 122 { n = n * 26 + Int(b - 96); letters += 1 } else { break }
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : n
    }

    static func column(of ref: String) -> Int? {
        var n = 0
        var letters = 0
        for b in ref.utf8 {
            if b >= 65 && b <= 90 { n = n * 26 + Int(b - 64); letters += 1 } else if b >= 97 && b <= 122 { n = n * 26 + Int(b - 96); letters += 1 } else { break }
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : n
    }
}

/// Two names of libxml2's dictionary: the same pointer, or (outside the dictionary) the same text.
@inline(__always)
func same(_ a: UnsafePointer<xmlChar>?, _ b: UnsafePointer<xmlChar>?) -> Bool {
    guard let a, let b else { return false }
    if a == b { return true }
    return strcmp(UnsafeRawPointer(a).assumingMemoryBound(to: CChar.self), UnsafeRawPointer(b).assumingMemoryBound(to: CChar.self)) == 0
}
