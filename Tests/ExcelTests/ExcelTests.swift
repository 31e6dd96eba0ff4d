import Foundation
import StarModel
import StarPipeline
import StarPlatform
import TestSupport
import Testing

@testable import StarIngest

let excelTestsDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
let repoDir = repoRoot

/// Runs `python3 Tests/ExcelTests/xlsx_tool.py ARGS` (openpyxl, the oracle); its stdout.
@discardableResult
func xlsxTool(_ args: [String]) throws -> String {
    let r = try runPython([excelTestsDir.appendingPathComponent("xlsx_tool.py").path] + args)
    if r.status != 0 {
        throw ToolError(description: "xlsx_tool.py \(args.joined(separator: " ")) failed: " + r.errText)
    }
    return r.outText
}

struct ToolError: Error, CustomStringConvertible { var description: String }

func scratch(_ name: String) throws -> URL { try temporaryFolder("star-report-excel-\(name)") }

final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    var all: [String] { lock.withLock { items } }
    func add(_ s: String) { lock.withLock { items.append(s) } }
}

/// Runs the pipeline in process; (status, stderr lines).
func runPipeline(input: URL, output: URL? = nil, year: Int? = nil, previous: String? = nil) -> (
    StarPlatform.ExitStatus, [String]
) {
    let err = Lines()
    let console = Console(out: { _ in }, err: { err.add($0) })
    let options = Options(
        input: input.path, output: output?.path, year: year,
        templates: repoDir.appendingPathComponent("Templates").path, previous: previous)
    let p = Pipeline(options: options, console: console)
    return (output == nil ? p.validate() : p.run(), err.all)
}

/// One cell as both readers see it, for comparison.
struct Seen: Equatable, CustomStringConvertible {
    var row: Int, col: Int, kind: String, value: String
    var description: String { "\(CellReference.columnName(col))\(row)=\(kind):\(value)" }
}

@Suite struct XLSXReaderTests {
    /// Our reader and openpyxl see the same cells in random workbooks (shared and inline strings,
    /// rich text with phonetic guides, formulas' cached values, floats, dates, booleans, empty
    /// cells, styled blank rows at the end).
    @Test(arguments: 1...12)
    func readerAgreesWithOpenpyxl(seed: Int) throws {
        let dir = try scratch("random")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("r.xlsx").path
        try xlsxTool(["random", String(seed), file])
        let json = try JSONSerialization.jsonObject(with: Data(try xlsxTool(["dump", file]).utf8)) as! [[Any]]
        let expected: [Seen] = json.map { a in
            let kind = a[2] as! String
            var value: String
            switch kind {
            case "n": value = String(Double(a[3] as! String)!)
            case "b": value = (a[3] as! Bool) ? "true" : "false"
            default: value = a[3] as! String
            }
            return Seen(row: a[0] as! Int, col: a[1] as! Int, kind: kind, value: value)
        }
        let workbook = try XLSXWorkbook(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: file))))
        var seen: [Seen] = []
        try workbook.rows { row, cells in
            for (col, cell) in cells {
                switch cell {
                case .number(let t): seen.append(Seen(row: row, col: col, kind: "n", value: String(Double(t)!)))
                case .string(let s): seen.append(Seen(row: row, col: col, kind: "s", value: s))
                case .bool(let b): seen.append(Seen(row: row, col: col, kind: "b", value: b ? "true" : "false"))
                case .error(let e), .isoDate(let e): seen.append(Seen(row: row, col: col, kind: "s", value: e))
                case .unreadable(let m): Issue.record("seed \(seed): unreadable cell \(m.text(.en))")
                }
            }
        }
        #expect(seen.count == expected.count)
        for (a, b) in zip(seen, expected) where a != b {
            Issue.record("seed \(seed): ours \(a), openpyxl \(b)")
            break
        }
    }

    @Test func cellsBecomeTheTextACSVWouldHold() {
        typealias R = XLSXSubmissionReader
        #expect(R.text(.number("8.299999999999999"), key: .aspect(.selfEvaluation, 1)) == "8.3")
        #expect(R.text(.number("9"), key: .aspect(.selfEvaluation, 1)) == "9")
        #expect(R.text(.number("9.0000000001"), key: .aspect(.selfEvaluation, 1)) == "9")
        #expect(R.text(.number("9.55"), key: .aspect(.selfEvaluation, 1)) == "9.55")
        #expect(R.text(.number("9.500001"), key: .aspect(.selfEvaluation, 1)) == "9.500001")
        #expect(R.text(.number("-3"), key: .members) == "-3")
        #expect(R.text(.number("0.30000000000000004"), key: .satisfaction) == "0.3")
        #expect(R.text(.number("46203"), key: .electionDue) == "2026-06-30")
        #expect(R.text(.number("46203.75"), key: .electionHeld) == "2026-06-30")
        #expect(R.text(.number("1"), key: .electionDue) == "1900-01-01")
        #expect(R.text(.number("61"), key: .electionDue) == "1900-03-01")
        #expect(R.text(.bool(true), key: .electionDelayApproved) == "true")
        #expect(R.text(.string(" 是 "), key: .electionDelayApproved) == "是")
        #expect(R.text(.error("#N/A"), key: .satisfaction) == "#N/A")
        #expect(R.text(.isoDate("2026-03-15T00:00:00"), key: .electionHeld) == "2026-03-15")
    }

    @Test func cellReferencesRenderLikeExcel() {
        let at = SourceLocation(
            file: "a.xlsx", line: 16, column: 6, cell: CellReference(sheet: "Sheet1", header: "自评3", field: "self_3"))
        #expect(at.description == "a.xlsx:Sheet1!F16")
        let d = Diagnostic.error(.tooManyDecimals(value: "9.55", example: Tenths(95)), at: at, field: "self_3")
        #expect(d.rendered == "a.xlsx:Sheet1!F16: error[E-DECIMALS]: 自评3: 最多一位小数，当前为“9.55”；请保留一位小数（如 9.5）")
        let other = Diagnostic.error(.selfTooHigh(self: 90, limit: 15, superior: 60), at: at, field: "self_total")
        #expect(
            other.in(.en).rendered
                == """
                a.xlsx:Sheet1!F16: error[W-SELF-HIGH]: self_total: self-evaluation total 90 is more than 15 above \
                the superior's 60; check the figures
                """
        )
        #expect(
            SourceLocation(file: "a.xlsx", line: 2, column: 28, cell: CellReference(sheet: "My Sheet")).description
                == "a.xlsx:'My Sheet'!AB2")
        #expect(CellReference.columnName(702) == "ZZ" && CellReference.columnName(703) == "AAA")
    }
}

