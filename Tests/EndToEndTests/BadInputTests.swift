import Foundation
import StarModel
import StarPipeline
import TestSupport
import Testing

/// Every bad input of the corpus gives exactly its expected errors, and `validate` exits 65.
@Suite struct BadInputCorpusTests {
    static let cases: [String] = {
        let dir = testsDir.appendingPathComponent("Fixtures/bad").path
        return (try? FileManager.default.contentsOfDirectory(atPath: dir).sorted()) ?? []
    }()

    @Test func corpusHasAtLeastTwentyFiveCases() {
        #expect(Self.cases.count >= 25)
    }

    @Test(arguments: cases)
    func exactDiagnostics(name: String) throws {
        let input = testsDir.appendingPathComponent("Fixtures/bad/\(name)").path + "/"
        // the messages in Chinese (the default), and in English
        for (language, suffix) in [(Language.zh, ""), (.en, ".en")] {
            let file = testsDir.appendingPathComponent("Fixtures/bad-expected/\(name)\(suffix).txt")
            let c = Captured()
            let status = Pipeline(options: Options(input: input, year: 2026, language: language), console: c.console)
                .validate()
            #expect(status == .dataError)
            let errors = c.err.filter { $0.contains(": error[") }.map { $0.replacingOccurrences(of: input, with: "") }
            let actual = errors.joined(separator: "\n") + "\n"
            if ProcessInfo.processInfo.environment["STAR_REPORT_RECORD_GOLDEN"] == "1" {
                try Data(actual.utf8).write(to: file)
                continue
            }
            let expected = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            #expect(actual == expected, "\(name) in \(language)")
        }
    }

    @Test func runWithBadInputWritesNothing() throws {
        let out = try temporaryDirectory("bad-run").appendingPathComponent("reports")
        let c = Captured()
        let status = Pipeline(
            options: Options(
                input: testsDir.appendingPathComponent("Fixtures/bad/csv-two-decimals").path,
                output: out.path, year: 2026,
                templates: repoRoot.appendingPathComponent("Templates").path), console: c.console
        ).run()
        #expect(status == .dataError)
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(c.out.isEmpty)
    }

    @Test func jsonDiagnosticsForOtherTools() throws {
        let input = testsDir.appendingPathComponent("Fixtures/bad/csv-out-of-range").path
        let c = Captured()
        _ = Pipeline(options: Options(input: input, year: 2026, jsonDiagnostics: true), console: c.console).validate()
        let json = try JSONSerialization.jsonObject(with: Data(c.out.joined().utf8)) as! [String: Any]
        #expect(json["errors"] as? Int == 1)
        let first = (json["diagnostics"] as! [[String: Any]]).first { $0["severity"] as? String == "error" }!
        #expect(first["code"] as? String == "E-RANGE")
        #expect(first["line"] as? Int == 2)
        #expect(first["field"] as? String == "测评3")  // as the sheet names it
        #expect(first["column"] as? Int == 20)
    }

    @Test func sampleDataValidatesClean() {
        let c = Captured()
        let status = Pipeline(
            options: Options(input: repoRoot.appendingPathComponent("SampleData/2026").path), console: c.console
        ).validate()
        #expect(status == .ok)
        #expect(c.err.contains("错误 0 个，警告 2 个，共 20 个文件"))
    }
}
