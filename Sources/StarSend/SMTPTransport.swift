import CCurl
import CCurlShim
import Foundation
import StarModel
import StarRules

/// SMTP through libcurl: one easy handle (CurlEasy) for the whole batch, so libcurl keeps the
/// connection (and its TLS session) open from one message to the next. libcurl does EHLO,
/// STARTTLS, AUTH, dot-stuffing and the final `.`; this type only feeds it the bytes and reads
/// the outcome.
final class SMTPTransport {
    enum Outcome: Equatable {
        /// The final 250 after the data.
        case accepted(reply: String)
        /// 5xx for this message.
        case permanent(reply: String)
        /// 4xx, or the connection dropped before the whole message went: worth trying again.
        case temporary(reply: String)
        /// The connection was lost after the whole message went, before the server's final
        /// reply: it may have arrived, so it is not tried again.
        case unknown(Problem)
        /// The server stopped answering mid-transfer for the stall timeout: the batch stops at once.
        /// `mayHaveArrived` when the whole message had gone.
        case stalled(Problem, mayHaveArrived: Bool)
        /// Cannot connect at all (refused, not resolved, no answer within the connect timeout).
        case unreachable(Problem)
        /// AUTH refused (535 and the like).
        case loginRefused(Problem)
        /// No STARTTLS offered, or a certificate that does not verify: never go on in clear text.
        case tlsRefused(Problem, TLSProblem)
        /// libcurl rejects a setting (bad url, unreadable CA file) or an option.
        case badSettings(Problem)
    }

    /// What went wrong, in terms the catalogue explains: libcurl's code (never its English
    /// text, which is kept only to tell a host-name mismatch from an unknown CA) and the server's
    /// own last reply, quoted as it is (escaped, password redacted).
    struct Problem: Equatable {
        var code: Int
        var reply: String
        var reason: Reason
        init(code: Int, reply: String = "", reason: Reason) {
            self.code = code
            self.reply = reply
            self.reason = reason
        }
    }

    /// The libcurl error codes a user can meet, grouped by what the user should check.
    enum Reason: Equatable {
        case resolve, refused, timeout, noStartTLS, handshake, certificate, caFile, url, lost, other
        /// A setter or getter libcurl refused: its name.
        case option(String)

        init(_ result: CURLcode) {
            switch result {
            case CURLE_COULDNT_RESOLVE_HOST: self = .resolve
            case CURLE_COULDNT_CONNECT: self = .refused
            case CURLE_OPERATION_TIMEDOUT: self = .timeout
            case CURLE_USE_SSL_FAILED: self = .noStartTLS
            case CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER: self = .handshake
            case CURLE_PEER_FAILED_VERIFICATION: self = .certificate
            case CURLE_SSL_CACERT_BADFILE: self = .caFile
            case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL, CURLE_NOT_BUILT_IN, CURLE_UNKNOWN_OPTION: self = .url
            case CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING: self = .lost
            default: self = .other
            }
        }
    }

    private let curl: CurlEasy
    private let replies = Replies()
    /// The password and the forms an AUTH exchange sends it in (base64 of it, of the PLAIN
    /// blob `\0user\0password`): a server that echoes them must not get them shown.
    private let secrets: [String]
    private let secret: String?

    enum TLSProblem: Equatable {
        /// The certificate is for another host name than the url's.
        case hostName
        /// The certificate's issuer is not trusted (not in the system store or `ca_file`).
        case unknownCA
        /// The server offers no STARTTLS.
        case noStartTLS
        /// A handshake that failed otherwise.
        case other
    }

    final class Replies { var lines: [String] = [] }
    final class Upload {
        let bytes: [UInt8]
        var offset = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    /// The server has answered on this handle before: a timeout now is a server that stalled.
    private var hadConnection = false
    /// The first setter that failed in `init` (libcurl too old or built without a feature).
    private(set) var setupFailure: Problem?

    private static func problem(_ error: CurlError) -> Problem {
        Problem(code: Int(error.code.rawValue), reason: .option(error.call))
    }