@Suite(.serialized) struct ExcelEndToEndTests {
    /// A copy of SampleData/2025 and the results of running it as it is.
    func sample2025(_ name: String) throws -> (dir: URL, input: URL, csv: String) {
        let dir = try scratch(name)
        let input = dir.appendingPathComponent("2025")
        try FileManager.default.copyItem(at: repoDir.appendingPathComponent("SampleData/2025"), to: input)
        let (status, err) = runPipeline(input: input, output: dir.appendingPathComponent("csv-run"))
        #expect(status == .ok, "\(err)")
        let csv = try String(contentsOf: dir.appendingPathComponent("csv-run/results.csv"), encoding: .utf8)
        return (dir, input, csv)
    }

    static let wjwSheet = "市卫生健康委机关党委.csv"

    @Test func anXLSXSheetWithColumnsOutOfOrderIsRatedLikeItsCSVTwin() throws {
        let (dir, input, csv) = try sample2025("twin")
        defer { try? FileManager.default.removeItem(at: dir) }
        let sheet = input.appendingPathComponent(Self.wjwSheet)
        try xlsxTool(["from-csv", sheet.path, input.appendingPathComponent("wjw.xlsx").path, "shuffle"])
        try FileManager.default.removeItem(at: sheet)
        let (status, err) = runPipeline(input: input, output: dir.appendingPathComponent("xlsx-run"))
        #expect(status == .ok, "\(err)")
        #expect(try String(contentsOf: dir.appendingPathComponent("xlsx-run/results.csv"), encoding: .utf8) == csv)
        #expect(err.contains { $0.contains("Excel 汇总表 1 个（8 行）") })
    }

