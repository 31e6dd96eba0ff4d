import Foundation
import StarIngest
import StarModel
import StarPipeline
import StarPlatform

/// A year's results as `ledger record` takes them from a reports folder `run` wrote: checked
/// against the folder's manifest, the branches from results.csv, the year, the notice date and
/// the committees' names from results.json's top-level fields.
struct RecordedResults: Sendable {
    struct Row: Sendable, Equatable {
        var id: String
        var name: String
        var committee: String
        var stars: Int
        /// The final score in tenths.
        var final: Int
        /// Rule codes, `;`-separated as results.csv has them.
        var rules: String
    }

    var year: Int
    var noticeDate: CivilDate
    /// SHA-256 of results.json (the manifest's, checked against the file).
    var sha256: String
    var rows: [Row]
    /// Committee id → name (results.json's `committees`; empty from a file without them).
    var committees: [String: String] = [:]

    static func read(_ dir: String) throws(Failure) -> RecordedResults {
        let shown = Escaped.text(dir)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw Failure(.noInput, .ledgerReportsNotFound(path: shown))
        }
        let digests: [String: String]
        switch ReportsFolder.verify(dir) {
        case .noManifest: throw Failure(.dataError, .ledgerReportsNoManifest(path: shown))
        case .changed(let name): throw Failure(.dataError, .ledgerReportsChanged(file: Escaped.text(name), path: shown))
        case .ok(let d): digests = d
        }
        guard let sha = digests["results.json"], digests["results.csv"] != nil else {
            throw Failure(.dataError, .ledgerReportsNoResults(path: shown))
        }
        let jsonPath = dir + "/results.json"
        guard let header = header(jsonPath) else {
            throw Failure(.dataError, .ledgerResultsHeader(path: Escaped.text(jsonPath)))
        }
        let csvPath = dir + "/results.csv"
        guard let bytes = FileManager.default.contents(atPath: csvPath) else {
            throw Failure(.ioError, .ledgerReportsNoResults(path: shown))
        }
        var diagnostics: [Diagnostic] = []
        let rows = Self.rows(Array(bytes), path: csvPath, diagnostics: &diagnostics)
        guard diagnostics.isEmpty else {
            throw Failure(.dataError, .ledgerResultsUnreadable(path: Escaped.text(csvPath)), diagnostics: diagnostics)
        }
        return RecordedResults(
            year: header.year, noticeDate: header.noticeDate, sha256: sha, rows: rows, committees: header.committees)
    }

    /// The year, notice date and committees' names of results.json: its top-level fields, which
    /// come before the branches (a million-branch file is not parsed whole). Only these are read
    /// here, so a change to the branches' form ("star-report results N") does not touch the
    /// ledger.
    static func header(_ path: String) -> (year: Int, noticeDate: CivilDate, committees: [String: String])? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var prefix = Data()
        var cut = false
        let marker = Data("\n  \"branches\"".utf8)
        while prefix.count < 64 << 20, let chunk = try? handle.read(upToCount: 1 << 16), !chunk.isEmpty {
            prefix.append(chunk)
            if let r = prefix.range(of: marker) {
                prefix = prefix[..<r.lowerBound]
                cut = true
                break
            }
        }
        // `{ …top-level fields…,` closed into an object of its own (the last field may itself be
        // an object, `committees`: its `}` does not close the whole)
        var text = String(decoding: prefix, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasSuffix(",") { text.removeLast() }
        if cut || !text.hasSuffix("}") { text += "}" }
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
            (object["format"] as? String)?.hasPrefix("star-report results") == true,
            let year = object["year"] as? Int,
            let date = (object["notice_date"] as? String).flatMap({ CivilDate(iso: $0) })
        else { return nil }
        // `committees` is id → name; a value that is not text is no name
        let committees = (object["committees"] as? [String: Any] ?? [:]).compactMapValues { $0 as? String }
        return (year, date, committees)
    }

    /// results.csv's rows: the columns the ledger keeps, each checked. The file is read row by
    /// row (a province's results.csv is never held as a table of text).
    static func rows(_ bytes: [UInt8], path: String, diagnostics: inout [Diagnostic]) -> [Row] {
        let wanted = ["branch_id", "branch_name", "committee_id", "final", "stars", "rules"]
        var c: [Int] = []
        var width = 0
        var problems: [Diagnostic] = []
        var out: [Row] = []
        let read = ResultsTable.read(
            bytes: bytes, path: path, diagnostics: &diagnostics,
            header: { header in
                let index = wanted.map { header.firstIndex(of: $0) }
                guard index.allSatisfy({ $0 != nil }) else {
                    let missing = zip(wanted, index).filter { $0.1 == nil }.map(\.0).joined(separator: ", ")
                    problems.append(
                        .error(.ledgerResultsColumns(columns: missing), at: SourceLocation(file: path, line: 1)))
                    return false
                }
                c = index.map { $0! }
                width = header.count
                return true
            },
            row: { fields, line in
                if let row = Self.row(fields, line: line, columns: c, width: width, path: path, problems: &problems) {
                    out.append(row)
                }
            })
        guard read else { return [] }
        diagnostics += problems
        return out
    }

    /// A text cell of results.csv (an id or a name) as the ledger keeps it, for `ledger record`
    /// and `ledger import` alike: spaces trimmed (a cell star-report wrote has none, so only a
    /// file made or edited by hand changes; `ledger import` trims the ids it matches these names
    /// to), then the leading apostrophe removed with which results.csv guards text that could
    /// start a formula.
    static func text(_ field: String) -> String {
        let s = field.trimmingCharacters(in: .whitespaces)
        return s.hasPrefix("'") && s.dropFirst().first.map { "=+-@\t\r".contains($0) } == true
            ? String(s.dropFirst()) : s
    }

    /// One row of results.csv as the ledger keeps it, or nil after adding what is wrong with it.
    static func row(
        _ fields: [String], line: Int, columns c: [Int], width: Int, path: String, problems: inout [Diagnostic]
    ) -> Row? {
        guard fields.count == width else {
            problems.append(
                .error(.csvFieldCount(expected: width, found: fields.count), at: SourceLocation(file: path, line: line))
            )
            return nil
        }
        func text(_ i: Int) -> String { Self.text(fields[c[i]]) }
        guard let stars = Int(fields[c[4]]), (0...5).contains(stars) else {
            problems.append(
                .error(
                    .previousStars(value: Escaped.text(fields[c[4]])),
                    at: SourceLocation(file: path, line: line, column: c[4] + 1)))
            return nil
        }
        guard case .success(let final) = Tenths.parse(fields[c[3]]) else {
            problems.append(
                .error(
                    .ledgerResultsScore(value: Escaped.text(fields[c[3]])),
                    at: SourceLocation(file: path, line: line, column: c[3] + 1)))
            return nil
        }
        let id = text(0)
        guard !id.isEmpty else {
            problems.append(
                .error(
                    Message.valueRequired(label: "branch_id"),
                    at: SourceLocation(file: path, line: line, column: c[0] + 1)))
            return nil
        }
        return Row(id: id, name: text(1), committee: text(2), stars: stars, final: final.raw, rules: fields[c[5]])
    }
}

