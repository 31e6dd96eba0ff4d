/// One CSV record: its fields (UTF-8 text) and the physical line each field starts on.
public struct CSVRecord: Equatable, Sendable {
    public var fields: [String]
    public var fieldLines: [Int]
    /// Set when the record broke a limit (its fields were then not all kept).
    public var limit: CSVReader.LimitExceeded?
    /// Line the record starts on (1-based).
    public var line: Int { fieldLines.first ?? limit?.line ?? 0 }

    public init(fields: [String], fieldLines: [Int], limit: CSVReader.LimitExceeded? = nil) {
        self.fields = fields
        self.fieldLines = fieldLines
        self.limit = limit
    }
}

/// A streaming RFC 4180 reader over bytes, fed in chunks of any size.
///
/// Written by hand on purpose: the listed CSV packages are 11–16× slower than a byte parser on
/// this platform and one of them grows memory with the file (measured with `make bench`). It follows
/// Python's `csv` module (the test oracle): comma separator, `"` quoting with `""` for a quote,
/// CRLF, LF or lone CR ending a record, quoted fields may hold commas, quotes and newlines, text
/// after a closing quote is kept. Blank lines are skipped. An end of input inside quotes is an
/// error (an unbalanced quote), reported at the line where the quote opened.
public struct CSVReader: Sendable {
    public struct UnbalancedQuote: Error, Equatable { public var line: Int }

    /// A record with more fields, or a field with more bytes, than any sheet needs: a hostile or
    /// broken file (one line of 40 MiB of commas would otherwise become 40 million fields).
    public struct LimitExceeded: Error, Equatable, Sendable {
        public enum Kind: Sendable { case fields, bytes }
        public var kind: Kind
        public var line: Int
        /// The 1-based column where the limit was passed.
        public var column: Int
    }
    public static let maxFields = 1_000
    public static let maxFieldBytes = 1 << 16

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted, afterCR }

    private var state: State = .fieldStart
    private var field: [UInt8] = []
    private var fields: [String] = []
    private var fieldLines: [Int] = []
    private var line = 1
    private var fieldStartLine = 1
    private var pendingCRState: State = .fieldStart
    private var limit: LimitExceeded?

    public init() {}

    /// A reader that starts at a record boundary on `line` (a part of a sheet split at a line end).
    public init(line: Int) {
        self.line = line
        self.fieldStartLine = line
    }

    /// Whether the reader stands between records: nothing of a record pending, outside quotes.
    public var atRecordStart: Bool { state == .fieldStart && fields.isEmpty && field.isEmpty }

    private mutating func endField() {
        if fields.count < CSVReader.maxFields {
            fields.append(String(decoding: field, as: UTF8.self))
            fieldLines.append(fieldStartLine)
        } else if limit == nil {
            limit = LimitExceeded(kind: .fields, line: fieldStartLine, column: fields.count + 1)
        }
        field.removeAll(keepingCapacity: true)
    }

    /// Keeps a byte of the field unless the field is already at its limit.
    @inline(__always) private mutating func append(_ b: UInt8) {
        if field.count < CSVReader.maxFieldBytes {
            field.append(b)
        } else if limit == nil {
            limit = LimitExceeded(kind: .bytes, line: fieldStartLine, column: fields.count + 1)
        }
    }

    private mutating func endRecord(_ emit: (CSVRecord) -> Void) {
        endField()
        // A blank line is one empty field: skip it, as spreadsheets do.
        if !(fields.count == 1 && fields[0].isEmpty) || limit != nil {
            emit(CSVRecord(fields: fields, fieldLines: fieldLines, limit: limit))
        }
        limit = nil
        fields.removeAll(keepingCapacity: true)
        fieldLines.removeAll(keepingCapacity: true)
    }

    /// Feeds the next chunk; every complete record is passed to `emit`. Inside a field the bytes
    /// up to the next one that matters (a comma or line end unquoted, a quote quoted) are taken as
    /// one run.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer, emit: (CSVRecord) -> Void) {
        let bytes = chunk.bindMemory(to: UInt8.self)
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            if state == .afterCR {
                // CR seen at a record end: swallow a following LF.
                state = .fieldStart
                if b == 0x0A {
                    i += 1
                    continue
                }
            }
            switch state {
            case .fieldStart:
                fieldStartLine = line
                if b == 0x22 {
                    state = .quoted
                } else if !delimit(b, emit) {
                    state = .unquoted
                    i = appendRun(bytes, from: i, quoted: false)
                    continue
                }
            case .unquoted:
                if !delimit(b, emit) {
                    i = appendRun(bytes, from: i, quoted: false)
                    continue
                }
            case .quoted:
                if b == 0x22 {
                    state = .quoteInQuoted
                } else {
                    i = appendRun(bytes, from: i, quoted: true)
                    continue
                }
            case .quoteInQuoted:
                if b == 0x22 {
                    append(0x22)
                    state = .quoted
                } else if !delimit(b, emit) {
                    // text after a closing quote is kept, unquoted
                    state = .unquoted
                    i = appendRun(bytes, from: i, quoted: false)
                    continue
                }
            case .afterCR:
                break
            }
            i += 1
        }
    }

    /// A comma or line end outside quotes ends the field or the record (the same wherever a field
    /// stands); false for any other byte.
    private mutating func delimit(_ b: UInt8, _ emit: (CSVRecord) -> Void) -> Bool {
        switch b {
        case 0x2C:
            endField()
            state = .fieldStart
        case 0x0A:
            line += 1
            endRecord(emit)
            state = .fieldStart
        case 0x0D:
            line += 1
            endRecord(emit)
            state = .afterCR
        default:
            return false
        }
        return true
    }

    /// Keeps the bytes from `start` up to the next comma, LF or CR (unquoted) or quote (quoted,
    /// counting the line ends in it), as `append` keeps each; the index of that byte.
    private mutating func appendRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, quoted: Bool) -> Int {
        var j = start
        var lineEnds = 0
        if quoted {
            while j < bytes.count && bytes[j] != 0x22 {
                if bytes[j] == 0x0A { lineEnds += 1 }
                j += 1
            }
        } else {
            while j < bytes.count && bytes[j] != 0x2C && bytes[j] != 0x0A && bytes[j] != 0x0D { j += 1 }
        }
        line += lineEnds
        let room = CSVReader.maxFieldBytes - field.count
        if j - start <= room {
            field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<j]))
        } else {
            if room > 0 { field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<start + room])) }
            if limit == nil { limit = LimitExceeded(kind: .bytes, line: fieldStartLine, column: fields.count + 1) }
        }
        return j
    }

    /// Ends the input: emits the last record if it had no line ending.
    public mutating func finish(emit: (CSVRecord) -> Void) -> UnbalancedQuote? {
        switch state {
        case .quoted:
            return UnbalancedQuote(line: fieldStartLine)
        case .fieldStart:
            if !fields.isEmpty { endRecord(emit) }
        case .unquoted, .quoteInQuoted:
            endRecord(emit)
        case .afterCR:
            break
        }
        state = .fieldStart
        return nil
    }

    /// Feeds bytes from an array slice.
    public mutating func feed(_ chunk: ArraySlice<UInt8>, emit: (CSVRecord) -> Void) {
        chunk.withUnsafeBytes { feed($0, emit: emit) }
    }

    /// Reads a whole buffer.
    public static func records(in bytes: [UInt8]) -> (records: [CSVRecord], error: UnbalancedQuote?) {
        var r = CSVReader()
        var out: [CSVRecord] = []
        r.feed(bytes[...]) { out.append($0) }
        let e = r.finish { out.append($0) }
        return (out, e)
    }
}
