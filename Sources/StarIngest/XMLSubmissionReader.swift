import CLibXML2
import Foundation
import StarModel

/// The compiled submission XSD, shared read-only by every thread; each validation makes its
/// own validation context (libxml2 contexts are not thread-safe, the schema is).
// @unchecked Sendable: the libxml2 schema pointer is read-only after it is compiled.
final class CompiledSchema: @unchecked Sendable {
    let schema: xmlSchemaPtr

    /// The schema from its text (the shipped one is compiled into the binary).
    init?(_ text: [UInt8]) {
        // the parser context reads the buffer while the schema is parsed: both inside the closure
        let parsed = text.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars -> xmlSchemaPtr? in
                guard let pctxt = xmlSchemaNewMemParserCtxt(chars.baseAddress, Int32(chars.count)) else { return nil }
                defer { xmlSchemaFreeParserCtxt(pctxt) }
                return xmlSchemaParse(pctxt)
            }
        }
        guard let parsed else { return nil }
        schema = parsed
    }

    deinit { xmlSchemaFree(schema) }
}

/// Collects libxml2's structured errors for one file.
private final class ErrorSink {
    let path: String
    var diagnostics: [Diagnostic] = []
    var seen = Set<String>()
    init(path: String) { self.path = path }

    func add(_ error: xmlErrorPtr) {
        let e = error.pointee
        if e.code == Int32(XML_ERR_NO_MEMORY.rawValue) {
            if !diagnostics.contains(where: { $0.code == XMLSubmissionReader.outOfResources }) {
                diagnostics.append(XMLSubmissionReader.resourceDiagnostic(path))
            }
            return
        }
        var message = e.message.map { String(cString: $0) } ?? "unknown XML error"
        while message.last == "\n" || message.last == " " { message.removeLast() }
        // libxml2 names elements as '{namespace}local'; users know them as <local>.
        message = message.replacingOccurrences(of: "{urn:star-report:submission:1}", with: "")
        let isSyntax =
            Int32(e.domain) == Int32(XML_FROM_PARSER.rawValue) || Int32(e.domain) == Int32(XML_FROM_IO.rawValue)
        let column = e.int2 > 0 ? Int(e.int2) : nil
        let location = SourceLocation(file: path, line: max(1, Int(e.line)), column: column)
        let key = "\(location.description)|\(message)"
        guard seen.insert(key).inserted else { return }
        if isSyntax {
            diagnostics.append(.error(.xmlSyntax(detail: Escaped.text(message)), at: location))
            return
        }
        // A follow-on of an invalid value (the identity constraint then has nothing to compare).
        if Int32(e.code) == Int32(XML_SCHEMAV_INTERNAL.rawValue) || message.contains("No precomputed value") { return }
        let (content, field) = XMLSchemaMessage.map(code: Int32(e.code), message: message)
        diagnostics.append(.error(content, at: location, field: field))
    }
}

