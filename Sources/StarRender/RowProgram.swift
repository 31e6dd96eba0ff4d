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

    /// Compiles `text`, a template part that follows the pragma `{{%CONTENT_TYPE:TEXT}}` or
    /// `{{%CONTENT_TYPE:HTML}}`; nil when it uses anything the program does not do.
    /// - Parameter startsLine: false when the text follows a tag on its line (a layout section's
    ///   content), so that its first tag does not stand alone.
    init?(_ text: String, html: Bool, startsLine: Bool = true) {
        guard let tokens = RowProgram.tokens(text), let ops = RowProgram.nest(RowProgram.standalone(tokens, startsLine: startsLine))
        else { return nil }
        self.ops = ops
        self.html = html
    }

    /// The row part of a template whose head declares `pragmas` (its `{{%…}}` tags, one a line).
    static func compile(_ text: String, pragmas: String) -> RowProgram? {
        switch pragmas {
        case "{{%CONTENT_TYPE:HTML}}\n": RowProgram(text, html: true)
        case "{{%CONTENT_TYPE:TEXT}}\n": RowProgram(text, html: false)
        default: nil
        }
    }

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

    // MARK: compiling

    enum Token {
        case text(String)
        case value(name: String, transform: String?, escaped: Bool)
        case open(String, inverted: Bool)
        case close(String)
    }

    /// The template's tokens; nil at any tag the program does not do.
    static func tokens(_ text: String) -> [Token]? {
        var tokens: [Token] = []
        var rest = text[...]
        while let start = rest.range(of: "{{") {
            if start.lowerBound > rest.startIndex { tokens.append(.text(String(rest[..<start.lowerBound]))) }
            let afterOpen = rest[start.upperBound...]
            if afterOpen.hasPrefix("{") {
                guard let end = afterOpen.range(of: "}}}"), let name = plainName(afterOpen[afterOpen.index(after: afterOpen.startIndex)..<end.lowerBound])
                else { return nil }
                tokens.append(.value(name: name, transform: nil, escaped: false))
                rest = afterOpen[end.upperBound...]
                continue
            }
            guard let end = afterOpen.range(of: "}}") else { return nil }
            let inside = afterOpen[..<end.lowerBound]
            rest = afterOpen[end.upperBound...]
            guard let sigil = inside.first else { return nil }
            switch sigil {
            case "#", "^", "/":
                guard let name = plainName(inside.dropFirst()) else { return nil }
                tokens.append(sigil == "/" ? .close(name) : .open(name, inverted: sigil == "^"))
            case "&":
                guard let name = plainName(inside.dropFirst()) else { return nil }
                tokens.append(.value(name: name, transform: nil, escaped: false))
            default:
                let body = inside.trimmingSpaces
                if let name = plainName(body) {
                    tokens.append(.value(name: name, transform: nil, escaped: true))
                } else if let paren = body.firstIndex(of: "("), body.hasSuffix(")"),
                    let transform = plainName(body[..<paren]),
                    let name = plainName(body[body.index(after: paren)..<body.index(before: body.endIndex)])
                {
                    tokens.append(.value(name: name, transform: transform, escaped: true))
                } else {
                    return nil
                }
            }
        }
        if !rest.isEmpty { tokens.append(.text(String(rest))) }
        return tokens
    }

    /// A name of letters, digits and `_` (spaces around it allowed), else nil.
    static func plainName(_ s: Substring) -> String? {
        let t = s.trimmingSpaces
        guard !t.isEmpty, t.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x5F })
        else { return nil }
        return String(t)
    }

    /// Removes the line of a section tag that stands alone on it (only spaces or tabs beside it,
    /// a line end after it or the end of the template), as Mustache does. Which tags stand alone
    /// is decided on the text as written, then their lines are cut.
    static func standalone(_ tokens: [Token], startsLine: Bool = true) -> [Token]? {
        func blank(_ s: Substring) -> Bool { s.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
        // for each text token: where its kept part starts and ends (by default all of it)
        var keepFrom: [Int: String.Index] = [:], keepTo: [Int: String.Index] = [:]
        for i in tokens.indices {
            switch tokens[i] {
            case .open, .close: break
            default: continue
            }
            var cutBefore: String.Index?
            if i == 0 {
                guard startsLine else { continue }
            } else {
                guard case .text(let t) = tokens[i - 1] else { continue }
                let lineStart = t.lastIndex(of: "\n").map { t.index(after: $0) }
                guard lineStart != nil || (i == 1 && startsLine), blank(t[(lineStart ?? t.startIndex)...]) else { continue }
                cutBefore = lineStart ?? t.startIndex
            }
            var cutAfter: String.Index?
            if i < tokens.count - 1 {
                guard case .text(let t) = tokens[i + 1] else { continue }
                if t.contains("\r") { return nil }  // "\r\n" and a lone "\r": left to Mustache
                let lineEnd = t.firstIndex(of: "\n")
                guard lineEnd != nil || i + 1 == tokens.count - 1, blank(t[..<(lineEnd ?? t.endIndex)]) else { continue }
                cutAfter = lineEnd.map { t.index(after: $0) } ?? t.endIndex
            }
            // Past a tag's line start, swift-mustache's choice of standalone lines is its own:
            // such content is left to it.
            if !startsLine { return nil }
            if let cutBefore { keepTo[i - 1] = cutBefore }
            if let cutAfter { keepFrom[i + 1] = cutAfter }
        }
        return tokens.indices.map { i in
            guard case .text(let t) = tokens[i] else { return tokens[i] }
            let from = keepFrom[i] ?? t.startIndex, to = keepTo[i] ?? t.endIndex
            return .text(from < to ? String(t[from..<to]) : "")
        }
    }

    /// Sections nested as their tags open and close; nil when they do not match.
    static func nest(_ tokens: [Token]?) -> [Op]? {
        guard let tokens else { return nil }
        var stack: [(name: String, inverted: Bool, ops: [Op])] = [("", false, [])]
        for token in tokens {
            switch token {
            case .text(let t): if !t.isEmpty { stack[stack.count - 1].ops.append(.text(t)) }
            case .value(let name, let transform, let escaped):
                stack[stack.count - 1].ops.append(.value(name: name, transform: transform, escaped: escaped))
            case .open(let name, let inverted): stack.append((name, inverted, []))
            case .close(let name):
                guard stack.count > 1, let top = stack.popLast(), top.name == name else { return nil }
                stack[stack.count - 1].ops.append(.section(name: name, inverted: top.inverted, body: top.ops))
            }
        }
        return stack.count == 1 ? stack[0].ops : nil
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return s
    }
}
