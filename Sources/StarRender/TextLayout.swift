import StarModel

/// Plain-text layout by display columns (CJK counts two), for notice.txt and the e-mail summaries.
public enum TextLayout {
    /// Plain-text line width in display columns (outputs: ≤ 78, so columns line up in a mail client).
    public static let lineWidth = 78

    /// `s` centred in `lineWidth` columns (spaces before it only).
    static func center(_ s: String) -> String {
        spaces(max(0, (lineWidth - DisplayWidth.of(s)) / 2)) + s
    }

    /// `s` right-aligned in `lineWidth` columns.
    static func right(_ s: String) -> String {
        spaces(max(0, lineWidth - DisplayWidth.of(s))) + s
    }

    /// Punctuation no line may start with, and punctuation no line may end with (避头尾, the
    /// kinsoku rule of Chinese and Japanese typesetting).
    static let closing: Set<Character> = Set("，。、；：？！）」』》〉】〕”’…％,.;:?!)]}%")
    static let opening: Set<Character> = Set("（「『《〈【〔“‘([{")
    /// Left-aligns `s` in `width` columns, cutting it with `…` if it is too wide.
    public static func pad(_ s: String, _ width: Int) -> String {
        let (fitted, w) = fitted(s, width)
        return w >= width ? fitted : fitted + spaces(width - w)
    }

    /// Right-aligns `s` in `width` columns.
    public static func padLeft(_ s: String, _ width: Int) -> String {
        let (fitted, w) = fitted(s, width)
        return w >= width ? fitted : spaces(width - w) + fitted
    }

    /// `fit` and the width of what it returns, measuring the text once (the summaries pad five
    /// cells of every branch of a province).
    static func fitted(_ s: String, _ width: Int) -> (String, Int) {
        let s = oneLine(s)
        let w = DisplayWidth.of(s)
        if w <= width { return (s, w) }
        let f = fit(s, width)
        return (f, DisplayWidth.of(f))
    }

    static let spaceRuns: [String] = (0...80).map { String(repeating: " ", count: $0) }
    static func spaces(_ n: Int) -> String { n < spaceRuns.count ? spaceRuns[n] : String(repeating: " ", count: n) }

    /// `s` without trailing spaces (bytes, not Characters: no grapheme breaking needed).
    public static func trimRight(_ s: String) -> String {
        let u = s.utf8
        var end = u.endIndex
        while end > u.startIndex, u[u.index(before: end)] == 0x20 { end = u.index(before: end) }
        return end == u.endIndex ? s : String(s[..<end])
    }

    /// `s` with the spaces at the end of each of its lines removed (plain-text reports never end
    /// a line with spaces, whatever a template's padded columns leave there).
    public static func trimLines(_ s: String) -> String {
        var s = s
        return s.withUTF8 { bytes in
            // copied in runs: up to each line end, less the spaces before it
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var from = 0
            for i in bytes.indices where bytes[i] == 0x0A || bytes[i] == 0x0D {
                var end = i
                while end > from && bytes[end - 1] == 0x20 { end -= 1 }
                out.append(contentsOf: bytes[from..<end])
                out.append(bytes[i])
                from = i + 1
            }
            var end = bytes.count
            while end > from && bytes[end - 1] == 0x20 { end -= 1 }
            out.append(contentsOf: bytes[from..<end])
            return out.count == bytes.count
                ? String(decoding: bytes, as: UTF8.self) : String(decoding: out, as: UTF8.self)
        }
    }

