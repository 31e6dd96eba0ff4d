import Foundation
import TestSupport
import Testing

@Suite struct GoldenSampleDataTests {
    @Test func everyReportMatchesItsGoldenFile() throws {
        let dir = try temporaryDirectory("golden")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try runSampleData(into: dir)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        let committees = ["CZJ", "GAJ", "JYJ", "WJW", "ZJJ"]
        #expect(
            names
                == ([
                    ".star-report-manifest.json", "notice.html", "notice.txt", "results.csv", "results.json",
                    "results.xlsx", "validation.txt",
                ]
                + committees.flatMap { ["summary-\($0).eml", "summary-\($0).txt"] }).sorted())
        // The manifest holds the SHA-256 of results.json, which names the input files by the
        // machine's path; it is checked by the output-folder tests instead. results.xlsx is
        // checked cell by cell against results.csv (ExcelTests).
        for name in names where name != ".star-report-manifest.json" && !name.hasSuffix(".xlsx") {
            try assertGolden(try report(out, name), "2026/" + name)
        }
    }

    @Test func sameInputGivesByteIdenticalOutput() throws {
        let a = try temporaryDirectory("det-a")
        let b = try temporaryDirectory("det-b")
        defer {
            try? FileManager.default.removeItem(at: a)
            try? FileManager.default.removeItem(at: b)
        }
        let outA = try runSampleData(into: a)
        let outB = try runSampleData(into: b)
        // (the manifest holds the SHA-256 of results.json, which names the inputs by their path)
        for name in try FileManager.default.contentsOfDirectory(atPath: outA.path)
        where name != ".star-report-manifest.json" {
            let x = try report(outA, name).replacingOccurrences(of: a.path, with: "")
            let y = try report(outB, name).replacingOccurrences(of: b.path, with: "")
            #expect(x == y, "\(name) differs between two runs")
        }
    }
}

/// The reports must not depend on where the input folder lies (CI clones elsewhere; a long path
/// once changed how a warning wrapped in a summary).
@Suite struct LocationIndependenceTests {
    @Test func reportsAreTheSameFromAFolderWithALongPath() throws {
        let here = try temporaryDirectory("here")
        let far = try temporaryDirectory("far")
        defer {
            try? FileManager.default.removeItem(at: here)
            try? FileManager.default.removeItem(at: far)
        }
        let deep = far.appendingPathComponent(String(repeating: "很长的文件夹名称-", count: 6))
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        for year in ["2025", "2026"] {
            try FileManager.default.copyItem(
                at: repoRoot.appendingPathComponent("SampleData/\(year)"), to: deep.appendingPathComponent(year))
        }
        let a = try runSampleData(into: here)
        let b = try runSampleData(into: far, sampleRoot: deep)
        for name in try FileManager.default.contentsOfDirectory(atPath: a.path)
        where name.hasSuffix(".txt") && name != "validation.txt" {
            let x = try report(a, name)
            let y = String(decoding: try Data(contentsOf: b.appendingPathComponent(name)), as: UTF8.self)
            #expect(x == y, "\(name) depends on where the input folder lies")
        }
    }
}

/// Hand computations of tricky SampleData branches (docs/rules.md applied by hand, step by step).
@Suite struct HandComputedBranchTests {
    static let rows: [String: [String: String]] = {
        let dir = try! temporaryDirectory("hand")
        let out = try! runSampleData(into: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        return resultsRows(try! report(out, "results.csv"))
    }()

    func row(_ id: String) -> [String: String] { Self.rows[id]! }

    @Test func czj08BaseRoundsHalfUp() {
        // self 82.1, mass 82.1, superior 82.0: 0.2·82.1 + 0.3·82.1 + 0.5·82.0 = 16.42 + 24.63 + 41.00 = 82.05 → 82.1
        #expect(row("CZJ-08")["base"] == "82.1")
        #expect(row("CZJ-08")["stars"] == "4")
    }

    @Test func wjw01ClampsAtHundred() {
        // base 95.5 + B1 national 8.0 = 103.5 → clamped to 100.0; five stars, kept by Q1 (highest).
        let r = row("WJW-01")
        #expect([r["base"], r["bonus"], r["final"], r["stars"], r["rules"]] == ["95.5", "8.0", "100.0", "5", "B1"])
    }

    @Test func jyj03ThreeUnexcusedAbsences() {
        // 4 absences, 1 excused → 3 unexcused: D7 3×3.0 = 9.0; 88.0 − 9.0 = 79.0 → three stars;
        // C4: at most four (3), then one lower → two stars.
        let r = row("JYJ-03")
        #expect(
            [r["deduction"], r["final"], r["band_stars"], r["stars"], r["rules"]] == ["9.0", "79.0", "3", "2", "D7;C4"])
    }

    @Test func jyj05PendingElectionMoreThanOneYearLate() {
        // due 2025-03-31, still pending on 2026-12-31 > 2026-03-31: C2 (cap 4) and C3 (cap 3); 86.1 → four → three.
        let r = row("JYJ-05")
        #expect([r["final"], r["band_stars"], r["stars"], r["rules"]] == ["86.1", "4", "3", "C2;C3"])
    }

