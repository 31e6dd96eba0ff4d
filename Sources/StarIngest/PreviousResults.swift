import Foundation
import StarModel

/// Last year's results (`--previous`), read and checked: `results.csv` or `results.xlsx` as
/// `star-report run` writes them, or a reports folder (its results.csv). The year they hold must
/// be the year before the run's: it is read from the folder's (or the file's neighbouring)
/// results.json, or from the title results.xlsx carries; results.csv alone holds no year, which
/// is a warning. Every row that cannot be read is an error at its line: a branch is never
/// shown as 新参评 because its row was dropped.
public struct PreviousResults: Sendable {
    /// The file the stars were read from (`DIR/results.csv` for a folder).
    public var path: String
    /// Last year's stars by branch id; empty when the year is wrong.
    public var stars: [String: Int]
    /// The year the results hold, when they say.
    public var year: Int?
    /// Whether the results can be compared with this year's (right year, readable): the
    /// check of how many branches they share is made only then.
    public var usable: Bool
    /// The bytes read, for the inputs' account.
    var account: FileAccount

    /// Header names of the two columns used: results.csv's, and results.xlsx's labels
    /// (StarRender's `ResultColumn.header`; StarIngest does not depend on StarRender).
    static let idNames: Set<String> = ["branch_id", "支部编号"]
    static let starsNames: Set<String> = ["stars", "评定星级"]

    /// Reads `given` (a file, a pipe, or a reports folder) for the rating year `year`.
    static func read(_ given: String, year: Int, diagnostics: inout [Diagnostic]) throws(Failure) -> PreviousResults {
        var path = given
        var folder: String?
        var st = stat()
        if stat(given, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
            folder = given
            path = joinPath(given, "results.csv")
            guard FileManager.default.fileExists(atPath: path) else {
                throw Failure(.noInput, .previousNoResults(path: Escaped.text(given)))
            }
        }
        guard let bytes = YearFolder.commandLineFile(path) else {
            throw Failure(.noInput, .previousNotFound(path: Escaped.text(path)))
        }
        let isWorkbook =
            bytes.count >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 0x03 && bytes[3] == 0x04
        var workbook: XLSXWorkbook?
        var found: Int?
        var at = SourceLocation(file: path, line: 1)
        if isWorkbook {
            do { workbook = try XLSXWorkbook(bytes: bytes) } catch {
                diagnostics.append(XLSXSubmissionReader.diagnostic(error, path: path))
                return PreviousResults(
                    path: path, stars: [:], year: nil, usable: false, account: account(path, bytes, 0))
            }
            found = workbook.flatMap(titleYear)
        }
        // a folder's results.json, or the one beside the file given (the same run wrote both)
        if found == nil {
            let json = joinPath(folder ?? (path as NSString).deletingLastPathComponent, "results.json")
            if let y = jsonYear(json) {
                found = y
                at = SourceLocation(file: json, line: 1)
            }
        }
        let expected = year - 1
        if let found, found != expected {
            let message: Message =
                found == year
                ? .previousThisYear(year: year, expected: expected)
                : .previousWrongYear(found: found, year: year, expected: expected)
            diagnostics.append(.error(message, at: at))
            return PreviousResults(path: path, stars: [:], year: found, usable: false, account: account(path, bytes, 0))
        }
        if found == nil {
            diagnostics.append(
                .warning(.previousYearUnknown(expected: expected), at: SourceLocation(file: path, line: 1)))
        }
        let before = diagnostics.errorCount
        let stars =
            if let workbook { readWorkbook(workbook, path: path, diagnostics: &diagnostics) } else {
                readCSV(bytes: bytes, path: path, diagnostics: &diagnostics)
            }
        return PreviousResults(
            path: path, stars: stars, year: found, usable: diagnostics.errorCount == before,
            account: account(path, bytes, stars.count))
    }

    static func account(_ path: String, _ bytes: [UInt8], _ records: Int) -> FileAccount {
        FileAccount(path: path, kind: .previous, records: records, bytes: bytes.count, sha256: SHA256.hex(bytes))
    }

    /// The check across years: fewer than half of this year's branches found in last year's
    /// results is a warning with the counts; none at all (the results of another city or
    /// county) is an error.
    public func coverage(of branches: Set<String>, year: Int) -> Diagnostic? {
        guard usable, !branches.isEmpty else { return nil }
        let found = branches.lazy.filter { stars[$0] != nil }.count
        let at = SourceLocation(file: path, line: 1)
        if found == 0 {
            return .error(.previousNoneFound(total: branches.count, count: stars.count, expected: year - 1), at: at)
        }
        if found * 2 < branches.count {
            return .warning(.previousFewFound(found: found, total: branches.count, expected: year - 1), at: at)
        }
        return nil
    }

    // MARK: rows

    /// results.csv: every data row must have the header's field count and a star count 0–5.
    static func readCSV(bytes: [UInt8], path: String, diagnostics: inout [Diagnostic]) -> [String: Int] {
        guard let table = CSVTable.read(bytes: bytes, path: path, diagnostics: &diagnostics) else { return [:] }
        let names = table.headerNames
        guard let idCol = names.firstIndex(where: idNames.contains),
            let starsCol = names.firstIndex(where: starsNames.contains)
        else {
            diagnostics.append(
                .error(Message(.previousHeader), at: SourceLocation(file: path, line: table.header.line)))
            return [:]
        }
        var out: [String: Int] = [:]
        for row in table.rows {
            // a blank line at the end is no row
            if row.fields.count == 1 && row.fields[0].trimmingSpaces.isEmpty { continue }
            guard row.fields.count == names.count else {
                diagnostics.append(
                    .error(
                        .csvFieldCount(expected: names.count, found: row.fields.count),
                        at: SourceLocation(file: path, line: row.line)))
                continue
            }
            add(
                id: row.fields[idCol], stars: row.fields[starsCol], into: &out, diagnostics: &diagnostics,
                idAt: SourceLocation(file: path, line: row.line, column: idCol + 1), idField: names[idCol],
                starsAt: SourceLocation(file: path, line: row.line, column: starsCol + 1), starsField: names[starsCol])
        }
        return out
    }