    /// Timeouts in seconds: `connectTimeout` to connect (TCP, and the TLS handshake of smtps://),
    /// `stallTimeout` for each server reply and for a transfer that stops moving.
    init?(settings: SMTPSettings, password: String?, caFile: String?, connectTimeout: Int, stallTimeout: Int) {
        guard let curl = CurlEasy() else { return nil }
        self.curl = curl
        secret = password
        if let password, !password.isEmpty {
            let user = settings.username ?? ""
            secrets = [
                Data("\0\(user)\0\(password)".utf8).base64EncodedString(),
                Data("\(user)\0\(user)\0\(password)".utf8).base64EncodedString(),
                Data(password.utf8).base64EncodedString(), password,
            ]
        } else {
            secrets = []
        }
        do {
            try curl.set(CURLOPT_URL, settings.url)
            try curl.set(CURLOPT_PROTOCOLS_STR, "smtp,smtps")
            let useSSL = settings.security == .none ? CURLUSESSL_NONE : CURLUSESSL_ALL
            try curl.set(CURLOPT_USE_SSL, Int(useSSL.rawValue))
            try curl.set(CURLOPT_SSL_VERIFYPEER, 1)
            try curl.set(CURLOPT_SSL_VERIFYHOST, 2)
            if let caFile { try curl.set(CURLOPT_CAINFO, caFile) }
            if let user = settings.username {
                try curl.set(CURLOPT_USERNAME, user)
                try curl.set(CURLOPT_PASSWORD, password ?? "")
            }
            try curl.set(CURLOPT_UPLOAD, 1)
            try curl.set(CURLOPT_NOSIGNAL, 1)
            try curl.set(CURLOPT_VERBOSE, 0)
            try curl.set(CURLOPT_CONNECTTIMEOUT, connectTimeout)
            try curl.set(CURLOPT_SERVER_RESPONSE_TIMEOUT, stallTimeout)
            try curl.set(CURLOPT_LOW_SPEED_LIMIT, 1)
            try curl.set(CURLOPT_LOW_SPEED_TIME, stallTimeout)
            try curl.set(CURLOPT_HEADERDATA, object: replies)
            // libcurl hands each server reply line to the header callback
            try curl.set(
                CURLOPT_HEADERFUNCTION,
                callback: { buffer, size, count, userdata in
                    guard let buffer, let userdata else { return 0 }
                    let n = size * count
                    let r = Unmanaged<SMTPTransport.Replies>.fromOpaque(userdata).takeUnretainedValue()
                    let text = String(decoding: UnsafeRawBufferPointer(start: buffer, count: n), as: UTF8.self)
                    r.lines.append(text.trimmingSpaces)
                    return n
                })
            try curl.set(
                CURLOPT_READFUNCTION,
                callback: { buffer, size, count, userdata in
                    guard let buffer, let userdata else { return 0 }
                    let up = Unmanaged<SMTPTransport.Upload>.fromOpaque(userdata).takeUnretainedValue()
                    let n = min(size * count, up.bytes.count - up.offset)
                    if n > 0 {
                        up.bytes.withUnsafeBytes { src in
                            UnsafeMutableRawPointer(buffer).copyMemory(from: src.baseAddress! + up.offset, byteCount: n)
                        }
                        up.offset += n
                    }
                    return n
                })
        } catch {
            setupFailure = Self.problem(error)
        }
    }

    /// Sends `bytes` unchanged from `from` to the one recipient `to`.
    func send(_ bytes: [UInt8], from: String, to: String) -> Outcome {
        if let setupFailure { return .badSettings(setupFailure) }
        let upload = Upload(bytes)
        replies.lines = []
        do {
            try curl.set(CURLOPT_MAIL_FROM, "<\(from)>")
            try curl.set(CURLOPT_MAIL_RCPT, list: ["<\(to)>"])
            try curl.set(CURLOPT_INFILESIZE_LARGE, large: Int64(bytes.count))
            try curl.set(CURLOPT_READDATA, object: upload)
        } catch {
            return .badSettings(Self.problem(error))
        }
        let result = curl.perform()
        let code: Int
        do {
            // the list and the message are this transfer's only
            try curl.set(CURLOPT_MAIL_RCPT, list: nil)
            try curl.set(CURLOPT_READDATA, object: nil)
            code = try curl.info(CURLINFO_RESPONSE_CODE)
        } catch {
            return .badSettings(Self.problem(error))
        }
        return outcome(result, code: code, wholeMessageWent: upload.offset == bytes.count)
    }