    /// Line breaks, tabs and other control characters typed into a name (Alt+Enter in Excel)
    /// become spaces, so that a table row stays one row.
    public static func oneLine(_ s: String) -> String {
        // Bytes first: only C0 controls and DEL (one byte) or C1 controls, U+2028 and U+2029
        // (lead bytes C2 and E2) can need a change.
        guard s.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) else { return s }
        guard
            s.unicodeScalars.contains(where: {
                $0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) || $0 == "\u{2028}"
                    || $0 == "\u{2029}"
            })
        else {
            return s
        }
        return String(
            String.UnicodeScalarView(
                s.unicodeScalars.map { u in
                    u.value < 0x20 || u.value == 0x7F || (0x80..<0xA0).contains(u.value) || u == "\u{2028}"
                        || u == "\u{2029}" ? " " : u
                }))
    }

    /// `s` on one line, cut to at most `width` columns, ending in `…` when cut.
    public static func fit(_ s: String, _ width: Int) -> String {
        let s = oneLine(s)
        guard DisplayWidth.of(s) > width else { return s }
        var w = 0
        if s.unicodeScalars.allSatisfy(isSimple) {
            // each scalar is a character of its own, one or two columns: no grapheme breaking
            var end = s.unicodeScalars.startIndex
            for u in s.unicodeScalars {
                let cw = u.value < 0x80 ? 1 : 2
                if w + cw > width - 1 { break }
                w += cw
                end = s.unicodeScalars.index(after: end)
            }
            return String(s.unicodeScalars[..<end]) + "…"
        }
        var out = ""
        for c in s {
            let cw = DisplayWidth.of(c)
            if w + cw > width - 1 { break }
            out.append(c)
            w += cw
        }
        return out + "…"
    }

    /// Printable ASCII (one column), CJK ideographs, CJK punctuation and full-width forms (two
    /// columns): scalars that never join another into one character.
    static func isSimple(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return (v >= 0x20 && v < 0x7F) || (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3000 && v <= 0x3029)
            || (v >= 0x3030 && v <= 0x303E) || (v >= 0xFF01 && v <= 0xFF60)
    }

    /// Breaks `s` into lines of at most `width` columns, at spaces where it can and anywhere
    /// between CJK characters, never before closing punctuation (`，。、；：）」`) nor after
    /// opening punctuation; continuation lines start with `indent`.
    public static func wrap(_ text: String, width: Int, indent: String = "") -> [String] {
        let s = oneLine(text)
        if s.isEmpty { return [] }
        if DisplayWidth.of(s) <= width { return [trimRight(s)] }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        var lastSpace: String.Index?
        let chars = Array(s)
        for (i, c) in chars.enumerated() {
            let cw = DisplayWidth.of(c)
            if lineWidth + cw > width {
                // a line may end at this space unless closing punctuation follows it (`90 %)`)
                if c == " ", i + 1 == chars.count || !TextLayout.closing.contains(chars[i + 1]) {
                    lines.append(line)
                    line = indent
                    lineWidth = DisplayWidth.of(indent)
                    lastSpace = nil
                    continue
                }
                // Break at the last space only when it is near the end (latin words); CJK text
                // breaks anywhere, so a far-back space would leave a ragged line.
                if let sp = lastSpace, DisplayWidth.of(line[line.index(after: sp)...]) <= 12 {
                    let rest = String(line[line.index(after: sp)...])
                    lines.append(String(line[..<sp]))
                    line = indent + rest
                } else {
                    // Move the last characters down with it (the line gets shorter, never longer)
                    // while the line may not break before what comes next: no line starts with
                    // closing punctuation or a space (one kept with the closing punctuation after
                    // it, `80 %)`) nor ends with opening punctuation, and a number or a Latin word
                    // (`7.5`, `Q1`, `10%`) of up to 12 letters is not cut.
                    var carry = ""
                    let minimum = indent.count + 1
                    func word(_ ch: Character) -> Bool { ch.isASCII && ch != " " }
                    var wordMoved = 0
                    while line.count > minimum, let last = line.last {
                        let next = carry.first ?? c
                        let kinsoku =
                            TextLayout.closing.contains(next) || TextLayout.opening.contains(last) || next == " "
                        let inWord = word(last) && word(next) && wordMoved < 12
                        guard kinsoku || inWord else { break }
                        if !kinsoku { wordMoved += 1 }
                        line.removeLast()
                        carry = String(last) + carry
                    }
                    lines.append(line)
                    line = indent + carry
                }
                lineWidth = DisplayWidth.of(line)
                lastSpace = nil
            }
            // (a space before closing punctuation is no place to break: `80 %)` stays together)
            if c == " " && line.dropFirst(indent.count).contains(where: { $0 != " " })
                && (i + 1 == chars.count || !TextLayout.closing.contains(chars[i + 1]))
            {
                lastSpace = line.endIndex
            }
            line.append(c)
            lineWidth += cw
        }
        if !line.isEmpty && line != indent { lines.append(line) }
        return avoidingAnOrphan(lines.map(trimRight), indent: indent.count)
    }

    /// A paragraph does not end on a line of one CJK character (with the punctuation after it):
    /// the character before it moves down too (`…降为四星` / `级。` becomes `…降为四` / `星级。`).
    static func avoidingAnOrphan(_ lines: [String], indent: Int) -> [String] {
        guard lines.count >= 2, var previous = lines.dropLast().last, var last = lines.last else { return lines }
        let tail = last.dropFirst(indent)
        guard let first = tail.first, !first.isASCII, !closing.contains(first),
            tail.dropFirst().allSatisfy({ closing.contains($0) }),
            let moved = previous.last, !moved.isASCII, !closing.contains(moved), !opening.contains(moved),
            previous.count - (lines.count == 2 ? 0 : indent) > 2
        else { return lines }
        previous.removeLast()
        guard let end = previous.last, !opening.contains(end), end != " " else { return lines }
        last.insert(moved, at: last.index(last.startIndex, offsetBy: indent))
        return lines.dropLast(2) + [previous, last]
    }
}

