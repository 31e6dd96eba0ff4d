import Foundation
import StarModel
import StarPipeline
import StarPlatform
import TestSupport
import Testing

@testable import StarIngest

/// Runs `python3 Tests/ExcelTests/habits.py ARGS` (openpyxl writes the sheet as a habit makes it).
func habit(_ args: [String]) throws {
    let r = try runPython([excelTestsDir.appendingPathComponent("habits.py").path] + args)
    if r.status != 0 { throw ToolError(description: "habits.py \(args.joined(separator: " ")) failed: " + r.errText) }
}

/// Sheets filled the way office staff fill them: each habit either gives the same results as the
/// CSV of the same figures, or one error at the cell that says what to do.
@Suite(.serialized) struct SheetHabitTests {
    static let wjw = ExcelEndToEndTests.wjwSheet

    /// SampleData/2025 with the 市卫生健康委 sheet replaced by the workbook `name` makes of it.
    func withHabit(_ name: String) throws -> (dir: URL, input: URL, csv: String) {
        let (dir, input, csv) = try ExcelEndToEndTests().sample2025("habit-\(name)")
        let sheet = input.appendingPathComponent(Self.wjw)
        try habit([name, sheet.path, input.appendingPathComponent("wjw.xlsx").path])
        try FileManager.default.removeItem(at: sheet)
        return (dir, input, csv)
    }

    /// The error lines a run printed, with paths shown within the input folder.
    func errorLines(_ err: [String], in input: URL) -> [String] {
        err.filter { $0.contains(": error[") }.map { $0.replacingOccurrences(of: input.path + "/", with: "") }
    }

    @Test(arguments: ["percent", "office", "typed", "shuffled"])
    func ratedExactlyLikeTheCSV(name: String) throws {
        let (dir, input, csv) = try withHabit(name)
        defer { try? FileManager.default.removeItem(at: dir) }
        let (status, err) = runPipeline(input: input, output: dir.appendingPathComponent("run"))
        #expect(status == .ok, "\(err)")
        #expect(!err.contains { $0.contains("error[") }, "\(err)")
        #expect(try String(contentsOf: dir.appendingPathComponent("run/results.csv"), encoding: .utf8) == csv)
    }

    /// The cover sheet, title rows, merged committee cells, the total, the note and the signature
    /// row: one warning for each row that is no branch, and nothing else.
    @Test func notesTotalsAndTitlesAreOneWarningEach() throws {
        let (dir, input, _) = try withHabit("office")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (status, err) = runPipeline(input: input, output: dir.appendingPathComponent("run"))
        #expect(status == .ok)
        let skipped = err.filter { $0.contains("warning[W-NOT-A-BRANCH]") }
        #expect(skipped.count == 3, "\(err)")
        #expect(skipped.first?.contains("wjw.xlsx:填报表!C13: warning[W-NOT-A-BRANCH]: 第 13 行不是支部数据（合计）") == true)
        #expect(skipped.contains { $0.contains("第 14 行不是支部数据（注：以上数据经机关党委审核") })
        // the committee whose sheet it is reads them in its summary, by the place in its sheet
        let summary = try String(contentsOf: dir.appendingPathComponent("run/summary-WJW.txt"), encoding: .utf8)
        #expect(summary.contains("  wjw.xlsx:填报表!C13：\n    第 13 行不是支部数据（合计），已跳过"), "\(summary)")
        let other = try String(contentsOf: dir.appendingPathComponent("run/summary-CZJ.txt"), encoding: .utf8)
        #expect(!other.contains("不是支部数据"))
    }

