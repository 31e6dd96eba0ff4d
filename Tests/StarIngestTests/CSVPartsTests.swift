import Foundation
import StarModel
import TestSupport
import Testing

@testable import StarIngest

/// A sheet read in parts at once gives exactly what one reader going through it gives: the same
/// rows in the same order, at the same lines, and the same diagnostics.
@Suite struct CSVPartsTests {
    static let header = FieldKey.allColumns.map(\.description).joined(separator: ",")

    /// A row of the sheet, valid or not: quoted names with commas, quotes and line ends inside,
    /// a wrong number of fields, a note row, a blank line, a cell over the size limit.
    static func row(_ i: Int, _ g: inout SplitMix) -> String {
        var cells = FieldKey.allColumns.map { _ in String(Int.random(in: 0...9, using: &g)) }
        cells[1] = "B\(i)"
        switch Int.random(in: 0..<20, using: &g) {
        case 0: cells[2] = "\"第\(i)支部,\"\"引号\"\"\n第二行\r\n第三行\""
        case 1: cells[2] = "\"" + String(repeating: "长\n", count: Int.random(in: 1...40, using: &g)) + "\""
        case 2: cells.removeLast()
        case 3: return "合计,,,"
        case 4: return ""
        case 5: cells[2] = String(repeating: "x", count: CSVReader.maxFieldBytes + 1)
        case 6: cells[2] = "ab\"c"
        default: cells[2] = "支部\(i)"
        }
        return cells.joined(separator: ",")
    }

    /// The rows and diagnostics of reading `bytes` in `parts`.
    static func read(_ bytes: [UInt8], parts: Int) -> (rows: Int, records: [CSVRecord], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let (rows, records) = CSVSubmissionReader.readRecords(
            bytes: bytes, path: "s.csv", parts: parts, diagnostics: &diagnostics
        ) {
            $0.record
        }
        return (rows, records, diagnostics)
    }

    @Test(arguments: 0..<40) func partsReadWhatOneReaderReads(seed: Int) {
        var g = SplitMix(seed: UInt64(seed) &* 2_654_435_761 &+ 1)
        let n = Int.random(in: 0...300, using: &g)
        let end = ["\n", "\r\n"][seed % 2]
        var text = (seed % 3 == 0 ? "\u{FEFF}" : "") + Self.header + end
        text += (0..<n).map { Self.row($0, &g) }.joined(separator: end)
        if seed % 5 == 0 { text += end + "B-open,\"never closed" }
        let bytes = Array(text.utf8)
        let one = Self.read(bytes, parts: 1)
        #expect(one.rows > 0 || n < 5 || seed % 5 == 0)
        for parts in [2, 3, 7] {
            let many = Self.read(bytes, parts: parts)
            #expect(many.rows == one.rows, "seed \(seed), \(parts) parts")
            #expect(many.records == one.records, "seed \(seed), \(parts) parts")
            #expect(many.diagnostics == one.diagnostics, "seed \(seed), \(parts) parts")
        }
    }

    /// A quoted field that spans the middle of the sheet: the second part began inside quotes,
    /// so it is dropped and the first part reads on; a lone CR reads the sheet in one part.
    @Test func aCutInsideQuotesAndALoneCR() throws {
        let rows = (0..<10).map { "\($0),B\($0),name" + String(repeating: ",1", count: FieldKey.allColumns.count - 3) }
        let long =
            "10,B10,\"" + String(repeating: "多行\n", count: 5000) + "\""
            + String(repeating: ",1", count: FieldKey.allColumns.count - 3)
        let text = ([Self.header] + rows + [long] + rows).joined(separator: "\n")
        let bytes = Array(text.utf8)
        let split = try #require(CSVSubmissionReader.Split(bytes, path: "s.csv", parts: 2))
        #expect(split.cuts.count == 1)
        let one = Self.read(bytes, parts: 1)
        let two = Self.read(bytes, parts: 2)
        #expect(one.records.count == 21 && two.records == one.records && two.diagnostics == one.diagnostics)
        #expect(two.records.last?.line == 5022)

        let loneCR = Array((Self.header + "\r" + rows.joined(separator: "\n")).utf8)
        #expect(CSVSubmissionReader.Split(loneCR, path: "s.csv", parts: 2) == nil)
        #expect(Self.read(loneCR, parts: 2).records == Self.read(loneCR, parts: 1).records)
    }
}
