import Foundation
import TestSupport
import Testing

/// Runs the built `star-report` binary and returns (exit code, stdout, stderr). The messages are
/// in English unless `language` says otherwise (the tests that check Chinese say so).
func runBinary(_ args: [String], cwd: URL = repoRoot, language: String = "en") throws -> (Int32, String, String) {
    let r = try runProcess(starReportBinary, args, cwd: cwd, environment: ["STAR_REPORT_LANG": language])
    return (r.status, r.outText, r.errText)
}

@Suite(.serialized) struct BinaryEndToEndTests {
    @Test func goodRunPrintsThePathsAndExitsZero() throws {
        let dir = try temporaryDirectory("bin-good")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (status, out, err) = try runBinary(
            ["run", "--input", "SampleData/2026", "--output", dir.path + "/r", "--list"], language: "zh")
        #expect(status == 0)
        let paths = out.split(separator: "\n").map(String.init)
        #expect(paths.count == 16)
        #expect(paths.contains(dir.path + "/r/results.xlsx"))
        #expect(paths.contains(dir.path + "/r/notice.html"))
        // the binary, too, deflates the workbook at level 1 (Sources/CXLSXDeflate)
        #expect(try zipPartsAndDeflateOptions(dir.path + "/r/results.xlsx").allSatisfy { $0.hasSuffix(" 8 3") })
        #expect(err.contains("错误 0 个，警告 2 个，共 20 个文件\n"))
        // without --list: the folder and a count per kind
        let (again, summary, _) = try runBinary(
            ["run", "--input", "SampleData/2026", "--output", dir.path + "/r"], language: "zh")
        #expect(again == 0)
        #expect(summary == "报告已写入 \(dir.path)/r：共 16 个文件（公示 2 个，汇总邮件 10 个，结果 3 个，警告清单 1 个）；加 --list 可列出每个文件\n")
        #expect(err.contains("warning[W-SELF-HIGH]"))
        #expect(FileManager.default.fileExists(atPath: dir.path + "/r/summary-ZJJ.txt"))
        // no temporary folder left beside the output
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["r"])
    }

    @Test func oneBrokenFileExits65AndLeavesTheOutputAsItWas() throws {
        let dir = try temporaryDirectory("bin-bad")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("2026")
        try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("SampleData/2026"), to: input)
        let broken = input.appendingPathComponent("JYJ-04.xml")
        let text = try String(contentsOf: broken, encoding: .utf8).replacingOccurrences(
            of: "<satisfaction>55.0</satisfaction>", with: "<satisfaction>55.05</satisfaction>")
        try text.write(to: broken, atomically: true, encoding: .utf8)
        let output = dir.appendingPathComponent("out")
        // an earlier good run's reports
        let (first, _, _) = try runBinary(["run", "--input", "SampleData/2026", "--output", output.path])
        #expect(first == 0)
        let before = try folderSnapshot(output)

        let (status, out, err) = try runBinary(["run", "--input", input.path, "--output", output.path])
        #expect(status == 65)
        #expect(out.isEmpty)
        #expect(
            err.contains(
                input.path
                    + """
                    /JYJ-04.xml:44:37: error[E-XML-SCHEMA]: satisfaction: <satisfaction>: the value \"55.05\" has \
                    the wrong form
                    """
            ), "\(err)")
        #expect(err.contains("1 error, 2 warnings in 20 files"))
        #expect(err.contains("no report written"))
        #expect(try folderSnapshot(output) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["2026", "out"])
    }

    @Test func flagsReachTheReports() throws {
        let dir = try temporaryDirectory("bin-flags")
        defer { try? FileManager.default.removeItem(at: dir) }
        let rules = dir.appendingPathComponent("rules.toml")
        let text = try String(
            contentsOfFile: repoRoot.appendingPathComponent("Sources/StarRules/Resources/anyang-2017.toml").path,
            encoding: .utf8
        )
        .replacingOccurrences(of: "version = \"2017.1\"", with: "version = \"test-9\"")
        .replacingOccurrences(of: "self = 20\nmass = 30\nsuperior = 50", with: "self = 10\nmass = 40\nsuperior = 50")
        try text.write(to: rules, atomically: true, encoding: .utf8)
        let (status, _, err) = try runBinary([
            "run", "--input", "SampleData/2026", "--output", dir.path + "/r", "--rules", rules.path,
            "--quota-scope", "committee", "--notice-date", "2027-01-04",
        ])
        #expect(status == 0, "\(err)")
        let notice = try String(contentsOfFile: dir.path + "/r/notice.txt", encoding: .utf8)
        #expect(notice.contains("test-9"))
        #expect(notice.contains("自评×10% + 党员群众测评×40%"))
        #expect(notice.contains("公示期：2027年1月4日至2027年1月10日（7天）"))
        // the notice's rules paragraph states the scope the run used, as the rules' texts do
        let html = try String(contentsOfFile: dir.path + "/r/notice.html", encoding: .utf8)
        #expect(html.contains("五星级名额不超过各上级党组织参评总数的10%，超出的按得分由低到高降为四星级；"))
        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.path + "/r/results.json")))
            as! [String: Any]
        #expect(json["quota_scope"] as? String == "committee")
        let scopes = Set((json["quota_checks"] as! [[String: Any]]).map { $0["scope"] as! String })
        #expect(scopes == ["CZJ", "GAJ", "JYJ", "WJW", "ZJJ"])
    }

    @Test func badUsageExits64() throws {
        let (status, _, err) = try runBinary(["run", "--input", "SampleData/2026"])
        #expect(status == 64)
        #expect(err.contains("--output"))
    }

    @Test func missingInputFolderExits66() throws {
        let (status, _, err) = try runBinary(["validate", "--input", "no/such/folder"])
        #expect(status == 66)
        #expect(
            err.contains(
                "star-report: while reading and checking the submissions: input folder not found: no/such/folder"))
    }

    @Test func emptyFolderExits66AndUnknownYearExits64() throws {
        let dir = try temporaryDirectory("empty")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (s1, _, e1) = try runBinary(["validate", "--input", dir.path, "--year", "2026"])
        #expect(s1 == 66 && e1.contains("no submissions in"))
        let (s2, _, e2) = try runBinary(["run", "--input", dir.path, "--output", dir.path + "-out"])
        #expect(s2 == 64 && e2.contains("pass --year YYYY"))
        let (s3, _, e3) = try runBinary(["validate", "--input", "SampleData/2026", "--year", "1999"])
        #expect(s3 == 64 && e3.contains("--year must be between 2000 and 2100"))
    }

    @Test func unwritableOutputExits73() throws {
        let (status, _, err) = try runBinary(["run", "--input", "SampleData/2026", "--output", "/proc/star-report/out"])
        #expect(status == 73)
        #expect(err.contains("star-report: cannot"))
    }

    /// The closing account names the files that gave no record only when there are some: a clean
    /// run does not say "0 个材料文件没有可读的记录".
    @Test func theAccountNamesFilesWithoutARecordOnlyWhenThereAreSome() throws {
        func account(_ input: String, _ language: String) throws -> String {
            let (_, _, err) = try runBinary(["validate", "--input", input], language: language)
            return err.split(separator: "\n").last.map(String.init) ?? ""
        }
        let clean = try account("SampleData/2026", "zh")
        #expect(clean.hasSuffix("可评定 40 条，退回 0 条") && !clean.contains("没有可读的记录"), "\(clean)")
        #expect(try account("SampleData/2026", "en").hasSuffix("40 to rate, 0 rejected"))
        let dir = try temporaryDirectory("bin-account")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("2026")
        try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("SampleData/2026"), to: input)
        try Data("不是 XML".utf8).write(to: input.appendingPathComponent("CZJ-01.xml"))
        #expect(try account(input.path, "zh").hasSuffix("退回 0 条；1 个材料文件没有可读的记录"))
        #expect(try account(input.path, "en").hasSuffix("0 rejected; 1 submission file with no readable record"))
        // an .xls in place of a sheet is counted among the sheets, and as a file with no record
        let sheet = input.appendingPathComponent("gaj-zjj-2026.csv")
        try FileManager.default.removeItem(at: sheet)
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(
            to: input.appendingPathComponent("gaj-zjj-2026.xls"))
        let xls = try account(input.path, "zh")
        #expect(xls.contains("CSV 汇总表 0 个（0 行），Excel 汇总表 2 个（8 行）") && xls.hasSuffix("；2 个材料文件没有可读的记录"), "\(xls)")
    }

    @Test func versionAndHelp() throws {
        let (s1, out1, _) = try runBinary(["--version"])
        #expect(s1 == 0 && out1 == "0.1.0\n")
        let (s2, out2, _) = try runBinary(["--help"])
        #expect(s2 == 0 && out2.contains("validate") && out2.contains("run"))
        // ArgumentParser's other clean exits print as it prints them (make install's manual and
        // completion scripts are made from them)
        let (s3, dump, _) = try runBinary(["--experimental-dump-help"])
        #expect(s3 == 0 && (try? JSONSerialization.jsonObject(with: Data(dump.utf8))) != nil)
        let (s4, script, _) = try runBinary(["--generate-completion-script", "bash"])
        #expect(s4 == 0 && script.hasPrefix("#!/bin/bash"))
        // the ledger's line says it also writes the ledger page (ledger report)
        // (a Chinese line breaks between two characters, an English one at a space)
        func help(_ language: String) throws -> String {
            let text = try runBinary(["--help"], language: language).1
            return language == "zh"
                ? text.replacingOccurrences(of: "\n" + String(repeating: " ", count: 26), with: "")
                    .split(whereSeparator: \.isWhitespace).joined(separator: " ")
                : text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        #expect(try help("zh").contains("ledger 星级管理台账：记入、异议、批准、复审、年中调整、导入、查询、导出工作簿，并写出台账页面。"))
        #expect(try help("en").contains("history, its workbook (export) and the ledger page (report). See"))
    }
}

@Suite struct RegisterHeaderTests {
    /// A typo in the register's header is one error at the header, not one "not in the register"
    /// per branch (the register that cannot be read checks nothing).
    @Test func aRegisterHeaderTypoIsOneError() throws {
        let dir = try temporaryDirectory("register-header")
        defer { try? FileManager.default.removeItem(at: dir) }
        let year = dir.appendingPathComponent("2026")
        try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("SampleData/2026"), to: year)
        let register = year.appendingPathComponent("branches.csv")
        let text = try String(contentsOf: register, encoding: .utf8)
        try text.replacingOccurrences(of: "committee_id,committee_name", with: "committe_id,committee_name")
            .write(to: register, atomically: true, encoding: .utf8)
        let (status, _, err) = try runBinary(["validate", "--input", year.path])
        #expect(status == 65)
        let errors = err.split(separator: "\n").filter { $0.contains(": error[") }
        #expect(
            errors.count == 1 && errors[0].contains("E-REGISTER-HEADER") && errors[0].contains("committee_id"), "\(err)"
        )
    }
}
