import Foundation
import TestSupport
import Testing

/// Office use (issue 20): results.csv that Excel reads, office lock files named, paths in
/// results.json that travel, and `init` of a new year folder.
@Suite(.serialized) struct OfficeTests {
    let fm = FileManager.default

    /// results.csv starts with a UTF-8 byte order mark; python's csv with `utf-8-sig` and
    /// star-report's own `--previous` read it with and without one, to the same stars.
    @Test func resultsCSVHasABOMAndIsReadWithAndWithout() throws {
        let dir = try temporaryDirectory("office-bom")
        defer { try? fm.removeItem(at: dir) }
        let (s2025, _, e2025) = try runBinary(["run", "--input", "SampleData/2025", "--output", dir.path + "/2025"])
        #expect(s2025 == 0, "\(e2025)")
        let bytes = try Data(contentsOf: dir.appendingPathComponent("2025/results.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: bytes.dropFirst(3).prefix(10), as: UTF8.self) == "branch_id,")
        // the same file without the mark, beside the same results.json
        let plain = dir.appendingPathComponent("plain")
        try fm.createDirectory(at: plain, withIntermediateDirectories: true)
        try bytes.dropFirst(3).write(to: plain.appendingPathComponent("results.csv"))
        try fm.copyItem(
            at: dir.appendingPathComponent("2025/results.json"), to: plain.appendingPathComponent("results.json"))
        let script = """
            import csv, sys
            for p in sys.argv[1:]:
                with open(p, newline="", encoding="utf-8-sig") as f:
                    rows = list(csv.DictReader(f))
                print(list(rows[0].keys())[0], len(rows), sum(int(r["stars"]) for r in rows))
            """
        let py = try runPython(["-c", script, dir.path + "/2025/results.csv", plain.path + "/results.csv"])
        #expect(py.status == 0, "\(py.errText)")
        let lines = py.outText.split(separator: "\n")
        #expect(lines.count == 2 && lines[0] == lines[1] && lines[0].hasPrefix("branch_id 40 "), "\(py.outText)")
        // --previous: with the mark, without it, and the folder; all the same reports
        var results: [String] = []
        for (i, previous) in [dir.path + "/2025/results.csv", plain.path + "/results.csv", dir.path + "/2025"]
            .enumerated()
        {
            let (status, _, err) = try runBinary([
                "run", "--input", "SampleData/2026", "--output", dir.path + "/r\(i)", "--previous", previous,
            ])
            #expect(status == 0, "\(err)")
            #expect(!err.contains("error["), "\(err)")
            results.append(try String(contentsOf: dir.appendingPathComponent("r\(i)/results.csv"), encoding: .utf8))
        }
        #expect(Set(results).count == 1)
        // last year's stars were read: some branch was promoted or demoted against them
        #expect(results[0].contains("P1") || results[0].contains("P2") || results[0].contains("D1"), "\(results[0])")
    }

    /// A lock file of Excel or LibreOffice in the output folder: the refusal (73) names the
    /// workbook that is open and says to close it; nothing is replaced.
    @Test func anOfficeLockFileIsNamedInTheRefusal() throws {
        let dir = try temporaryDirectory("office-lock")
        defer { try? fm.removeItem(at: dir) }
        let out = dir.appendingPathComponent("r")
        let (first, _, _) = try runBinary(["run", "--input", "SampleData/2026", "--output", out.path])
        #expect(first == 0)
        for (lock, app) in [("~$results.xlsx", "Excel"), (".~lock.results.xlsx#", "LibreOffice")] {
            let path = out.appendingPathComponent(lock)
            try Data([0x20]).write(to: path)
            let before = try folderSnapshot(out)
            let (status, _, err) = try runBinary(
                ["run", "--input", "SampleData/2026", "--output", out.path], language: "zh")
            #expect(status == 73)
            #expect(err.contains("results.xlsx 正在 \(app) 中打开，请先关闭"), "\(err)")
            #expect(err.contains(lock), "\(err)")
            let (en, _, errEn) = try runBinary(["run", "--input", "SampleData/2026", "--output", out.path])
            #expect(en == 73)
            #expect(errEn.contains("results.xlsx is open in \(app), close it first"), "\(errEn)")
            #expect(try folderSnapshot(out) == before)
            try fm.removeItem(at: path)
        }
        // Excel's name for a long workbook drops its first two characters
        try Data([0x20]).write(to: out.appendingPathComponent("~$sults.xlsx"))
        let (status, _, err) = try runBinary(
            ["run", "--input", "SampleData/2026", "--output", out.path], language: "zh")
        #expect(status == 73)
        #expect(err.contains("results.xlsx 正在 Excel 中打开，请先关闭"), "\(err)")
    }

    /// `run` from one folder with relative paths holding spaces and Chinese characters; results.json
    /// records them as given and absolute; `send --dry-run` from another folder finds config.toml,
    /// and says which file to pass when it is gone.
    @Test func pathsTravel() throws {
        let dir = try temporaryDirectory("office-paths")
        defer { try? fm.removeItem(at: dir) }
        let inputs = dir.appendingPathComponent("星级 材料")
        try fm.createDirectory(at: inputs, withIntermediateDirectories: true)
        try fm.copyItem(
            at: repoRoot.appendingPathComponent("SampleData/2026"), to: inputs.appendingPathComponent("2026"))
        try fm.copyItem(
            at: repoRoot.appendingPathComponent("SampleData/2025"), to: inputs.appendingPathComponent("2025"))
        let (s2025, _, e2025) = try runBinary(["run", "--input", "星级 材料/2025", "--output", "报告 输出/2025"], cwd: dir)
        #expect(s2025 == 0, "\(e2025)")
        let (status, _, err) = try runBinary(
            ["run", "--input", "星级 材料/2026", "--output", "报告 输出/2026", "--previous", "报告 输出/2025/results.csv"], cwd: dir
        )
        #expect(status == 0, "\(err)")
        let reports = dir.appendingPathComponent("报告 输出/2026")
        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: reports.appendingPathComponent("results.json")))
            as! [String: Any]
        let listed = json["inputs"] as! [[String: Any]]
        let config = listed.first { $0["kind"] as? String == "config" }
        #expect(config?["path"] as? String == "星级 材料/2026/config.toml")
        #expect(config?["absolute_path"] as? String == inputs.path + "/2026/config.toml")
        let previous = listed.first { $0["kind"] as? String == "previous" }
        #expect(previous?["absolute_path"] as? String == dir.path + "/报告 输出/2025/results.csv", "\(listed)")
        #expect(listed.allSatisfy { ($0["absolute_path"] as? String)?.hasPrefix(dir.path + "/") == true })

        // send from another folder: config.toml found through its absolute path
        let elsewhere = try temporaryDirectory("office-elsewhere")
        defer { try? fm.removeItem(at: elsewhere) }
        let (dry, out, dryErr) = try runBinary(["send", "--reports", reports.path, "--dry-run"], cwd: elsewhere)
        #expect(dry == 0, "\(dryErr)")
        #expect(out.contains("gaj-jgdw@example.gov.cn"), "\(out)")
        #expect(dryErr.contains(inputs.path + "/2026/config.toml"), "\(dryErr)")
        #expect(!dryErr.contains("not found"), "\(dryErr)")

        // the year folder moved away: send says which file to pass with --config
        try fm.moveItem(at: inputs, to: dir.appendingPathComponent("搬走"))
        let (gone, _, goneErr) = try runBinary(
            ["send", "--reports", reports.path, "--dry-run"], cwd: elsewhere, language: "zh")
        #expect(gone == 65)
        #expect(goneErr.contains("--config " + inputs.path + "/2026/config.toml"), "\(goneErr)")
    }