/// libxml2's schema errors, by their error code, as catalogue messages: the element (and
/// attribute), the value found, and what is allowed, in the user's language.
enum XMLSchemaMessage {
    static func capture(_ pattern: String, _ text: String) -> String? {
        guard let re = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]),
            let m = re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)), m.numberOfRanges > 1,
            let r = Range(m.range(at: 1), in: text)
        else { return nil }
        return String(text[r])
    }

    /// What the XSD's simple types allow, in Chinese and English.
    static let types: [String: (zh: String, en: String)] = [
        "Identifier": ("编号（1–32 个字母、数字、_ 或 -）", "an identifier (1–32 letters, digits, _ or -)"),
        "Name": ("名称（1–100 个字符）", "a name (1–100 characters)"),
        "Year": ("四位数的年份", "a four-digit year"),
        "AspectScore": ("0–10 之间、最多一位小数的分数", "a score 0–10 with at most one decimal"),
        "Percent": ("0–100 之间、最多一位小数的百分数", "a percentage 0–100 with at most one decimal"),
        "Count": ("非负整数", "a whole number 0 or more"),
        "Date": ("有效的日期 YYYY-MM-DD", "a real date YYYY-MM-DD"),
        "Level": ("级别 city、province 或 national", "a level: city, province or national"),
        "AspectNumber": ("1–10 的序号", "a number 1–10"),
    ]

    static func map(code: Int32, message: String) -> (Message, String?) {
        let element = capture("Element '([^']+)'", message) ?? "?"
        let attribute = capture("attribute '([^']+)'", message)
        let field = attribute.map { "\(element)/@\($0)" } ?? element
        let what = Localized(
            zh: attribute.map { "<\(element)> 的属性 \($0)" } ?? "<\(element)>",
            en: attribute.map { "attribute \($0) of <\(element)>" } ?? "<\(element)>")
        let detail = Escaped.text(message)
        let value = Escaped.text(
            capture("The value '([^']*)'", message) ?? capture(": '([^']*)' is not a valid value", message) ?? "")
        let listed = capture("Expected is (?:one of )?\\( ([^)]*) \\)", message)
        let expected = Localized(
            zh: listed.map { "，应为 " + $0.replacingOccurrences(of: ", ", with: "、") } ?? "",
            en: listed.map { "; expected: " + $0 } ?? "")
        switch code {
        case Int32(XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_1.rawValue), Int32(XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_2.rawValue):
            let type = capture("atomic type '([^']+)'", message) ?? ""
            let allowed = Localized(zh: types[type]?.zh ?? "允许的值", en: types[type]?.en ?? "an allowed value")
            return (.xmlBadValue(what: what, value: value, expected: allowed), field)
        case Int32(XML_SCHEMAV_CVC_MAXINCLUSIVE_VALID.rawValue), Int32(XML_SCHEMAV_CVC_MAXEXCLUSIVE_VALID.rawValue):
            return (
                .xmlAboveMax(what: what, value: value, limit: capture("allowed \\('([^']*)'\\)", message) ?? "?"), field
            )
        case Int32(XML_SCHEMAV_CVC_MININCLUSIVE_VALID.rawValue):
            return (
                .xmlBelowMin(what: what, value: value, limit: capture("allowed \\('([^']*)'\\)", message) ?? "?"), field
            )
        case Int32(XML_SCHEMAV_CVC_PATTERN_VALID.rawValue):
            return (.xmlBadPattern(what: what, value: value), field)
        case Int32(XML_SCHEMAV_CVC_ENUMERATION_VALID.rawValue):
            let allowed = (capture("set \\{([^}]*)\\}", message) ?? "").replacingOccurrences(of: "'", with: "")
            return (.xmlBadEnum(what: what, value: value, allowed: allowed), field)
        case Int32(XML_SCHEMAV_ELEMENT_CONTENT.rawValue):
            if message.contains("Missing child") { return (.xmlMissingElement(what: what, expected: expected), field) }
            return (.xmlUnexpectedElement(what: what, expected: expected), field)
        case Int32(XML_SCHEMAV_CVC_ELT_1.rawValue):
            return (.xmlWrongRoot(what: what), field)
        case Int32(XML_SCHEMAV_CVC_IDC.rawValue):
            return (
                .xmlDuplicateAspect(what: what, key: capture("key-sequence \\['([^']*)'\\]", message) ?? "?"), field
            )
        default:
            return (.xmlSchema(detail: detail), field)
        }
    }
}

private let silentHandler: xmlStructuredErrorFunc = { _, _ in }

private let structuredErrorHandler: xmlStructuredErrorFunc = { ctx, error in
    guard let ctx, let error else { return }
    Unmanaged<ErrorSink>.fromOpaque(ctx).takeUnretainedValue().add(error)
}

extension Substring {
    fileprivate func range(of target: String) -> Range<Substring.Index>? {
        let t = Array(target.utf8)
        let u = self.utf8
        var i = u.startIndex
        while i != u.endIndex {
            var j = i
            var k = 0
            while k < t.count, j != u.endIndex, u[j] == t[k] {
                j = u.index(after: j)
                k += 1
            }
            if k == t.count { return i..<j }
            i = u.index(after: i)
        }
        return nil
    }
}

/// Reads one branch's XML submission: first validates it against the shipped XSD with
/// libxml2's streaming validator (every error, with line and column), then — only if valid —
/// parses it into a `RawSubmission`.
///
/// Safety: a DOCTYPE is never needed by this format, so any file declaring one is rejected
/// before libxml2 sees it (no external entities, no entity-expansion bombs), by `XMLBudget`,
/// which also refuses a file that would cost libxml2 more than linear work; parsing uses
/// `XML_PARSE_NONET` and never `XML_PARSE_NOENT`, `XML_PARSE_DTDLOAD` or `XML_PARSE_HUGE`.
enum XMLSubmissionReader {
    static let namespace = "urn:star-report:submission:1"
    /// The code of a file that could not be read for want of memory or descriptors: not a data
    /// error; the folder reader turns it into a stop with exit 71.
    static let outOfResources = "E-RESOURCES"

    static func resourceDiagnostic(_ path: String) -> Diagnostic {
        .error(Message(.xmlOutOfResources), at: SourceLocation(file: path, line: 1))
    }

