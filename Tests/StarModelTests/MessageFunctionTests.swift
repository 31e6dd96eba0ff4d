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
}
