import StarModel
import TOMLKit

/// The notice and e-mail settings of `config.toml` in the input folder (outputs.md, "Settings for
/// the notice and e-mail"). Every setting is optional: a missing one shows a placeholder in the
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

    public init() {}

    public static let file = "config.toml"

    /// Parses the file; an absent file gives the empty config. Errors are bad TOML or bad keys.
    public static func parse(_ text: String, path: String) -> Result<NoticeConfig, DiagnosticList> {
        let doc: TOMLTable
        switch TOMLReader.document(text, path: path, code: "E-CONFIG") {
        case .success(let d): doc = d
        case .failure(let e): return .failure(e)
        }
        var r = TOMLReader(path: path, text: text, code: "E-CONFIG")
        var c = NoticeConfig()
        r.checkKeys(doc, table: nil, known: ["notice", "committees", "smtp"])
        // `[smtp]` is read by `star-report send` (SMTPSettings); here only its keys are checked.
        if let smtp = r.table(doc, "smtp", parent: nil) { r.checkKeys(smtp, table: "smtp", known: SMTPSettings.knownKeys) }
        if let n = r.table(doc, "notice", parent: nil) {
            r.checkKeys(n, table: "notice", known: ["issuer", "objection_office", "objection_phone", "objection_address", "objection_email", "sender_email"])
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
            }
        }
        return r.diagnostics.isEmpty ? .success(c) : .failure(DiagnosticList(r.diagnostics))
    }

    /// Warnings for every missing setting the reports need.
    public func missingSettings(path: String, committees: [String]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let at = SourceLocation(file: path, line: 1)
        let needed: [(String, String?)] = [("notice.issuer", issuer), ("notice.objection_office", objectionOffice),
                                           ("notice.objection_phone", objectionPhone), ("notice.objection_address", objectionAddress)]
        for (key, value) in needed where value?.isEmpty ?? true {
            out.append(.warning("W-CONFIG", at: at, field: key, "not set: the reports show \(NoticeConfig.placeholder); add \(key) to \(NoticeConfig.file)"))
        }
        let missing = committees.filter { committeeEmails[$0] == nil }
        if missing.count <= 5 {
            for id in missing {
                out.append(.warning("W-CONFIG", at: at, field: "committees.\(id).email",
                                    "no e-mail address for committee \(id); add [committees.\(id)] email = \"…\" to \(NoticeConfig.file)"))
            }
        } else {
            // one line for a province's thousands of committees, not one each
            out.append(.warning("W-CONFIG", at: at, field: "committees.*.email",
                                "no e-mail address for \(missing.count) committees (\(missing.prefix(5).joined(separator: ", ")), …); "
                                    + "add [committees.ID] email = \"…\" to \(NoticeConfig.file) for each"))
        }
        return out
    }
}
