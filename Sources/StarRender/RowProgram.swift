import Foundation
import Mustache

/// The row section of a template (`{{#branches}}…{{/branches}}`), compiled once into a short
/// program that renders a row without Mustache's machinery: the same text as Mustache gives,
/// for the part of the language rows use — text, `{{name}}`, `{{{name}}}`, `{{&name}}`,
/// `{{pad28(name)}}`-style transforms, and `{{#flag}}`/`{{^flag}}` sections on a true/false or
/// missing value, standalone section lines removed as Mustache removes them.
///
/// Hand-written because swift-mustache keeps its parsed tokens private, and its lookup of each
/// name (the name split at dots, dynamic casts at every level of the context stack) is most of
/// the cost of a row: a province's run renders three rows for each of a million branches.
/// A template using anything else (partials, comments, dotted names, delimiters, no content
/// type pragma) is not compiled, and a row whose values the program does not know how to
/// render (a list, a lambda) is rendered by Mustache; the templates stay plain Mustache files.
struct RowProgram: Sendable {
    indirect enum Op: Sendable {
        case text(String)
        case value(name: String, transform: String?, escaped: Bool)
        case section(name: String, inverted: Bool, body: [Op])
    }

    let ops: [Op]
    /// `{{%CONTENT_TYPE:HTML}}`: escaped values get the five entities (as `ByteHTML` does).
    let html: Bool

    /// Compiles a whole template, which must start with the pragma `{{%CONTENT_TYPE:TEXT}}` or
    /// `{{%CONTENT_TYPE:HTML}}`; nil when it uses anything the program does not do.
    init?(_ template: String) {
        // Only "\n" ends a line here: Mustache's other line ends ("\r\n", a lone "\r", U+2028…)
        // are left to it.
        guard !template.unicodeScalars.contains(where: { [0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029].contains($0.value) }) else { return nil }
        var parser = Parser(chars: Array(template))
        guard let ops = parser.parse(newLine: true, section: nil), let html = parser.html else { return nil }
        self.ops = ops
        self.html = html
    }

    /// The row part of a template whose head declares `pragmas` (its `{{%…}}` tags, one a line).
    static func compile(_ text: String, pragmas: String) -> RowProgram? { RowProgram(pragmas + text) }

    /// The row, or nil when one of its values is of a kind only Mustache renders.
    func render<Row: MustacheParent>(_ row: Row, outer: Layered) -> String? {
        var out = ""
        return run(ops, row, outer, into: &out) ? out : nil
    }

    private func run<Row: MustacheParent>(_ ops: [Op], _ row: Row, _ outer: Layered, into out: inout String) -> Bool {
        for op in ops {
            switch op {
            case .text(let t):
                out += t
            case .value(let name, let transform, let escaped):
                var value = row.child(named: name) ?? outer.child(named: name)
                if let transform, let v = value {
                    if let cell = v as? Cell { value = cell.transform(transform) } else { return false }
                }
                guard let value else { continue }
                let text: String
                if let cell = value as? Cell {
                    text = cell.text
                } else if let s = value as? String {
                    text = s
                } else if let n = value as? Int {
                    text = String(n)
                } else {
                    return false
                }
                out += escaped && html ? ByteHTML().escapeText(text) : text
            case .section(let name, let inverted, let body):
                let value = row.child(named: name) ?? outer.child(named: name)
                let on: Bool
                if value == nil {
                    on = false
                } else if let b = value as? Bool {
                    on = b
                } else {
                    return false
                }
                if on != inverted, !run(body, row, outer, into: &out) { return false }
            }
        }
        return true
    }

    /// swift-mustache's parser (Template+Parser.swift), followed step by step for the tags the
    /// program does, so that text and whitespace come out as Mustache gives them — including
    /// which lines count as a tag's own ("standalone") line: a tag stands alone when only spaces
    /// or tabs precede it since a line start, as Mustache tracks line starts (a section's content
    /// starts on a new line only when its opening tag stood alone; after a section the line state
    /// is its opening tag's), and its line ends after it.
    struct Parser {
        let chars: [Character]
        var i = 0
        /// The content type the template declared (true: HTML), once it has.
        var html: Bool?

        init(chars: [Character]) { self.chars = chars }

        var atEnd: Bool { i >= chars.count }
        var current: Character? { atEnd ? nil : chars[i] }

        mutating func read(while set: Set<Character>) -> String {
            var s = ""
            while let c = current, set.contains(c) { s.append(c); i += 1 }
            return s
        }

