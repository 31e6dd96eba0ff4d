import Foundation
import Mustache
import StarModel
import Synchronization

/// The report templates: the default ones compiled into the binary from `Templates/`, or those
/// of a folder given with `--templates DIR`, read at run time; parsed once. A missing template
/// or a Mustache syntax error names the file and line.
public struct TemplateSet: Sendable {
    /// `notice.*` and `summary.txt` are the reports; `subject.txt` is the e-mail's Subject (also
    /// `{{subject}}` in the summary) and `objection.txt` the objection sentence (`{{objection}}`
    /// in the notice and the summary), each written once.
    public static let names = ["notice.html", "notice.txt", "summary.txt", "subject.txt", "objection.txt"]
    public static let fileExtension = "mustache"

    let library: MustacheLibrary
    /// The notice templates cut into the parts that are rendered once per group and per row
    /// (see `NoticeParts`).
    let parts: [String: NoticeParts]
    /// summary.txt cut around its rows (see `SummaryParts`).
    let summaryParts: SummaryParts?

    /// A template that cannot be used stops the run (65), its problem shown at its file.
    static func unusable(_ problem: Diagnostic) -> Failure {
        Failure(.dataError, Message(.templateUnusable), diagnostics: [problem])
    }

    /// The templates of a folder (`--templates DIR`).
    public init(directory: String) throws(Failure) {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        try self.init(directory: directory, prefix: prefix) {
            FileManager.default.contents(atPath: prefix + $0).map { [UInt8]($0) }
        }
    }

    /// The default templates, compiled into the binary from the repository's `Templates/`.
    public static func shipped() throws(Failure) -> TemplateSet {
        try TemplateSet(directory: "Templates", prefix: "Templates/", file: shippedFile)
    }

    /// A default template's file (`notice.html.mustache`) as compiled in: byte for byte the file
    /// in `Templates/`.
    public static func shippedFile(_ fileName: String) -> [UInt8]? { EmbeddedFiles.bytes(fileName) }

    /// The names of the files compiled in.
    public static var shippedFileNames: [String] { EmbeddedFiles.names }

    init(directory: String, prefix: String, file: (String) -> [UInt8]?) throws(Failure) {
        MustacheContentTypes.register(ByteHTML(), named: "HTML")
        var library = MustacheLibrary()
        var parts: [String: NoticeParts] = [:]
        var summaryParts: SummaryParts?
        for name in TemplateSet.names {
            let fileName = name + "." + TemplateSet.fileExtension
            let path = prefix + fileName
            guard let data = file(fileName) else {
                let expected = TemplateSet.names.map { $0 + ".mustache" }.joined(separator: ", ")
                throw Self.unusable(
                    .error(
                        .templateMissing(
                            detail: Localized(
                                zh: "\(directory) 中应有 \(expected)",
                                en: "template not found (expected \(expected) in \(directory))")),
                        at: SourceLocation(file: path, line: 1)))
            }
            let text = String(decoding: data, as: UTF8.self)
            do {
                try library.register(MustacheTemplate(string: text), named: name)
                if name.hasPrefix("notice."), let p = NoticeParts(text) { parts[name] = p }
                if name == "summary.txt" { summaryParts = SummaryParts(text) }
            } catch let e as MustacheTemplate.ParserError {
                throw Self.unusable(
                    .error(
                        .templateSyntax(detail: "\(e.error) in: \(e.context.line)"),
                        at: SourceLocation(file: path, line: e.context.lineNumber, column: e.context.columnNumber)))
            } catch {
                throw Self.unusable(.error(.templateOther(detail: "\(error)"), at: SourceLocation(file: path, line: 1)))
            }
        }
        self.library = library
        self.parts = parts
        self.summaryParts = summaryParts
    }

    /// Renders a committee's summary: the same text as `render("summary.txt", summary)`, by the
    /// compiled parts when they can be.
    public func renderSummary(_ summary: SummaryContext) -> String {
        guard let p = summaryParts else { return render("summary.txt", summary) }
        let none = Layered(layers: [])
        var out = p.fastHead?.render(summary, outer: none) ?? p.head.render(summary, library: library)
        let scope = Layered(layers: [summary])
        for branch in summary.branches {
            out +=
                p.fastRow?.render(branch, outer: scope)
                ?? p.row.render(Layered(layers: [branch, summary]), library: library)
        }
        out += p.fastTail?.render(summary, outer: none) ?? p.tail.render(summary, library: library)
        return out
    }

