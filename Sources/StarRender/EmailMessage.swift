import Foundation
import StarModel

/// An RFC 5322 / MIME message ready to send: the committee summary as UTF-8 text/plain with the
/// HTML notice attached. Headers with Chinese are RFC 2047 encoded-words; the Message-ID and Date
/// are derived from the content and the notice date, so the same input gives the same file.
public struct EmailMessage {
    public var fromName: String
    public var fromAddress: String
    public var toName: String
    /// nil when the committee has no address in config.toml (a warning says so).
    public var toAddress: String?
    public var subject: String
    public var date: CivilDate
    public var body: String
    public var attachmentName: String
    public var attachment: String
    /// Makes the Message-ID unique per committee and year.
    public var idHint: String

    public init(
        fromName: String, fromAddress: String, toName: String, toAddress: String?, subject: String, date: CivilDate,
        body: String, attachmentName: String, attachment: String, idHint: String
    ) {
        self.fromName = fromName
        self.fromAddress = fromAddress
        self.toName = toName
        self.toAddress = toAddress
        self.subject = subject
        self.date = date
        self.body = body
        self.attachmentName = attachmentName
        self.attachment = attachment
        self.idHint = idHint
    }

    /// `=?UTF-8?B?…?=` words of at most 75 characters, folded onto continuation lines.
    static func encodedWords(_ text: String, always: Bool = false) -> String {
        if !always && text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) && !text.contains("=?") { return text }
        // 45 bytes of UTF-8 → 60 base64 characters + 12 of wrapper = 72 ≤ 75; never split a character.
        var words: [String] = []
        var chunk: [UInt8] = []
        for ch in text {
            let bytes = Array(String(ch).utf8)
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words.joined(separator: "\r\n ")
    }

    /// `"Name" <address>` or `=?UTF-8?B?…?= <address>`. A name comes from the data (a committee's
    /// name in a submission), so it is never written as it is: letters, digits and spaces go
    /// between quotes, anything else is encoded, and no character of it can end the header or
    /// add a recipient (`attacker@evil.cn, Boss` stays one display name). The address was
    /// checked as an addr-spec when config.toml was read.
    static func mailbox(_ name: String, _ address: String) -> String {
        let clean = String(
            String.UnicodeScalarView(name.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 })
        )
        .trimmingCharacters(in: .whitespaces)
        if clean.isEmpty { return "<\(address)>" }
        let plain = clean.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x20
        }
        return (plain ? "\"\(clean)\"" : encodedWords(clean, always: true)) + " <\(address)>"
    }

    static func base64Body(_ text: String) -> String {
        Data(text.utf8).base64EncodedString(options: [
            .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
        ])
    }

    /// RFC 5322 date of the notice day, 09:00 China Standard Time.
    var dateHeader: String {
        let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(days[date.weekday]), \(date.day) \(months[date.month - 1]) \(date.year) 09:00:00 +0800"
    }

    /// The message with CRLF line ends.
    public var rendered: String {
        let digest = SHA256.hex(Array((idHint + body).utf8))
        let boundary = "=_star-report_" + digest.prefix(24)
        let to = toAddress.map { Self.mailbox(toName, $0) } ?? "undisclosed-recipients:;"
        let lines = [
            "From: " + Self.mailbox(fromName, fromAddress),
            "To: " + to,
            "Subject: " + Self.encodedWords(subject),
            "Date: " + dateHeader,
            "Message-ID: <\(digest.prefix(32)).\(idHint)@star-report.invalid>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"\(boundary)\"",
            "",
            "This is a MIME message: the summary in UTF-8 text, the public notice attached.",
            "",
            "--" + boundary,
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: base64",
            "",
            Self.base64Body(body),
            "--" + boundary,
            "Content-Type: text/html; charset=UTF-8; name=\"\(attachmentName)\"",
            "Content-Disposition: attachment; filename=\"\(attachmentName)\"",
            "Content-Transfer-Encoding: base64",
            "",
            Self.base64Body(attachment),
            "--" + boundary + "--",
            "",
        ]
        return lines.joined(separator: "\r\n")
    }
}
