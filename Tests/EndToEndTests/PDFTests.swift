import Foundation
import TestSupport
import Testing

func which(_ tool: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        let path = "\(dir)/\(tool)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}

let pdfToolsPresent = which("chromium") != nil && which("pdftotext") != nil && which("pdfinfo") != nil
/// In CI (`CI` set, as `.ci/run` does) the PDF check must run: missing tools fail it.
let pdfRequired = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false

func run(_ tool: String, _ args: [String]) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: which(tool)!)
    p.arguments = args
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

/// The printed notice: every branch name is in the PDF, on a sensible number of A4 pages.
/// SKIPPED where Chromium cannot be installed (`make test` installs it with apt-get first),
/// except in CI, where it fails instead.
@Suite struct NoticePDFTests {
    @Test(.enabled(if: pdfToolsPresent || pdfRequired, "SKIPPED: chromium/poppler-utils are not installed, the notice PDF is not checked"))
    func everyBranchIsInTheNoticePDF() throws {
        try #require(pdfToolsPresent, "CI is set but chromium, pdftotext or pdfinfo is missing: run make pdf-deps")
        let dir = try temporaryDirectory("pdf")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try runSampleData(into: dir)
        let pdf = dir.appendingPathComponent("notice.pdf").path
        _ = try run(
            "chromium",
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                "--print-to-pdf=\(pdf)", out.appendingPathComponent("notice.html").path,
            ])
        let text = try run("pdftotext", ["-layout", pdf, "-"])
        let rows = resultsRows(try report(out, "results.csv"))
        #expect(rows.count == 40)
        for row in rows.values {
            #expect(text.contains(row["branch_name"]!), "\(row["branch_name"]!) is missing from the PDF")
        }
        #expect(text.contains("关于2026年度基层服务型党组织星级评定结果的公示"))
        let info = try run("pdfinfo", [pdf])
        let pages = Int(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }!.split(separator: " ").last!)!
        // about 18 table rows per A4 page, plus the heading, method and signature
        #expect(pages >= 2 && pages <= rows.count / 18 + 3, "\(pages) pages for \(rows.count) branches")
        #expect(info.contains("(A4)"), "A4 page size expected: \(info)")
    }
}
