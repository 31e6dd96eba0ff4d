import Foundation
import StarModel
import Testing

@testable import StarRules

/// Settings files cost linear work: caps on size and keys, unknown keys past the first few
/// counted in one line, every key's line found in one pass.
@Suite struct TOMLBudgetTests {
    @Test func thirtyThousandUnknownKeysAreOneLineMore() {
        var text = "[notice]\nissuer = \"工委\"\n"
        for i in 0..<30_000 { text += "objection_k\(i) = \"x\"\n" }
        let (c, d) = NoticeConfig.read(text, path: "config.toml")
        #expect(c.issuer == "工委")
        #expect(d.count == TOMLReader.unknownKeysShown + 1)
        let last = d.last
        #expect(
            last?.content.id == .tomlMoreUnknownKeys && last?.content.value(of: "count") == "29980"
                && last?.severity == .warning)
        #expect(last?.content.text(.en).contains("29980 more unknown keys besides the 20 above") == true)
        // in rules.toml they are errors, counted the same way
        var rules = RulesFile.defaultText
        for i in 0..<30_000 { rules = "k\(i) = 1\n" + rules }
        guard case .failure(let e) = RulesFile.parse(rules, path: "rules.toml") else {
            Issue.record("accepted")
            return
        }
        #expect(e.items.filter { $0.content.id == .tomlMoreUnknownKeys }.count == 1)
        #expect(e.items.count == TOMLReader.unknownKeysShown + 1)
    }

    /// (Its speed, once quadratic, is measured by `make bench`, never by a timed test.)
    @Test func thirtyThousandCommitteesNotInTheDataAreEachWarned() {
        var text = ""
        for i in 0..<30_000 { text += "[committees.X\(i)]\nemail = \"x\(i)@example.gov.cn\"\n" }
        let (c, d) = NoticeConfig.read(text, path: "config.toml")
        #expect(d.isEmpty)
        let w = c.missingSettings(path: "config.toml", committees: (0..<3000).map { "C\($0)" })
        #expect(w.filter { $0.content.id == .configUnknownCommittee }.count == 30_000)
    }

    @Test func sizeAndKeyCapsAreOneErrorNamingThem() {
        let big = String(repeating: "# comment\n", count: (TOMLReader.maxBytes / 10) + 1)
        let (_, d) = NoticeConfig.read(big, path: "config.toml")
        #expect(
            d.count == 1 && d[0].content.id == .tomlTooLarge
                && d[0].content.text(.en).contains("limit of \(TOMLReader.maxBytes)"))
        var many = "[committees]\n"
        for i in 0...TOMLReader.maxKeys { many += "C\(i) = 1\n" }
        let (_, d2) = NoticeConfig.read(many, path: "config.toml")
        #expect(
            d2.count == 1 && d2[0].content.id == .tomlTooManyKeys
                && d2[0].content.text(.en).contains("more than \(TOMLReader.maxKeys)"))
    }

    /// The index gives every line the reading of the lines gives.
    @Test func lineIndexAgreesWithTheScan() throws {
        let rules = RulesFile.defaultText
        let config = """
            top = 1
            [notice]
            issuer = "x"
              "objection_phone" = "1"
            [committees.CZJ]
            email = "a@b.cn"
            [committees.JYJ]
            email = "c@d.cn"
            [[quota]]
            code = "A"
            [[quota]]
            code = "B"
            levels = [1]
            """
        for text in [rules, config] {
            let r = TOMLReader(path: "f.toml", text: text, code: "E-RULES")
            let tables: [String?] = [
                nil, "notice", "committees", "committees.CZJ", "committees.JYJ", "quota", "weights", "bands", "nowhere",
            ]
            let keys: [String?] = [
                nil, "top", "issuer", "objection_phone", "email", "code", "levels", "self", "five", "notice",
                "committees", "quota", "weights", "x",
            ]
            for t in tables {
                for k in keys {
                    for i in [nil, 0, 1, 5] as [Int?] {
                        #expect(
                            r.line(table: t, key: k, index: i) == r.lineByScan(table: t, key: k, index: i),
                            "\(String(describing: t)) \(String(describing: k)) \(String(describing: i))")
                    }
                }
            }
        }
    }
}
