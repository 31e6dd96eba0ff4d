import StarModel
import TOMLKit

/// The notice and e-mail settings of `config.toml` in the input folder (docs/input-formats.md, "config.toml").
/// Every setting is optional: a missing one shows a placeholder in the
/// reports and a warning names the key to add.
public struct NoticeConfig: Sendable, Equatable {
    /// Shown where a setting is missing.
    public static let placeholder = "（待补充）"

    public var issuer: String?
    public var objectionOffice: String?
    public var objectionPhone: String?
    public var objectionAddress: String?
    public var objectionEmail: String?
    /// Sender of the committee e-mails.
    public var senderEmail: String?
    /// Committee id → e-mail address.
    public var committeeEmails: [String: String] = [:]
    /// Committee id → the line of its `[committees.ID]` table (for warnings).
    var committeeLines: [String: Int] = [:]
    var path = ""

    public init() {}

    public static let file = "config.toml"

    /// Parses the file strictly but keeps what it can: a TOML syntax error is an error at its line
    /// and column; an unknown key or table is a warning with the nearest known key; a bad value
    /// (an address that is not an addr-spec) is an error naming the key and its line. Every
    /// setting that could be read is kept, so one typo never drops the whole file.
    public static func read(_ text: String, path: String) -> (NoticeConfig, [Diagnostic]) {
        let doc: TOMLTable
        switch TOMLReader.document(text, path: path, code: "E-CONFIG") {
        case .success(let d): doc = d
        case .failure(let e): return (NoticeConfig(), e.items)
        }
        var r = TOMLReader(path: path, text: text, code: "E-CONFIG")
        r.unknownKeysWarn = true
        var c = NoticeConfig()
        r.checkKeys(doc, table: nil, known: ["notice", "committees", "smtp"])
        // `[smtp]` is read by `star-report send` (SMTPSettings); here only its keys are checked.
        if let smtp = r.table(doc, "smtp", parent: nil) {
            r.checkKeys(smtp, table: "smtp", known: SMTPSettings.knownKeys)
        }
        if let n = r.table(doc, "notice", parent: nil) {
            r.checkKeys(
                n, table: "notice",
                known: [
                    "issuer", "objection_office", "objection_phone", "objection_address", "objection_email",
                    "sender_email",
                ])
            c.issuer = r.string(n, "issuer", table: "notice")
            c.objectionOffice = r.string(n, "objection_office", table: "notice")
            c.objectionPhone = r.string(n, "objection_phone", table: "notice")
            c.objectionAddress = r.string(n, "objection_address", table: "notice")
            c.objectionEmail = r.email(n, "objection_email", table: "notice")
            c.senderEmail = r.email(n, "sender_email", table: "notice")
        }
        if let cs = r.table(doc, "committees", parent: nil) {
            for id in cs.keys.sorted() {
                guard let t = r.table(cs, id, parent: "committees") else { continue }
                r.checkKeys(t, table: "committees.\(id)", known: ["email"])
                if let e = r.email(t, "email", table: "committees.\(id)") { c.committeeEmails[id] = e }
                c.committeeLines[id] = r.line(table: "committees.\(id)", key: nil)
            }
        }
        c.path = path
        return (c, r.diagnostics)
    }

    /// `read`, as a result: the config when nothing is wrong, else every diagnostic.
    public static func parse(_ text: String, path: String) -> Result<NoticeConfig, DiagnosticList> {
        let (c, d) = read(text, path: path)
        return d.isEmpty ? .success(c) : .failure(DiagnosticList(d))
    }

    /// Warnings for every missing setting the reports need: `committees` are those whose
    /// branches are rated (each gets a summary to e-mail); a committee of the register whose
    /// sheet could not be read is `registered` too, so config.toml is not blamed for it.
    public func missingSettings(path: String, committees: [String], registered: Set<String> = []) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let at = SourceLocation(file: path, line: 1)
        let needed: [(String, String?)] = [
            ("notice.issuer", issuer), ("notice.objection_office", objectionOffice),
            ("notice.objection_phone", objectionPhone), ("notice.objection_address", objectionAddress),
        ]
        for (key, value) in needed where value?.isEmpty ?? true {
            out.append(.warning(.configNotSet(placeholder: NoticeConfig.placeholder, key: key), at: at, field: key))
        }
        // a committee in config.toml that no branch belongs to: a typo in its id, most likely
        let known = registered.union(committees)
        let withoutAddress = Set(committees.filter { committeeEmails[$0] == nil })
        var suggested = 0
        for id in committeeEmails.keys.sorted() where !known.contains(id) {
            // the nearest id for the first few only: each is a pass over the data's committees
            suggested += 1
            let near = suggested <= TOMLReader.unknownKeysShown ? TOMLReader.nearest(id, withoutAddress) : nil
            out.append(
                .warning(
                    .configUnknownCommittee(
                        id: id,
                        suggestion: Localized(
                            zh: near.map { "（是否应为 \($0)？）" } ?? "", en: near.map { " (did you mean \($0)?)" } ?? "")),
                    at: SourceLocation(file: path, line: committeeLines[id] ?? 1), field: "committees.\(id)"))
        }
        let missing = committees.filter { committeeEmails[$0] == nil }
        if missing.count <= 5 {
            for id in missing {
                out.append(.warning(.configNoAddress(id: id), at: at, field: "committees.\(id).email"))
            }
        } else {
            // one line for a province's thousands of committees, not one each
            out.append(
                .warning(
                    .configNoAddresses(count: missing.count, some: missing.prefix(5).joined(separator: ", ")),
                    at: at, field: "committees.*.email"))
        }
        return out
    }
}
