#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns a CSV file's bytes into UTF-8, the way Excel users expect, without being told the
/// encoding. The encoding is decided for the whole file and then checked cell by cell, so that
/// one odd cell can neither turn the whole file into mojibake nor hide among valid text:
///
/// - a UTF-8 BOM, or bytes that are valid UTF-8 throughout: UTF-8;
/// - otherwise the non-ASCII cells vote. A cell that is valid UTF-8 and holds a sequence of
///   three or four bytes (CJK text) speaks for UTF-8: GBK text almost never forms one by chance
///   (about 2 in 10,000 three-character cells), while UTF-8 Chinese text is very often valid
///   GB18030 too, so validity as GB18030 proves nothing. A cell that is not UTF-8 speaks for
///   GB18030. Cells valid as UTF-8 with two-byte sequences only count for neither side (one
///   GBK cell in seven is such a cell by chance).
/// - mostly UTF-8 (at least as many UTF-8 cells as others): UTF-8, and every cell that is not
///   UTF-8 is an error at its line and column (a GBK cell pasted into a UTF-8 sheet);
/// - otherwise GB18030 (what Excel writes on Chinese Windows, a superset of GBK): every cell
///   that is not GB18030, and every cell that reads as UTF-8 CJK text (a UTF-8 cell pasted into
///   a GBK sheet, which would decode as mojibake), is an error at its line and column.
///
/// CSV's structure (`,` `"` CR LF) is ASCII and never part of a GB18030 multi-byte character
/// (trail bytes are 0x30–0x39, 0x40–0x7E or 0x80–0xFE), so cells are found on the raw bytes
/// with the same rules as `CSVReader`.
public enum TextDecoding {
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf8BOM = "UTF-8 (BOM)"
        case gb18030 = "GB18030"
    }

    /// A cell whose bytes do not fit the file's encoding.
    public struct BadCell: Equatable, Sendable {
        public enum Kind: Sendable, Equatable {
            /// Not UTF-8 in a file that is UTF-8.
            case notUTF8
            /// UTF-8 text in a file that is GB18030 (it would be read as mojibake).
            case utf8InGB18030
            /// Neither UTF-8 nor GB18030 in a file that is GB18030.
            case neither
        }
        public var kind: Kind
        /// 1-based line the cell starts on, counted as `CSVReader` counts.
        public var line: Int
        /// 1-based field number in its record.
        public var column: Int
        /// The cell's first bytes (at most `shownBytes`), to show it.
        public var bytes: [UInt8]
        /// A cell that is not UTF-8 read as GB18030, when it is that (its first characters).
        public var asGB18030: String? = nil
    }

    public struct DecodeError: Error, Equatable {
        public var cells: [BadCell]
        /// Line of the first bad cell.
        public var line: Int { cells.first?.line ?? 1 }
    }

    /// Bytes of a bad cell kept to show it.
    static let shownBytes = 48

    public static func toUTF8(_ bytes: [UInt8]) -> Result<(bytes: [UInt8], encoding: Encoding), DecodeError> {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let rest = Array(bytes.dropFirst(3))
            if firstInvalidUTF8(rest) != nil { return .failure(DecodeError(cells: badCells(rest, utf8: true))) }
            return .success((rest, .utf8BOM))
        }
        if firstInvalidUTF8(bytes) == nil { return .success((bytes, .utf8)) }
        // The vote (see above).
        var cjkUTF8 = 0
        var notUTF8 = 0
        forEachCell(bytes) { range, _, _ in
            switch classify(bytes, range) {
            case .cjkUTF8: cjkUTF8 += 1
            case .notUTF8: notUTF8 += 1
            case .ascii, .otherUTF8: break
            }
        }
        if cjkUTF8 > 0 && cjkUTF8 >= notUTF8 { return .failure(DecodeError(cells: badCells(bytes, utf8: true))) }
        if cjkUTF8 == 0, case .success(let out) = gb18030ToUTF8(bytes) { return .success((out, .gb18030)) }
        return .failure(DecodeError(cells: badCells(bytes, utf8: false)))
    }

    /// The cells that do not fit a file decided to be UTF-8 (`utf8`) or GB18030.
    static func badCells(_ bytes: [UInt8], utf8: Bool) -> [BadCell] {
        var out: [BadCell] = []
        let cd: iconv_t? = utf8 ? nil : iconv_open("UTF-8", "GB18030")
        let converter = cd == iconv_t(bitPattern: -1) ? nil : cd
        defer { if let converter { iconv_close(converter) } }
        forEachCell(bytes) { range, line, column in
            let kind: BadCell.Kind?
            switch classify(bytes, range) {
            case .ascii, .otherUTF8: kind = nil
            case .cjkUTF8: kind = utf8 ? nil : .utf8InGB18030
            case .notUTF8:
                if utf8 {
                    kind = .notUTF8
                } else if let converter, case .success = convert(Array(bytes[range]), cd: converter) {
                    kind = nil
                } else {
                    kind = .neither
                }
            }
            if let kind {
                var cell = BadCell(
                    kind: kind, line: line, column: column, bytes: Array(bytes[range].prefix(shownBytes)))
                if kind == .notUTF8, case .success(let text) = gb18030ToUTF8(Array(bytes[range])) {
                    cell.asGB18030 = String(String(decoding: text, as: UTF8.self).prefix(shownBytes / 2))
                }
                out.append(cell)
            }
        }
        return out
    }

    /// Bytes that are not UTF-8 shown as ASCII, every other byte as `\xHH` (never as the
    /// accidental two-byte characters a GBK text holds).
    public static func shown(_ bytes: [UInt8]) -> String {
        var out = ""
        for b in bytes {
            if b >= 0x20 && b < 0x7F {
                out.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                out += "\\x" + String(b, radix: 16, uppercase: true)
            }
        }
        return bytes.count >= shownBytes ? out + "…" : out
    }

    enum CellText { case ascii, cjkUTF8, otherUTF8, notUTF8 }

    /// What a cell's bytes are: ASCII, valid UTF-8 with a sequence of three or four bytes, other
    /// valid UTF-8, or not UTF-8.
    static func classify(_ bytes: [UInt8], _ range: Range<Int>) -> CellText {
        var i = range.lowerBound
        var longest = 1
        while i < range.upperBound {
            if bytes[i] < 0x80 {
                i += 1
                continue
            }
            guard let n = utf8SequenceLength(bytes, at: i, end: range.upperBound) else { return .notUTF8 }
            longest = max(longest, n)
            i += n
        }
        return longest == 1 ? .ascii : longest >= 3 ? .cjkUTF8 : .otherUTF8
    }

    /// Calls `body` with every cell's byte range (quotes included), the line it starts on and
    /// its field number, splitting as `CSVReader` does: `"` opens a quoted field only at a
    /// field's start, `""` inside it is a quote, LF ends a line, CR or CRLF ends a record and a
    /// line (a CR inside quotes is kept as text and not counted, as there).
    static func forEachCell(_ bytes: [UInt8], _ body: (Range<Int>, Int, Int) -> Void) {
        enum State { case fieldStart, unquoted, quoted, quoteInQuoted }
        var state = State.fieldStart
        var line = 1
        var cellLine = 1
        var column = 1
        var start = 0
        var i = 0
        let n = bytes.count
        func end(_ at: Int) { if at > start { body(start..<at, cellLine, column) } }
        while i < n {
            let b = bytes[i]
            if state == .fieldStart {
                start = i
                cellLine = line
            }
            switch state {
            case .quoted:
                if b == 0x22 { state = .quoteInQuoted } else if b == 0x0A { line += 1 }
                i += 1
                continue
            case .quoteInQuoted where b == 0x22:
                state = .quoted
                i += 1
                continue
            case .fieldStart where b == 0x22:
                state = .quoted
                i += 1
                continue
            default:
                break
            }
            switch b {
            case 0x2C:
                end(i)
                column += 1
                state = .fieldStart
            case 0x0A, 0x0D:
                end(i)
                column = 1
                line += 1
                state = .fieldStart
                if b == 0x0D, i + 1 < n, bytes[i + 1] == 0x0A { i += 1 }
            default:
                state = state == .fieldStart ? .unquoted : state == .quoteInQuoted ? .unquoted : state
            }
            i += 1
        }
        if state != .fieldStart { end(n) }
    }

    /// The length of the valid UTF-8 sequence at `i` (lead byte ≥ 0x80), or nil.
    @inline(__always)
    static func utf8SequenceLength(_ bytes: [UInt8], at i: Int, end: Int) -> Int? {
        let b = bytes[i]
        var need = 0
        var min: UInt32 = 0
        var cp: UInt32 = 0
        if b & 0xE0 == 0xC0 {
            need = 1
            cp = UInt32(b & 0x1F)
            min = 0x80
        } else if b & 0xF0 == 0xE0 {
            need = 2
            cp = UInt32(b & 0x0F)
            min = 0x800
        } else if b & 0xF8 == 0xF0 {
            need = 3
            cp = UInt32(b & 0x07)
            min = 0x10000
        } else {
            return nil
        }
        for k in 1...need {
            guard i + k < end, bytes[i + k] & 0xC0 == 0x80 else { return nil }
            cp = cp << 6 | UInt32(bytes[i + k] & 0x3F)
        }
        if cp < min || cp > 0x10FFFF || (0xD800...0xDFFF).contains(cp) { return nil }
        return need + 1
    }

    /// Offset of the first byte that breaks UTF-8, or nil if all is valid.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            guard let length = utf8SequenceLength(bytes, at: i, end: n) else { return i }
            i += length
        }
        return nil
    }

    static func lineOf(offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        for i in 0..<min(offset, bytes.count) where bytes[i] == 0x0A { line += 1 }
        return line
    }

    /// GB18030 → UTF-8 with glibc's iconv (0.4 s for 200 MB here, and it tells where it failed;
    /// Foundation's decoder does not). Returns the offset of the first undecodable byte on failure.
    struct BadByte: Error { var offset: Int }

    static func gb18030ToUTF8(_ input: [UInt8]) -> Result<[UInt8], BadByte> {
        let cd = iconv_open("UTF-8", "GB18030")
        guard cd != iconv_t(bitPattern: -1) else { return .failure(BadByte(offset: 0)) }
        defer { iconv_close(cd) }
        return convert(input, cd: cd)
    }

    /// `input` converted by an open iconv converter (glibc's; one per file, not one per cell), or
    /// the offset of the first byte it cannot convert.
    static func convert(_ input: [UInt8], cd: iconv_t?) -> Result<[UInt8], BadByte> {
        guard !input.isEmpty else { return .success([]) }
        iconv(cd, nil, nil, nil, nil)  // back to the initial state
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var inCopy = input
        let result: Result<Int, BadByte> = inCopy.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                let rc = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                if rc == -1 { return .failure(BadByte(offset: inBuf.count - inLeft)) }
                return .success(outBuf.count - outLeft)
            }
        }
        switch result {
        case .success(let written): return .success(Array(output[0..<written]))
        case .failure(let offset): return .failure(offset)
        }
    }
}