    /// A results.json of an older run lists config.toml by a path that no longer leads to it:
    /// `send` looks beside the other inputs it names.
    @Test func sendFindsConfigBesideTheInputs() throws {
        let dir = try temporaryDirectory("office-beside")
        defer { try? fm.removeItem(at: dir) }
        let input = dir.appendingPathComponent("年 度/2026")
        try fm.createDirectory(at: input.deletingLastPathComponent(), withIntermediateDirectories: true)
        try fm.copyItem(at: repoRoot.appendingPathComponent("SampleData/2026"), to: input)
        let reports = dir.appendingPathComponent("r")
        let (status, _, err) = try runBinary(["run", "--input", input.path, "--output", reports.path])
        #expect(status == 0, "\(err)")
        let resultsJSON = reports.appendingPathComponent("results.json")
        var text = try String(contentsOf: resultsJSON, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"" + input.path + "/config.toml\"", with: "\"old/place/config.toml\"")
        try text.write(to: resultsJSON, atomically: true, encoding: .utf8)
        let (dry, _, dryErr) = try runBinary(["send", "--reports", reports.path, "--dry-run"], cwd: dir)
        #expect(dry == 0, "\(dryErr)")
        #expect(dryErr.contains(input.path + "/config.toml"), "\(dryErr)")
    }

