import Foundation
import StarModel
import StarPipeline
import StarPlatform
import TestSupport
import Testing

let testsDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

/// Console output captured from an in-process run.
final class Captured: @unchecked Sendable {
    private let lock = NSLock()
    private var _out: [String] = []
    private var _err: [String] = []
    var out: [String] { lock.withLock { _out } }
    var err: [String] { lock.withLock { _err } }
    var console: Console {
        Console(
            out: { s in self.lock.withLock { self._out.append(s) } },
            err: { s in self.lock.withLock { self._err.append(s) } })
    }
}

/// The branch records of a parsed results.json, each as its `branch_fields` names its values.
func branchRecords(_ json: [String: Any]) -> [[String: Any]] {
    let fields = json["branch_fields"] as? [String] ?? []
    return (json["branches"] as? [[Any]] ?? []).map { values in
        Dictionary(uniqueKeysWithValues: zip(fields, values))
    }
}

func temporaryDirectory(_ name: String) throws -> URL { try temporaryFolder("star-report-tests-\(name)") }

/// Runs SampleData 2025 then 2026 (with 2025 as last year) in process; returns 2026's folder.
func runSampleData(
    into dir: URL, scope: String? = nil, sampleRoot: URL = repoRoot.appendingPathComponent("SampleData"),
    language: Language = .zh
) throws -> URL {
    let templates = repoRoot.appendingPathComponent("Templates").path
    let out2025 = dir.appendingPathComponent("2025").path
    let out2026 = dir.appendingPathComponent("2026").path
    let c = Captured()
    let s1 = Pipeline(
        options: Options(
            input: sampleRoot.appendingPathComponent("2025").path, output: out2025, templates: templates,
            language: language), console: c.console
    ).run()
    #expect(s1 == .ok, "\(c.err)")
    let s2 = Pipeline(
        options: Options(
            input: sampleRoot.appendingPathComponent("2026").path, output: out2026, templates: templates,
            previous: out2025 + "/results.csv", language: language), console: c.console
    ).run()
    #expect(s2 == .ok, "\(c.err)")
    return URL(fileURLWithPath: out2026)
}

/// Compares `actual` with the golden file; `STAR_REPORT_RECORD_GOLDEN=1` re-records it (and fails,
/// so nobody records by accident). On a difference, shows the first differing line with context.
func assertGolden(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let url = testsDir.appendingPathComponent("Golden").appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["STAR_REPORT_RECORD_GOLDEN"] == "1" {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: url)
        Issue.record("recorded \(name); run again without STAR_REPORT_RECORD_GOLDEN", sourceLocation: sourceLocation)
        return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
        Issue.record("missing golden file \(name); record it with `make golden`", sourceLocation: sourceLocation)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    guard expected != actual else { return }
    let e = expected.components(separatedBy: "\n")
    let a = actual.components(separatedBy: "\n")
    let i = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
    let context = (max(0, i - 2)...min(max(e.count, a.count) - 1, i + 2)).map { k in
        let mark = k == i ? ">" : " "
        return
            """
            \(mark)\(k + 1)\n    expected: \(k < e.count ? e[k] : "<end>")\n    actual:   \
            \(k < a.count ? a[k] : "<end>")
            """
    }.joined(separator: "\n")
    Issue.record("\(name) differs from its golden file at line \(i + 1):\n\(context)", sourceLocation: sourceLocation)
}

/// A file of a report folder as text, with the machine's paths to the repository removed.
func report(_ dir: URL, _ name: String) throws -> String {
    let text = String(decoding: try Data(contentsOf: dir.appendingPathComponent(name)), as: UTF8.self)
    // and the temporary folder the runs wrote to (last year's results.csv is an input)
    return text.replacingOccurrences(of: repoRoot.path + "/", with: "")
        .replacingOccurrences(of: dir.deletingLastPathComponent().path + "/", with: "")
}

/// results.csv's text without its leading UTF-8 byte order mark (it has one so Excel reads it
/// as UTF-8; every reader accepts it with or without).
func withoutBOM(_ text: String) -> String {
    text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
}

/// Parses results.csv (no quoted cells in the sample) into rows keyed by branch id; with or
/// without a byte order mark.
func resultsRows(_ csv: String) -> [String: [String: String]] {
    let lines = withoutBOM(csv).split(separator: "\r\n").map {
        $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    let header = lines[0]
    var out: [String: [String: String]] = [:]
    for l in lines.dropFirst() { out[l[0]] = Dictionary(uniqueKeysWithValues: zip(header, l)) }
    return out
}
