import StarModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A cheap, linear pass over an XML submission's text before libxml2 sees it, so that libxml2
/// never gets an input whose cost is not linear (N attributes on one element cost N² in its
/// duplicate-attribute check; a 20M-character name took minutes in the schema validator).
///
/// It decodes the file first (UTF-8, or UTF-16 by its byte order mark or its first bytes), so
/// that the DOCTYPE check sees the text, not the bytes, and it accepts only the encodings it can
/// read: a declared encoding it does not know (UTF-7 would hide `<!DOCTYPE` as `+ADw-!DOCTYPE`)
/// is refused. Then it walks the markup (tags, attributes, comments, processing instructions,
/// CDATA) and stops at the first cap reached:
///
/// - the file's size: `maxFileBytes`;
/// - attributes per element: `maxAttributes`;
/// - the characters of one text run, attribute value, comment or CDATA section: `maxTextCharacters`;
/// - the bytes of an element's or attribute's name: `maxNameBytes`;
/// - and no DOCTYPE or ENTITY declaration at all.
///
/// Written by hand: libxml2's own limits (`XML_PARSE_HUGE` off) are far above these, and its
/// SAX parser would itself do the quadratic work. The pass is not a parser: what it cannot make
/// sense of (malformed markup) it leaves to libxml2, which reports it with line and column.
enum XMLBudget {
    /// Real submissions are 1–3 KB; a branch with a thousand events is under 100 KB.
    static let maxFileBytes = 1 << 20
    /// The format's elements have at most three attributes (four with `xmlns`).
    static let maxAttributes = 32
    /// A name has at most 100 characters; an event's description is a sentence or two.
    static let maxTextCharacters = 10_000
    /// The format's longest name is `superiorEvaluation` (18 bytes).
    static let maxNameBytes = 256
    /// Encodings an XML declaration may name for a file that is not UTF-16; all keep ASCII's
    /// bytes for ASCII, so the markup can be read on the bytes.
    static let asciiCompatible: Set<String> = [
        "utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin1", "gbk", "gb2312", "gb18030",
    ]

    /// The first cap reached, or nil when the file is within every budget; with the refusal, the
    /// branch id of `<branch id="…">` when the walk saw it (so that the register check does not
    /// report that branch as missing too).
    static func check(_ bytes: [UInt8], path: String) -> (refused: Diagnostic, branchID: String?)? {
        if bytes.count > maxFileBytes {
            let refused = Diagnostic.error(
                .xmlFileTooLarge(size: bytes.count, limit: maxFileBytes), at: SourceLocation(file: path, line: 1))
            // the id, from the file's beginning only
            var id: String?
            if case .success(let text) = decode(Array(bytes.prefix(1 << 16))) {
                _ = scan(text, path: path, branchID: &id)
            }
            return (refused, id)
        }
        let text: [UInt8]
        switch decode(bytes) {
        case .success(let t): text = t
        case .failure(let unsupported):
            return (
                .error(.xmlEncoding(encoding: Escaped.text(unsupported.name)), at: SourceLocation(file: path, line: 1)),
                nil
            )
        }
        var id: String?
        return scan(text, path: path, branchID: &id).map { ($0, id) }
    }

    struct Unsupported: Error { var name: String }

