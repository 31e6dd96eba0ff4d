import Foundation
import StarModel
import Synchronization

/// Reads a committee's bulk sheet (one row per branch) into raw submissions.
/// Headers are matched by English column name or Chinese label; column order is free.
enum CSVSubmissionReader {
    /// Columns a sheet must have; the others default to empty / zero.
    static let required: Set<FieldKey> = {
        var s: Set<FieldKey> = [
            .year, .branchID, .branchName, .committeeID, .committeeName, .members,
            .massMemberParticipants, .massPublicParticipants, .satisfaction,
        ]
        for sheet in Sheet.allCases { for n in 1...10 { s.insert(.aspect(sheet, n)) } }
        return s
    }()

    static let byName: [String: FieldKey] = {
        var m: [String: FieldKey] = [:]
        for k in FieldKey.allColumns {
            m[k.description] = k
            m[k.chineseLabel] = k
        }
        return m
    }()

    /// A row that matched the header's width, not yet a `RawSubmission`: the thread that checks
    /// it makes it one (`raw()`), so the thread reading the sheet only splits it into rows.
    struct Row: Sendable {
        let record: CSVRecord
        let sheet: SheetContext

        /// The row's fields by key, each with its text (spaces trimmed) and place.
        func raw() -> RawSubmission {
            let path = sheet.path
            let at = SourceLocation(file: path, line: record.line)
            var raw = RawSubmission(format: .csv, location: at)
            raw.columns = sheet.header.sheetColumns
            for (i, key) in sheet.header.columns {
                let text = record.fields[i].trimmingSpaces
                raw.setCell(
                    key, text,
                    at: record.fieldLines[i] == record.line
                        ? at : SourceLocation(file: path, line: record.fieldLines[i]))
            }
            return raw
        }
    }

    /// The header and the file's path, shared by a run of rows. Every record's location holds the
    /// path; a new context (with a fresh copy of the path) every 1,024 rows keeps the threads
    /// that check different batches off one shared reference count (the atomic retains on a
    /// single copy were a third of reading a million rows).
    final class SheetContext: Sendable {
        let header: Header
        let path: String
        init(header: Header, path: String) {
            self.header = header
            self.path = String(decoding: Array(path.utf8), as: UTF8.self)
        }
    }

    /// Reads the sheet's rows and turns each into a record with `transform` on other threads,
    /// in the sheet's order. With `parts` > 1 a large sheet is split at line ends into that many
    /// parts, parsed at once; the rows, records and diagnostics are exactly those of one reader
    /// going through the whole sheet:
    /// - a part starts on the line `1 +` the line feeds before it, which is the reader's line
    ///   count there whenever no CR stands alone (else the sheet is read in one part);
    /// - a part is kept only if the part before it ended between records; otherwise (its first
    ///   line end was inside a quoted field) its results are dropped and the part before reads
    ///   its bytes on.
    static func readRecords<Record: Sendable>(
        bytes: [UInt8], path: String, parts wanted: Int = 1, diagnostics: inout [Diagnostic],
        progress: @escaping @Sendable (Int) -> Void = { _ in }, transform: @escaping @Sendable (Row) -> Record
    ) -> (rows: Int, records: [Record]) {
        guard let decoded = CSVTable.decode(bytes: bytes, path: path, diagnostics: &diagnostics) else { return (0, []) }
        let split = wanted > 1 ? Split(decoded, path: path, parts: wanted) : nil
        let starts = [(offset: 0, line: 1)] + (split?.cuts ?? [])
        let ends = starts.dropFirst().map(\.offset) + [decoded.count]
        // as many batches in flight in all as for one part: more threads would each keep an
        // arena of their own (a hundred MiB more at the peak for a million rows)
        let sinks = starts.map { _ in BatchTransformer<Row, Record>(inFlight: max(1, 4 / starts.count), transform) }
        let finished = Mutex<[PartReader?]>(Array(repeating: nil, count: starts.count))
        DispatchQueue.concurrentPerform(iterations: starts.count) { i in
            var part = PartReader(path: path, line: starts[i].line, header: i == 0 ? nil : split?.header)
            part.feed(decoded[starts[i].offset..<ends[i]], progress: progress) { sinks[i].add($0) }
            finished.withLock { $0[i] = part }
        }
        var parts = finished.withLock { $0 }.map { $0! }
        // the chain of parts that hold: each began where the one before ended between records
        var chain = [0]
        for i in 1..<max(1, parts.count) {
            let owner = chain.last!
            if parts[owner].reader.atRecordStart {
                chain.append(i)
            } else {
                _ = sinks[i].waitCount()
                parts[owner].feed(decoded[starts[i].offset..<ends[i]], progress: { _ in }) { sinks[owner].add($0) }
            }
        }
        let last = chain.last!
        let quote = parts[last].finish { sinks[last].add($0) }
        for i in chain { diagnostics += parts[i].diagnostics }
        if let quote { diagnostics.append(CSVTable.quoteError(quote, path: path)) }
        if parts[0].header == nil && !parts[0].headerFailed {
            diagnostics.append(.error(Message(.csvNoHeader), at: SourceLocation(file: path, line: 1)))
        }
        var records: [Record] = []
        records.reserveCapacity(chain.reduce(0) { $0 + sinks[$1].waitCount() })
        for i in chain { sinks[i].drain(into: &records) }
        return (chain.reduce(0) { $0 + parts[$1].rows }, records)
    }

