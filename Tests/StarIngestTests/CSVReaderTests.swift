import Foundation
import StarModel
import TestSupport
import Testing

@testable import StarIngest

/// Parses `bytes` with python3's `csv` module (the oracle), returning its records.
func pythonRecords(_ bytes: [UInt8]) throws -> [[String]] {
    let dir = try temporaryFolder("csv-oracle")
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("in.csv")
    try Data(bytes).write(to: file)
    let r = try runPython([
        "-c",
        """
        import csv, json, sys
        with open(sys.argv[1], newline='', encoding='utf-8') as f:
            rows = [r for r in csv.reader(f, strict=True) if r != []]
        print(json.dumps(rows))
        """, file.path,
    ])
    try #require(r.status == 0, "python3 oracle: \(r.errText)")
    return try JSONDecoder().decode([[String]].self, from: r.out)
}

/// Reads `bytes` feeding the reader in chunks of `chunk` bytes.
func chunkedRecords(_ bytes: [UInt8], chunk: Int) -> [[String]] {
    var reader = CSVReader()
    var out: [[String]] = []
    var i = 0
    while i < bytes.count {
        reader.feed(bytes[i..<min(bytes.count, i + chunk)]) { out.append($0.fields) }
        i += chunk
    }
    _ = reader.finish { out.append($0.fields) }
    return out
}

@Suite struct CSVReaderTests {
    @Test func cellsLoseTheSpacesAroundThem() {
        #expect("\u{3000}市财政局\u{3000}".trimmingSpaces == "市财政局")
        #expect(" 9.5\t".trimmingSpaces == "9.5" && "\u{3000}".trimmingSpaces == "")
        // 一 (E4 B8 80) ends in the byte U+3000 ends in, and keeps every character
        #expect("第一".trimmingSpaces == "第一" && "一 ".trimmingSpaces == "一")
    }

    @Test func quotedFieldsWithCommasQuotesAndNewlines() {
        let text = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"line1\nline2\"\r\n中文,\"全角，逗号\",\n"
        let (records, error) = CSVReader.records(in: Array(text.utf8))
        #expect(error == nil)
        #expect(
            records.map(\.fields) == [["a", "b", "c"], ["x, y", "say \"hi\"", "line1\nline2"], ["中文", "全角，逗号", ""]])
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func lastRecordWithoutLineEndAndBlankLinesSkipped() {
        let (records, _) = CSVReader.records(in: Array("a,b\n\n\nc,d".utf8))
        #expect(records.map(\.fields) == [["a", "b"], ["c", "d"]])
        #expect(records.map(\.line) == [1, 4])
    }

    @Test func unbalancedQuoteReportsTheLineWhereItOpened() {
        let (_, error) = CSVReader.records(in: Array("a,b\n1,\"open\n2,3\n".utf8))
        #expect(error == CSVReader.UnbalancedQuote(line: 2))
    }

    @Test func loneCRAndCRLFEndRecords() {
        let (records, _) = CSVReader.records(in: Array("a\rb\r\nc\n".utf8))
        #expect(records.map(\.fields) == [["a"], ["b"], ["c"]])
        #expect(records.map(\.line) == [1, 2, 3])
    }

    @Test(arguments: [1, 2, 3, 7, 64, 4096])
    func agreesWithPythonCSVAcrossChunkBoundaries(chunk: Int) throws {
        // A deterministic mix of every tricky case, several hundred records long.
        let pieces = [
            "plain", "", "\"q,uoted\"", "\"with \"\"quote\"\"\"", "\"multi\r\nline\"", "中文字段", "\"中,文\"", " spaced ",
            "€£¥", "a\"b",
        ]
        var text = ""
        var state: UInt64 = 42
        for _ in 0..<400 {
            let fields = (0..<5).map { _ -> String in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return pieces[Int(state >> 33) % pieces.count]
            }
            text += fields.joined(separator: ",") + ((state >> 40) % 2 == 0 ? "\r\n" : "\n")
        }
        let bytes = Array(text.utf8)
        let expected = try pythonRecords(bytes)
        #expect(chunkedRecords(bytes, chunk: chunk) == expected)
    }
}

@Suite struct TextDecodingTests {
    @Test func utf8WithAndWithoutBOM() throws {
        let plain = Array("支部,1\n".utf8)
        #expect(try TextDecoding.toUTF8(plain).get().encoding == .utf8)
        let bom = [0xEF, 0xBB, 0xBF] + plain
        let decoded = try TextDecoding.toUTF8(bom).get()
        #expect(decoded.encoding == .utf8BOM)
        #expect(decoded.bytes == plain)
    }

    @Test func gb18030IsDetectedAndDecoded() throws {
        // "市财政局" in GB18030 (what Excel on Chinese Windows writes).
        let gb: [UInt8] = [0xCA, 0xD0, 0xB2, 0xC6, 0xD5, 0xFE, 0xBE, 0xD6, 0x2C, 0x31, 0x0A]
        let decoded = try TextDecoding.toUTF8(gb).get()
        #expect(decoded.encoding == .gb18030)
        #expect(String(decoding: decoded.bytes, as: UTF8.self) == "市财政局,1\n")
    }

