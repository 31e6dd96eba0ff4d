import Foundation
import Testing

@testable import StarModel

/// The typed functions of MessageFunctions.swift against the catalogue's texts: each entry that
/// takes parameters has one function, its labels are exactly the `{name}`s of both texts, and it
/// stores each under its own name. (Read from the source: Swift cannot list a type's functions.)
@Suite struct MessageFunctionTests {
    struct Function {
        var labels: [String]
        var keys: [String]
    }

    static func functions() throws -> [String: Function] {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Sources/StarModel/MessageFunctions.swift")
        let source = try String(contentsOf: file, encoding: .utf8)
        // `public static func name(label: Type, …) -> Message {` … `Message(.name, arguments: ["label": …])`
        let declaration = try Regex(
            #"static func (\w+)\(([^)]*)\)\s*-> Message\s*\{\s*Message\(\s*\.(\w+),\s*arguments: \[([^\]]*)\]"#
        )
        .dotMatchesNewlines()
        var out: [String: Function] = [:]
        for match in source.matches(of: declaration) {
            let name = String(match.output[1].substring!)
            let labels = match.output[2].substring!.split(separator: ",").map {
                String($0.trimmingCharacters(in: .whitespacesAndNewlines).prefix { $0 != ":" && $0 != " " })
            }
            #expect(String(match.output[3].substring!) == name, "\(name) makes another entry")
            let keys = match.output[4].substring!.matches(of: try Regex(#""(\w+)":"#)).map {
                String($0.output[1].substring!)
            }
            #expect(out[name] == nil, "\(name) is declared twice")
            out[name] = Function(labels: labels, keys: keys)
        }
        return out
    }

    @Test func eachEntryWithParametersHasOneFunctionNamingThemAll() throws {
        let functions = try Self.functions()
        #expect(functions.count > 200)
        for id in MessageID.allCases {
            let entry = Catalogue.entry(id)
            let names = Catalogue.parameters(entry.zh).union(Catalogue.parameters(entry.en))
            guard let f = functions[id.rawValue] else {
                #expect(names.isEmpty, "\(id) takes \(names.sorted()) but has no typed function")
                continue
            }
            #expect(!names.isEmpty, "\(id) takes no parameters: it is made with Message(.\(id))")
            #expect(
                Set(f.labels) == names, "\(id): the function's labels \(f.labels) are not the text's \(names.sorted())")
            #expect(f.keys == f.labels, "\(id): each parameter must be stored under its own name")
        }
        #expect(Set(functions.keys).isSubset(of: Set(MessageID.allCases.map(\.rawValue))))
    }

    /// A parameter given as another message or a bilingual text is rendered in the reader's
    /// language, in the whole text and in the error lists' split.
    @Test func nestedParametersFollowTheLanguage() {
        let inner = Message.fileUnreadable(reason: "EACCES")
        let outer = Message.sysReason(message: inner, reason: "x")
        #expect(outer.text(.en).contains(inner.text(.en)))
        #expect(outer.text(.zh).contains(inner.text(.zh)))
        let what = Localized(zh: "<Score> 的属性 self", en: "attribute self of <Score>")
        let m = Message.xmlBadValue(what: what, value: "x", expected: Localized(zh: "整数", en: "a whole number"))
        #expect(m.text(.zh).contains("<Score> 的属性 self") && !m.text(.zh).contains("attribute"))
        #expect(m.text(.en).contains("attribute self of <Score>") && m.text(.en).contains("a whole number"))
        for language in Language.allCases {
            let parts = m.parts(language)
            #expect((parts.message + parts.action).contains(language == .zh ? "整数" : "a whole number"))
            #expect(!(parts.message + parts.action).contains("{"))
        }
    }

    /// The ledger says a star level as every report does (StarLabel): `二星级`, `不定星级` for none,
    /// never `2 星`; English says `2 stars`, `1 star`, `no star`.
    @Test func ledgerMessagesSayStarLevelsAsTheReportsDo() {
        let messages: [Message] = [
            .ledgerResolved(count: 1, id: "B", year: 2025, stars: 5),
            .ledgerNotForReview(id: "B", stars: 4, year: 2025),
            .ledgerReviewed(id: "B", year: 2025, stars: 4),
            .ledgerAdjustRaise(id: "B", current: 1, year: 2025, stars: 3),
            .ledgerAdjustSame(id: "B", current: 0, year: 2025),
            .ledgerAdjusted(id: "B", from: 4, stars: 0, year: 2025),
            .ledgerHistoryYear(
                year: 2025, status: "已批准", proposed: 3, approved: 3, current: 1, final: "80.0", rules: "无"),
            .ledgerHistoryResolved(stars: 2, reason: "r"),
            .ledgerHistoryReview(date: "2026-01-01", by: "x", stars: 4, reason: "r"),
            .ledgerHistoryAdjustment(date: "2026-01-01", by: "x", stars: 2, reason: "r", document: nil),
            .ledgerAdjustment(date: "2026-01-01", stars: 1, reason: "r", document: nil),
            .ledgerEitherLevel(first: 1, second: 0),
        ]
        for m in messages {
            let zh = m.text(.zh)
            #expect(zh.contains("星级") && zh.firstMatch(of: #/[0-9] ?星/#) == nil, "\(zh)")
            #expect(m.text(.en).contains("star") && !m.text(.en).contains("stars stars"), "\(m.text(.en))")
        }
        #expect(
            Message.ledgerAdjusted(id: "B", from: 4, stars: 0, year: 2025).text(.zh) == "已将支部 B 由四星级调整为不定星级（2025 年度）")
        #expect(
            Message.ledgerAdjusted(id: "B", from: 1, stars: 0, year: 2025).text(.en)
                == "lowered branch B from 1 star to no star (2025)")
        #expect(Message.ledgerEitherLevel(first: 1, second: 0).text(.zh) == "一星级或不定星级")
        #expect(Message.ledgerEitherLevel(first: 1, second: 0).text(.en) == "1 star or no star")
        let pending = Message.ledgerHistoryYear(
            year: 2026, status: "公示中", proposed: 0, approved: nil, current: nil, final: "40.0", rules: "C1")
        #expect(pending.text(.zh) == "2026 年度（公示中）：拟评不定星级，批准无，现为无；得分 40.0；规则 C1")
        #expect(pending.text(.en) == "2026 (公示中): proposed no star, approved none, now none; score 40.0; rules C1")
    }
}