    @Test func wjw06SatisfactionBelowFifty() {
        // satisfaction 45.2 %: D6 −5.0 (below 60) → 68.0 − 5.0 = 63.0, two stars; C1 (below 50): no star.
        let r = row("WJW-06")
        #expect([r["final"], r["band_stars"], r["stars"], r["rules"]] == ["63.0", "2", "0", "D6;C1"])
    }

    @Test func q1TieAtNinetyTwoLowersAllThree() {
        // 8 five-star branches of 40, limit floor(40·10 %) = 4. Ranked: 100.0, 99.0, 98.0, then 92.0 ×3
        // straddling the 4th place → all three lowered, three five-stars remain.
        for id in ["CZJ-02", "GAJ-01", "WJW-02"] {
            #expect(row(id)["stars"] == "4")
            #expect(row(id)["rules"] == "Q1")
        }
        #expect(Self.rows.values.filter { $0["stars"] == "5" }.count == 3)
    }

    @Test func q2TieAtSixtyOnePointFive() {
        // one-star-and-below must be ≥ ceil(40·10 %) = 4; there are 3 (GAJ-03, WJW-06, ZJJ-05).
        // Lowest two-star-or-more: GAJ-06 and WJW-08, both 61.5 → both become one star.
        for id in ["GAJ-06", "WJW-08"] {
            #expect(row(id)["band_stars"] == "2")
            #expect(row(id)["stars"] == "1")
            #expect(row(id)["rules"] == "Q2")
        }
        #expect(Self.rows.values.filter { Int($0["stars"]!)! <= 1 }.count == 5)
    }

    @Test func everyRuleCodeFiresIn2026() {
        let fired = Set(Self.rows.values.flatMap { $0["rules"]!.split(separator: ";").map(String.init) })
        #expect(fired == ["B1", "B2", "D1", "D2", "D3", "D4", "D5", "D6", "D7", "C1", "C2", "C3", "C4", "Q1", "Q2"])
    }
}

@Suite struct ReportShapeTests {
    static let dir: URL = {
        let dir = try! temporaryDirectory("shape")
        return try! runSampleData(into: dir)
    }()

    @Test func plainTextLinesFitSeventyEightColumnsAndNoneStartsWithClosingPunctuation() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.dir.path)
        where name.hasPrefix("summary-") && name.hasSuffix(".txt") || name == "notice.txt" {
            let text = try report(Self.dir, name)
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                #expect(displayWidth(line) <= 78, "\(name):\(i + 1) is \(displayWidth(line)) columns")
                // 避头: no line starts with closing punctuation
                let first = line.drop { $0 == " " }.first
                #expect(first.map { !"，。、；：）」".contains($0) } ?? true, "\(name):\(i + 1) starts with \(first!)")
            }
        }
    }

    @Test func summaryEmailParsesWithPythonsStrictEmailPackage() throws {
        let r = try runPython([
            "-c",
            """
            import email, email.policy, sys, json
            m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=email.policy.strict)
            parts = [(p.get_content_type(), p.get_content_charset(), p.get_filename()) for p in m.iter_parts()]
            print(json.dumps({"subject": str(m['Subject']), "to": str(m['To']), "date": str(m['Date']),
                              "id": str(m['Message-ID']), "parts": parts, "defects": len(m.defects),
                              "body": m.get_body(('plain',)).get_content(),
                              "html": [p for p in m.iter_attachments()][0].get_content()}, ensure_ascii=False))
            """, Self.dir.appendingPathComponent("summary-GAJ.eml").path,
        ])
        let data = r.out
        try #require(r.status == 0, "python3: \(r.errText)")
        let m = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        #expect(m["subject"] as? String == "2026年度基层服务型党组织星级评定结果汇总（市公安局机关党委）")
        #expect(m["to"] as? String == "市公安局机关党委 <gaj-jgdw@example.gov.cn>")
        #expect(m["date"] as? String == "Thu, 31 Dec 2026 09:00:00 +0800")
        #expect((m["id"] as? String)?.hasSuffix(".2026.GAJ@star-report.invalid>") == true)
        #expect(m["defects"] as? Int == 0)
        let parts = m["parts"] as! [[Any]]
        #expect(parts.map { $0[0] as? String } == ["text/plain", "text/html"])
        #expect(parts.map { $0[1] as? String } == ["utf-8", "utf-8"])
        #expect(parts[1][2] as? String == "notice-2026.html")
        #expect(m["body"] as? String == (try report(Self.dir, "summary-GAJ.txt")))
        #expect(m["html"] as? String == (try report(Self.dir, "notice.html")))
    }
}

/// Display width with python-compatible East Asian Width (the StarRender function is tested
/// against unicodedata in StarRenderTests; here a simple independent count suffices for CJK text).
func displayWidth(_ s: Substring) -> Int {
    s.unicodeScalars.reduce(0) { w, u in
        let v = u.value
        let wide =
            (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v)
        return w + (wide ? 2 : 1)
    }
}
