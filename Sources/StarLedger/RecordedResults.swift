import Foundation
import StarIngest
import StarModel
import StarPipeline
import StarPlatform

/// A year's results as `ledger record` takes them from a reports folder `run` wrote: checked
/// against the folder's manifest, the branches from results.csv, the year and notice date from
/// results.json's top-level fields.
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
        return RecordedResults(year: header.year, noticeDate: header.noticeDate, sha256: sha, rows: rows)
    }

    /// The year and notice date of results.json: its top-level fields, which come before the
    /// branches (a million-branch file is not parsed whole). Only these two are read here, so a
    /// change to the branches' form ("star-report results N") does not touch the ledger.
    static func header(_ path: String) -> (year: Int, noticeDate: CivilDate)? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var prefix = Data()
        let marker = Data("\n  \"branches\"".utf8)
        while prefix.count < 64 << 20, let chunk = try? handle.read(upToCount: 1 << 16), !chunk.isEmpty {
            prefix.append(chunk)
            if let r = prefix.range(of: marker) {
                prefix = prefix[..<r.lowerBound]
                break
            }
        }
        // `{ …top-level fields…,` closed into an object of its own
        var text = String(decoding: prefix, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasSuffix(",") { text.removeLast() }
        if !text.hasSuffix("}") { text += "}" }
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
            (object["format"] as? String)?.hasPrefix("star-report results") == true,
            let year = object["year"] as? Int,
            let date = (object["notice_date"] as? String).flatMap({ CivilDate(iso: $0) })
        else { return nil }
        return (year, date)
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
        // results.csv guards text that could start a formula with a leading apostrophe
        func text(_ i: Int) -> String {
            let s = fields[c[i]]
            return s.hasPrefix("'") && s.dropFirst().first.map { "=+-@\t\r".contains($0) } == true
                ? String(s.dropFirst()) : s
        }
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
