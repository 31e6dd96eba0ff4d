import Foundation
import StarModel
import TestSupport
import Testing

/// The ledger through the built binary, as a person (or the acceptance checks) drive it.
@Suite(.serialized) struct LedgerBinaryTests {
    /// SampleData 2025 run, recorded, objected, resolved, approved and adjusted; the folder.
    func sampleCycle(_ name: String) throws -> (dir: URL, ledger: String) {
        let dir = try temporaryFolder("ledger-e2e-\(name)")
        let r = try starReport([
            "run", "--input", "SampleData/2025", "--output", dir.appendingPathComponent("2025").path,
        ])
        #expect(r.status == 0, "\(r.errText)")
        let ledger = dir.appendingPathComponent("ledger.sqlite").path
        let steps: [[String]] = [
            ["record", "--reports", dir.appendingPathComponent("2025").path],
            ["object", "--year", "2025", "--branch", "CZJ-02", "--text", "名额", "--date", "2026-01-02"],
            ["resolve", "--year", "2025", "--branch", "CZJ-02", "--stars", "5", "--reason", "复核"],
            ["approve", "--year", "2025", "--date", "2026-01-08", "--document", "文号"],
            [
                "adjust", "--branch", "CZJ-03", "--stars", "2", "--date", "2026-06-01", "--reason",
                "<script>alert(1)</script> 组织生活不正常", "--document", "工委〔2026〕3号",
            ],
        ]
        for s in steps {
            let out = try starReport(["ledger"] + s + ["--ledger", ledger])
            #expect(out.status == 0, "\(s): \(out.errText)")
        }
        return (dir, ledger)
    }

    func results(_ dir: URL) throws -> [String: (Int?, String?)] {
        let data = try Data(contentsOf: dir.appendingPathComponent("results.json"))
        let json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        var out: [String: (Int?, String?)] = [:]
        // results.json's branches are arrays under the names of `branch_fields`
        let fields = json["branch_fields"] as? [String] ?? []
        for values in json["branches"] as? [[Any]] ?? [] {
            let b = Dictionary(uniqueKeysWithValues: zip(fields, values))
            out[b["branch_id"] as! String] = (b["previous_stars"] as? Int, b["change"] as? String)
        }
        return out
    }