    @Test func theSameBranchInAnXLSXAndACSVSheetIsADuplicate() throws {
        let (dir, input, _) = try sample2025("dup")
        defer { try? FileManager.default.removeItem(at: dir) }
        try xlsxTool([
            "from-csv", input.appendingPathComponent(Self.wjwSheet).path, input.appendingPathComponent("wjw.xlsx").path,
        ])
        let (status, err) = runPipeline(input: input)
        #expect(status == .dataError)
        let dup = err.filter { $0.contains("E-DUPLICATE") }
        #expect(dup.count == 8)
        // files are read in name order: wjw.xlsx before 市卫生健康委机关党委.csv
        #expect(
            dup.first == input.path + "/市卫生健康委机关党委.csv:2: error[E-DUPLICATE]: branch_id: 支部 WJW-01 提交了两次，第一次在 "
                + input.path + "/wjw.xlsx:Sheet1!A2；请删去其中一份")
    }

    /// results.xlsx holds results.csv's cells (read back with openpyxl), with the committee name
    /// and the star label beside them; our own reader (inline strings) reads it the same.
    @Test func resultsXLSXEqualsResultsCSVCellByCell() throws {
        let dir = try scratch("results")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("r")
        let (status, err) = runPipeline(input: repoDir.appendingPathComponent("SampleData/2026"), output: out)
        #expect(status == .ok, "\(err)")
        // results.csv starts with a UTF-8 byte order mark (for Excel), which is no part of a cell
        var csv = try String(contentsOf: out.appendingPathComponent("results.csv"), encoding: .utf8)
        if csv.hasPrefix("\u{FEFF}") { csv.removeFirst() }
        let lines = csv.split(separator: "\r\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let json =
            try JSONSerialization.jsonObject(
                with: Data(try xlsxTool(["dump", out.appendingPathComponent("results.xlsx").path]).utf8)) as! [[Any]]
        var grid: [Int: [Int: Any]] = [:]
        var kinds: [Int: [Int: String]] = [:]
        for a in json {
            grid[a[0] as! Int, default: [:]][a[1] as! Int] = a[3]
            kinds[a[0] as! Int, default: [:]][a[1] as! Int] = a[2] as? String
        }
        #expect(grid.count == lines.count)
        let headers = [
            "支部编号", "支部名称", "上级党组织编号", "上级党组织名称", "自评得分", "测评得分", "考评得分",
            "基础分", "加分", "减分", "最终得分", "分档星级", "评定星级", "星级", "适用规则",
        ]
        #expect((1...headers.count).map { grid[1]?[$0] as? String } == headers)
        let columnOf: [String: Int] = [
            "branch_id": 1, "branch_name": 2, "committee_id": 3, "self_total": 5, "mass_total": 6,
            "superior_total": 7, "base": 8, "bonus": 9, "deduction": 10, "final": 11,
            "band_stars": 12, "stars": 13, "rules": 15,
        ]
        let header = lines[0]
        var compared = 0
        for (i, row) in lines.enumerated().dropFirst() {
            let cells = grid[i + 1] ?? [:]
            for (k, name) in header.enumerated() {
                let col = columnOf[name]!
                let value = cells[col]
                let text: String
                let kind = kinds[i + 1]?[col]
                switch (kind, value) {
                case ("n", let s as String):
                    let n = Double(s)!
                    text =
                        ["band_stars", "stars"].contains(name)
                        ? String(Int(n)) : Tenths(Int((n * 10).rounded())).description
                case (_, let s as String): text = s
                default: text = ""
                }
                #expect(text == row[k], "row \(i + 1) \(name)")
                compared += 1
            }
            let stars = Int(row[header.firstIndex(of: "stars")!])!
            #expect(cells[14] as? String == Label.chineseForTest(stars))
            #expect((cells[4] as? String)?.isEmpty == false)
        }
        #expect(compared == 40 * 13)
        // our reader: inline strings, the same header
        let wb = try XLSXWorkbook(bytes: [UInt8](try Data(contentsOf: out.appendingPathComponent("results.xlsx"))))
        #expect(wb.sheetName == "评定结果")
        var firstRow: [XLSXCell] = []
        try wb.rows { r, cells in if r == 1 { firstRow = cells.map(\.1) } }
        #expect(firstRow == headers.map { XLSXCell.string($0) })
        // the quota sheet
        let quota =
            try JSONSerialization.jsonObject(
                with: Data(try xlsxTool(["dump", out.appendingPathComponent("results.xlsx").path, "1"]).utf8))
            as! [[Any]]
        #expect(quota.contains { ($0[3] as? String) == "Q1" })
        // the rule codes: each meaning in the numbers of the rules in use, points too
        let codes =
            try JSONSerialization.jsonObject(
                with: Data(try xlsxTool(["dump", out.appendingPathComponent("results.xlsx").path, "2"]).utf8))
            as! [[Any]]
        let meanings = codes.filter { ($0[1] as? Int) == 3 }.compactMap { $0[3] as? String }
        #expect(meanings.contains("民主评议满意率低于60%，减分（减5分）"))
        #expect(meanings.contains("年度内无故缺席累计3次及以上，最高四星级并降低一个星级"))
        #expect(meanings.contains("受市直工委通报批评，减分（每次减3分）"))
    }

    @Test func resultsXLSXIsByteIdenticalForTheSameInput() throws {
        let dir = try scratch("det")
        defer { try? FileManager.default.removeItem(at: dir) }
        var bytes: [Data] = []
        for name in ["a", "b"] {
            let (status, _) = runPipeline(
                input: repoDir.appendingPathComponent("SampleData/2026"), output: dir.appendingPathComponent(name))
            #expect(status == .ok)
            bytes.append(try Data(contentsOf: dir.appendingPathComponent("\(name)/results.xlsx")))
        }
        #expect(bytes[0] == bytes[1])
    }

    /// The template filled in (with openpyxl, as a person would type the figures) reads back with
    /// no error and gives the same results as the same figures in CSV.
    @Test func aFilledTemplateIsRatedLikeTheCSV() throws {
        let (dir, input, csv) = try sample2025("template")
        defer { try? FileManager.default.removeItem(at: dir) }
        let template = dir.appendingPathComponent("wjw-template.xlsx")
        let p = Pipeline(options: Options(input: input.path), console: Console(out: { _ in }, err: { _ in }))
        #expect(p.template(output: template.path, committee: "WJW") == .ok)
        // never overwrites
        #expect(p.template(output: template.path, committee: "WJW") == .cannotCreate)
        let sheet = input.appendingPathComponent(Self.wjwSheet)
        try xlsxTool(["fill", template.path, sheet.path, input.appendingPathComponent("wjw-filled.xlsx").path])
        try FileManager.default.removeItem(at: sheet)
        let (status, err) = runPipeline(input: input, output: dir.appendingPathComponent("template-run"))
        #expect(status == .ok, "\(err)")
        #expect(!err.contains { $0.contains("error[") })
        #expect(try String(contentsOf: dir.appendingPathComponent("template-run/results.csv"), encoding: .utf8) == csv)
    }

    @Test func templateRefusesUnknownCommitteeAndBadName() throws {
        let dir = try scratch("tpl-bad")
        defer { try? FileManager.default.removeItem(at: dir) }
        let p = Pipeline(
            options: Options(input: repoDir.appendingPathComponent("SampleData/2026").path),
            console: Console(out: { _ in }, err: { _ in }))
        #expect(p.template(output: dir.appendingPathComponent("x.xlsx").path, committee: "NOPE") == .usage)
        #expect(p.template(output: dir.appendingPathComponent("x.csv").path, committee: nil) == .usage)
        #expect(p.template(output: dir.appendingPathComponent("all.xlsx").path, committee: nil) == .ok)
        let wb = try XLSXWorkbook(bytes: [UInt8](try Data(contentsOf: dir.appendingPathComponent("all.xlsx"))))
        var rows = 0
        try wb.rows { _, _ in rows += 1 }
        #expect(rows == 41)
    }
}

