import Foundation
import StarModel
import Testing

@testable import StarIngest

let sampleDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("SampleData/2026").path

@Suite struct InputFolderTests {
    static let result: IngestResult<RawSubmission> = try! InputFolder().read(directory: sampleDir) { $0 }

    func raw(_ id: String) -> RawSubmission {
        Self.result.submissions.first { $0.fields[.branchID]?.text == id }!
    }

    @Test func everyFileIsAccountedFor() {
        let r = Self.result
        #expect(r.files.count == 20)
        #expect(r.files.filter { $0.kind == .xml }.count == 16)
        #expect(r.files.filter { $0.kind == .csv }.map(\.records) == [16])
        #expect(r.files.filter { $0.kind == .xlsx }.map(\.records) == [8])  // the 市卫生健康委 sheet is an .xlsx in 2026
        #expect(r.register?.count == 40)
        #expect(r.configFile != nil)
        #expect(r.submissions.count == 40)
        #expect(r.diagnostics.isEmpty)
        #expect(r.files.allSatisfy { $0.sha256.count == 64 })
    }

    @Test func xmlEventsBecomeTheSameFieldsAsCSVColumns() {
        let jyj03 = raw("JYJ-03")
        #expect(jyj03.format == .xml)
        #expect(jyj03.fields[.unexcusedAbsences]?.text == "3")  // four absences, one excused
        #expect(jyj03.fields[.aspect(.selfEvaluation, 1)]?.text == "9.2")
        #expect(jyj03.fields[.aspect(.selfEvaluation, 1)]?.location.line == 9)
        let czj01 = raw("CZJ-01")
        #expect(czj01.commendationLevels.map(\.text) == ["city", "province"])
        #expect(czj01.eventDates.count == 2)
        #expect(raw("WJW-05").format == .xlsx)
        #expect(
            raw("WJW-05").fields[.leadershipMajorSanctions]?.location.description.hasSuffix(".xlsx:Sheet1!AT6") == true)
        #expect(raw("WJW-05").fields[.leadershipMajorSanctions]?.text == "1")
    }

    @Test func gb18030SheetIsDecodedAndChineseHeadersMatched() {
        let gaj = raw("GAJ-01")
        #expect(gaj.fields[.branchName]?.text == "市公安局政治部党支部")  // from the GB18030 sheet
        let wjw = raw("WJW-01")
        #expect(wjw.fields[.committeeName]?.text == "市卫生健康委机关党委")  // Chinese headers, BOM
        #expect(wjw.commendationLevels.map(\.text) == ["国家级"])
        #expect(wjw.location.line == 2)
    }
}

@Suite struct LargeFileTests {
    /// A sheet of several megabytes: its digest is taken on another thread while it is parsed,
    /// and every row's location names the file, whichever copy of the path it holds.
    @Test func largeSheetDigestAndLocations() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("star-large-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let columns = FieldKey.allColumns.map(\.description)
        var text = columns.joined(separator: ",") + "\n"
        for i in 0..<20_000 {
            text +=
                columns.map { $0 == "branch_id" ? "B\(i)" : $0 == "branch_name" ? "第\(i)党支部" : "1" }.joined(
                    separator: ",") + "\n"
        }
        let bytes = Array(text.utf8)
        #expect(bytes.count > 1 << 20)
        let path = dir.appendingPathComponent("sheet.csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let r = try InputFolder().read(directory: dir.path) { $0 }
        let account = try #require(r.files.first)
        #expect(account.sha256 == SHA256.hex(bytes))
        #expect(account.sha256.count == 64)
        #expect(r.submissions.count == 20_000)
        #expect(r.submissions.allSatisfy { $0.location.file == path && $0.fields[.branchID]?.location.file == path })
        #expect(r.submissions.map(\.location.line) == Array(2...20_001), "rows in order with their lines")
    }
}