    /// Each doubtful habit is one error at its cell, with what to do.
    @Test(arguments: [
        ("fraction", "wjw.xlsx:Sheet!AN2: error[E-PERCENT]: 满意率: 满意率为 0.975，是指 97.5% 吗？"),
        ("unfilled", "wjw.xlsx:Sheet!B3: error[E-NOT-FILLED]: 支部编号: 第 3 行 WJW-02 未填写"),
        ("duplicate", "wjw.xlsx:Sheet!A2: error[E-XLSX-XML]: 年度: 单元格 A2 在文件中出现两次"),
    ])
    func oneErrorAtTheCell(name: String, expected: String) throws {
        let (dir, input, _) = try withHabit(name)
        defer { try? FileManager.default.removeItem(at: dir) }
        let (status, err) = runPipeline(input: input)
        #expect(status == .dataError)
        let errors = errorLines(err, in: input)
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.hasPrefix(expected) == true, "\(errors)")
    }

    /// A branch whose 上级党组织编号 differs from the register is an error (the register decides
    /// whose e-mail it is in); a committee cell merged over both committees' rows is one too.
    @Test func theRegisterDecidesTheCommittee() throws {
        let (dir, input, _) = try withHabit("across")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (status, err) = runPipeline(input: input)
        #expect(status == .dataError)
        let errors = errorLines(err, in: input)
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("wjw.xlsx:Sheet!E2: error[E-MERGE]: 合并单元格 E2:E3 跨越了不同上级党组织（GAJ、WJW）") })
        #expect(
            errors.contains {
                $0.contains("error[E-REGISTER]") && $0.contains("上级党组织编号为 GAJ，但名册 branches.csv 中该支部属于 WJW")
            })
    }

    /// A name that differs from the register's is a warning, and the reports use the register's.
    @Test func theRegistersNameIsUsed() throws {
        let (dir, input, _) = try ExcelEndToEndTests().sample2025("habit-name")
        defer { try? FileManager.default.removeItem(at: dir) }
        let sheet = input.appendingPathComponent(Self.wjw)
        let text = try String(contentsOf: sheet, encoding: .utf8)
        try text.replacingOccurrences(of: "市卫生健康委机关第一党支部", with: "卫健委一支部").write(
            to: sheet, atomically: true, encoding: .utf8)
        let (status, err) = runPipeline(input: input, output: dir.appendingPathComponent("run"))
        #expect(status == .ok)
        #expect(err.contains { $0.contains("warning[W-REGISTER-NAME]") && $0.contains("报告使用名册中的名称“市卫生健康委机关第一党支部”") })
        let results = try String(contentsOf: dir.appendingPathComponent("run/results.csv"), encoding: .utf8)
        #expect(results.contains("市卫生健康委机关第一党支部") && !results.contains("卫健委一支部"))
    }

    /// An .xls is one error saying to save it as .xlsx, and the register's branches it holds are
    /// named under it, not reported missing one by one.
    @Test func anXLSIsTheRootCause() throws {
        let (dir, input, _) = try ExcelEndToEndTests().sample2025("habit-xls")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.removeItem(at: input.appendingPathComponent(Self.wjw))
        // what Excel 97-2003 writes first: the OLE compound file's header
        var xls = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        xls.append(Data(count: 4096))
        try xls.write(to: input.appendingPathComponent("市卫生健康委机关党委.xls"))
        let (status, err) = runPipeline(input: input)
        #expect(status == .dataError)
        let errors = err.filter { $0.contains(": error[") }
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.first?.contains("市卫生健康委机关党委.xls:1: error[E-SHEET-FORMAT]: 这是 .xls（Excel 97-2003 工作簿）文件") == true)
        #expect(errors.last?.contains("名册中有 8 个支部（WJW-01、WJW-02、WJW-03、WJW-04、WJW-05、WJW-06、WJW-07、WJW-08）") == true)
    }

    /// A workbook whose formulas were saved without their values (written by a program, never
    /// opened in Excel) is one error at the first such cell, saying how to fix it, and the
    /// register's branches it holds are named under it: not one error per formula.
    @Test func formulasWithoutValuesAreOneErrorForTheFile() throws {
        let (dir, input, _) = try withHabit("formula")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (status, err) = runPipeline(input: input)
        #expect(status == .dataError)
        let errors = errorLines(err, in: input)
        #expect(errors.count == 2, "\(errors)")
        #expect(
            errors.first?.hasPrefix(
                "wjw.xlsx:Sheet!H2: error[E-XLSX-FORMULA]: 自评1: 本表有 8 个公式单元格没有保存计算结果（8 行，第一个是 Sheet!H2），整个文件未读取："
            ) == true, "\(errors)")
        #expect(errors.last?.contains("名册中有 8 个支部（WJW-01、WJW-02、WJW-03、WJW-04、WJW-05、WJW-06、WJW-07、WJW-08）") == true)
        // the committee gets it back in its own error list
        let lists = dir.appendingPathComponent("errors")
        #expect(ErrorListTests().validate(input, errors: lists, year: nil).0 == .dataError)
        let wjw = cells(try #require(try readBack(lists)["错误清单-WJW.xlsx"]))
        #expect(wjw.contains { row in row.contains { $0.value.contains("本表有 8 个公式单元格没有保存计算结果") } }, "\(wjw)")
        // and the line naming its branches that go unrated
        #expect(wjw.contains { row in row.contains { $0.value.contains("名册中有 8 个支部") } }, "\(wjw)")
    }

    /// A sheet of two committees' branches (SampleData's GAJ and ZJJ) that cannot be read at all,
    /// as a workbook of formulas without values or as an .xls: each committee's error list gets the
    /// file's error and the line naming its own register branches, not the other's.
    @Test(arguments: ["formula", "xls"])
    func aBrokenSheetOfTwoCommitteesIsInEachOnesList(kind: String) throws {
        let (dir, input, _) = try ExcelEndToEndTests().sample2025("habit-two-\(kind)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let sheet = input.appendingPathComponent("gaj-zjj-2025.csv")
        let fileError: String
        if kind == "formula" {
            // habits.py reads UTF-8; the sample sheet is GB18030
            let utf8 = dir.appendingPathComponent("gaj-zjj-utf8.csv").path
            let script = """
                import sys
                text = open(sys.argv[1], encoding="gb18030", newline="").read()
                open(sys.argv[2], "w", encoding="utf-8", newline="").write(text)
                """
            #expect(try runPython(["-c", script, sheet.path, utf8]).status == 0)
            try habit(["formula", utf8, input.appendingPathComponent("gaj-zjj.xlsx").path])
            fileError = "本表有 16 个公式单元格没有保存计算结果"
        } else {
            var xls = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
            xls.append(Data(count: 4096))
            try xls.write(to: input.appendingPathComponent("gaj-zjj.xls"))
            fileError = "这是 .xls（Excel 97-2003 工作簿）文件"
        }
        try FileManager.default.removeItem(at: sheet)
        // on the terminal: the file's error, then one line per committee
        let (status, err) = runPipeline(input: input)
        #expect(status == .dataError)
        let errors = errorLines(err, in: input)
        #expect(errors.count == 3, "\(errors)")
        #expect(errors.dropFirst().map { $0.contains("名册中有 8 个支部（GAJ-01、") } == [true, false], "\(errors)")
        #expect(errors.last?.contains("名册中有 8 个支部（ZJJ-01、") == true, "\(errors)")
        let lists = dir.appendingPathComponent("errors")
        #expect(ErrorListTests().validate(input, errors: lists, year: nil).0 == .dataError)
        let books = try readBack(lists)
        #expect(books.keys.sorted() == ["错误清单-GAJ.xlsx", "错误清单-ZJJ.xlsx"], "\(books.keys)")
        for (committee, other) in [("GAJ", "ZJJ"), ("ZJJ", "GAJ")] {
            let rows = cells(try #require(books["错误清单-\(committee).xlsx"])).map {
                $0.map(\.value).joined(separator: "|")
            }
            #expect(rows.count == 3, "\(rows)")
            #expect(rows.contains { $0.contains(fileError) }, "\(committee): \(rows)")
            #expect(rows.contains { $0.contains("名册中有 8 个支部（\(committee)-01、") }, "\(committee): \(rows)")
            #expect(!rows.contains { $0.contains("\(other)-0") }, "\(committee): \(rows)")
        }
    }

    /// Notes, totals, a repeated header and blank rows in a CSV sheet saved from Excel.
    @Test func aCSVSheetsNotesAreSkippedToo() throws {
        let (dir, input, csv) = try ExcelEndToEndTests().sample2025("habit-csv")
        defer { try? FileManager.default.removeItem(at: dir) }
        let sheet = input.appendingPathComponent(Self.wjw)
        var lines = try String(contentsOf: sheet, encoding: .utf8).components(separatedBy: "\r\n").filter {
            !$0.isEmpty
        }
        let commas = String(repeating: ",", count: lines[0].filter { $0 == "," }.count)
        lines.insert(lines[0], at: 4)
        lines += [commas, "合计" + commas, "注：以上数据经审核" + commas]
        try (lines.joined(separator: "\r\n") + "\r\n").write(to: sheet, atomically: true, encoding: .utf8)
        let (status, err) = runPipeline(input: input, output: dir.appendingPathComponent("run"))
        #expect(status == .ok, "\(err)")
        #expect(err.filter { $0.contains("W-NOT-A-BRANCH") }.count == 3, "\(err)")
        #expect(try String(contentsOf: dir.appendingPathComponent("run/results.csv"), encoding: .utf8) == csv)
    }

    /// 2,500 branches whose 满意率 cells are percent-formatted (0.975 shown as 97.5%) rate exactly
    /// as the same figures typed as numbers.
    @Test func twentyFiveHundredPercentCellsRateAsNumbers() throws {
        let dir = try scratch("habit-big")
        defer { try? FileManager.default.removeItem(at: dir) }
        let csvInput = dir.appendingPathComponent("csv/2025")
        let xlsxInput = dir.appendingPathComponent("xlsx/2025")
        try FileManager.default.createDirectory(at: csvInput, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: xlsxInput, withIntermediateDirectories: true)
        let sheet = csvInput.appendingPathComponent("big.csv")
        try habit(["big", repoDir.appendingPathComponent("SampleData/2025/\(Self.wjw)").path, "2500", sheet.path])
        try habit(["percent", sheet.path, xlsxInput.appendingPathComponent("big.xlsx").path])
        let (s1, e1) = runPipeline(input: csvInput, output: dir.appendingPathComponent("out-csv"))
        let (s2, e2) = runPipeline(input: xlsxInput, output: dir.appendingPathComponent("out-xlsx"))
        #expect(s1 == .ok, "\(e1.prefix(5))")
        #expect(s2 == .ok, "\(e2.prefix(5))")
        let a = try String(contentsOf: dir.appendingPathComponent("out-csv/results.csv"), encoding: .utf8)
        let b = try String(contentsOf: dir.appendingPathComponent("out-xlsx/results.csv"), encoding: .utf8)
        #expect(a.split(separator: "\r\n").count == 2501)
        #expect(a == b)
    }

    /// The template asks for 90, not 0.9, and its validation refuses 0 < x ≤ 1 (what Excel stores
    /// for 90% typed into the cell).
    @Test func theTemplateRefusesAFraction() throws {
        let dir = try scratch("habit-template")
        defer { try? FileManager.default.removeItem(at: dir) }
        let p = Pipeline(
            options: Options(input: repoDir.appendingPathComponent("SampleData/2026").path),
            console: Console(out: { _ in }, err: { _ in }))
        let out = dir.appendingPathComponent("t.xlsx")
        #expect(p.template(output: out.path, committee: "WJW") == .ok)
        let r = try runPython([
            "-c",
            """
            import sys, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
            col = next(c.column_letter for c in ws[1] if c.value == "满意率")
            dv = next(d for d in ws.data_validations.dataValidation if str(d.sqref).startswith(col))
            print(dv.prompt); print(dv.formula1)
            """,
            out.path,
        ])
        #expect(r.status == 0, "\(r.errText)")
        let lines = r.outText.split(separator: "\n").map(String.init)
        #expect(lines.first?.contains("填 90，不要填 0.9") == true, "\(lines)")
        // evaluate the rule as Excel would for 0.9 (90% typed), 90, 0 and 100.5
        let formula = try #require(lines.last)
        #expect(formula.contains("OR(") && formula.contains(">1"), "\(formula)")
        func accepts(_ x: Double) -> Bool { (x == 0 || (x > 1 && x <= 100)) && (x * 10).rounded() == x * 10 }
        #expect(!accepts(0.9) && accepts(90) && accepts(0) && !accepts(100.5))
    }
}