    /// Where a sheet is split: after the header, at line ends near equal shares, each with the
    /// line it starts on; nil when it is read in one part (a lone CR, no header, a short sheet).
    struct Split {
        var header: Header
        var cuts: [(offset: Int, line: Int)] = []

        init?(_ bytes: [UInt8], path: String, parts: Int) {
            // the header, read on its own (its diagnostics are the first part's)
            var reader = CSVReader()
            var first: CSVRecord?
            var headerEnd = 0
            while first == nil && headerEnd < bytes.count {
                let end = min(bytes.count, headerEnd + 4096)
                reader.feed(bytes[headerEnd..<end]) { if first == nil { first = $0 } }
                headerEnd = end
            }
            var ignored: [Diagnostic] = []
            guard let row = first, row.limit == nil, let h = Header(row, path: path, diagnostics: &ignored) else {
                return nil
            }
            header = h
            var lines = 1
            var counted = 0
            var previous = headerEnd
            let ok = bytes.withUnsafeBufferPointer { b -> Bool in
                // a CR not followed by LF ends a line without a line feed: the count would be off
                for i in b.indices where b[i] == 0x0D && (i + 1 == b.count || b[i + 1] != 0x0A) { return false }
                for k in 1..<parts {
                    var at = max(previous, b.count / parts * k)
                    while at < b.count && b[at] != 0x0A { at += 1 }
                    guard at + 1 < b.count else { break }
                    for j in counted...at where b[j] == 0x0A { lines += 1 }
                    counted = at + 1
                    previous = at + 1
                    cuts.append((at + 1, lines))
                }
                return true
            }
            if !ok || cuts.isEmpty { return nil }
        }
    }

    /// The rows of one part of a sheet (the first part reads the header).
    struct PartReader: Sendable {
        var reader: CSVReader
        var header: Header?
        var headerFailed = false
        var rows = 0
        var diagnostics: [Diagnostic] = []
        var context: SheetContext?
        let path: String

        init(path: String, line: Int, header: Header?) {
            self.path = path
            self.reader = CSVReader(line: line)
            self.header = header
        }

        /// Feeds bytes in 1 MiB pieces, so that the progress line can show how far a province's
        /// sheet is.
        mutating func feed(_ bytes: ArraySlice<UInt8>, progress: (Int) -> Void, emit: (Row) -> Void) {
            var r = reader
            var start = bytes.startIndex
            while start < bytes.endIndex {
                let end = min(bytes.endIndex, start + (1 << 20))
                r.feed(bytes[start..<end]) { handle($0, emit: emit) }
                progress(end - start)
                start = end
            }
            reader = r
        }

        /// Ends the sheet: its last record, or the quote left open.
        mutating func finish(emit: (Row) -> Void) -> CSVReader.UnbalancedQuote? {
            var r = reader
            let quote = r.finish { handle($0, emit: emit) }
            reader = r
            return quote
        }

        mutating func handle(_ row: CSVRecord, emit: (Row) -> Void) {
            guard !headerFailed else { return }
            if let l = row.limit {
                diagnostics.append(CSVTable.limitError(l, path: path))
                if header == nil { headerFailed = true }
                return
            }
            guard let h = header else {
                header = Header(row, path: path, diagnostics: &diagnostics)
                if header == nil { headerFailed = true }
                return
            }
            guard row.fields.count == h.width else {
                diagnostics.append(
                    .error(
                        .csvFieldCount(expected: h.width, found: row.fields.count),
                        at: SourceLocation(file: path, line: row.line)))
                return
            }
            // notes, totals, titles and a repeated header: one warning, not an error per cell
            // a row of empty cells (Excel saves the blank rows between the data and a note so)
            if row.fields.allSatisfy({ $0.trimmingSpaces.isEmpty }) { return }
            if let idColumn = h.idColumn,
                let shown = SheetRows.notABranch(
                    id: row.fields[idColumn].trimmingSpaces,
                    texts: { row.fields.map(\.trimmingSpaces).filter { !$0.isEmpty } })
            {
                diagnostics.append(
                    .warning(
                        .sheetNotABranch(row: row.line, text: shown), at: SourceLocation(file: path, line: row.line)))
                return
            }
            if rows % 1024 == 0 || context == nil { context = SheetContext(header: h, path: path) }
            rows += 1
            emit(Row(record: row, sheet: context!))
        }
    }

