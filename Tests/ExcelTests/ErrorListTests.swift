import Foundation
import StarModel
import StarPipeline
import StarPlatform
import TestSupport
import Testing

/// Every sheet of the workbooks in `dir` as openpyxl reads them (the oracle): per file, the
/// sheet's title, frozen pane, filter range and rows, each cell as [data type, value].
func readBack(_ dir: URL) throws -> [String: [String: Any]] {
    let script = """
        import json, os, sys, openpyxl
        out = {}
        for name in sorted(os.listdir(sys.argv[1])):
            if not name.endswith(".xlsx"): continue
            ws = openpyxl.load_workbook(os.path.join(sys.argv[1], name)).worksheets[0]
            rows = [[[c.data_type, c.value] for c in row] for row in ws.iter_rows()]
            out[name] = {"title": ws.title, "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref, "rows": rows}
        print(json.dumps(out, ensure_ascii=False))
        """
    let r = try runPython(["-c", script, dir.path])
    if r.status != 0 { throw ToolError(description: "openpyxl: " + r.errText) }
    return try JSONSerialization.jsonObject(with: r.out) as! [String: [String: Any]]
}

/// The rows of one list: each cell's value as text ("" for an empty cell), with its data type.
func cells(_ sheet: [String: Any]) -> [[(type: String, value: String)]] {
    (sheet["rows"] as! [[[Any]]]).map { row in
        row.map { cell in (cell[0] as! String, (cell[1] as? String) ?? (cell[1] is NSNull ? "" : "\(cell[1])")) }
    }
}

/// `validate --errors DIR`: one workbook per committee with errors, read back with openpyxl.
@Suite(.serialized) struct ErrorListTests {
    /// SampleData/2026 with errors of three committees (an XML file of CZJ, rows of GAJ and ZJJ
    /// in one sheet), a row whose committee id is a path, and a file that is no workbook.
    func badYear(_ dir: URL) throws -> URL {
        let input = dir.appendingPathComponent("2026")
        try FileManager.default.copyItem(at: repoDir.appendingPathComponent("SampleData/2026"), to: input)
        let xml = input.appendingPathComponent("CZJ-01.xml")
        try String(contentsOf: xml, encoding: .utf8).replacingOccurrences(
            of: "<members>23</members>", with: "<members>many</members>"
        )
        .write(to: xml, atomically: true, encoding: .utf8)
        let script = """
            import csv, io, sys
            path = sys.argv[1]
            rows = list(csv.reader(io.StringIO(open(path, encoding="gb18030").read())))
            h = rows[0]
            rows[1][h.index("satisfaction")] = "=1+1"           # GAJ-01
            rows[9][h.index("members")] = "abc"                 # ZJJ-01
            extra = list(rows[2]); extra[h.index("branch_id")] = "X-99"; extra[h.index("committee_id")] = "../../evil"
            rows.append(extra)
            out = io.StringIO(); csv.writer(out, lineterminator="\\r\\n").writerows(rows)
            open(path, "w", encoding="gb18030", newline="").write(out.getvalue())
            """
        let r = try runPython(["-c", script, input.appendingPathComponent("gaj-zjj-2026.csv").path])
        #expect(r.status == 0, "\(r.errText)")
        try Data("not a workbook".utf8).write(to: input.appendingPathComponent("broken.xlsx"))
        return input
    }

    /// `validate --errors`; `year` nil: the year the folder names.
    func validate(_ input: URL, errors: URL, year: Int? = 2026, language: Language = .zh) -> (
        StarPlatform.ExitStatus, [String]
    ) {
        let err = Lines()
        let console = Console(out: { _ in }, err: { err.add($0) })
        let status = Pipeline(
            options: Options(input: input.path, year: year, language: language, errors: errors.path), console: console
        ).validate()
        return (status, err.all)
    }