@Suite struct TypedCellTests {
    @Test func percentFormats() {
        #expect(XLSXWorkbook.isPercentFormat("0%"))
        #expect(XLSXWorkbook.isPercentFormat("0.0%"))
        #expect(XLSXWorkbook.isPercentFormat("#,##0.00%;[Red]-#,##0.00%"))
        #expect(!XLSXWorkbook.isPercentFormat("0.0\"%\""))
        #expect(!XLSXWorkbook.isPercentFormat("0.0\\%"))
        #expect(!XLSXWorkbook.isPercentFormat("General"))
    }

    @Test func onlyDecimalNumbersAndFullISODates() {
        for ok in ["9", "9.5", "-1", "8.299999999999999", "1E-3", "4.5e+2", ".5"] {
            #expect(XLSXWorkbook.isDecimalNumber(ok), "\(ok)")
        }
        for bad in ["0x1.3p3", "inf", "nan", "9.5.1", "", "-", "1e", "9,5"] {
            #expect(!XLSXWorkbook.isDecimalNumber(bad), "\(bad)")
        }
        for ok in ["2026-06-30", "2026-06-30T00:00:00", "2026-06-30T00:00:00Z", "2026-06-30T08:00:00+08:00"] {
            #expect(XLSXWorkbook.isISODate(ok), "\(ok)")
        }
        for bad in ["2026-06-30 or so", "2026-6-30", "2026-02-30", "20260630", "2026-06-30Tnoon"] {
            #expect(!XLSXWorkbook.isISODate(bad), "\(bad)")
        }
    }

