import Foundation
import StarModel
import StarRating
import StarRender
import StarRules
import TestSupport
import Testing

/// results.json (format `star-report results 2`) on the sample year: data a reader can check
/// every number of by hand, each fact once.
@Suite struct ResultsJSONTests {
    @Test func everyBranchRecomputesFromItsRecordAndTheRulesSection() throws {
        let dir = try temporaryDirectory("results-json")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try runSampleData(into: dir)
        let text = try String(contentsOf: out.appendingPathComponent("results.json"), encoding: .utf8)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["format"] as? String == "star-report results 2")
        let fields = try #require(json["branch_fields"] as? [String])
        let rows = try #require(json["branches"] as? [[Any]])
        #expect(!rows.isEmpty && rows.allSatisfy { $0.count == fields.count })

        // the rules section is the descriptors of the rules in use, once each
        let rules = try RulesFile.loadDefault().get()
        let ruleTexts = try #require(json["rules"] as? [String: [String: String]])
        for (code, entry) in ruleTexts {
            let d = try #require(rules.descriptor(code: code))
            #expect(
                entry["meaning"] == d.meaning && entry["points"] == d.points && entry["clause"] == d.clause, "\(code)")
        }
        let committees = try #require(json["committees"] as? [String: String])
        let inputs = try #require(json["inputs"] as? [[String: Any]])

        // the columns shared with results.csv hold the same cells
        let csv = try String(contentsOf: out.appendingPathComponent("results.csv"), encoding: .utf8)
            .split(separator: "\r\n").dropFirst().map {
                $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            }
        #expect(csv.count == rows.count)

        for (k, b) in branchRecords(json).enumerated() {
            let id = try #require(b["branch_id"] as? String)
            #expect(committees[b["committee_id"] as? String ?? ""] != nil, "\(id)")
            // one line per branch, so grep shows the record
            #expect(text.split(separator: "\n").filter { $0.hasPrefix("    [\"\(id)\",") }.count == 1, "\(id)")
            for (i, name) in ResultsFiles.csvHeader.enumerated() where name != "branch_name" {
                let cell = b[name].map { v -> String in
                    if let n = v as? NSNumber,
                        name.hasSuffix("total") || ["base", "bonus", "deduction", "final"].contains(name)
                    {
                        return String(format: "%.1f", n.doubleValue)
                    }
                    return "\(v)"
                }
                #expect(cell == csv[k][i], "\(id) \(name)")
            }
            // bonus and deduction are the trail's points; final is their sum with base, clamped
            let trail = try #require(b["trail"] as? [[String: Any]])
            func tenths(_ v: Any?) -> Int { Int((((v as? NSNumber)?.doubleValue ?? 0) * 10).rounded()) }
            let bonus = trail.filter { ruleTexts[$0["code"] as! String]?["kind"] == "bonus" }.map {
                tenths($0["points"])
            }.reduce(0, +)
            let deduction = trail.filter { ruleTexts[$0["code"] as! String]?["kind"] == "deduction" }.map {
                tenths($0["points"])
            }.reduce(0, +)
            #expect(bonus == tenths(b["bonus"]) && -deduction == tenths(b["deduction"]), "\(id)")
            #expect(tenths(b["final"]) == min(max(tenths(b["base"]) + bonus + deduction, 0), 1000), "\(id)")
            for t in trail {
                let code = try #require(t["code"] as? String)
                #expect(ruleTexts[code] != nil, "\(id): \(code) has no text")
                if let n = t["n"] as? Int, let of = t["of"] as? Int { #expect(1 <= n && n <= of, "\(id)") }
            }
            // the source names an input by its index
            let source = try #require(b["source"] as? [Int])
            #expect(source.count == 2 && inputs.indices.contains(source[0]) && source[1] >= 1, "\(id)")
        }
    }
}