    @Test func oneWorkbookPerCommitteeWithErrorsReadsBackWithOpenpyxl() throws {
        let dir = try scratch("errors")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try badYear(dir)
        let out = dir.appendingPathComponent("errors")
        let (status, err) = validate(input, errors: out)
        #expect(status == .dataError)
        #expect(err.contains { $0.contains("错误清单已写入") && $0.contains("4 个工作簿") }, "\(err)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(
            names == [".star-report-manifest.json", "错误清单-CZJ.xlsx", "错误清单-GAJ.xlsx", "错误清单-ZJJ.xlsx", "错误清单-未归属.xlsx"])
        // the committee id that is a path named nothing outside the folder
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("evil").path))
        #expect(
            !FileManager.default.fileExists(atPath: dir.deletingLastPathComponent().appendingPathComponent("evil").path)
        )

        let books = try readBack(out)
        for (name, book) in books {
            #expect(book["title"] as? String == "错误清单", "\(name)")
            #expect(book["freeze"] as? String == "A2", "\(name)")
            #expect((book["filter"] as? String)?.hasPrefix("A1:G") == true, "\(name)")
            let rows = cells(book)
            #expect(rows[0].map(\.value) == ["文件", "工作表", "单元格", "栏目", "填写的内容", "问题", "怎么改"], "\(name)")
            // every cell is text, never a formula
            #expect(
                rows.allSatisfy { $0.allSatisfy { $0.type == "s" || $0.type == "n" && $0.value.isEmpty } },
                "\(name): \(rows)")
        }
        let czj = cells(books["错误清单-CZJ.xlsx"]!).dropFirst()
        #expect(czj.count == 1)
        #expect(
            czj.first?[0].value == "CZJ-01.xml" && czj.first?[3].value == "members"
                && czj.first?[5].value.contains("many") == true)

        let gaj = cells(books["错误清单-GAJ.xlsx"]!).dropFirst()
        #expect(gaj.count == 1)
        let satisfaction = try #require(gaj.first)
        #expect(satisfaction[0].value == "gaj-zjj-2026.csv")
        #expect(satisfaction[2].value == "AN2", "\(satisfaction)")  // the cell as Excel shows the CSV
        #expect(satisfaction[3].value == "satisfaction")
        #expect(satisfaction[4].value == "=1+1" && satisfaction[4].type == "s")  // a string, not a formula
        #expect(!satisfaction[5].value.isEmpty && !satisfaction[6].value.isEmpty, "\(satisfaction)")

        let zjj = cells(books["错误清单-ZJJ.xlsx"]!).dropFirst()
        #expect(zjj.count == 1 && zjj.first?[3].value == "members" && zjj.first?[4].value == "abc", "\(zjj)")

        // the unknown branch with a path for its committee, and the file that is no workbook
        let other = cells(books["错误清单-未归属.xlsx"]!).dropFirst()
        #expect(other.contains { $0[0].value == "broken.xlsx" }, "\(other)")
        #expect(other.contains { $0[4].value == "X-99" }, "\(other)")
        #expect(other.contains { $0[4].value.contains("evil") }, "\(other)")
    }

    @Test func headersInEnglishWithLangEn() throws {
        let dir = try scratch("errors-en")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try badYear(dir)
        let out = dir.appendingPathComponent("errors")
        #expect(validate(input, errors: out, language: .en).0 == .dataError)
        let book = try #require(try readBack(out)["错误清单-ZJJ.xlsx"])
        let rows = cells(book)
        #expect(rows[0].map(\.value) == ["file", "sheet", "cell", "field", "value", "message", "what to do"])
        #expect(book["title"] as? String == "errors")
    }

    /// DIR is owned like `run --output`: a folder holding a user's file is refused and left as
    /// it was; a folder of earlier lists is replaced whole (no stale list stays); a reports
    /// folder of `run` is refused.
    @Test func theFolderIsOwnedLikeRunOutput() throws {
        let dir = try scratch("errors-owner")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try badYear(dir)
        let mine = dir.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: mine.appendingPathComponent("notes.txt"))
        let (refused, err) = validate(input, errors: mine)
        #expect(refused == .cannotCreate, "\(err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: mine.path) == ["notes.txt"])

        let out = dir.appendingPathComponent("errors")
        #expect(validate(input, errors: out).0 == .dataError)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("错误清单-CZJ.xlsx").path))
        // CZJ's file corrected: its list goes on the next validation
        let xml = input.appendingPathComponent("CZJ-01.xml")
        try String(contentsOf: xml, encoding: .utf8).replacingOccurrences(
            of: "<members>many</members>", with: "<members>23</members>"
        )
        .write(to: xml, atomically: true, encoding: .utf8)
        #expect(validate(input, errors: out).0 == .dataError)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(!names.contains("错误清单-CZJ.xlsx") && names.contains("错误清单-GAJ.xlsx"), "\(names)")

        // a run's reports folder is never replaced by the lists
        let reports = dir.appendingPathComponent("reports")
        let (ran, _) = runPipeline(input: repoDir.appendingPathComponent("SampleData/2026"), output: reports)
        #expect(ran == .ok)
        let before = try FileManager.default.contentsOfDirectory(atPath: reports.path).sorted()
        let (status, lines) = validate(input, errors: reports)
        #expect(status == .cannotCreate)
        #expect(lines.contains { $0.contains("报告文件夹") }, "\(lines)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: reports.path).sorted() == before)
    }

    /// A clean year leaves DIR with no list at all (only the manifest), and exits 0.
    @Test func noErrorsNoList() throws {
        let dir = try scratch("errors-none")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("errors")
        let (status, err) = validate(repoDir.appendingPathComponent("SampleData/2026"), errors: out)
        #expect(status == .ok, "\(err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == [".star-report-manifest.json"])
    }

    /// The message and its advice are split in the template, so text from the data never moves
    /// the split.
    @Test func messageAndAdviceAreSplitInTheTemplate() {
        let m = Message.csvFieldCount(expected: 3, found: 2)
        #expect(m.parts(.zh) == ("应有 3 列（与表头相同），这一行有 2 列", "请检查是否多了或少了逗号"))
        #expect(m.parts(.en) == ("expected 3 fields as in the header, found 2", "Look for a missing or extra comma"))
        let quoted = Message.previousStars(value: "a；b; c")
        #expect(quoted.parts(.zh) == (quoted.text(.zh), ""))
        #expect(quoted.parts(.en) == (quoted.text(.en), ""))
        // the whole of the advice goes to 怎么改, not only its last clause
        let fraction = Message.satisfactionFraction(value: "0.9", percent: "90")
        #expect(fraction.parts(.zh) == ("满意率为 0.9，是指 90% 吗？小数读不出是不是比例", "请填百分数的数值 90（不要填 0.9），或在 Excel 中输入 90%"))
        #expect(fraction.parts(.en).action == "Write the percent's number, 90 (not 0.9), or type 90% in Excel")
    }
}