    /// `init` writes a new year folder that `validate` and `run` read without an error, and
    /// never overwrites anything.
    @Test func initWritesAYearFolderAndNeverOverwrites() throws {
        let dir = try temporaryDirectory("office-init")
        defer { try? fm.removeItem(at: dir) }
        let year = dir.appendingPathComponent("2026")
        let (status, out, err) = try runBinary(["init", "2026"], cwd: dir, language: "zh")
        #expect(status == 0, "\(err)")
        #expect(out == "2026/config.toml\n2026/branches.csv\n2026/README.txt\n")
        #expect(err.contains("README.txt"))
        let config = try String(contentsOf: year.appendingPathComponent("config.toml"), encoding: .utf8)
        for key in [
            "issuer", "objection_office", "objection_phone", "objection_address", "objection_email", "sender_email",
            "email", "url", "username", "ca_file", "envelope_from", "tls",
        ] {
            #expect(config.contains("# \(key) = "), "\(key)")
        }
        #expect(config.contains("发文单位") && config.contains("STAR_REPORT_SMTP_PASSWORD"))
        #expect(
            try String(contentsOf: year.appendingPathComponent("branches.csv"), encoding: .utf8)
                == "branch_id,branch_name,committee_id,committee_name\r\n")
        let readme = try String(contentsOf: year.appendingPathComponent("README.txt"), encoding: .utf8)
        let steps = [
            "star-report template --input 2026 ", "star-report validate --input 2026 ",
            "star-report run --input 2026 --output reports/2026",
            "reports/2026/notice.html", "star-report send --reports reports/2026 --dry-run",
        ]
        let places = steps.map { readme.range(of: $0)?.lowerBound }
        #expect(places.allSatisfy { $0 != nil }, "\(readme)")
        #expect(places.compactMap { $0 } == places.compactMap { $0 }.sorted(), "the steps in order")

        // a second init refuses (73) and changes nothing, even a file the user edited
        try (config + "\n# 已编辑\n").write(
            to: year.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let before = try folderSnapshot(year)
        let (again, _, againErr) = try runBinary(["init", year.path, "--year", "2026"], language: "zh")
        #expect(again == 73)
        #expect(againErr.contains("绝不覆盖") && againErr.contains("config.toml, branches.csv, README.txt"), "\(againErr)")
        #expect(try folderSnapshot(year) == before)
        // one file there is enough: none of the others is written
        let other = dir.appendingPathComponent("2027")
        try fm.createDirectory(at: other, withIntermediateDirectories: true)
        try "mine".write(to: other.appendingPathComponent("README.txt"), atomically: true, encoding: .utf8)
        let (third, _, _) = try runBinary(["init", other.path])
        #expect(third == 73)
        #expect(try fm.contentsOfDirectory(atPath: other.path) == ["README.txt"])

        // the written config.toml, with the year's submissions and register beside it, is read by
        // validate and run without an error or a warning about it
        try fm.removeItem(at: year.appendingPathComponent("branches.csv"))
        for name in try fm.contentsOfDirectory(atPath: repoRoot.path + "/SampleData/2026") where name != "config.toml" {
            try fm.copyItem(
                at: repoRoot.appendingPathComponent("SampleData/2026/" + name), to: year.appendingPathComponent(name))
        }
        let (valid, _, validErr) = try runBinary(["validate", "--input", year.path])
        #expect(valid == 0, "\(validErr)")
        #expect(!validErr.contains("error["), "\(validErr)")
        // init's own README.txt is passed over silently: no W-FILE-IGNORED, not counted
        #expect(!validErr.contains("README.txt") && !validErr.contains("W-FILE-IGNORED"), "\(validErr)")
        let (ran, _, runErr) = try runBinary(["run", "--input", year.path, "--output", dir.path + "/reports"])
        #expect(ran == 0, "\(runErr)")
        #expect(!runErr.contains("README.txt") && !runErr.contains("W-FILE-IGNORED"), "\(runErr)")
        // another stray file still gets its warning
        try "notes".write(to: year.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let (_, _, strayErr) = try runBinary(["validate", "--input", year.path])
        #expect(strayErr.contains("notes.txt") && strayErr.contains("W-FILE-IGNORED"), "\(strayErr)")
        try fm.removeItem(at: year.appendingPathComponent("notes.txt"))
        // every example uncommented is a known key with a valid value
        let uncommented = config.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("# ") && (line.contains(" = ") || line.hasPrefix("# [")) && !line.hasPrefix("# tls")
                ? String(line.dropFirst(2)) : String(line)
        }.joined(separator: "\n")
        try uncommented.write(to: year.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let (filled, _, filledErr) = try runBinary(["validate", "--input", year.path])
        #expect(filled == 0, "\(filledErr)")
        // only the committees the example does not name are missing
        let aboutConfig = filledErr.split(separator: "\n").filter { $0.contains("/config.toml:") }
        #expect(
            aboutConfig.count == 4 && aboutConfig.allSatisfy { $0.contains("no e-mail address for committee") },
            "\(filledErr)")
    }
}
