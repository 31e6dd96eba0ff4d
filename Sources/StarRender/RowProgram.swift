import Foundation
import Mustache

/// A template, or a part of one (a notice's row, a summary's head), compiled once into a short
/// program that renders it without Mustache's machinery: the same text as Mustache gives, for
/// the part of the language the reports use — text, `{{name}}`, `{{{name}}}`, `{{&name}}`,
/// `{{pad28(name)}}`-style transforms, sections and inverted sections over true/false, missing
/// values, lists, strings and the layout sections (`{{#wrap4}}`), standalone lines removed as
/// Mustache removes them.
///
/// Hand-written because swift-mustache keeps its parsed tokens private, and its lookup of each
/// name (the name split at dots, dynamic casts at every level of the context stack) was most of
/// the cost of the reports: a province's run renders three rows for each of a million branches
/// and 20,000 summaries. A template using anything else (partials, comments, dotted names,
/// delimiters, no content type pragma, line ends other than "\n") is not compiled, and a part
/// whose values the program does not know how to render is rendered by Mustache; the templates
/// stay plain Mustache files.
struct RowProgram: Sendable {
    indirect enum Op: Sendable {
        case text(String)
        /// `layout`: the transform when it is a layout (`pad28`), parsed once here.
        case value(name: String, transform: String?, layout: Cell.Layout?, escaped: Bool)
        /// `raw`: the section's text as written, for a lambda section.
        /// `layout`: for a layout section (`{{#wrap4}}`), its text compiled alone, once here, as
        /// `SectionTemplates` would compile it for each use.
        case section(name: String, transform: String?, inverted: Bool, body: [Op], raw: String, layout: RowProgram?)
    }

    let ops: [Op]
    /// `{{%CONTENT_TYPE:HTML}}`: escaped values get the five entities (as `ByteHTML` does).
    let html: Bool

    /// Compiles a whole template, which must start with the pragma `{{%CONTENT_TYPE:TEXT}}` or
    /// `{{%CONTENT_TYPE:HTML}}`; nil when it uses anything the program does not do.
    init?(_ template: String) {
        // Only "\n" ends a line here: Mustache's other line ends ("\r\n", a lone "\r", U+2028…)
        // are left to it.
        guard !template.unicodeScalars.contains(where: { [0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029].contains($0.value) })
        else { return nil }
        var parser = Parser(chars: Array(template))
        guard let (ops, _) = parser.parse(newLine: true, section: nil), let html = parser.html else { return nil }
        self.ops = ops
        self.html = html
    }

    /// The row part of a template whose head declares `pragmas` (its `{{%…}}` tags, one a line).
    static func compile(_ text: String, pragmas: String) -> RowProgram? { RowProgram(pragmas + text) }

    /// The text for `top` (a row, or a whole context) inside the contexts `outer`; nil when a
    /// value is of a kind only Mustache renders (the caller then renders with Mustache).
    func render<Top: MustacheParent>(_ top: Top, outer: Layered) -> String? {
        var out = ""
        var inner: [any MustacheParent] = []
        return run(ops, Scope(top: top, outer: outer), &inner, into: &out) ? out : nil
    }

    /// Where names are looked up, innermost first: what sections pushed, then `top`, then `outer`.
    struct Scope<Top: MustacheParent> {
        let top: Top
        let outer: Layered

        func lookup(_ name: String, _ inner: [any MustacheParent]) -> Any? {
            for e in inner.reversed() { if let v = e.child(named: name) { return v } }
            return top.child(named: name) ?? outer.child(named: name)
        }

        /// The context a name is found in.
        func provider(_ name: String, _ inner: [any MustacheParent]) -> (any MustacheParent)? {
            for e in inner.reversed() where e.child(named: name) != nil { return e }
            if top.child(named: name) != nil { return top }
            return outer.layers.first { $0.child(named: name) != nil }
        }
    }

    /// A section's value pushed that has no names of its own (a string).
    struct NoNames: MustacheParent {
        func child(named name: String) -> Any? { nil }
    }

    /// What a section pushes for `value`, as Mustache does; nil when it is of a kind whose
    /// names only Mustache finds.
    static func pushed(_ value: Any) -> (any MustacheParent)? {
        if let p = value as? any MustacheParent { return p }
        if value is String { return NoNames() }
        return nil
    }