    @Test func invalidInBothNamesTheLineAndColumn() {
        let bytes = Array("a,b\nc,d\nx,".utf8) + [0xFF, 0xFF, 0x0A]
        #expect(
            throws: TextDecoding.DecodeError(cells: [.init(kind: .neither, line: 3, column: 2, bytes: [0xFF, 0xFF])])
        ) {
            try TextDecoding.toUTF8(bytes).get()
        }
    }

    /// "第二支部" in GBK, pasted into a UTF-8 sheet: the file as a whole happens to be valid
    /// GB18030 (and read that way was every Chinese name in mojibake).
    static let gbkCell: [UInt8] = [0xB5, 0xDA, 0xB6, 0xFE, 0xD6, 0xA7, 0xB2, 0xBF]

    @Test func aGBKCellInAUTF8FileIsAnErrorAtItsCell() {
        let bytes = Array("支部名称,上级名称\n第一支部,市财政局\n\"x\",".utf8) + Self.gbkCell + Array("\n".utf8)
        #expect(
            throws: TextDecoding.DecodeError(cells: [
                .init(kind: .notUTF8, line: 3, column: 2, bytes: Self.gbkCell, asGB18030: "第二支部")
            ])
        ) { try TextDecoding.toUTF8(bytes).get() }
    }

    @Test func aStrayByteInAUTF8FileIsReportedAtItsLine() {
        let cell = Array("\"市\n".utf8) + [0xFF] + Array("公安局\"".utf8)
        var bytes = Array("支部名称,上级名称\n第一支部,市财政局\n第二支部,".utf8) + cell + Array("\n".utf8)
        #expect(throws: TextDecoding.DecodeError(cells: [.init(kind: .notUTF8, line: 3, column: 2, bytes: cell)])) {
            try TextDecoding.toUTF8(bytes).get()
        }
        // with a BOM too
        bytes = [0xEF, 0xBB, 0xBF] + Array("a,b\r\nc,".utf8) + [0xC3]
        #expect(throws: TextDecoding.DecodeError(cells: [.init(kind: .notUTF8, line: 2, column: 2, bytes: [0xC3])])) {
            try TextDecoding.toUTF8(bytes).get()
        }
    }

    @Test func aUTF8CellInAGBKFileIsAnError() {
        // "市财政局" in GBK, then "市卫生局" in UTF-8 (valid GB18030 too, as mojibake)
        let gb: [UInt8] = [0xCA, 0xD0, 0xB2, 0xC6, 0xD5, 0xFE, 0xBE, 0xD6]
        let utf8 = Array("市卫生局".utf8)
        let bytes = gb + Array(",1\n".utf8) + gb + Array(",".utf8) + utf8 + Array("\n".utf8) + gb + Array(",2\n".utf8)
        #expect(throws: TextDecoding.DecodeError(cells: [.init(kind: .utf8InGB18030, line: 2, column: 2, bytes: utf8)]))
        {
            try TextDecoding.toUTF8(bytes).get()
        }
    }

    @Test func cellsAreSplitAsTheCSVReaderSplitsThem() {
        let text = "a,\"b,\"\"c\r\nd\"e,f\r\ng\"h,i\rj\n\n,k"
        var cells: [(String, Int, Int)] = []
        let bytes = Array(text.utf8)
        TextDecoding.forEachCell(bytes) { r, line, column in
            cells.append((String(decoding: bytes[r], as: UTF8.self), line, column))
        }
        #expect(cells.map(\.0) == ["a", "\"b,\"\"c\r\nd\"e", "f", "g\"h", "i", "j", "k"])
        #expect(cells.map(\.1) == [1, 1, 2, 3, 3, 4, 6])
        #expect(cells.map(\.2) == [1, 2, 3, 1, 2, 1, 2])
    }
}

/// A cell in the other encoding is named by the field its header gives it, whichever encoding
/// the file is in.
@Suite struct EncodingFieldTests {
    func errors(_ bytes: [UInt8]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        _ = CSVTable.forEachRecord(bytes: bytes, path: "s.csv", diagnostics: &diagnostics) { _ in }
        return diagnostics
    }

    @Test func aUTF8CellInAGBKFileIsNamedByItsHeader() {
        let gbk: (String) -> [UInt8] = { text in
            // 支部编号 / 支部名称 / 市级 in GB18030
            [
                "支部编号": [0xD6, 0xA7, 0xB2, 0xBF, 0xB1, 0xE0, 0xBA, 0xC5],
                "支部名称": [0xD6, 0xA7, 0xB2, 0xBF, 0xC3, 0xFB, 0xB3, 0xC6],
                "市级": [0xCA, 0xD0, 0xBC, 0xB6],
            ][text]!
        }
        let bytes =
            gbk("支部编号") + Array(",".utf8) + gbk("支部名称") + [0x0A] + Array("B1,".utf8) + gbk("市级") + [0x0A]
            + Array("B2,".utf8) + Array("测试党支部".utf8) + [0x0A]
        let d = errors(bytes)
        #expect(d.count == 1 && d.first?.location.line == 3 && d.first?.location.column == 2)
        #expect(d.first?.field == "支部名称", "\(d)")
        // a title row above the header: the first line names no column, so no field is guessed
        let titled =
            Array("2026年度星级评定\n".utf8) + Array("branch_id,branch_name\nB1,".utf8) + [0xCA, 0xD0, 0xBC, 0xB6, 0x0A]
        let t = errors(titled)
        #expect(t.count == 1 && t.first?.field == nil, "\(t)")
    }
}
