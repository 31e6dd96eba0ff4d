import Foundation
import StarModel
import StarPipeline
import StarPlatform
import TestSupport
import Testing

/// `--previous`: results.csv, results.xlsx or a reports folder of the year before, checked.
@Suite(.serialized) struct PreviousResultsTests {
    /// SampleData rated for 2025 and for 2026 (no --previous), in `dir`.
    func reports(_ dir: URL) throws -> (y2025: URL, y2026: URL) {
        let templates = repoRoot.appendingPathComponent("Templates").path
        var out: [URL] = []
        for year in ["2025", "2026"] {
            let c = Captured()
            let folder = dir.appendingPathComponent(year)
            let s = Pipeline(
                options: Options(
                    input: repoRoot.appendingPathComponent("SampleData/\(year)").path, output: folder.path,
                    templates: templates),
                console: c.console
            ).run()
            #expect(s == .ok, "\(c.err)")
            out.append(folder)
        }
        return (out[0], out[1])
    }

    /// Rates SampleData/2026 with `previous` into `dir/out`: status, stderr lines.
    func run2026(_ dir: URL, previous: String, language: Language = .zh) -> (StarPlatform.ExitStatus, [String], URL) {
        let c = Captured()
        let out = dir.appendingPathComponent("out-\(UUID().uuidString)")
        let s = Pipeline(
            options: Options(
                input: repoRoot.appendingPathComponent("SampleData/2026").path, output: out.path,
                templates: repoRoot.appendingPathComponent("Templates").path, previous: previous, language: language),
            console: c.console
        ).run()
        return (s, c.err, out)
    }