enum Label {
    static func chineseForTest(_ stars: Int) -> String {
        stars == 0 ? "不定星级" : ["", "一", "二", "三", "四", "五"][stars] + "星级"
    }
}

/// Damaged workbooks (bytes flipped, cut short, parts swapped) give diagnostics, never a crash
/// or a hang: a cheap stand-in for `make fuzz` that runs with every `make test`.
@Suite struct DamagedWorkbookTests {
    static let sample: [UInt8] = [UInt8](
        try! Data(contentsOf: repoDir.appendingPathComponent("SampleData/2026/市卫生健康委机关党委.xlsx")))

    @Test func flippedAndTruncatedBytesOnlyGiveDiagnostics() throws {
        let folder = try InputFolder()
        var rng = SplitMix(seed: 12)
        var refused = 0
        for i in 0..<400 {
            var bytes = Self.sample
            if i % 4 == 3 {
                bytes = Array(bytes.prefix(Int(rng.next() % UInt64(bytes.count))))
            } else {
                for _ in 0...(i % 3) {
                    let at = Int(rng.next() % UInt64(bytes.count))
                    bytes[at] ^= UInt8(truncatingIfNeeded: rng.next() | 1)
                }
            }
            let r = folder.read(bytes: bytes, name: "m.xlsx", path: "m.xlsx") { $0 }
            if r.diagnostics.contains(where: { $0.severity == .error }) {
                refused += 1
            } else {
                #expect(r.submissions.count <= 8)
            }
        }
        #expect(refused > 200)
    }
}