    @Test func aPercentCellIsItsPercent() {
        let cell = XLSXCellAt(column: 40, value: .number("0.975"), percent: true)
        #expect(XLSXSubmissionReader.text(cell, key: .satisfaction) == "97.5")
        #expect(
            XLSXSubmissionReader.text(XLSXCellAt(column: 40, value: .number("0.9"), percent: true), key: .satisfaction)
                == "90")
        #expect(
            XLSXSubmissionReader.text(XLSXCellAt(column: 40, value: .number("0.9"), percent: false), key: .satisfaction)
                == "0.9")
    }

    @Test func cellsArePlacedByReference() {
        let cells = [
            XLSXCellAt(column: 5, value: .number("1"), percent: false),
            XLSXCellAt(column: 2, value: .number("2"), percent: false),
            XLSXCellAt(column: 5, value: .number("3"), percent: false),
        ]
        let placed = XLSXWorkbook.placed(cells, row: 7)
        #expect(placed.map(\.column) == [2, 5])
        #expect(placed[1].value == .unreadable(.sheetDuplicateCell(cell: "E7")))
    }

    @Test func mergedRangesAndNonBranchRows() {
        let r = MergedRange(ref: "E3:E5")
        #expect(r?.firstRow == 3 && r?.lastRow == 5 && r?.firstColumn == 5 && r?.ref == "E3:E5")
        #expect(MergedRange(ref: "E3") == nil)
        #expect(SheetRows.notABranch(id: "WJW-01", texts: { ["WJW-01", "合计"] }) == nil)
        #expect(SheetRows.notABranch(id: "", texts: { ["合计", "117"] }) != nil)
        // a total typed where the id goes, and an id of ASCII, the fast path
        #expect(SheetRows.notABranch(id: "本委合计", texts: { ["本委合计", "117"] }) != nil)
        #expect(SheetRows.notABranch(id: "B0000001", texts: { ["B0000001", "小计"] }) == nil)
        #expect(SheetRows.notABranch(id: "", texts: { ["2026年度星级评定填报表"] }) != nil)
        #expect(SheetRows.notABranch(id: "支部编号", texts: { ["年度", "支部编号", "支部名称", "上级党组织编号", "上级党组织名称"] }) != nil)
        // a branch's figures without its id are that row's errors, not a skip
        #expect(SheetRows.notABranch(id: "", texts: { ["2026", "第一党支部", "WJW", "12", "9.5"] }) == nil)
    }
}
