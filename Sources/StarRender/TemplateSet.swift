import Foundation
import Mustache
import StarModel

/// The report templates, read at run time from a folder (`Templates/` or `--templates DIR`)
/// and parsed once. A missing template or a Mustache syntax error names the file and line.
public struct TemplateSet: Sendable {
    public static let names = ["notice.html", "notice.txt", "summary.txt"]
    public static let fileExtension = "mustache"

    let library: MustacheLibrary
    /// The notice templates cut around their `{{#groups}}…{{/groups}}` section (see `Split`).
    let splits: [String: Split]

    public struct LoadError: Error, CustomStringConvertible, Sendable {
        public var diagnostic: Diagnostic
        public var description: String { diagnostic.rendered }
    }

    public init(directory: String) throws(LoadError) {
        MustacheContentTypes.register(ByteHTML(), named: "HTML")
        var library = MustacheLibrary()
        var splits: [String: Split] = [:]
        for name in TemplateSet.names {
            let path = (directory.hasSuffix("/") ? directory : directory + "/") + name + "." + TemplateSet.fileExtension
            guard let data = FileManager.default.contents(atPath: path) else {
                let expected = TemplateSet.names.map { $0 + ".mustache" }.joined(separator: ", ")
                throw LoadError(diagnostic: .error(.of(.templateMissing, ("detail", "\(directory) 中应有 \(expected)"),
                                                       ("detailEn", "template not found (expected \(expected) in \(directory))")),
                                                   at: SourceLocation(file: path, line: 1)))
            }
            let text = String(decoding: data, as: UTF8.self)
            do {
                try library.register(MustacheTemplate(string: text), named: name)
                if name.hasPrefix("notice."), let split = Split(text, section: "groups") {
                    splits[name] = split
                }
            } catch let e as MustacheTemplate.ParserError {
                throw LoadError(diagnostic: .error(.of(.templateSyntax, ("detail", "\(e.error) in: \(e.context.line)")),
                                                   at: SourceLocation(file: path, line: e.context.lineNumber, column: e.context.columnNumber)))
            } catch {
                throw LoadError(diagnostic: .error(.of(.templateOther, ("detail", "\(error)")), at: SourceLocation(file: path, line: 1)))
            }
        }
        self.library = library
        self.splits = splits
    }

    public func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// Renders `name` in pieces: the part before the `groups` section, each group, the part
    /// after. A province's notice is then never one string of hundreds of megabytes (with its
    /// copies while it grows); the pieces are the same text as rendering it whole.
    public func render(_ name: String, _ context: [String: Any], write: (String) -> Void) {
        guard let split = splits[name], let groups = context["groups"] as? [[String: Any]] else {
            write(render(name, context))
            return
        }
        write(split.head.render(context, library: library))
        for group in groups {
            // Inside the section Mustache looks a name up in the group, then in the whole
            // context; one dictionary with the group's values over the context's does the same.
            write(split.body.render(context.merging(group) { _, g in g }, library: library))
        }
        write(split.tail.render(context, library: library))
    }

    /// A template cut around one top-level section: `head{{#name}}body{{/name}}tail`, with a
    /// section tag alone on its line removed with its line, as Mustache does. Nil when the
    /// template has no such section or a part does not stand alone as a template (a section
    /// opened before it and closed after it); the template is then rendered whole.
    struct Split: @unchecked Sendable {
        let head: MustacheTemplate
        let body: MustacheTemplate
        let tail: MustacheTemplate

        init?(_ text: String, section: String) {
            let open = "{{#\(section)}}", close = "{{/\(section)}}"
            guard let o = text.range(of: open), let c = text.range(of: close, range: o.upperBound..<text.endIndex),
                  text.range(of: open, range: o.upperBound..<c.lowerBound) == nil,
                  text.range(of: open, range: c.upperBound..<text.endIndex) == nil else { return nil }
            let (headEnd, bodyStart) = Split.standalone(text, o)
            let (bodyEnd, tailStart) = Split.standalone(text, c)
            // A pragma such as {{%CONTENT_TYPE:TEXT}} in the head holds for the whole template.
            var pragmas = ""
            var rest = text[..<headEnd]
            while let p = rest.range(of: "{{%"), let e = rest.range(of: "}}", range: p.upperBound..<rest.endIndex) {
                pragmas += rest[p.lowerBound..<e.upperBound] + "\n"
                rest = rest[e.upperBound...]
            }
            do {
                head = try MustacheTemplate(string: String(text[..<headEnd]))
                body = try MustacheTemplate(string: pragmas + text[bodyStart..<bodyEnd])
                tail = try MustacheTemplate(string: pragmas + text[tailStart...])
            } catch {
                return nil
            }
        }

        /// Where the text before a tag ends and the text after it starts: the whole line when
        /// the tag stands alone on it (only spaces or tabs beside it, "\n" after it), else the
        /// tag itself.
        static func standalone(_ text: String, _ tag: Range<String.Index>) -> (String.Index, String.Index) {
            // Bytes, not Characters: "\r\n" is one Character and would hide the line's end.
            let u = text.utf8
            var lineStart = tag.lowerBound
            while lineStart > u.startIndex, u[u.index(before: lineStart)] != 0x0A { lineStart = u.index(before: lineStart) }
            var lineEnd = tag.upperBound
            while lineEnd < u.endIndex, u[lineEnd] != 0x0A { lineEnd = u.index(after: lineEnd) }
            var afterTag = u[tag.upperBound..<lineEnd]
            if afterTag.last == 0x0D { afterTag = afterTag.dropLast() }
            let blank = { (s: Substring.UTF8View) in s.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
            guard blank(text[lineStart..<tag.lowerBound].utf8), blank(afterTag) else { return (tag.lowerBound, tag.upperBound) }
            return (lineStart, lineEnd < u.endIndex ? u.index(after: lineEnd) : lineEnd)
        }
    }
}

/// HTML escaping for templates that declare `{{%CONTENT_TYPE:HTML}}`: the same five entities as
/// Mustache's default, found by scanning bytes. Mustache's own escaper looks every Character up
/// in a dictionary and copies every string, about a third of rendering a notice row; here a
/// text with nothing to escape (nearly every name) is returned as it is.
struct ByteHTML: MustacheContentType {
    func escapeText(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 32)
        for b in text.utf8 {
            switch b {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
