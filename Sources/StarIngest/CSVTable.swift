import StarModel

/// A CSV file read whole: decoded to UTF-8 and split into records, or the diagnostics that
/// stopped it (bad encoding, unbalanced quote, empty file).
struct CSVTable {
    var header: CSVRecord
    var rows: [CSVRecord]

    /// Checks and decodes a CSV file's bytes to UTF-8, or adds the diagnostic that stops it.
    static func decode(bytes: [UInt8], path: String, diagnostics: inout [Diagnostic]) -> [UInt8]? {
        if bytes.isEmpty {
            diagnostics.append(.error(Message(.csvEmpty), at: SourceLocation(file: path, line: 1)))
            return nil
        }
        if bytes.contains(0) {
            diagnostics.append(
                .error(
                    Message(.csvBinary),
                    at: SourceLocation(
                        file: path, line: TextDecoding.lineOf(offset: bytes.firstIndex(of: 0)!, in: bytes))))
            return nil
        }
        switch TextDecoding.toUTF8(bytes) {
        case .success(let d): return d.bytes
        case .failure(let e):
            let header = headerNames(bytes, utf8: e.cells.first.map { $0.kind == .notUTF8 } ?? true)
            for cell in e.cells {
                let message: Message
                switch cell.kind {
                case .notUTF8:
                    message = .csvCellNotUTF8(
                        value: TextDecoding.shown(cell.bytes),
                        gbk: Localized(
                            zh: cell.asGB18030.map { "，按 GBK 读取为“\(Escaped.text($0))”" } ?? "",
                            en: cell.asGB18030.map { "; as GBK it reads \"\(Escaped.text($0))\"" } ?? ""))
                case .utf8InGB18030:
                    message = .csvCellUTF8InGB18030(value: Escaped.text(String(decoding: cell.bytes, as: UTF8.self)))
                case .neither: message = Message(.csvEncoding)
                }
                // the field as the header names it, when the cell is under the header
                var field: String?
                if cell.line > 1, let header, header.indices.contains(cell.column - 1), !header[cell.column - 1].isEmpty
                {
                    field = header[cell.column - 1]
                }
                diagnostics.append(
                    .error(message, at: SourceLocation(file: path, line: cell.line, column: cell.column), field: field))
            }
            if e.cells.isEmpty {
                diagnostics.append(.error(Message(.csvEncoding), at: SourceLocation(file: path, line: 1)))
            }
            return nil
        }
    }

    /// The names of the first line of a file whose encoding is in doubt, decoded as the rest of
    /// the file is (`utf8`, else GB18030), when that line is the header: one of its names is a
    /// column of the format (`branch_id`, `支部编号`…); nil otherwise (title rows above the
    /// header, or the line itself not decodable). Only to name the field of a cell that could not
    /// be decoded.
    static func headerNames(_ bytes: [UInt8], utf8: Bool) -> [String]? {
        var line = Array(bytes.prefix { $0 != 0x0A })
        if line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
        let decoded: [UInt8]
        if utf8 {
            guard String(validating: line, as: UTF8.self) != nil else { return nil }
            decoded = line
        } else {
            guard case .success(let d) = TextDecoding.gb18030ToUTF8(line) else { return nil }
            decoded = d
        }
        var reader = CSVReader()
        var names: [String]?
        reader.feed(decoded[...]) { record in if names == nil { names = record.fields.map { $0.trimmingSpaces } } }
        _ = reader.finish { record in if names == nil { names = record.fields.map { $0.trimmingSpaces } } }
        guard let names, names.contains(where: { CSVSubmissionReader.byName[$0] != nil }) else { return nil }
        return names
    }

    static func quoteError(_ q: CSVReader.UnbalancedQuote, path: String) -> Diagnostic {
        .error(Message(.csvQuote), at: SourceLocation(file: path, line: q.line))
    }

    static func limitError(_ l: CSVReader.LimitExceeded, path: String) -> Diagnostic {
        let message =
            l.kind == .fields
            ? Message.csvTooManyFields(limit: CSVReader.maxFields)
            : Message.csvFieldTooLong(column: l.column, limit: CSVReader.maxFieldBytes)
        return .error(message, at: SourceLocation(file: path, line: l.line, column: l.column))
    }

    static func read(bytes: [UInt8], path: String, diagnostics: inout [Diagnostic]) -> CSVTable? {
        var records: [CSVRecord] = []
        guard forEachRecord(bytes: bytes, path: path, diagnostics: &diagnostics, { records.append($0) }) else {
            return nil
        }
        return CSVTable(header: records[0], rows: Array(records.dropFirst()))
    }

    /// A CSV file's records one at a time (the header first), its bytes checked and decoded:
    /// false after adding the diagnostic that stops the whole file — its encoding, then an
    /// unbalanced quote, a record over the limits, no record at all. Records after one over the
    /// limits are not given; what `body` made of the others is about a file not read.
    static func forEachRecord(
        bytes: [UInt8], path: String, diagnostics: inout [Diagnostic], _ body: (CSVRecord) -> Void
    ) -> Bool {
        guard let decoded = decode(bytes: bytes, path: path, diagnostics: &diagnostics) else { return false }
        var reader = CSVReader()
        var limit: CSVReader.LimitExceeded?
        var any = false
        func take(_ record: CSVRecord) {
            guard limit == nil else { return }
            if let l = record.limit {
                limit = l
                return
            }
            any = true
            body(record)
        }
        reader.feed(decoded[...], emit: take)
        if let q = reader.finish(emit: take) {
            diagnostics.append(Self.quoteError(q, path: path))
            return false
        }
        if let limit {
            diagnostics.append(Self.limitError(limit, path: path))
            return false
        }
        guard any else {
            diagnostics.append(.error(Message(.csvNoHeader), at: SourceLocation(file: path, line: 1)))
            return false
        }
        return true
    }

    /// Header cells trimmed of spaces.
    var headerNames: [String] { header.fields.map { $0.trimmingSpaces } }
}

extension String {
    var trimmingSpaces: String {
        // fast paths: nothing to trim (almost every cell). On bytes first: U+3000 is E3 80 80.
        if let f = utf8.first, let l = utf8.last,
            f != 0x20 && f != 0x09 && f != 0xE3 && l != 0x20 && l != 0x09
                && l != 0x80
        {
            return self
        }
        if let f = unicodeScalars.first, let l = unicodeScalars.last,
            f != " " && f != "\t" && f != "\u{3000}" && l != " " && l != "\t" && l != "\u{3000}"
        {
            return self
        }
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\u{3000}" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\u{3000}" { s = s.dropLast() }
        return String(s)
    }
}