    /// results.xlsx: its first sheet (评定结果), the header in its first non-empty row.
    static func readWorkbook(_ workbook: XLSXWorkbook, path: String, diagnostics: inout [Diagnostic]) -> [String: Int] {
        let sheet = CellReference(sheet: workbook.sheetName)
        var columns: (id: Int, idName: String, stars: Int, starsName: String)?
        var headerSeen = false
        var out: [String: Int] = [:]
        var found: [Diagnostic] = []
        do {
            try workbook.rows { number, cells in
                func text(_ cell: XLSXCell) -> String {
                    switch cell {
                    case .string(let s), .number(let s), .error(let s), .isoDate(let s): return s.trimmingSpaces
                    case .bool(let b): return b ? "true" : "false"
                    case .unreadable(let m): return m.text(.en)
                    }
                }
                guard headerSeen else {
                    guard !cells.isEmpty else { return }
                    headerSeen = true
                    let named = cells.map { ($0.0, text($0.1)) }
                    if let id = named.first(where: { idNames.contains($0.1) }),
                        let stars = named.first(where: { starsNames.contains($0.1) })
                    {
                        columns = (id.0, id.1, stars.0, stars.1)
                    } else {
                        found.append(
                            .error(
                                Message(.previousHeader),
                                at: SourceLocation(file: path, line: number, column: 1, cell: sheet)))
                    }
                    return
                }
                guard let c = columns else { return }
                let id = cells.first { $0.0 == c.id }.map { text($0.1) } ?? ""
                let stars = cells.first { $0.0 == c.stars }.map { text($0.1) } ?? ""
                if id.isEmpty && stars.isEmpty { return }  // a blank row
                add(
                    id: id, stars: stars, into: &out, diagnostics: &found,
                    idAt: SourceLocation(file: path, line: number, column: c.id, cell: sheet), idField: c.idName,
                    starsAt: SourceLocation(file: path, line: number, column: c.stars, cell: sheet),
                    starsField: c.starsName)
            }
        } catch {
            found.append(XLSXSubmissionReader.diagnostic(error, path: path))
        }
        if !headerSeen {
            found.append(
                .error(Message(.previousHeader), at: SourceLocation(file: path, line: 1, column: 1, cell: sheet)))
        }
        diagnostics += found
        return out
    }

    /// One row's branch id and stars, or the errors that say why it cannot be used.
    static func add(
        id raw: String, stars: String, into out: inout [String: Int], diagnostics: inout [Diagnostic],
        idAt: SourceLocation, idField: String, starsAt: SourceLocation, starsField: String
    ) {
        var id = raw.trimmingSpaces
        // results.csv guards a leading = + - @ with a ' (docs/outputs.md)
        if id.hasPrefix("'") { id.removeFirst() }
        guard !id.isEmpty else {
            diagnostics.append(.error(.valueRequired(label: idField), at: idAt, field: idField))
            return
        }
        // results.xlsx stores the stars as a number: `3` (or `3.0` from another writer)
        let s = stars.trimmingSpaces
        let value = Int(s) ?? Double(s).flatMap { $0 == $0.rounded() && abs($0) < 10 ? Int($0) : nil }
        guard let value, (0...5).contains(value) else {
            diagnostics.append(
                .error(.previousStars(value: Escaped.text(stars)), at: starsAt, field: starsField, branch: id))
            return
        }
        out[id] = value
    }

    // MARK: the year

    /// The year in results.xlsx's title (`2025年度基层服务型党组织星级评定结果`, docProps/core.xml).
    static func titleYear(_ workbook: XLSXWorkbook) -> Int? {
        let part = "docProps/core.xml"
        guard workbook.archive.has(part) else { return nil }
        var title = ""
        var inTitle = false
        try? XLSXXMLStream.walk(part, in: workbook.archive) { x throws in
            while try x.next() {
                if x.isElement && x.localNameString == "title" {
                    inTitle = !x.isEmptyElement
                } else if x.isEndElement {
                    inTitle = false
                } else if x.isText && inTitle {
                    title += x.value
                }
            }
        }
        return leadingYear(title, before: "年度")
    }

    /// `"year": 2025` at the head of results.json. star-report writes it among the first keys;
    /// only the first 64 KiB are read, since a province's results.json is hundreds of MB.
    static func jsonYear(_ path: String) -> Int? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 64 << 10) else { return nil }
        let head = String(decoding: data, as: UTF8.self)
        guard head.contains("\"star-report results"), let r = head.range(of: "\"year\":") else { return nil }
        let digits = head[r.upperBound...].drop { $0 == " " }.prefix { $0.isASCII && $0.isNumber }
        return Int(digits).flatMap { (1900...2999).contains($0) ? $0 : nil }
    }

    /// The four digits that begin `text` when `marker` follows them.
    static func leadingYear(_ text: String, before marker: String) -> Int? {
        let t = text.trimmingSpaces
        let digits = t.prefix { $0.isASCII && $0.isNumber }
        guard digits.count == 4, t.dropFirst(4).hasPrefix(marker) else { return nil }
        return Int(digits)
    }
}