    /// Each branch's previous stars in results.json.
    func previousStars(_ out: URL) throws -> [String: Int] {
        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("results.json")))
            as! [String: Any]
        var stars: [String: Int] = [:]
        for b in branchRecords(json) {
            if let p = b["previous_stars"] as? Int { stars[b["branch_id"] as! String] = p }
        }
        return stars
    }

    @Test func resultsCSVResultsXLSXAndTheFolderGiveTheSameStars() throws {
        let dir = try temporaryDirectory("previous-forms")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (y2025, _) = try reports(dir)
        var seen: [[String: Int]] = []
        for given in [y2025.path + "/results.csv", y2025.path + "/results.xlsx", y2025.path, y2025.path + "/"] {
            let (status, err, out) = run2026(dir, previous: given)
            #expect(status == .ok, "\(given): \(err)")
            #expect(!err.contains { $0.contains("PREVIOUS") }, "\(given): \(err)")
            seen.append(try previousStars(out))
        }
        #expect(seen[0].count == 40)
        #expect(seen.allSatisfy { $0 == seen[0] })
    }

    /// This year's own results are refused with one error naming the year they hold, however
    /// they are given; nothing is written.
    @Test func thisYearsOwnResultsAreRefused() throws {
        let dir = try temporaryDirectory("previous-same-year")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (_, y2026) = try reports(dir)
        for given in [y2026.path, y2026.path + "/results.csv", y2026.path + "/results.xlsx"] {
            let (status, err, out) = run2026(dir, previous: given)
            #expect(status == .dataError, "\(given)")
            let errors = err.filter { $0.contains(": error[") }
            #expect(errors.count == 1, "\(given): \(errors)")
            #expect(
                errors.first?.contains("error[E-PREVIOUS-YEAR]: --previous 给出的是本年度（2026）自己的结果") == true, "\(errors)")
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }
        let (_, en, _) = run2026(dir, previous: y2026.path, language: .en)
        #expect(
            en.contains { $0.contains("--previous holds this year's own results (2026), not last year's") }, "\(en)")
    }

    @Test func anotherYearIsRefusedNamingIt() throws {
        let dir = try temporaryDirectory("previous-other-year")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (y2025, _) = try reports(dir)
        // the 2025 reports said to be 2023's
        let old = dir.appendingPathComponent("2023")
        try FileManager.default.createDirectory(at: old, withIntermediateDirectories: true)
        for name in ["results.csv", "results.json"] {
            let text = try String(contentsOf: y2025.appendingPathComponent(name), encoding: .utf8)
            try text.replacingOccurrences(of: "\"year\": 2025", with: "\"year\": 2023").write(
                to: old.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let (status, err, _) = run2026(dir, previous: old.path)
        #expect(status == .dataError)
        let errors = err.filter { $0.contains(": error[") }
        #expect(
            errors.count == 1 && errors[0].contains("--previous 给出的是 2023 年度的结果") && errors[0].contains("2025"),
            "\(errors)")
    }

    /// Another city's results of the right year: none of this year's branches in them is an
    /// error; fewer than half is a warning with the counts.
    @Test func resultsOfAnotherCityAreRefusedOrWarned() throws {
        let dir = try temporaryDirectory("previous-other-city")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (y2025, _) = try reports(dir)
        let csv = try String(contentsOf: y2025.appendingPathComponent("results.csv"), encoding: .utf8)
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let other = dir.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: y2025.appendingPathComponent("results.json"), to: other.appendingPathComponent("results.json"))
        // every branch renamed
        try ([lines[0]] + lines.dropFirst().map { "X" + $0 }).joined(separator: "\r\n").write(
            to: other.appendingPathComponent("results.csv"), atomically: true, encoding: .utf8)
        let (none, errNone, _) = run2026(dir, previous: other.path)
        #expect(none == .dataError)
        #expect(
            errNone.contains { $0.contains("error[E-PREVIOUS-BRANCHES]: 本年度 40 个支部没有一个在上年结果（40 个支部）中") },
            "\(errNone)")
        // 10 of the 40 kept
        try ([lines[0]] + lines.dropFirst().enumerated().map { $0.offset < 10 ? $0.element : "X" + $0.element }).joined(
            separator: "\r\n"
        ).write(
            to: other.appendingPathComponent("results.csv"), atomically: true, encoding: .utf8)
        let (few, errFew, _) = run2026(dir, previous: other.path)
        #expect(few == .ok, "\(errFew)")
        #expect(errFew.contains { $0.contains("warning[W-PREVIOUS-BRANCHES]: 本年度 40 个支部中只有 10 个在上年结果中") }, "\(errFew)")
    }

    /// Rows that cannot be read are errors at their line, never dropped; a results.csv alone
    /// (no results.json beside it) holds no year, which is a warning.
    @Test func unreadableRowsAreErrorsAtTheirLine() throws {
        let dir = try temporaryDirectory("previous-rows")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (y2025, _) = try reports(dir)
        let csv = try String(contentsOf: y2025.appendingPathComponent("results.csv"), encoding: .utf8)
        var lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let alone = dir.appendingPathComponent("alone.csv")
        try lines.joined(separator: "\r\n").write(to: alone, atomically: true, encoding: .utf8)
        let (ok, errOK, _) = run2026(dir, previous: alone.path)
        #expect(ok == .ok, "\(errOK)")
        #expect(errOK.contains { $0.hasPrefix(alone.path + ":1: warning[W-PREVIOUS-YEAR]") }, "\(errOK)")

        lines[3] = lines[3].components(separatedBy: ",").dropLast().joined(separator: ",")  // a field short
        var fields = lines[5].components(separatedBy: ",")
        fields[11] = "六"
        lines[5] = fields.joined(separator: ",")
        try lines.joined(separator: "\r\n").write(to: alone, atomically: true, encoding: .utf8)
        let (status, err, _) = run2026(dir, previous: alone.path)
        #expect(status == .dataError)
        #expect(err.contains { $0.hasPrefix(alone.path + ":4: error[E-CSV-FIELDS]") }, "\(err)")
        #expect(
            err.contains { $0.hasPrefix(alone.path + ":6:12: error[E-PREVIOUS]: stars: 星级应为 0–5，当前为“六”") }, "\(err)")
    }

    @Test func aFolderWithoutResultsIsNamed() throws {
        let dir = try temporaryDirectory("previous-empty-folder")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (status, err, _) = run2026(dir, previous: dir.path)
        #expect(status == .noInput)
        #expect(err.contains { $0.contains("中没有 results.csv：--previous 应为 star-report 写出的报告文件夹") }, "\(err)")
    }
}