        /// The line ends after the tag (spaces or tabs, then "\n", which is consumed), or the
        /// template does.
        mutating func lineFinished() -> Bool {
            if atEnd { return true }
            var j = i
            while j < chars.count, chars[j] == " " || chars[j] == "\t" { j += 1 }
            guard j < chars.count, chars[j] == "\n" else { return false }
            i = j + 1
            return true
        }

        /// `name` or `transform(name)`, then `}}`.
        mutating func name() -> (String, String?)? {
            _ = read(while: [" ", "\t"])
            var text = ""
            while let c = current, c != " ", c != "\t", c != "}" { text.append(c); i += 1 }
            _ = read(while: [" ", "\t"])
            guard i + 1 < chars.count, chars[i] == "}", chars[i + 1] == "}" else { return nil }
            i += 2
            if let plain = RowProgram.plainName(text) { return (plain, nil) }
            guard let open = text.firstIndex(of: "("), text.hasSuffix(")"),
                let transform = RowProgram.plainName(String(text[..<open])),
                let name = RowProgram.plainName(String(text[text.index(after: open)..<text.index(before: text.endIndex)]))
            else { return nil }
            return (name, transform)
        }

        mutating func parse(newLine startsLine: Bool, section: String?) -> [Op]? {
            var ops: [Op] = []
            var newLine = startsLine
            var whiteSpace = ""
            while !atEnd {
                if newLine { whiteSpace = read(while: [" ", "\t"]) }
                var text = ""
                var tag = false
                while let c = current {
                    if c == "\n" { break }
                    if c == "{", i + 1 < chars.count, chars[i + 1] == "{" {
                        i += 2
                        tag = true
                        break
                    }
                    text.append(c)
                    i += 1
                }
                if !tag, current == "\n" {
                    ops.append(.text(whiteSpace + text + "\n"))
                    newLine = true
                    i += 1
                    continue
                }
                if !text.isEmpty {
                    ops.append(.text(whiteSpace + text))
                    whiteSpace = ""
                    newLine = false
                }
                guard tag, let sigil = current else { break }
                var setNewLine = false
                switch sigil {
                case "#", "^":
                    i += 1
                    guard let (name, transform) = name(), transform == nil else { return nil }
                    if newLine && lineFinished() {
                        setNewLine = true
                    } else if !whiteSpace.isEmpty {
                        ops.append(.text(whiteSpace))
                        whiteSpace = ""
                    }
                    guard let body = parse(newLine: setNewLine, section: name) else { return nil }
                    ops.append(.section(name: name, inverted: sigil == "^", body: body))
                case "/":
                    i += 1
                    guard let (name, transform) = name(), transform == nil, name == section else { return nil }
                    if !(newLine && lineFinished()), !whiteSpace.isEmpty { ops.append(.text(whiteSpace)) }
                    return ops
                case "{", "&":
                    if !whiteSpace.isEmpty {
                        ops.append(.text(whiteSpace))
                        whiteSpace = ""
                    }
                    i += 1
                    guard let (name, transform) = name() else { return nil }
                    if sigil == "{" {
                        guard current == "}" else { return nil }
                        i += 1
                    }
                    guard html != nil else { return nil }
                    ops.append(.value(name: name, transform: transform, escaped: false))
                case "%":
                    i += 1
                    var pragma = ""
                    while let c = current, c != "}" { pragma.append(c); i += 1 }
                    guard i + 1 < chars.count, chars[i + 1] == "}" else { return nil }
                    i += 2
                    let type: Bool
                    switch pragma.trimmingCharacters(in: .whitespaces) {
                    case "CONTENT_TYPE:HTML": type = true
                    case "CONTENT_TYPE:TEXT": type = false
                    default: return nil
                    }
                    // one content type, declared before any value
                    guard html == nil || html == type, section == nil, !ops.contains(where: { if case .text = $0 { false } else { true } })
                    else { return nil }
                    html = type
                    setNewLine = newLine && lineFinished()
                default:
                    // comments, partials, delimiters, inheritance: left to Mustache
                    guard sigil != "!", sigil != ">", sigil != "=", sigil != "$", sigil != "<" else { return nil }
                    if !whiteSpace.isEmpty {
                        ops.append(.text(whiteSpace))
                        whiteSpace = ""
                    }
                    guard let (name, transform) = name(), html != nil else { return nil }
                    ops.append(.value(name: name, transform: transform, escaped: true))
                }
                newLine = setNewLine
            }
            return section == nil ? ops : nil
        }
    }

    /// A name of letters, digits and `_`, else nil.
    static func plainName(_ s: String) -> String? {
        guard !s.isEmpty, s.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x5F })
        else { return nil }
        return s
    }
}