    /// `send --check`: connects, does STARTTLS and AUTH (libcurl's connection setup for SMTP),
    /// and stops there: no MAIL FROM, nothing sent.
    func check() -> Outcome {
        if let setupFailure { return .badSettings(setupFailure) }
        replies.lines = []
        let result: CURLcode
        let code: Int
        do {
            try curl.set(CURLOPT_UPLOAD, 0)
            try curl.set(CURLOPT_CONNECT_ONLY, 1)
            result = curl.perform()
            code = try curl.info(CURLINFO_RESPONSE_CODE)
        } catch {
            return .badSettings(Self.problem(error))
        }
        return outcome(result, code: code, wholeMessageWent: false)
    }

    /// libcurl's result and the server's last reply code as an outcome.
    private func outcome(_ result: CURLcode, code: Int, wholeMessageWent: Bool) -> Outcome {
        // what the server says is shown: no password, no control characters
        let reply = Escaped.text(redact(lastReply(code: code)))
        defer { if !replies.lines.isEmpty { hadConnection = true } }
        let problem = Problem(code: Int(result.rawValue), reply: reply, reason: Reason(result))
        switch result {
        case CURLE_OK: return .accepted(reply: reply.isEmpty ? "250" : reply)
        case CURLE_LOGIN_DENIED: return .loginRefused(problem)
        case CURLE_USE_SSL_FAILED: return .tlsRefused(problem, .noStartTLS)
        case CURLE_PEER_FAILED_VERIFICATION:
            // OpenSSL's words for a name mismatch, as libcurl reports them (only looked at, never shown)
            let detail = curl.errorText.lowercased()
            let host = ["subject name", "does not match target host", "hostname mismatch"].contains {
                detail.contains($0)
            }
            return .tlsRefused(problem, host ? .hostName : .unknownCA)
        case CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER:
            return .tlsRefused(problem, .other)
        case CURLE_SSL_CACERT_BADFILE, CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL, CURLE_NOT_BUILT_IN,
            CURLE_UNKNOWN_OPTION:
            return .badSettings(problem)
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST: return .unreachable(problem)
        case CURLE_OPERATION_TIMEDOUT:
            // not a word ever, not even a greeting: nobody answers at that address
            if replies.lines.isEmpty && !hadConnection { return .unreachable(problem) }
            return .stalled(problem, mayHaveArrived: code == 354 && wholeMessageWent)
        default:
            // The go-ahead for the data (354) was the last reply and libcurl took every byte:
            // the message may be complete at the server, which then lost the connection
            // before its final reply.
            if code == 354 && wholeMessageWent { return .unknown(problem) }
            // 530: the server wants a login before MAIL FROM
            if code == 530 { return .loginRefused(problem) }
            if (500...599).contains(code) { return .permanent(reply: reply.isEmpty ? "\(code)" : reply) }
            if (400...499).contains(code) { return .temporary(reply: reply.isEmpty ? "\(code)" : reply) }
            return .temporary(reply: "")
        }
    }

    /// The server's last reply line with this code (e.g. `250 2.0.0 OK queued as 1A2B`).
    private func lastReply(code: Int) -> String {
        guard code > 0 else { return replies.lines.last ?? "" }
        let prefix = String(code)
        return replies.lines.last { $0.hasPrefix(prefix) } ?? prefix
    }

    /// Defence in depth: no text from the server or libcurl ever shows the password, as it is
    /// or as the AUTH exchange sent it: the known encodings, and any base64 word that decodes
    /// to text holding the password (an AUTH blob with another authorisation name).
    func redact(_ s: String) -> String {
        guard let secret, !secret.isEmpty else { return s }
        var out = s
        for known in secrets { out = out.replacingOccurrences(of: known, with: "***") }
        let base64 = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")
        let words = out.split { !base64.contains($0) }.map(String.init).filter { $0.count >= 8 }
        for word in Set(words) {
            var padded = word.replacingOccurrences(of: "=", with: "")
            padded += String(repeating: "=", count: (4 - padded.count % 4) % 4)
            if let decoded = Data(base64Encoded: padded), String(decoding: decoded, as: UTF8.self).contains(secret) {
                out = out.replacingOccurrences(of: word, with: "***")
            }
        }
        return out
    }
}
