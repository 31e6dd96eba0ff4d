import Foundation
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
    @Test func quotedFieldsWithCommasQuotesAndNewlines() {
        let text = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"line1\nline2\"\r\n中文,\"全角，逗号\",\n"
        let (records, error) = CSVReader.records(in: Array(text.utf8))
        #expect(error == nil)
        #expect(records.map(\.fields) == [["a", "b", "c"], ["x, y", "say \"hi\"", "line1\nline2"], ["中文", "全角，逗号", ""]])
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
        let pieces = ["plain", "", "\"q,uoted\"", "\"with \"\"quote\"\"\"", "\"multi\r\nline\"", "中文字段", "\"中,文\"", " spaced ", "€£¥", "a\"b"]
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

    @Test func invalidInBothNamesTheLine() {
        let bytes = Array("a,b\nc,d\n".utf8) + [0xFF, 0xFF, 0x0A]
        #expect(throws: TextDecoding.DecodeError(line: 3)) { try TextDecoding.toUTF8(bytes).get() }
    }
}