    private func run<Top: MustacheParent>(
        _ ops: [Op], _ scope: Scope<Top>, _ inner: inout [any MustacheParent], into out: inout String
    ) -> Bool {
        for op in ops {
            switch op {
            case .text(let t):
                out += t
            case .value(let name, let transform, let layout, let escaped):
                var value = scope.lookup(name, inner)
                if let layout, let cell = value as? Cell {
                    // a padded cell, the bulk of the plain-text reports: laid out at once
                    let text = cell.laidOut(layout)
                    out += escaped && html ? ByteHTML().escapeText(text) : text
                    continue
                }
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
            case .section(let name, let transform, let inverted, let body, let raw, let layout):
                var value = scope.lookup(name, inner)
                if let transform, let v = value { value = (v as? any MustacheTransformable)?.transform(transform) }
                // the order of Mustache's renderSection: lambda, sequence, true/false, nothing, a value
                if value is MustacheLambda {
                    // a layout section: laid out here, in the scope of the context that gave it
                    guard transform == nil, LayoutSections.isLayout(name), let provider = scope.provider(name, inner)
                    else { return false }
                    if !inverted {
                        let text =
                            layout?.render(provider, outer: Layered(layers: []))
                            ?? SectionTemplates.shared.render(raw, provider)
                        out += LayoutSections.apply(name, text: text)
                    }
                    continue
                }
                if let value, value is any MustacheSequence {
                    guard let list = value as? [Any] else { return false }
                    if inverted {
                        if list.isEmpty, !run(body, scope, &inner, into: &out) { return false }
                        continue
                    }
                    for element in list {
                        guard let p = RowProgram.pushed(element) else { return false }
                        inner.append(p)
                        defer { inner.removeLast() }
                        if !run(body, scope, &inner, into: &out) { return false }
                    }
                } else if let b = value as? Bool {
                    if b != inverted, !run(body, scope, &inner, into: &out) { return false }
                } else if let value {
                    if value is any MustacheCustomRenderable { return false }
                    guard !inverted else { continue }
                    guard let p = RowProgram.pushed(value) else { return false }
                    inner.append(p)
                    defer { inner.removeLast() }
                    if !run(body, scope, &inner, into: &out) { return false }
                } else if inverted {
                    if !run(body, scope, &inner, into: &out) { return false }
                }
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
            while let c = current, set.contains(c) {
                s.append(c)
                i += 1
            }
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
            while let c = current, c != " ", c != "\t", c != "}" {
                text.append(c)
                i += 1
            }
            _ = read(while: [" ", "\t"])
            guard i + 1 < chars.count, chars[i] == "}", chars[i + 1] == "}" else { return nil }
            i += 2
            if let plain = RowProgram.plainName(text) { return (plain, nil) }
            guard let open = text.firstIndex(of: "("), text.hasSuffix(")"),
                let transform = RowProgram.plainName(String(text[..<open])),
                let name = RowProgram.plainName(
                    String(text[text.index(after: open)..<text.index(before: text.endIndex)]))
            else { return nil }
            return (name, transform)
        }

        /// The ops up to the end, or up to the closing tag of `section` (`name(transform)`) and
        /// the section's text as written.
        mutating func parse(newLine startsLine: Bool, section: String?) -> ([Op], String)? {
            let start = i
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
                    guard let (name, transform) = name() else { return nil }
                    if newLine && lineFinished() {
                        setNewLine = true
                    } else if !whiteSpace.isEmpty {
                        ops.append(.text(whiteSpace))
                        whiteSpace = ""
                    }
                    guard let (body, raw) = parse(newLine: setNewLine, section: name + "(" + (transform ?? "") + ")")
                    else { return nil }
                    let layout = LayoutSections.isLayout(name) ? RowProgram(SectionTemplates.pragma + raw) : nil
                    ops.append(
                        .section(
                            name: name, transform: transform, inverted: sigil == "^", body: body, raw: raw,
                            layout: layout))
                case "/":
                    let closeStart = i - 2
                    i += 1
                    guard let (name, transform) = name(), name + "(" + (transform ?? "") + ")" == section else {
                        return nil
                    }
                    if !(newLine && lineFinished()), !whiteSpace.isEmpty { ops.append(.text(whiteSpace)) }
                    return (ops, String(chars[start..<closeStart]))
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
                    ops.append(
                        .value(
                            name: name, transform: transform, layout: transform.flatMap(Cell.Layout.init),
                            escaped: false))
                case "%":
                    i += 1
                    var pragma = ""
                    while let c = current, c != "}" {
                        pragma.append(c)
                        i += 1
                    }
                    guard i + 1 < chars.count, chars[i + 1] == "}" else { return nil }
                    i += 2
                    let type: Bool
                    switch pragma.trimmingCharacters(in: .whitespaces) {
                    case "CONTENT_TYPE:HTML": type = true
                    case "CONTENT_TYPE:TEXT": type = false
                    default: return nil
                    }
                    // one content type, declared before any value
                    guard html == nil || html == type, section == nil,
                        !ops.contains(where: { if case .text = $0 { false } else { true } })
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
                    ops.append(
                        .value(
                            name: name, transform: transform, layout: transform.flatMap(Cell.Layout.init), escaped: true
                        ))
                }
                newLine = setNewLine
            }
            return section == nil ? (ops, "") : nil
        }
    }

    /// A name of letters, digits and `_`, else nil.
    static func plainName(_ s: String) -> String? {
        guard !s.isEmpty,
            s.utf8.allSatisfy({
                ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x5F
            })
        else { return nil }
        return s
    }
}