    /// Renders a template whole.
    public func render(_ name: String, _ context: any MustacheParent) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// A one-line template (`subject.txt`, `objection.txt`): rendered, spaces and line ends
    /// around it removed, inner line breaks joined.
    public func renderLine(_ name: String, _ context: any MustacheParent) -> String {
        render(name, context).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined().trimmingCharacters(in: .whitespaces)
    }

    /// Renders a notice in pieces: the part before the groups, each group's head, each row, each
    /// group's tail, the part after. A province's notice is then never one string of hundreds of
    /// megabytes, and each row is rendered by one compiled template. When `rows` is given, a row
    /// it holds is taken from it, and a row rendered here is kept in it (by result index): a row
    /// is the same in the notice and in its committee's extract (which keeps the notice's row
    /// numbers), so it is rendered once. The pieces are the same text as rendering the template
    /// whole.
    public func renderNotice(
        _ name: String, _ context: NoticeContext, rows: (any RowSource)? = nil, write: (String) -> Void
    ) {
        guard let p = parts[name] else {
            write(render(name, context))
            return
        }
        let none = Layered(layers: [])
        let around = Layered(layers: [context])
        write(p.fastHead?.render(context, outer: none) ?? p.head.render(context, library: library))
        for group in context.groups {
            let scope = Layered(layers: [group, context])
            write(p.fastGroupHead?.render(group, outer: around) ?? p.groupHead.render(scope, library: library))
            var chunk: [UInt8] = []
            chunk.reserveCapacity(1 << 16)
            for k in group.branches.order {
                if let rows, rows.appendKept(k, to: &chunk) {
                    // the extract's bytes of the row
                } else {
                    let row = NoticeRow(
                        result: group.branches.results[k], index: Int(group.branches.numbers[k]),
                        rules: group.branches.rules)
                    let text =
                        p.fastRow?.render(row, outer: scope)
                        ?? p.row.render(Layered(layers: [row, group, context]), library: library)
                    rows?.keep(k, text)
                    chunk.append(contentsOf: text.utf8)
                }
                if chunk.count >= 1 << 16 {
                    write(String(decoding: chunk, as: UTF8.self))
                    chunk.removeAll(keepingCapacity: true)
                }
            }
            if !chunk.isEmpty { write(String(decoding: chunk, as: UTF8.self)) }
            write(p.fastGroupTail?.render(group, outer: around) ?? p.groupTail.render(scope, library: library))
        }
        write(p.fastTail?.render(context, outer: none) ?? p.tail.render(context, library: library))
    }

    /// The same, as one string.
    public func renderNotice(_ name: String, _ context: NoticeContext, rows: (any RowSource)? = nil) -> String {
        var out = ""
        renderNotice(name, context, rows: rows) { out += $0 }
        return out
    }
}

/// Rendered notice rows by result index: a row found here is not rendered again, a row rendered
/// is kept here.
public protocol RowSource: AnyObject {
    /// Appends row `k`'s bytes to `chunk`; false when it has none.
    func appendKept(_ k: Int, to chunk: inout [UInt8]) -> Bool
    func keep(_ k: Int, _ text: String)
}

/// The rows one committee's extract rendered, until they join the run's `RowBytes`.
public final class RowBuffer: RowSource {
    var bytes: [UInt8] = []
    var rows: [(k: Int, start: Int, count: Int)] = []
    public init() {}
    public func appendKept(_ k: Int, to chunk: inout [UInt8]) -> Bool { false }
    public func keep(_ k: Int, _ text: String) {
        let start = bytes.count
        bytes.append(contentsOf: text.utf8)
        rows.append((k, start, bytes.count - start))
    }
}

/// The rendered bytes of every notice row, by result index: each committee's extract renders its
/// rows once and hands them over (`absorb`), and the public notice is then made of them.
///
/// The bytes go to an unlinked temporary file, not the heap: a province's rows are a few hundred
/// megabytes that would otherwise sit beside the results while the e-mails are written; the page
/// cache serves them back, through one mapping of the file made when the notice first reads it
/// (the notice takes the rows in star order, not in the order they were written: a read per row
/// was a million system calls on the notice's one thread). Without a temporary file (or after a
/// write fails) no row is found and the notice renders its rows itself.
public final class RowBytes: RowSource, Sendable {
    /// The temporary file's descriptor, nil without one.
    private let descriptor: Int32?
    private let state: Mutex<State>