/// What `ledger import` keeps beside the stars of a results.csv: each branch's name, committee id
/// and committee name, from the columns of those names when the file has them (results.csv has
/// the first two; a CSV with a `committee_name` or `上级党组织名称` column the third; a
/// results.xlsx is read for its stars only). The stars, and the file's checks, are
/// `PreviousResults.forImport`'s.
enum ImportedNames {
    struct Names: Sendable, Equatable {
        var name = ""
        var committee = ""
        var committeeName = ""
    }

    static let columns: [Set<String>] = [
        ["branch_id", "支部编号"], ["branch_name", "支部名称"], ["committee_id", "上级党组织编号"],
        ["committee_name", "上级党组织名称"],
    ]

    /// Branch id → its names; empty for a workbook (read for its stars only) or a file without
    /// the columns.
    static func read(_ given: String) -> [String: Names] {
        var isDir: ObjCBool = false
        let path =
            FileManager.default.fileExists(atPath: given, isDirectory: &isDir) && isDir.boolValue
            ? given + "/results.csv" : given
        guard let data = FileManager.default.contents(atPath: path), !data.starts(with: [0x50, 0x4B, 0x03, 0x04])
        else { return [:] }
        var c: [Int?] = []
        var out: [String: Names] = [:]
        var diagnostics: [Diagnostic] = []
        _ = ResultsTable.read(
            bytes: Array(data), path: path, diagnostics: &diagnostics,
            header: { header in
                c = columns.map { names in header.firstIndex(where: names.contains) }
                return c[0] != nil && c.dropFirst().contains { $0 != nil }
            },
            row: { fields, _ in
                func text(_ i: Int) -> String {
                    guard let k = c[i], k < fields.count else { return "" }
                    return RecordedResults.text(fields[k])
                }
                let id = text(0)
                guard !id.isEmpty else { return }
                out[id] = Names(name: text(1), committee: text(2), committeeName: text(3))
            })
        return out
    }
}
