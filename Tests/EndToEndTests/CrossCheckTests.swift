import Foundation
import StarPipeline
import TestSupport
import Testing

/// results.csv against an independent reference implementation of docs/rules.md
/// (`Scripts/reference-rating.py`, written from the spec alone) on random generated data:
/// both quotas binding, ties at the cuts, every rule code, both quota scopes.
@Suite struct ReferenceCrossCheckTests {
    func python(_ args: [String], stdout: URL? = nil) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3"] + args
        p.currentDirectoryURL = repoRoot
        if let stdout {
            _ = FileManager.default.createFile(atPath: stdout.path, contents: nil)
            p.standardOutput = try FileHandle(forWritingTo: stdout)
        }
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "python3 \(args)")
    }

    @Test(arguments: [(3, 70, "all"), (5, 70, "committee"), (8, 45, "all"), (9, 45, "committee")])
    func resultsMatchTheReference(seed: Int, minLevel: Int, scope: String) throws {
        let dir = try temporaryDirectory("xcheck-\(seed)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try python([
            "Benchmarks/generate.py", "--seed", "\(seed)", "--csv-branches", "4000", "--xml-files", "0",
            "--min-level", "\(minLevel)", "--out", dir.path,
        ])
        let input = dir.appendingPathComponent("csv")
        let expected = dir.appendingPathComponent("expected.csv")
        try python(["Scripts/reference-rating.py", input.path, "2026", scope], stdout: expected)
        let c = Captured()
        let status = Pipeline(
            options: Options(
                input: input.path, output: dir.appendingPathComponent("out").path, year: 2026,
                templates: repoRoot.appendingPathComponent("Templates").path,
                quotaScope: scope == "all" ? .all : .committee), console: c.console
        ).run()
        #expect(status == .ok)
        let ours = withoutBOM(try String(contentsOf: dir.appendingPathComponent("out/results.csv"), encoding: .utf8))
        let theirs = withoutBOM(try String(contentsOf: expected, encoding: .utf8))
        let a = ours.components(separatedBy: "\r\n")
        let b = theirs.components(separatedBy: "\r\n")
        #expect(a.count == b.count)
        let firstDifference = zip(a, b).first { $0 != $1 }
        #expect(
            firstDifference == nil,
            "first differing row:\n ours:      \(firstDifference?.0 ?? "")\n reference: \(firstDifference?.1 ?? "")")
        // the data exercises what it should
        if minLevel == 70 && scope == "all" {
            #expect(ours.contains("Q1") && ours.contains("Q2") && ours.contains("C3") && ours.contains("C4"))
        }
    }
}
