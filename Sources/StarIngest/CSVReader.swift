/// One CSV record: its fields (UTF-8 text) and the physical line each field starts on.
public struct CSVRecord: Equatable, Sendable {
    public var fields: [String]
    public var fieldLines: [Int]
    /// Line the record starts on (1-based).
    public var line: Int { fieldLines.first ?? 0 }
}

/// A streaming RFC 4180 reader over bytes, fed in chunks of any size.
///
/// Written by hand on purpose: the listed CSV packages are 11–16× slower than a byte parser on
/// this platform and one of them grows memory with the file (see platform-facts.md). It follows
/// Python's `csv` module (the test oracle): comma separator, `"` quoting with `""` for a quote,
/// CRLF, LF or lone CR ending a record, quoted fields may hold commas, quotes and newlines, text
/// after a closing quote is kept. Blank lines are skipped. An end of input inside quotes is an
/// error (an unbalanced quote), reported at the line where the quote opened.
public struct CSVReader {
    public struct UnbalancedQuote: Error, Equatable { public var line: Int }

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted, afterCR }

    private var state: State = .fieldStart
    private var field: [UInt8] = []
    private var fields: [String] = []
    private var fieldLines: [Int] = []
    private var line = 1
    private var fieldStartLine = 1
    private var pendingCRState: State = .fieldStart

    public init() {}

    private mutating func endField() {
        fields.append(String(decoding: field, as: UTF8.self))
        fieldLines.append(fieldStartLine)
        field.removeAll(keepingCapacity: true)
    }

    private mutating func endRecord(_ emit: (CSVRecord) -> Void) {
        endField()
        // A blank line is one empty field: skip it, as spreadsheets do.
        if !(fields.count == 1 && fields[0].isEmpty) {
            emit(CSVRecord(fields: fields, fieldLines: fieldLines))
        }
        fields.removeAll(keepingCapacity: true)
        fieldLines.removeAll(keepingCapacity: true)
    }

    /// Feeds the next chunk; every complete record is passed to `emit`.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer, emit: (CSVRecord) -> Void) {
        for b in chunk {
            if state == .afterCR {
                // CR seen at a record end: swallow a following LF.
                state = .fieldStart
                if b == 0x0A { continue }
            }
            switch state {
            case .fieldStart:
                fieldStartLine = line
                switch b {
                case 0x22: state = .quoted
                case 0x2C: endField()
                case 0x0A: line += 1; endRecord(emit)
                case 0x0D: line += 1; endRecord(emit); state = .afterCR
                default: field.append(b); state = .unquoted
                }
            case .unquoted:
                switch b {
                case 0x2C: endField(); state = .fieldStart
                case 0x0A: line += 1; endRecord(emit); state = .fieldStart
                case 0x0D: line += 1; endRecord(emit); state = .afterCR
                default: field.append(b)
                }
            case .quoted:
                if b == 0x22 { state = .quoteInQuoted } else {
                    if b == 0x0A { line += 1 }
                    field.append(b)
                }
            case .quoteInQuoted:
                switch b {
                case 0x22: field.append(0x22); state = .quoted
                case 0x2C: endField(); state = .fieldStart
                case 0x0A: line += 1; endRecord(emit); state = .fieldStart
                case 0x0D: line += 1; endRecord(emit); state = .afterCR
                default: field.append(b); state = .unquoted
                }
            case .afterCR:
                break
            }
        }
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