    /// What the rows written so far hold; `file` is kept here only to be closed.
    private struct State {
        var file: UnsafeMutablePointer<FILE>?
        var size = 0
        var start: [Int]
        var length: [Int32]
        var failed = false
        /// The file mapped for reading, once the rows are read (nil before, or when it failed).
        var map: UnsafeRawBufferPointer?
        var mapTried = false
    }

    public init(count: Int) {
        let file = tmpfile()
        descriptor = file.map { fileno($0) }
        state = Mutex(
            State(
                file: file, start: Array(repeating: -1, count: file == nil ? 0 : count),
                length: Array(repeating: 0, count: file == nil ? 0 : count)))
    }

    deinit {
        state.withLock { s in
            if let map = s.map { munmap(UnsafeMutableRawPointer(mutating: map.baseAddress), map.count) }
            if let file = s.file { fclose(file) }
        }
    }

    /// Takes over an extract's rows (from any thread).
    public func absorb(_ buffer: RowBuffer) {
        guard let descriptor, !buffer.bytes.isEmpty else { return }
        state.withLock { s in
            guard !s.failed else { return }
            let n = buffer.bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(s.size)) }
            if n != buffer.bytes.count {
                s.failed = true
                return
            }
            for r in buffer.rows where r.k < s.start.count {
                s.start[r.k] = s.size + r.start
                s.length[r.k] = Int32(r.count)
            }
            s.size += buffer.bytes.count
        }
    }

    /// Appends the bytes of row `k` to `chunk`; false when no extract rendered it.
    public func appendKept(_ k: Int, to chunk: inout [UInt8]) -> Bool {
        guard let descriptor else { return false }
        let (offset, count, map): (Int, Int, UnsafeRawBufferPointer?) = state.withLock { s in
            guard !s.failed, k < s.start.count, s.start[k] >= 0 else { return (-1, 0, nil) }
            if !s.mapTried {
                s.mapTried = true
                if s.size > 0, let p = mmap(nil, s.size, PROT_READ, MAP_SHARED, descriptor, 0), p != MAP_FAILED {
                    s.map = UnsafeRawBufferPointer(start: p, count: s.size)
                }
            }
            return (s.start[k], Int(s.length[k]), s.map)
        }
        guard offset >= 0 else { return false }
        if let map, offset + count <= map.count {
            chunk.append(contentsOf: UnsafeRawBufferPointer(rebasing: map[offset..<offset + count]))
            return true
        }
        var out = [UInt8](repeating: 0, count: count)
        guard out.withUnsafeMutableBytes({ pread(descriptor, $0.baseAddress, $0.count, off_t(offset)) }) == count
        else { return false }
        chunk.append(contentsOf: out)
        return true
    }

    /// The public notice only reads.
    public func keep(_ k: Int, _ text: String) {}
}

/// A notice template cut as `head{{#groups}}groupHead{{#branches}}row{{/branches}}groupTail{{/groups}}tail`,
/// a section tag alone on its line removed with its line, as Mustache does. Nil when the
/// template has no such sections or a part does not stand alone as a template (a section opened
/// before a cut and closed after it); the template is then rendered whole.
struct NoticeParts: Sendable {
    let head, groupHead, row, groupTail, tail: MustacheTemplate
    /// The parts compiled (see `RowProgram`), when they can be: each committee's extract renders
    /// them all.
    let fastHead, fastGroupHead, fastRow, fastGroupTail, fastTail: RowProgram?

    init?(_ text: String) {
        guard let (head, body, tail) = NoticeParts.cut(text[...], section: "groups"),
            let (groupHead, row, groupTail) = NoticeParts.cut(body, section: "branches")
        else { return nil }
        guard let (t, f) = NoticeParts.parse([head, groupHead, row, groupTail, tail]) else { return nil }
        (self.head, self.groupHead, self.row, self.groupTail, self.tail) = (t[0], t[1], t[2], t[3], t[4])
        (fastHead, fastGroupHead, fastRow, fastGroupTail, fastTail) = (f[0], f[1], f[2], f[3], f[4])
    }