    @Test func runWithTheLedgerEqualsRunWithAFileOfTheCurrentStars() throws {
        let (dir, ledger) = try sampleCycle("run")
        defer { try? FileManager.default.removeItem(at: dir) }
        // the current stars, as `history --format json` gives them, into a results-like file
        let csv2025 = try String(contentsOf: dir.appendingPathComponent("2025/results.csv"), encoding: .utf8)
        let ids = csv2025.split(separator: "\r\n").dropFirst().map { String($0.split(separator: ",")[0]) }
        var previous = "branch_id,stars\r\n"
        for id in ids {
            let h = try starReport(["ledger", "history", "--ledger", ledger, "--branch", id, "--format", "json"])
            let json = try JSONSerialization.jsonObject(with: h.out) as! [String: Any]
            let years = json["years"] as! [[String: Any]]
            previous += "\(id),\(years.last!["current_stars"] as! Int)\r\n"
        }
        let file = dir.appendingPathComponent("current.csv")
        try Data(previous.utf8).write(to: file)
        let a = try starReport([
            "run", "--input", "SampleData/2026", "--output", dir.appendingPathComponent("a").path, "--ledger", ledger,
        ])
        let b = try starReport([
            "run", "--input", "SampleData/2026", "--output", dir.appendingPathComponent("b").path, "--previous",
            file.path,
        ])
        #expect(a.status == 0 && b.status == 0, "\(a.errText) \(b.errText)")
        let ra = try results(dir.appendingPathComponent("a"))
        let rb = try results(dir.appendingPathComponent("b"))
        #expect(ra.count == 40)
        for (id, v) in ra { #expect(v.0 == rb[id]?.0 && v.1 == rb[id]?.1, "\(id)") }
        #expect(ra["CZJ-03"]?.0 == 2 && ra["CZJ-02"]?.1 == "demoted")
        let both = try starReport([
            "run", "--input", "SampleData/2026", "--output", dir.appendingPathComponent("c").path, "--ledger", ledger,
            "--previous", file.path,
        ])
        #expect(both.status == 64)
    }

    @Test func commandsRefuseWithTheirExitStatus() throws {
        let (dir, ledger) = try sampleCycle("refuse")
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.appendingPathComponent("missing.sqlite").path
        for read in [
            ["history", "--branch", "CZJ-01"], ["export", "--output", dir.appendingPathComponent("x.xlsx").path],
            ["report", "--output", dir.appendingPathComponent("p").path],
        ] {
            #expect(try starReport(["ledger"] + read + ["--ledger", missing]).status == 66)
        }
        #expect(!FileManager.default.fileExists(atPath: missing))
        // another 2025 (a different notice date) cannot replace the approved one
        _ = try starReport([
            "run", "--input", "SampleData/2025", "--output", dir.appendingPathComponent("2025b").path, "--notice-date",
            "2025-12-20",
        ])
        let again = try starReport([
            "ledger", "record", "--ledger", ledger, "--reports", dir.appendingPathComponent("2025b").path,
        ])
        #expect(again.status == 65 && again.errText.contains("approved"), "\(again.errText)")
        let same = try starReport([
            "ledger", "record", "--ledger", ledger, "--reports", dir.appendingPathComponent("2025").path,
        ])
        #expect(same.status == 0)
        #expect(
            try starReport([
                "ledger", "adjust", "--ledger", ledger, "--branch", "CZJ-04", "--stars", "5", "--date", "2026-06-01",
                "--reason", "r",
            ]).status == 65)
        #expect(try starReport(["ledger", "history", "--ledger", ledger, "--branch", "NOPE"]).status == 65)
        let foreign = dir.appendingPathComponent("2025/results.csv").path
        let before = try Data(contentsOf: URL(fileURLWithPath: foreign))
        let f = try starReport([
            "ledger", "object", "--ledger", foreign, "--year", "2025", "--branch", "CZJ-01", "--text", "x",
        ])
        #expect(f.status == 65 && f.errText.contains("not a star-report star ledger"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: foreign)) == before)
        // a year still in notice cannot feed run --ledger
        _ = try starReport([
            "run", "--input", "SampleData/2026", "--output", dir.appendingPathComponent("2026").path, "--ledger",
            ledger,
        ])
        #expect(
            try starReport([
                "ledger", "record", "--ledger", ledger, "--reports", dir.appendingPathComponent("2026").path,
            ]).status == 0)
        let next = try starReport([
            "run", "--input", "SampleData/2026", "--year", "2027", "--output", dir.appendingPathComponent("2027").path,
            "--ledger", ledger,
        ])
        #expect(next.status == 65, "\(next.errText)")
        let history = try starReport(["ledger", "history", "--ledger", ledger, "--branch", "CZJ-03"])
        #expect(
            history.status == 0 && history.outText.contains("2025 (approved)")
                && history.outText.contains("2026 (in notice)"), "\(history.outText)")
        // the adjustment in each language: the star level as the reports name it, or its number
        #expect(
            history.outText.contains("): lowered to 2 stars, <script>alert(1)</script> 组织生活不正常 (工委〔2026〕3号)\n"),
            "\(history.outText)")
        #expect(history.outText.contains("proposed 4 stars, approved 4 stars, now 2 stars;"), "\(history.outText)")
        let zh = try runProcess(
            starReportBinary, ["ledger", "history", "--ledger", ledger, "--branch", "CZJ-03"],
            environment: ["STAR_REPORT_LANG": "zh"])
        #expect(zh.outText.contains("）：降为二星级，<script>alert(1)</script> 组织生活不正常（工委〔2026〕3号）\n"), "\(zh.outText)")
        // every star level in the ledger's Chinese as the reports say it: 四星级, never "4 星"
        #expect(zh.outText.contains("拟评四星级，批准四星级，现为二星级；"), "\(zh.outText)")
        #expect(!zh.outText.contains(" 星"), "\(zh.outText)")
        #expect(try ledgerTool(["check", ledger])["integrity"] as? String == "ok")
    }

    @Test func theWorkbookReadsBackWithOpenpyxl() throws {
        let (dir, ledger) = try sampleCycle("export")
        defer { try? FileManager.default.removeItem(at: dir) }
        let xlsx = dir.appendingPathComponent("台账.xlsx").path
        let out = try starReport(["ledger", "export", "--ledger", ledger, "--output", xlsx])
        #expect(out.status == 0, "\(out.errText)")
        #expect(try starReport(["ledger", "export", "--ledger", ledger, "--output", xlsx]).status == 73)
        let book = try ledgerTool(["xlsx", xlsx]) as! [String: [[Any]]]
        #expect(Set(book.keys) == ["星级管理台账", "重点管理", "日志"])
        let main = book["星级管理台账"]!
        #expect(main.count == 41)
        let header = main[0].map { "\($0)" }
        let row = main.first { "\($0[0])" == "CZJ-03" }!
        // a committee by its name with its id, as the other reports name it
        #expect("\(row[2])" == "市财政局机关党委（CZJ）" && "\(header[2])" == "上级党组织")
        #expect(
            row[header.firstIndex(of: "2025 批准")!] as? Int == 4 && row[header.firstIndex(of: "2025 现星级")!] as? Int == 2)
        // the adjustment names the star level as every report does (二星级, not 2星)
        #expect(
            "\(row.last!)" == "2026-06-01 降为二星级：<script>alert(1)</script> 组织生活不正常（工委〔2026〕3号）", "\(row.last!)")
        let close = book["重点管理"]!.dropFirst().map { "\($0[0])" }
        #expect(
            !close.isEmpty
                && close.allSatisfy { id in
                    (main.first { "\($0[0])" == id }?[header.firstIndex(of: "2025 现星级")!] as? Int ?? 9) <= 1
                })
        let log = book["日志"]!.dropFirst().map { "\($0[3])" }
        #expect(log == ["记入", "异议", "异议处理", "批准", "调整"])
    }

    @Test func theReportPageIsTheSameForTheSameLedgerEscapesItsTextAndRenders() throws {
        let (dir, ledger) = try sampleCycle("report")
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("page")
        #expect(try starReport(["ledger", "report", "--ledger", ledger, "--output", page.path]).status == 0)
        let first = try Data(contentsOf: page.appendingPathComponent("ledger.html"))
        #expect(try starReport(["ledger", "report", "--ledger", ledger, "--output", page.path]).status == 0)
        #expect(try Data(contentsOf: page.appendingPathComponent("ledger.html")) == first)
        #expect(try FileManager.default.contentsOfDirectory(atPath: page.path) == ["ledger.html"])
        let html = String(decoding: first, as: UTF8.self)
        #expect(!html.contains("<script") && html.contains("&lt;script&gt;"))
        // one year is named once, not as a span of itself; a year is written as the notice writes
        // it (2025年度, no space)
        #expect(html.contains("<h1>星级管理台账（2025年度）</h1>") && !html.contains(" 年度"))
        #expect(html.contains("<title>星级管理台账（2025年度）</title>"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 5)
        #expect(html.contains("<h3>市财政局机关党委（CZJ）</h3>") && !html.contains("<h3>CZJ</h3>"))
        #expect(html.contains("<h2>重点管理（现为一星级或不定星级，"))
        // the year's changes: CZJ-02 rose (objection), no empty "0 more" lines
        #expect(html.contains("CZJ-03 市财政局国库科党支部") && html.contains("年中调整") && !html.contains("另有 0 个"))
        #expect(html.contains("2026-06-01 降为二星级：&lt;script&gt;"), "\(html)")
        #expect(
            !html.contains("http://")
                || html.components(separatedBy: "http://").count - 1 == html.components(
                    separatedBy: "xmlns=\"http://www.w3.org/2000/svg\""
                ).count - 1)
        let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        let required = !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty
        guard let chromium else {
            #expect(!required, "CI is set but chromium is missing: run make pdf-deps")
            return
        }
        let png = dir.appendingPathComponent("page.png").path
        let shot = try runProcess(
            chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1000,1400", "--screenshot=\(png)",
                page.appendingPathComponent("ledger.html").path,
            ])
        #expect(shot.status == 0, "\(shot.errText)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(bytes.count > 10_000 && bytes.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
    }

    /// A second writer waits for the first up to 5 s: it goes through when the first finishes
    /// in time, and exits 75 (changing nothing) when not.
    @Test func aSecondWriterWaitsThenGivesUp() throws {
        let (dir, ledger) = try sampleCycle("busy")
        defer { try? FileManager.default.removeItem(at: dir) }
        func holding(_ seconds: Double, _ body: () throws -> Void) throws {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = [
                "python3", testsDir.appendingPathComponent("ledger_tool.py").path, "lock", ledger, "\(seconds)",
            ]
            let out = Pipe()
            p.standardOutput = out
            try p.run()
            _ = out.fileHandleForReading.availableData  // "locked"
            try body()
            p.waitUntilExit()
        }
        let review = [
            "ledger", "review", "--ledger", ledger, "--year", "2025", "--branch", "CZJ-01", "--stars", "5", "--reason",
            "r", "--date", "2026-02-01",
        ]
        try holding(8) {
            let start = Date()
            let r = try starReport(review)
            #expect(r.status == 75, "\(r.errText)")
            #expect(Date().timeIntervalSince(start) >= 4.5)
        }
        try holding(1.5) {
            let r = try starReport(review)
            #expect(r.status == 0, "\(r.errText)")
        }
        #expect((try ledgerTool(["check", ledger])["commands"] as? [String])?.filter { $0 == "review" }.count == 1)
    }

    /// kill -9 while a 50,000-branch year is being recorded: the file stays sound and holds the
    /// whole year or none of it; recording again then completes.
    @Test func killedDuringRecordLeavesAllOrNothing() throws {
        let dir = try temporaryFolder("ledger-kill")
        defer { try? FileManager.default.removeItem(at: dir) }
        let reports = dir.appendingPathComponent("2025")
        try fakeReports(reports, year: 2025, branches: fakeBranches(50_000, seed: 3))
        let ledger = dir.appendingPathComponent("l.sqlite").path
        var sawNone = false
        var sawAll = false
        for delay in [0.05, 0.15, 0.3, 0.5, 0.8, 1.2, 2.0] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: starReportBinary)
            p.arguments = ["ledger", "record", "--ledger", ledger, "--reports", reports.path]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            Thread.sleep(forTimeInterval: delay)
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            guard FileManager.default.fileExists(atPath: ledger) else {
                sawNone = true
                continue
            }
            let check = try ledgerTool(["check", ledger])
            #expect(check["integrity"] as? String == "ok")
            let entries = check["entry"] as? Int ?? -1
            let years = check["year"] as? Int ?? -1
            #expect((entries == 0 && years == 0) || (entries == 50_000 && years == 1), "\(check)")
            if entries == 0 {
                sawNone = true
            } else {
                sawAll = true
                break
            }
        }
        let done = try starReport(["ledger", "record", "--ledger", ledger, "--reports", reports.path])
        #expect(done.status == 0, "\(done.errText)")
        let check = try ledgerTool(["check", ledger])
        #expect(check["entry"] as? Int == 50_000 && check["integrity"] as? String == "ok")
        #expect(sawNone || sawAll)
    }
}