    /// The file's text as bytes whose ASCII is ASCII (UTF-8, or an ASCII-compatible encoding
    /// it declares), or the name of an encoding that is refused.
    static func decode(_ bytes: [UInt8]) -> Result<[UInt8], Unsupported> {
        let head = Array(bytes.prefix(4))
        func starts(_ p: [UInt8]) -> Bool { head.starts(with: p) }
        var text = bytes
        var utf16 = false
        if starts([0xFF, 0xFE, 0x00, 0x00]) || starts([0x00, 0x00, 0xFE, 0xFF]) || starts([0x3C, 0x00, 0x00, 0x00])
            || starts([0x00, 0x00, 0x00, 0x3C])
        {
            return .failure(Unsupported(name: "UTF-32"))
        } else if starts([0x4C, 0x6F, 0xA7, 0x94]) {
            return .failure(Unsupported(name: "EBCDIC"))
        } else if starts([0xEF, 0xBB, 0xBF]) {
            text = Array(bytes.dropFirst(3))
        } else if starts([0xFF, 0xFE]) || starts([0xFE, 0xFF]) || starts([0x3C, 0x00, 0x3F, 0x00])
            || starts([0x00, 0x3C, 0x00, 0x3F])
        {
            let from =
                starts([0xFF, 0xFE]) || starts([0xFE, 0xFF]) ? "UTF-16" : head[0] == 0 ? "UTF-16BE" : "UTF-16LE"
            // (libxml2 reads a UTF-16 file as UTF-16 even when its declaration says UTF-8)
            guard let t = convert(bytes, from: from) else { return .failure(Unsupported(name: "UTF-16 (not valid)")) }
            text = t
            utf16 = true
        }
        if let declared = declaredEncoding(text)?.lowercased() {
            let allowed =
                utf16 ? declared.hasPrefix("utf-16") || declared == "utf-8" : asciiCompatible.contains(declared)
            if !allowed { return .failure(Unsupported(name: declared)) }
        }
        return .success(text)
    }

