import StarModel

/// A CSV file read whole: decoded to UTF-8 and split into records, or the diagnostics that
/// stopped it (bad encoding, unbalanced quote, empty file).
struct CSVTable {
    var header: CSVRecord
    var rows: [CSVRecord]
    var encoding: TextDecoding.Encoding

    static func read(bytes: [UInt8], path: String, diagnostics: inout [Diagnostic]) -> CSVTable? {
        if bytes.isEmpty {
            diagnostics.append(.error("E-CSV-EMPTY", at: SourceLocation(file: path, line: 1), "the file is empty; expected a header row"))
            return nil
        }
        if bytes.contains(0) {
            diagnostics.append(.error("E-CSV-BINARY", at: SourceLocation(file: path, line: TextDecoding.lineOf(offset: bytes.firstIndex(of: 0)!, in: bytes)),
                                      "the file holds NUL bytes: it is not a text CSV file (was a spreadsheet saved as .xlsx?)"))
            return nil
        }
        let decoded: (bytes: [UInt8], encoding: TextDecoding.Encoding)
        switch TextDecoding.toUTF8(bytes) {
        case .success(let d): decoded = d
        case .failure(let e):
            diagnostics.append(.error("E-CSV-ENCODING", at: SourceLocation(file: path, line: e.line),
                                      "bytes that are neither UTF-8 nor GB18030; save the sheet as \"CSV UTF-8\""))
            return nil
        }
        let (records, quoteError) = CSVReader.records(in: decoded.bytes)
        if let q = quoteError {
            diagnostics.append(.error("E-CSV-QUOTE", at: SourceLocation(file: path, line: q.line),
                                      "a quoted field is never closed (unbalanced \")"))
            return nil
        }
        guard let header = records.first else {
            diagnostics.append(.error("E-CSV-EMPTY", at: SourceLocation(file: path, line: 1), "the file has no header row"))
            return nil
        }
        return CSVTable(header: header, rows: Array(records.dropFirst()), encoding: decoded.encoding)
    }

    /// Header cells trimmed of spaces.
    var headerNames: [String] { header.fields.map { $0.trimmingSpaces } }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\u{3000}" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\u{3000}" { s = s.dropLast() }
        return String(s)
    }
}
