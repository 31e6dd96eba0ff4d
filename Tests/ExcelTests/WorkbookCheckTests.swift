import Foundation
import StarModel
import TestSupport
import Testing

@testable import StarExcel

/// The checked libxlsxwriter wrapper (Sources/StarExcel/Workbook.swift): no refused call goes
/// unreported.
@Suite struct WorkbookCheckTests {
    let date = CivilDate(year: 2025, month: 3, day: 1)!

    @Test func aRefusedCellIsThrownWhenTheWorkbookCloses() throws {
        let dir = try temporaryFolder("workbook-check")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("a.xlsx").path
        let wb = try Workbook(path: path, created: date, title: "t", constantMemory: false)
        let ws = try wb.worksheet("one")
        ws.text(0, 0, "fine")
        ws.number(1_048_576, 0, 1)  // below Excel's last row
        ws.width(20_000, 5)  // past Excel's last column
        #expect {
            try wb.close()
        } throws: { error in
            // libxlsxwriter's own reason, for a catalogue message that names the file
            let text = "\(error)"
            return error is WorkbookError && !text.isEmpty && !text.contains(path)
        }
    }

    @Test func everyPartIsDeflatedSuperFast() throws {
        let dir = try temporaryFolder("workbook-check")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("fast.xlsx").path
        let wb = try Workbook(path: path, created: date, title: "t", constantMemory: true)
        let ws = try wb.worksheet("one")
        for row in 0..<2_000 { ws.text(row, 0, "支部 \(row)") }
        try wb.close()
        let parts = try zipPartsAndDeflateOptions(path)
        #expect(parts.contains { $0.hasPrefix("xl/worksheets/sheet1.xml ") })
        // minizip records level 1 as 3 ("super fast"); libxlsxwriter's own, zlib's default, as 0
        // ("normal")
        let recorded = [1: 3, 2: 2, 8: 1, 9: 1][Workbook.deflateLevel] ?? 0
        #expect(recorded == 3 && parts.allSatisfy { $0.hasSuffix(" 8 \(recorded)") }, "\(parts)")
    }

    @Test func aTextOverExcelsLimitIsCutNotRefused() throws {
        let dir = try temporaryFolder("workbook-check")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("long.xlsx").path
        let wb = try Workbook(path: path, created: date, title: "t", constantMemory: false)
        let ws = try wb.worksheet("one")
        // "é" as e + combining accent: one Character, two Unicode scalars, as libxlsxwriter counts
        ws.text(0, 0, String(repeating: "e\u{301}", count: 20_000))
        ws.text(1, 0, String(repeating: "x", count: Worksheet.maxCellCharacters))
        try wb.close()
        let out = try runProcess(
            "/usr/bin/env",
            [
                "python3", "-c",
                """
                import sys, zipfile, re
                x = zipfile.ZipFile(sys.argv[1]).read("xl/sharedStrings.xml").decode()
                print(",".join(str(len(t)) for t in re.findall(r"<t[^>]*>([^<]*)</t>", x)))
                """,
                path,
            ])
        #expect(out.status == 0, "\(out.errText)")
        #expect(out.outText.trimmingCharacters(in: .whitespacesAndNewlines) == "32767,32767")
    }

    @Test func aBadSheetNameThrowsAtOnce() throws {
        let dir = try temporaryFolder("workbook-check")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("b.xlsx").path
        let wb = try Workbook(path: path, created: date, title: "t", constantMemory: false)
        _ = try wb.worksheet("one")
        #expect(throws: WorkbookError.self) { try wb.worksheet("one") }
        #expect(throws: WorkbookError.self) { try wb.worksheet("a/b") }
        #expect(throws: WorkbookError.self) { try wb.worksheet(String(repeating: "长", count: 32)) }
        try wb.close()
    }

    @Test func anOverlongErrorTextIsCutToExcelsLimit() throws {
        let dir = try temporaryFolder("workbook-check")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("c.xlsx").path
        // "é" as e + combining accent: one Character, two Unicode scalars
        let long = String(repeating: "e\u{301}", count: 20_000)
        let row = ErrorListWorkbook.Row(
            file: "f", sheet: "s", cell: "A1", field: "x", value: long, message: "m", action: "a")
        try ErrorListWorkbook.write(
            [row], headers: ["1", "2", "3", "4", "5", "6", "7"], sheet: "错误", title: "t", created: date, to: path)
        #expect(FileManager.default.fileExists(atPath: path))
    }
}