    /// The header row matched to field keys: English names or Chinese labels, any order.
    struct Header: Sendable {
        var columns: [(Int, FieldKey)] = []
        var width: Int
        /// The column of the branch id (0-based).
        var idColumn: Int? { columns.first { $0.1 == .branchID }?.0 }
        /// How the sheet names each field and where (for diagnostics).
        let sheetColumns: SheetColumns

        init?(_ row: CSVRecord, path: String, diagnostics: inout [Diagnostic]) {
            width = row.fields.count
            let at = SourceLocation(file: path, line: row.line)
            let match = HeaderMatch(row.fields.enumerated().map { ($0.offset, $0.element.trimmingSpaces) })
            columns = match.columns.map { ($0.index, $0.key) }
            let named = match.columns.map { (key: $0.key, name: $0.name, column: $0.index + 1) }
            for r in match.repeated {
                diagnostics.append(
                    .error(
                        .csvRepeatedColumn(column: r.index + 1, first: r.first + 1),
                        at: SourceLocation(file: path, line: row.line, column: r.index + 1), field: r.name))
            }
            for u in match.unknown {
                let at = SourceLocation(file: path, line: row.line, column: u.index + 1)
                let letter = CellReference.columnName(u.index + 1)
                if let typo = u.typoOf {
                    diagnostics.append(
                        .error(
                            .csvUnknownColumnSuggest(
                                column: u.index + 1, letter: letter, found: Escaped.text(u.name),
                                suggestion: HeaderMatch.shown(typo, for: u.name)),
                            at: at, field: Escaped.text(u.name)))
                } else {
                    diagnostics.append(
                        .warning(
                            .csvUnknownColumn(column: u.index + 1, letter: letter), at: at,
                            field: u.name.isEmpty ? "column \(u.index + 1)" : Escaped.text(u.name)))
                }
            }
            if !match.missing.isEmpty {
                diagnostics.append(
                    .error(
                        .csvMissingColumns(
                            columns: match.missing.map { "\($0) (\($0.chineseLabel))" }.joined(separator: ", ")),
                        at: at))
            }
            sheetColumns = SheetColumns(named)
            if !match.ok { return nil }
        }
    }

    /// A header row's names matched to fields, the same for a CSV sheet and an .xlsx sheet (each
    /// says it in its own messages): English names or Chinese labels, any order. Root cause
    /// first: a misspelled name is a typo of the required column it is nearest to, not an
    /// unknown column plus a missing one (plus every row's fallout).
    struct HeaderMatch {
        /// The columns matched, in order: index (0-based), field, the name as written.
        var columns: [(index: Int, key: FieldKey, name: String)] = []
        /// A field named a second time: the column and the one that named it first.
        var repeated: [(index: Int, first: Int, name: String)] = []
        /// A name that is not a field's: with the required field it looks like a typo of, if any.
        var unknown: [(index: Int, name: String, typoOf: FieldKey?)] = []
        /// Required fields no column names (nor a typo of one).
        var missing: [FieldKey] = []
        /// No column repeated, misspelled or missing.
        var ok: Bool { repeated.isEmpty && missing.isEmpty && !unknown.contains { $0.typoOf != nil } }

        init(_ names: [(index: Int, name: String)]) {
            var seen: [FieldKey: Int] = [:]
            var strangers: [(Int, String)] = []
            for (index, name) in names {
                guard let key = byName[name] else {
                    strangers.append((index, name))
                    continue
                }
                if let first = seen[key] {
                    repeated.append((index, first, name))
                    continue
                }
                seen[key] = index
                columns.append((index, key, name))
            }
            var left = CSVSubmissionReader.required.subtracting(seen.keys)
            for (index, name) in strangers {
                let typo = name.isEmpty ? nil : CSVSubmissionReader.closest(to: name, among: left)
                if let typo { left.remove(typo) }
                unknown.append((index, name, typo))
            }
            missing = left.sorted()
        }

        /// How the typo's field is best named to its writer: in Chinese to one who wrote Chinese.
        static func shown(_ key: FieldKey, for name: String) -> String {
            name.unicodeScalars.contains { $0.value > 0x7F } ? key.chineseLabel : key.description
        }
    }

    /// The required column whose English name or Chinese label is nearest to `name` by edit
    /// distance, if near enough to be a typo (at most 2 edits, and under a third of the name).
    static func closest(to name: String, among keys: Set<FieldKey>) -> FieldKey? {
        var best: (FieldKey, Int)?
        for key in keys.sorted() {
            for candidate in [key.description, key.chineseLabel] {
                let d = EditDistance.between(name.lowercased(), candidate.lowercased())
                let limit = min(2, max(1, candidate.count / 3))
                if d <= limit, d < (best?.1 ?? .max) { best = (key, d) }
            }
        }
        return best?.0
    }
}