extension TextLayout {
    /// Breaks `text` into lines of at most `width` columns without ever cutting a word of Latin
    /// letters, digits and ASCII punctuation (an option, a path, an environment variable), a
    /// `<placeholder>`, nor a file name with Chinese in it (`错误清单-<编号>.xlsx`): lines break
    /// at spaces, before a CJK character and after CJK closing punctuation, never before closing
    /// punctuation nor after opening punctuation. A word wider than `width` stands alone on its
    /// line. For the help (Help.swift in the executable), whose texts are full of such words;
    /// `wrap` keeps the reports' layout.
    public static func wrapWords(_ text: String, width: Int) -> [String] {
        // the unbreakable pieces, and whether a space came before each
        var units: [(text: String, space: Bool)] = []
        for word in oneLine(text).split(separator: " ") {
            let chars = Array(word)
            // a run between CJK punctuation that holds Latin letters and one of . - _ / < > names
            // a file or an option: it is not broken at all
            var kept = [Bool](repeating: false, count: chars.count)
            var runStart = 0
            for i in 0...chars.count
            where i == chars.count || (!chars[i].isASCII && (closing.contains(chars[i]) || opening.contains(chars[i])))
            {
                let run = chars[runStart..<i]
                if run.contains(where: { $0.isASCII && $0.isLetter }) && run.contains(where: { ".-_/<>".contains($0) })
                {
                    for j in run.indices.dropFirst() { kept[j] = true }
                }
                runStart = i + 1
            }
            var pieces = [""]
            var placeholder = false
            for (i, c) in chars.enumerated() {
                if i > 0 {
                    let before = chars[i - 1]
                    let breaks =
                        !kept[i] && !placeholder && !closing.contains(c) && !opening.contains(before)
                        && (!c.isASCII || (!before.isASCII && closing.contains(before)))
                    if breaks { pieces.append("") }
                }
                if c == "<" { placeholder = true } else if c == ">" { placeholder = false }
                pieces[pieces.count - 1].append(c)
            }
            for (k, piece) in pieces.enumerated() { units.append((piece, k == 0 && !units.isEmpty)) }
        }
        var lines: [String] = []
        var line = ""
        for unit in units {
            let joined = line.isEmpty ? unit.text : line + (unit.space ? " " : "") + unit.text
            if !line.isEmpty, DisplayWidth.of(joined) > width {
                lines.append(line)
                line = unit.text
            } else {
                line = joined
            }
        }
        if !line.isEmpty { lines.append(line) }
        return avoidingAnOrphan(lines, indent: 0)
    }
}
