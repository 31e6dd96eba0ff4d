import Foundation
import Mustache
import Synchronization

/// A text value for the templates that can be laid out in columns by the template itself:
/// `{{pad28(name)}}` (left-aligned in 28 display columns, cut with `…` when longer),
/// `{{right6(final)}}` (right-aligned), `{{fit20(name)}}` (cut, not padded) and
/// `{{hang60(note)}}` (wrapped to the columns left of 78 after column 60, continuation lines
/// starting at column 60). Widths count display columns (a Chinese character is two), so the
/// widths of a table are written in its template and `--templates DIR` can change them.
public struct Cell: MustacheCustomRenderable, MustacheTransformable, CustomStringConvertible, Sendable {
    public let text: String
    public init(_ text: String) { self.text = text }
    public init(_ number: Int) { self.text = String(number) }

    public var renderText: String { text }
    public var description: String { text }
    public var isNull: Bool { false }

    public func transform(_ name: String) -> Any? {
        guard let layout = Layout(name) else { return name == "empty" ? text.isEmpty : nil }
        return Cell(laidOut(layout))
    }

    /// A layout transform of a plain-text template: `pad28` (left-aligned in 28 columns, cut
    /// with `…` when wider), `right6` (right-aligned), `fit40` (cut only), `hang12` (wrapped to
    /// the line width, continuation lines indented 12 columns).
    enum Layout: Sendable, Equatable {
        case pad(Int)
        case right(Int)
        case fit(Int)
        case hang(Int)

        /// `pad28` → `.pad(28)`; nil for any other name. Read as bytes: this runs for every
        /// cell of every row a template not compiled renders.
        init?(_ name: String) {
            var width = 0
            var digits = 0
            var letters = 0
            for b in name.utf8 {
                if b >= 0x30 && b <= 0x39 {
                    width = width * 10 + Int(b - 0x30)
                    digits += 1
                    if width > TextLayout.lineWidth { return nil }
                } else if digits == 0 && ((b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A)) {
                    letters += 1
                } else {
                    return nil
                }
            }
            guard digits > 0, letters > 0 else { return nil }
            switch String(decoding: name.utf8.prefix(letters), as: UTF8.self) {
            case "pad": self = .pad(width)
            case "right": self = .right(width)
            case "fit": self = .fit(width)
            case "hang": self = .hang(width)
            default: return nil
            }
        }
    }

    /// The text laid out as `layout` says.
    func laidOut(_ layout: Layout) -> String {
        switch layout {
        case .pad(let width): TextLayout.pad(text, width)
        case .right(let width): TextLayout.padLeft(text, width)
        case .fit(let width): TextLayout.fit(text, width)
        case .hang(let width):
            TextLayout.wrap(text, width: max(1, TextLayout.lineWidth - width))
                .joined(separator: "\n" + TextLayout.spaces(width))
        }
    }
}

/// Text that Mustache writes as it is (a lambda that returns a `String` has it parsed again as
/// a template, which would run any `{{` typed into a name).
struct Verbatim: CustomStringConvertible {
    let description: String
}

/// The layout sections of the plain-text templates, available in every context:
/// `{{#wrap4}}…{{/wrap4}}` renders its content, joins it to one paragraph and breaks it into
/// lines of at most 78 display columns, continuation lines indented 4 spaces (any number);
/// the first line keeps the spaces the content starts with. `{{#center}}…{{/center}}` and
/// `{{#right}}…{{/right}}` do the same and then centre or right-align each line.
enum LayoutSections {
    static func lambda(_ name: String, scope: @escaping @Sendable () -> any MustacheParent) -> MustacheLambda? {
        guard isLayout(name) else { return nil }
        return MustacheLambda { raw in Verbatim(description: apply(name, raw: raw, scope: scope())) }
    }

    /// `wrap0`…`wrap77`, `center`, `right`.
    static func isLayout(_ name: String) -> Bool {
        if name == "center" || name == "right" { return true }
        guard name.hasPrefix("wrap"), let n = Int(name.dropFirst(4)) else { return false }
        return (0..<TextLayout.lineWidth).contains(n)
    }

    /// The section's content `raw` rendered in `scope` and laid out as `name` says.
    static func apply(_ name: String, raw: String, scope: any MustacheParent) -> String {
        apply(name, text: SectionTemplates.shared.render(raw, scope))
    }

    /// The section's rendered content laid out as `name` says.
    static func apply(_ name: String, text rendered: String) -> String {
        let mode: (String) -> String
        var hanging = 0
        switch name {
        case "center": mode = { TextLayout.center($0) }
        case "right": mode = { TextLayout.right($0) }
        default:
            hanging = Int(name.dropFirst(4)) ?? 0
            mode = { $0 }
        }
        var text = rendered
        let endsWithNewline = text.hasSuffix("\n")
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        if text.isEmpty { return "" }
        let lines = TextLayout.wrap(text, width: TextLayout.lineWidth, indent: TextLayout.spaces(hanging)).map(mode)
        return lines.joined(separator: "\n") + (endsWithNewline ? "\n" : "")
    }
}

/// The parsed content of layout sections, by their text: a section is parsed (and compiled,
/// when it can be: see `RowProgram`) once per run, not once per committee or branch.
final class SectionTemplates: Sendable {
    static let shared = SectionTemplates()
    /// A section's text is plain text whatever its template is.
    static let pragma = "{{%CONTENT_TYPE:TEXT}}"
    private let cache = Mutex<[String: (template: MustacheTemplate, program: RowProgram?)]>([:])

    func template(_ raw: String) -> (template: MustacheTemplate, program: RowProgram?) {
        cache.withLock { cache in
            if let t = cache[raw] { return t }
            let t =
                (try? MustacheTemplate(string: SectionTemplates.pragma + raw)) ?? (try! MustacheTemplate(string: ""))
            let entry = (t, RowProgram(SectionTemplates.pragma + raw))
            cache[raw] = entry
            return entry
        }
    }

    /// A section's content rendered in `scope` alone, as Mustache renders it.
    func render(_ raw: String, _ scope: any MustacheParent) -> String {
        let (template, program) = template(raw)
        return program?.render(scope, outer: Layered(layers: [])) ?? template.render(scope)
    }
}

/// A context whose names are looked up in `top` first, then in the contexts around it (how
/// Mustache resolves a name inside a section), for rendering one part of a template alone.
struct Layered: MustacheParent {
    let layers: [any MustacheParent]
    func child(named name: String) -> Any? {
        for l in layers { if let v = l.child(named: name) { return v } }
        return nil
    }
}
