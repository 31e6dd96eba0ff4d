import StarModel
import TOMLKit

/// The `[smtp]` table of `config.toml` (docs/outputs.md, "Sending the committee e-mails"), checked:
/// `url` smtp:// (STARTTLS required) or smtps:// (TLS from the start), `tls = "none"` only when
/// written, `username`, `ca_file`, `envelope_from`. The password is never a setting: it comes from
/// the environment variable `STAR_REPORT_SMTP_PASSWORD` only.
public struct SMTPSettings: Sendable, Equatable {
    public enum Security: String, Sendable, Equatable {
        /// smtp:// with STARTTLS, refused when the server does not offer it.
        case startTLS
        /// smtps://: TLS from the first byte.
        case implicitTLS
        /// smtp:// in clear text: only with `tls = "none"` written in the file.
        case none
    }

    public var url: String
    public var security: Security
    public var username: String?
    public var caFile: String?
    public var envelopeFrom: String?

    public init(
        url: String, security: Security, username: String? = nil, caFile: String? = nil, envelopeFrom: String? = nil
    ) {
        self.url = url
        self.security = security
        self.username = username
        self.caFile = caFile
        self.envelopeFrom = envelopeFrom
    }

    /// The keys `[smtp]` may hold (NoticeConfig accepts them so that `run` does not flag them).
    public static let knownKeys: Set<String> = ["url", "tls", "username", "ca_file", "envelope_from"]

    /// nil when the file has no `[smtp]` table; errors name the key and its line.
    public static func parse(_ text: String, path: String) -> Result<SMTPSettings?, DiagnosticList> {
        let doc: TOMLTable
        switch TOMLReader.document(text, path: path, code: "E-SMTP") {
        case .success(let d): doc = d
        case .failure(let e): return .failure(e)
        }
        var r = TOMLReader(path: path, text: text, code: "E-SMTP")
        guard let t = r.table(doc, "smtp", parent: nil) else {
            return r.diagnostics.isEmpty ? .success(nil) : .failure(DiagnosticList(r.diagnostics))
        }
        r.checkKeys(t, table: "smtp", known: knownKeys)
        let url = r.string(t, "url", table: "smtp")
        let tls = r.string(t, "tls", table: "smtp")
        let username = r.string(t, "username", table: "smtp")
        let caFile = r.string(t, "ca_file", table: "smtp")
        let envelopeFrom = r.string(t, "envelope_from", table: "smtp")
        var security = Security.startTLS
        if let tls, tls != "none" && tls != "required" {
            r.error(table: "smtp", key: "tls", Message(.smtpTls))
        }
        if let url {
            let lower = url.lowercased()
            let rest: Substring
            if lower.hasPrefix("smtps://") {
                security = .implicitTLS
                rest = url.dropFirst(8)
            } else if lower.hasPrefix("smtp://") {
                security = tls == "none" ? .none : .startTLS
                rest = url.dropFirst(7)
            } else {
                r.error(table: "smtp", key: "url", Message(.smtpUrl))
                rest = ""
            }
            let authority = rest.prefix { $0 != "/" }
            if authority.contains("@") {
                r.error(table: "smtp", key: "url", Message(.smtpUrlCredentials))
            } else if !rest.isEmpty || lower.hasPrefix("smtp") {
                let host = authority.split(separator: ":", maxSplits: 1).first ?? ""
                if host.isEmpty || authority.contains(where: { $0 == " " || $0 == "\r" || $0 == "\n" || $0 == "\t" }) {
                    r.error(table: "smtp", key: "url", Message(.smtpNoHost))
                }
            }
            if tls == "none" && security == .implicitTLS {
                r.error(table: "smtp", key: "tls", Message(.smtpTlsContradiction))
            }
        } else {
            r.error(table: "smtp", key: nil, Message(.smtpNoUrl))
        }
        if let username, username.isEmpty || username.contains(where: { $0 == "\r" || $0 == "\n" }) {
            r.error(table: "smtp", key: "username", Message(.smtpUsername))
        }
        if let caFile, caFile.isEmpty { r.error(table: "smtp", key: "ca_file", Message(.smtpCaFile)) }
        if let envelopeFrom, !EmailAddress.isValid(envelopeFrom) {
            r.error(table: "smtp", key: "envelope_from", .notAnAddress(value: envelopeFrom.debugDescription))
        }
        guard r.diagnostics.isEmpty, let url else { return .failure(DiagnosticList(r.diagnostics)) }
        return .success(
            SMTPSettings(url: url, security: security, username: username, caFile: caFile, envelopeFrom: envelopeFrom))
    }
}