    /// Each part of a template as a template of its own (after the head, preceded by the head's
    /// pragmas) and compiled; nil when a part does not stand alone as a template.
    static func parse(_ parts: [Substring]) -> (templates: [MustacheTemplate], programs: [RowProgram?])? {
        let pragmas = NoticeParts.pragmas(parts[0])
        var templates: [MustacheTemplate] = []
        for (i, part) in parts.enumerated() {
            guard let t = try? MustacheTemplate(string: i == 0 ? String(part) : pragmas + part) else { return nil }
            templates.append(t)
        }
        let programs = parts.indices.map { i in
            i == 0 ? RowProgram(String(parts[0])) : RowProgram.compile(String(parts[i]), pragmas: pragmas)
        }
        return (templates, programs)
    }

    /// The pragmas (`{{%CONTENT_TYPE:TEXT}}`) of a template's head, one a line: they hold for
    /// the whole template, so each part rendered alone starts with them.
    static func pragmas(_ head: Substring) -> String {
        var pragmas = ""
        var rest = head
        while let p = rest.range(of: "{{%"), let e = rest.range(of: "}}", range: p.upperBound..<rest.endIndex) {
            pragmas += rest[p.lowerBound..<e.upperBound] + "\n"
            rest = rest[e.upperBound...]
        }
        return pragmas
    }

    /// `before{{#name}}inside{{/name}}after`, for a section that appears once, both tags alone
    /// on their lines; nil otherwise, and for a template that uses a list's own names
    /// (`{{#first()}}`, `{{index()}}`…), which only a whole rendering knows.
    static func cut(_ text: Substring, section: String) -> (Substring, Substring, Substring)? {
        let open = "{{#\(section)}}"
        let close = "{{/\(section)}}"
        guard !text.contains("()}}"), let o = text.range(of: open),
            let c = text.range(of: close, range: o.upperBound..<text.endIndex),
            text.range(of: open, range: o.upperBound..<text.endIndex) == nil
        else { return nil }
        let (beforeEnd, insideStart) = standalone(text, o)
        let (insideEnd, afterStart) = standalone(text, c)
        guard (beforeEnd, insideStart) != (o.lowerBound, o.upperBound),
            (insideEnd, afterStart) != (c.lowerBound, c.upperBound)
        else { return nil }
        return (text[..<beforeEnd], text[insideStart..<insideEnd], text[afterStart...])
    }

    /// Where the text before a tag ends and the text after it starts: the whole line when
    /// the tag stands alone on it (only spaces or tabs beside it, "\n" after it), else the
    /// tag itself.
    static func standalone(_ text: Substring, _ tag: Range<String.Index>) -> (String.Index, String.Index) {
        // Bytes, not Characters: "\r\n" is one Character and would hide the line's end.
        let u = text.utf8
        var lineStart = tag.lowerBound
        while lineStart > u.startIndex, u[u.index(before: lineStart)] != 0x0A { lineStart = u.index(before: lineStart) }
        var lineEnd = tag.upperBound
        while lineEnd < u.endIndex, u[lineEnd] != 0x0A { lineEnd = u.index(after: lineEnd) }
        var afterTag = u[tag.upperBound..<lineEnd]
        if afterTag.last == 0x0D { afterTag = afterTag.dropLast() }
        let blank = { (s: Substring.UTF8View) in s.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
        guard blank(text[lineStart..<tag.lowerBound].utf8), blank(afterTag) else {
            return (tag.lowerBound, tag.upperBound)
        }
        return (lineStart, lineEnd < u.endIndex ? u.index(after: lineEnd) : lineEnd)
    }
}

/// summary.txt cut as `head{{#branches}}row{{/branches}}tail`, so that each branch's row is
/// rendered by a compiled `RowProgram` (the same text as rendering it whole): a province has
/// 20,000 summaries.
struct SummaryParts: Sendable {
    let head, row, tail: MustacheTemplate
    /// The three parts compiled, when they can be.
    let fastHead, fastRow, fastTail: RowProgram?

    init?(_ text: String) {
        guard let (head, row, tail) = NoticeParts.cut(text[...], section: "branches"),
            let (t, f) = NoticeParts.parse([head, row, tail])
        else { return nil }
        (self.head, self.row, self.tail) = (t[0], t[1], t[2])
        (fastHead, fastRow, fastTail) = (f[0], f[1], f[2])
    }
}

/// HTML escaping for templates that declare `{{%CONTENT_TYPE:HTML}}`: the same five entities as
/// Mustache's default, found by scanning bytes. Mustache's own escaper looks every Character up
/// in a dictionary and copies every string, about a third of rendering a notice row; here a
/// text with nothing to escape (nearly every name) is returned as it is.
struct ByteHTML: MustacheContentType {
    func escapeText(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
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