    static let parseOptions = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue)

    /// - Parameter rejectedBranchID: for a well-formed file that fails the schema, its branch id,
    ///   so that the register check does not report that branch as missing too.
    static func read(
        bytes: [UInt8], path: String, schema: CompiledSchema, diagnostics: inout [Diagnostic],
        rejectedBranchID: inout String?
    ) -> RawSubmission? {
        if bytes.isEmpty {
            diagnostics.append(.error(Message(.xmlEmpty), at: SourceLocation(file: path, line: 1)))
            return nil
        }
        // The budget pass (size, attributes, lengths, encoding, DOCTYPE) before libxml2 sees a byte.
        if let (refused, id) = XMLBudget.check(bytes, path: path) {
            diagnostics.append(refused)
            rejectedBranchID = id
            return nil
        }
        // Fast path: parse once, validate the tree in memory, extract. Only a file that fails is
        // validated again with the streaming validator, which gives every error with its column.
        guard let parsed = parseQuietly(bytes, path: path) else {
            diagnostics.append(resourceDiagnostic(path))
            return nil
        }
        if let doc = parsed {
            defer { xmlFreeDoc(doc) }
            if let vctxt = xmlSchemaNewValidCtxt(schema.schema) {
                xmlSchemaSetValidStructuredErrors(vctxt, silentHandler, nil)
                let rc = xmlSchemaValidateDoc(vctxt, doc)
                xmlSchemaFreeValidCtxt(vctxt)
                if rc == 0, let root = xmlDocGetRootElement(doc) { return extract(root: root, path: path) }
            }
            rejectedBranchID = xmlDocGetRootElement(doc).flatMap { root in
                elements(root).first { name($0) == "branch" }.flatMap { attr($0, "id") }
            }
        }
        diagnostics += streamingDiagnostics(bytes, path: path, schema: schema)
        return nil
    }

    /// Parses without reporting (errors are reported by the streaming pass): `.some(nil)` when not
    /// well-formed, nil when libxml2 cannot even make a parser (out of memory).
    static func parseQuietly(_ bytes: [UInt8], path: String) -> xmlDocPtr?? {
        xmlSetStructuredErrorFunc(nil, silentHandler)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        guard let ctxt = xmlNewParserCtxt() else { return nil }
        defer { xmlFreeParserCtxt(ctxt) }
        let doc = bytes.withUnsafeBufferPointer { buf in
            xmlCtxtReadMemory(
                ctxt, UnsafeRawPointer(buf.baseAddress!).assumingMemoryBound(to: CChar.self), Int32(buf.count), path,
                nil,
                parseOptions | Int32(XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
        }
        guard let doc else { return .some(nil) }
        if ctxt.pointee.wellFormed == 0 {
            xmlFreeDoc(doc)
            return .some(nil)
        }
        return doc
    }

    /// Every error of a file that is not valid, with line and column, from libxml2's streaming
    /// schema validator (which also reports syntax errors).
    static func streamingDiagnostics(_ bytes: [UInt8], path: String, schema: CompiledSchema) -> [Diagnostic] {
        let sink = ErrorSink(path: path)
        let ctx = Unmanaged.passUnretained(sink).toOpaque()
        guard let vctxt = xmlSchemaNewValidCtxt(schema.schema) else { return [resourceDiagnostic(path)] }
        xmlSchemaSetValidStructuredErrors(vctxt, structuredErrorHandler, ctx)
        xmlSetStructuredErrorFunc(ctx, structuredErrorHandler)
        let rc = bytes.withUnsafeBufferPointer { buf -> Int32 in
            guard
                let input = xmlParserInputBufferCreateMem(
                    UnsafeRawPointer(buf.baseAddress!).assumingMemoryBound(to: CChar.self),
                    Int32(buf.count), XML_CHAR_ENCODING_NONE)
            else { return -2 }
            return xmlSchemaValidateStream(vctxt, input, XML_CHAR_ENCODING_NONE, nil, nil)
        }
        if rc == -2 { sink.diagnostics.append(resourceDiagnostic(path)) }
        xmlSchemaFreeValidCtxt(vctxt)
        xmlSetStructuredErrorFunc(nil, nil)
        if sink.diagnostics.isEmpty {
            sink.diagnostics.append(.error(Message(.xmlNotValid), at: SourceLocation(file: path, line: 1)))
        }
        return sink.diagnostics
    }

    // MARK: tree walking (the document is valid here, so its shape is known)

    private static func elements(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var out: [xmlNodePtr] = []
        var c = node.pointee.children
        while let n = c {
            if n.pointee.type == XML_ELEMENT_NODE { out.append(n) }
            c = n.pointee.next
        }
        return out
    }

    private static func name(_ node: xmlNodePtr) -> String { String(cString: node.pointee.name) }

    private static func attr(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let v = xmlGetProp(node, name) else { return nil }
        defer { star_xmlFree(v) }
        return String(cString: v)
    }

    private static func text(_ node: xmlNodePtr) -> String {
        guard let v = xmlNodeGetContent(node) else { return "" }
        defer { star_xmlFree(v) }
        return String(cString: v).trimmingSpaces
    }

    private static func at(_ node: xmlNodePtr, _ path: String) -> SourceLocation {
        SourceLocation(file: path, line: Int(xmlGetLineNo(node)))
    }

    private static func isTrue(_ s: String?) -> Bool { s == "true" || s == "1" }

    static func extract(root: xmlNodePtr, path: String) -> RawSubmission {
        var raw = RawSubmission(format: .xml, location: at(root, path))
        func set(_ key: FieldKey, _ text: String?, _ node: xmlNodePtr) {
            if let text { raw.fields[key] = RawField(text, at: at(node, path)) }
        }
        set(.year, attr(root, "year"), root)
        var workCriticisms = 0
        var municipalCriticisms = 0
        var minor = 0
        var major = 0
        var member = 0
        var absences = 0
        for el in elements(root) {
            switch name(el) {
            case "branch":
                set(.branchID, attr(el, "id"), el)
                set(.category, attr(el, "category") ?? "", el)
                for c in elements(el) {
                    switch name(c) {
                    case "name": set(.branchName, text(c), c)
                    case "committee":
                        set(.committeeID, attr(c, "id"), c)
                        set(.committeeName, text(c), c)
                    case "members": set(.members, text(c), c)
                    default: break
                    }
                }
            case "selfEvaluation", "massEvaluation", "superiorEvaluation":
                let sheet: Sheet =
                    name(el) == "selfEvaluation"
                    ? .selfEvaluation : name(el) == "massEvaluation" ? .massEvaluation : .superiorEvaluation
                if sheet == .massEvaluation {
                    set(.massMemberParticipants, attr(el, "memberParticipants"), el)
                    set(.massPublicParticipants, attr(el, "publicParticipants"), el)
                }
                for a in elements(el) {
                    if let n = attr(a, "n").flatMap({ Int($0) }) { set(.aspect(sheet, n), text(a), a) }
                }
            case "satisfaction":
                set(.satisfaction, text(el), el)
            case "commendations", "innovations":
                for c in elements(el) {
                    let field = RawField(attr(c, "level") ?? "", at: at(c, path))
                    if name(el) == "commendations" {
                        raw.commendationLevels.append(field)
                    } else {
                        raw.innovationLevels.append(field)
                    }
                    if let d = attr(c, "date") {
                        raw.eventDates.append((name(c) + "@date", RawField(d, at: at(c, path))))
                    }
                }
            case "criticisms":
                for c in elements(el) {
                    if attr(c, "by") == "municipal-committee" { municipalCriticisms += 1 } else { workCriticisms += 1 }
                    if let d = attr(c, "date") {
                        raw.eventDates.append(("criticism@date", RawField(d, at: at(c, path))))
                    }
                }
            case "disciplinaryCases":
                // The format's sanctions onto the CSV's columns (docs/input-formats.md): for the
                // leadership, warning and serious warning are the minor grade, revocation of
                // party post and above the major one.
                for c in elements(el) {
                    let sanction = attr(c, "sanction") ?? ""
                    if attr(c, "role") == "leadership" {
                        if sanction == "warning" || sanction == "serious-warning" { minor += 1 } else { major += 1 }
                    } else {
                        member += 1
                    }
                    if let d = attr(c, "date") { raw.eventDates.append(("case@date", RawField(d, at: at(c, path)))) }
                }
            case "election":
                set(.electionDue, attr(el, "due"), el)
                set(.electionHeld, attr(el, "held") ?? "", el)
                set(.electionDelayApproved, isTrue(attr(el, "delayApproved")) ? "true" : "false", el)
            case "absences":
                for c in elements(el) {
                    if !isTrue(attr(c, "excused")) { absences += 1 }
                    if let d = attr(c, "date") { raw.eventDates.append(("absence@date", RawField(d, at: at(c, path)))) }
                }
            default:
                break
            }
        }
        let rootAt = at(root, path)
        raw.fields[.criticismsWorkCommittee] = RawField(String(workCriticisms), at: rootAt)
        raw.fields[.criticismsMunicipalCommittee] = RawField(String(municipalCriticisms), at: rootAt)
        raw.fields[.leadershipMinorSanctions] = RawField(String(minor), at: rootAt)
        raw.fields[.leadershipMajorSanctions] = RawField(String(major), at: rootAt)
        raw.fields[.memberSanctions] = RawField(String(member), at: rootAt)
        raw.fields[.unexcusedAbsences] = RawField(String(absences), at: rootAt)
        return raw
    }
}