    /// `encoding="…"` of the XML declaration at the start of the text.
    static func declaredEncoding(_ text: [UInt8]) -> String? {
        guard text.starts(with: Array("<?xml".utf8)) else { return nil }
        let decl = text.prefix(200).prefix { $0 != UInt8(ascii: ">") }
        let s = String(decoding: decl, as: UTF8.self)
        guard let r = s.range(of: "encoding") else { return nil }
        var rest = s[r.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "=" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        rest = rest.dropFirst()
        return String(rest.prefix { $0 != quote })
    }

    /// Converts with iconv (glibc's), nil when the bytes are not valid in `from`.
    static func convert(_ input: [UInt8], from: String) -> [UInt8]? {
        let cd = iconv_open("UTF-8", from)
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        return try? TextDecoding.convert(input, cd: cd).get()
    }

    // the markup the walk looks for, made once (the walk runs over every tag of every file)
    static let commentOpen = Array("<!--".utf8)
    static let commentClose = Array("-->".utf8)
    static let cdataOpen = Array("<![CDATA[".utf8)
    static let cdataClose = Array("]]>".utf8)
    static let declarationOpen = Array("<!".utf8)
    static let instructionOpen = Array("<?".utf8)
    static let instructionClose = Array("?>".utf8)
    static let endTagOpen = Array("</".utf8)
    static let branchElement = Array("branch".utf8)
    static let idAttribute = Array("id".utf8)
    static let doubleQuote = Array("\"".utf8)
    static let singleQuote = Array("'".utf8)

    /// The walk over the markup (see above).
    static func scan(_ t: [UInt8], path: String, branchID: inout String?) -> Diagnostic? {
        let n = t.count
        var i = 0
        var line = 1
        func at(_ l: Int) -> SourceLocation { SourceLocation(file: path, line: l) }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        func isNameEnd(_ b: UInt8) -> Bool {
            isSpace(b) || b == UInt8(ascii: "=") || b == UInt8(ascii: ">") || b == UInt8(ascii: "/")
        }
        func textTooLong(_ l: Int) -> Diagnostic { .error(.xmlTextTooLong(limit: maxTextCharacters), at: at(l)) }
        func nameTooLong(_ l: Int) -> Diagnostic { .error(.xmlNameTooLong(limit: maxNameBytes), at: at(l)) }
        /// Skips to just after `end`, counting lines and characters; false when the run passes the cap.
        func skip(to end: [UInt8]) -> Bool {
            var chars = 0
            let first = end[0]
            while i < n {
                if t[i] == first, end.count == 1 || startsHere(end) {
                    i += end.count
                    return true
                }
                if t[i] == 0x0A { line += 1 }
                if t[i] & 0xC0 != 0x80 { chars += 1 }
                if chars > maxTextCharacters { return false }
                i += 1
            }
            return true
        }
        func startsHere(_ u: [UInt8]) -> Bool {
            guard i + u.count <= n else { return false }
            for k in 0..<u.count where t[i + k] != u[k] { return false }
            return true
        }
        while i < n {
            // text up to the next tag
            let textLine = line
            var chars = 0
            while i < n, t[i] != UInt8(ascii: "<") {
                if t[i] == 0x0A { line += 1 }
                if t[i] & 0xC0 != 0x80 { chars += 1 }
                if chars > maxTextCharacters { return textTooLong(textLine) }
                i += 1
            }
            guard i < n else { break }
            let tagLine = line
            if startsHere(commentOpen) {
                i += 4
                if !skip(to: commentClose) { return textTooLong(tagLine) }
                continue
            }
            if startsHere(cdataOpen) {
                i += 9
                if !skip(to: cdataClose) { return textTooLong(tagLine) }
                continue
            }
            if startsHere(declarationOpen) {
                // <!DOCTYPE, <!ENTITY, or anything else of a DTD: never needed by the format
                return .error(Message(.xmlDoctype), at: at(tagLine))
            }
            if startsHere(instructionOpen) {
                i += 2
                if !skip(to: instructionClose) { return textTooLong(tagLine) }
                continue
            }
            if startsHere(endTagOpen) {
                i += 2
                let nameStart = i
                while i < n, t[i] != UInt8(ascii: ">") {
                    if t[i] == 0x0A { line += 1 }
                    if i - nameStart > maxNameBytes { return nameTooLong(tagLine) }
                    i += 1
                }
                i += 1
                continue
            }
            // a start tag: its name, then its attributes
            i += 1
            let nameStart = i
            while i < n, !isNameEnd(t[i]) {
                if i - nameStart >= maxNameBytes { return nameTooLong(tagLine) }
                i += 1
            }
            let element = nameStart..<i
            var attributes = 0
            while i < n {
                while i < n, isSpace(t[i]) {
                    if t[i] == 0x0A { line += 1 }
                    i += 1
                }
                guard i < n else { break }
                if t[i] == UInt8(ascii: ">") {
                    i += 1
                    break
                }
                if t[i] == UInt8(ascii: "/") {
                    i += 1
                    continue
                }
                // an attribute: name, `=`, quoted value
                let attrStart = i
                while i < n, !isNameEnd(t[i]) {
                    if i - attrStart >= maxNameBytes { return nameTooLong(line) }
                    i += 1
                }
                if i == attrStart { return nil }  // malformed: libxml2 says where
                attributes += 1
                if attributes > maxAttributes {
                    return .error(
                        .xmlTooManyAttributes(
                            element: Escaped.text(String(decoding: t[element], as: UTF8.self)), limit: maxAttributes),
                        at: at(tagLine))
                }
                while i < n, isSpace(t[i]) || t[i] == UInt8(ascii: "=") {
                    if t[i] == 0x0A { line += 1 }
                    i += 1
                }
                guard i < n, t[i] == UInt8(ascii: "\"") || t[i] == UInt8(ascii: "'") else { return nil }
                let quote = t[i]
                i += 1
                let valueLine = line
                let valueStart = i
                if !skip(to: quote == UInt8(ascii: "\"") ? doubleQuote : singleQuote) { return textTooLong(valueLine) }
                if t[element].elementsEqual(branchElement), t[attrStart..<attrStart + 2].elementsEqual(idAttribute),
                    i - valueStart <= 33
                {
                    branchID = String(decoding: t[valueStart..<i - 1], as: UTF8.self)
                }
            }
        }
        return nil
    }
}
