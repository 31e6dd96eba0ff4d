import Foundation
import StarModel
import TestSupport
import Testing

@testable import StarLedger

let testsDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

/// One branch of a made-up year.
struct FakeBranch {
    var id: String
    var committee: String
    var stars: Int
    var final: Int
}

/// A reports folder as `run` writes it, as far as `ledger record` reads it: results.csv (with
/// its BOM), results.json's top-level fields, and the manifest with every file's SHA-256. Made
/// directly, so a 50,000-branch year takes a fraction of a second.
func fakeReports(
    _ dir: URL, year: Int, notice: String = "", branches: [FakeBranch], salt: String = "",
    committees: [String: String] = [:]
) throws {
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    var csv =
        """
        \u{FEFF}branch_id,branch_name,committee_id,self_total,mass_total,superior_total,base,bonus,deduction,\
        final,band_stars,stars,rules\r\n
        """
    for b in branches {
        let f = Tenths(b.final).description
        csv +=
            """
            \(b.id),支部\(b.id),\(b.committee),\(f),\(f),\(f),\(f),0.0,0.0,\(f),\(b.stars),\(b.stars),\
            \(b.stars == 4 ? "Q1" : "")\r\n
            """
    }
    let notice = notice.isEmpty ? "\(year)-12-31" : notice
    let named = String(
        decoding: try JSONSerialization.data(withJSONObject: committees, options: .sortedKeys), as: UTF8.self)
    let json = """
        {
          "format": "star-report results 1",
          "year": \(year),
          "notice_date": "\(notice)",
          "salt": "\(salt)",
          "committees": \(named),
          "branches": [],
          "quota_checks": []
        }

        """
    let files = [("results.csv", Data(csv.utf8)), ("results.json", Data(json.utf8))]
    var list: [String] = []
    for (name, data) in files {
        try data.write(to: dir.appendingPathComponent(name))
        list.append("{\"name\": \"\(name)\", \"size\": \(data.count), \"sha256\": \"\(SHA256.hex(data))\"}")
    }
    let manifest =
        """
        {\n  \"star-report-manifest\": 1,\n  \"state\": \"complete\",\n  \"files\": \
        [\(list.joined(separator: ", "))]\n}\n
        """
    try Data(manifest.utf8).write(to: dir.appendingPathComponent(".star-report-manifest.json"))
}

/// `count` branches over three committees, stars and scores from a seeded generator.
func fakeBranches(_ count: Int, seed: UInt64) -> [FakeBranch] {
    var g = SplitMix(seed: seed)
    return (0..<count).map { i in
        let stars = Int(g.next() % 6)
        return FakeBranch(
            id: String(format: "B%06d", i), committee: "C\(i % 3)", stars: stars,
            final: 500 + stars * 90 + Int(g.next() % 90))
    }
}

/// `python3 Tests/LedgerTests/ledger_tool.py ARGS` as JSON.
func ledgerTool(_ args: [String]) throws -> [String: Any] {
    let out = try runPython([testsDir.appendingPathComponent("ledger_tool.py").path] + args)
    guard out.status == 0, let json = try JSONSerialization.jsonObject(with: out.out) as? [String: Any] else {
        Issue.record("ledger_tool.py \(args): \(out.errText)")
        return [:]
    }
    return json
}

/// `star-report ARGS` (the built binary), in English.
func starReport(_ args: [String]) throws -> ProcessOutput {
    try runProcess(starReportBinary, args, environment: ["STAR_REPORT_LANG": "en"])
}

func date(_ s: String) -> CivilDate { CivilDate(iso: s)! }
