import Foundation
import StarModel

/// One `summary-<committee>.eml` as `run` wrote it: the exact bytes, and what the envelope needs
/// from its headers. Nothing here rewrites the message.
public struct EmlFile: Sendable {
    public var committee: String
    public var fileName: String
    public var bytes: [UInt8]
    public var sha256: String
    public var messageID: String?
    /// The envelope recipient, or why there is none.
    public var recipient: Result<String, AddressProblem>
    /// The `From:` address, the default envelope sender.
    public var fromAddress: String?

    public init(committee: String, fileName: String, bytes: [UInt8]) {
        self.committee = committee
        self.fileName = fileName
        self.bytes = bytes
        sha256 = SHA256.hex(bytes)
        let headers = Self.headers(bytes)
        messageID = headers.first { $0.name == "message-id" }?.value.trimmingSpaces
        let to = headers.filter { $0.name == "to" }
        switch to.count {
        case 0: recipient = .failure(.noToHeader)
        case 1: recipient = Self.singleAddress(to[0].value)
        default: recipient = .failure(.severalToHeaders)
        }
        if let from = headers.first(where: { $0.name == "from" }), case .success(let a) = Self.singleAddress(from.value)
        {
            fromAddress = a
        }
    }

    /// The `Date:` the file carries (run's deterministic notice date), unfolded and trimmed.
    public var date: String? { Self.headers(bytes).first { $0.name == "date" }?.value.trimmingSpaces }

    /// The bytes to send: the file's, with its `Date:` header (and any continuation lines of it)
    /// replaced by `Date: <date>`, the moment of sending (docs/outputs.md: Date is the time of
    /// sending). Every other byte is the file's; with no `Date:` header, one is put first. The
    /// line ending is the file's own.
    public func bytes(withDate date: String) -> [UInt8] {
        let crlf = bytes.firstIndex(of: 0x0A).map { $0 > 0 && bytes[$0 - 1] == 0x0D } ?? true
        let line = Array(("Date: " + date + (crlf ? "\r\n" : "\n")).utf8)
        var i = 0
        while i < bytes.count {
            var j = i
            while j < bytes.count && bytes[j] != 0x0A { j += 1 }
            let end = min(j + 1, bytes.count)
            let text = bytes[i..<end]
            if text.first == 0x0A || (text.first == 0x0D && text.count <= 2) { break }  // end of the header section
            if text.count >= 5, String(decoding: text.prefix(5), as: UTF8.self).lowercased() == "date:" {
                // the header and its continuation lines
                var k = end
                while k < bytes.count, bytes[k] == 0x20 || bytes[k] == 0x09 {
                    while k < bytes.count && bytes[k] != 0x0A { k += 1 }
                    k = min(k + 1, bytes.count)
                }
                return Array(bytes[..<i]) + line + Array(bytes[k...])
            }
            i = end
        }
        return line + bytes
    }

    /// `date` in the form of RFC 5322 section 3.3, e.g. `Sat, 05 Dec 2026 14:03:09 +0800`, in
    /// this computer's time zone.
    public static func rfc5322(_ date: Date, timeZone: TimeZone = .current) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = timeZone
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return f.string(from: date)
    }

    public enum AddressProblem: Error, Equatable, Sendable {
        case noToHeader, severalToHeaders
        /// `undisclosed-recipients:;`: config.toml gives the committee no address.
        case noAddress
        case severalAddresses
        case invalid(String)
    }

    /// The header section, unfolded (continuation lines joined), names lower-cased.
    static func headers(_ bytes: [UInt8]) -> [(name: String, value: String)] {
        var lines: [String] = []
        var i = 0
        while i < bytes.count {
            var j = i
            while j < bytes.count && bytes[j] != 0x0A { j += 1 }
            var end = j
            if end > i && bytes[end - 1] == 0x0D { end -= 1 }
            let line = String(decoding: bytes[i..<end], as: UTF8.self)
            i = j + 1
            if line.isEmpty { break }
            if let f = line.first, f == " " || f == "\t", !lines.isEmpty {
                lines[lines.count - 1] += line
            } else {
                lines.append(line)
            }
        }
        return lines.compactMap { l in
            guard let colon = l.firstIndex(of: ":") else { return nil }
            return (String(l[..<colon]).trimmingSpaces.lowercased(), String(l[l.index(after: colon)...]))
        }
    }

    /// The one address of a mailbox header value: `Display Name <addr>`, `"Quoted" <addr>`,
    /// `=?UTF-8?B?…?= <addr>` or a bare `addr`. Quoted strings are skipped while scanning, so a
    /// quote can hide neither a comma nor an angle bracket.
    public static func singleAddress(_ value: String) -> Result<String, AddressProblem> {
        let v = value.trimmingSpaces
        if v.hasSuffix(";") && v.contains(":") && !v.contains("@") { return .failure(.noAddress) }
        var inQuote = false
        var escaped = false
        var angle: String?
        var current: String?
        var outside = ""
        var afterAngle = false
        for ch in v {
            if var c = current {
                if ch == ">" {
                    angle = c
                    current = nil
                    afterAngle = true
                    continue
                }
                if ch == "<" { return .failure(.invalid(v)) }
                c.append(ch)
                current = c
                continue
            }
            if inQuote {
                if escaped {
                    escaped = false
                } else if ch == "\\" {
                    escaped = true
                } else if ch == "\"" {
                    inQuote = false
                }
                continue
            }
            switch ch {
            case "\"":
                if afterAngle { return .failure(.invalid(v)) }
                inQuote = true
            case "<":
                if angle != nil || afterAngle { return .failure(.severalAddresses) }
                current = ""
            case ",": return .failure(.severalAddresses)
            case ">": return .failure(.invalid(v))
            default:
                if afterAngle && ch != " " && ch != "\t" { return .failure(.invalid(v)) }
                outside.append(ch)
            }
        }
        if inQuote || current != nil { return .failure(.invalid(v)) }
        let address: String
        if let angle {
            // a display name may not carry address syntax of its own
            if outside.contains(where: { "@<>,;:[]()\\".contains($0) }) { return .failure(.invalid(v)) }
            address = angle
        } else {
            address = outside.trimmingSpaces
        }
        guard !address.isEmpty else { return .failure(.noAddress) }
        guard EmailAddress.isValid(address) else { return .failure(.invalid(address)) }
        return .success(address)
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
