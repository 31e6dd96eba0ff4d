import CCurl
import CCurlShim
import Foundation
import StarModel
import StarRules

/// SMTP through libcurl: one easy handle for the whole batch, so libcurl keeps the connection
/// (and its TLS session) open from one message to the next. libcurl does EHLO, STARTTLS, AUTH,
/// dot-stuffing and the final `.`; this type only feeds it the bytes and reads the outcome.
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
        case unknown(String)
        /// Cannot connect at all.
        case unreachable(String)
        /// AUTH refused (535 and the like).
        case loginRefused(String)
        /// No STARTTLS offered, or a certificate that does not verify: never go on in clear text.
        case tlsRefused(String, TLSProblem)
        /// libcurl rejects a setting (bad url, unreadable CA file).
        case badSettings(String)
    }

    private let handle: UnsafeMutableRawPointer
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
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
        /// No STARTTLS, or a handshake that failed otherwise.
        case other
    }

    final class Replies { var lines: [String] = [] }
    final class Upload {
        let bytes: [UInt8]
        var offset = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    /// Timeouts in seconds: `STAR_REPORT_SMTP_TIMEOUT_S` (default 60) for connecting and for each
    /// server reply.
    init?(settings: SMTPSettings, password: String?, caFile: String?, timeout: Int) {
        _ = Self.globalInit
        guard let h = curl_easy_init() else { return nil }
        handle = h
        secret = password
        if let password, !password.isEmpty {
            let user = settings.username ?? ""
            secrets = [
                Data("\0\(user)\0\(password)".utf8).base64EncodedString(), Data("\(user)\0\(user)\0\(password)".utf8).base64EncodedString(),
                Data(password.utf8).base64EncodedString(), password,
            ]
        } else {
            secrets = []
        }
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        star_setopt_string(h, CURLOPT_URL, settings.url)
        star_setopt_string(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps")
        let useSSL = settings.security == .none ? CURLUSESSL_NONE : CURLUSESSL_ALL
        star_setopt_long(h, CURLOPT_USE_SSL, Int(useSSL.rawValue))
        star_setopt_long(h, CURLOPT_SSL_VERIFYPEER, 1)
        star_setopt_long(h, CURLOPT_SSL_VERIFYHOST, 2)
        if let caFile { star_setopt_string(h, CURLOPT_CAINFO, caFile) }
        if let user = settings.username {
            star_setopt_string(h, CURLOPT_USERNAME, user)
            star_setopt_string(h, CURLOPT_PASSWORD, password ?? "")
        }
        star_setopt_long(h, CURLOPT_UPLOAD, 1)
        star_setopt_long(h, CURLOPT_NOSIGNAL, 1)
        star_setopt_long(h, CURLOPT_VERBOSE, 0)
        star_setopt_long(h, CURLOPT_CONNECTTIMEOUT, timeout)
        star_setopt_long(h, CURLOPT_SERVER_RESPONSE_TIMEOUT, timeout)
        star_setopt_long(h, CURLOPT_LOW_SPEED_LIMIT, 1)
        star_setopt_long(h, CURLOPT_LOW_SPEED_TIME, timeout)
        star_setopt_pointer(h, CURLOPT_ERRORBUFFER, errorBuffer)
        star_setopt_pointer(h, CURLOPT_HEADERDATA, Unmanaged.passUnretained(replies).toOpaque())
        // libcurl hands each server reply line to the header callback
        star_setopt_header_function(h) { buffer, size, count, userdata in
            guard let buffer, let userdata else { return 0 }
            let n = size * count
            let r = Unmanaged<SMTPTransport.Replies>.fromOpaque(userdata).takeUnretainedValue()
            let text = String(decoding: UnsafeRawBufferPointer(start: buffer, count: n), as: UTF8.self)
            r.lines.append(text.trimmingSpaces)
            return n
        }
        star_setopt_read_function(h) { buffer, size, count, userdata in
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
        }
    }

    private static let globalInit: Void = { _ = star_curl_global_init() }()

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// Sends `bytes` unchanged from `from` to the one recipient `to`.
    func send(_ bytes: [UInt8], from: String, to: String) -> Outcome {
        let upload = Upload(bytes)
        replies.lines = []
        errorBuffer[0] = 0
        var rcpt: UnsafeMutablePointer<curl_slist>? = curl_slist_append(nil, "<\(to)>")
        defer { curl_slist_free_all(rcpt); rcpt = nil }
        star_setopt_string(handle, CURLOPT_MAIL_FROM, "<\(from)>")
        star_setopt_pointer(handle, CURLOPT_MAIL_RCPT, rcpt)
        star_setopt_off(handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(bytes.count))
        let ref = Unmanaged.passRetained(upload)
        defer { ref.release() }
        star_setopt_pointer(handle, CURLOPT_READDATA, ref.toOpaque())
        let result = curl_easy_perform(handle)
        star_setopt_pointer(handle, CURLOPT_MAIL_RCPT, nil)
        var code = 0
        star_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &code)
        // what the server or libcurl says is shown: no password, no control characters
        let reply = Escaped.text(redact(lastReply(code: code)))
        let detail = Escaped.text(redact(errorText(result)))
        switch result {
        case CURLE_OK: return .accepted(reply: reply.isEmpty ? "250" : reply)
        case CURLE_LOGIN_DENIED: return .loginRefused(reply.isEmpty ? detail : reply)
        case CURLE_USE_SSL_FAILED: return .tlsRefused(detail, .other)
        case CURLE_PEER_FAILED_VERIFICATION:
            // OpenSSL's words for a name mismatch, as libcurl reports them
            let host = ["subject name", "does not match target host", "hostname mismatch"].contains { detail.lowercased().contains($0) }
            return .tlsRefused(detail, host ? .hostName : .unknownCA)
        case CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER:
            return .tlsRefused(detail, .other)
        case CURLE_SSL_CACERT_BADFILE, CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL, CURLE_NOT_BUILT_IN:
            return .badSettings(detail)
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST: return .unreachable(detail)
        case CURLE_OPERATION_TIMEDOUT where code == 0: return .unreachable(detail)
        default:
            // The go-ahead for the data (354) was the last reply and libcurl took every byte:
            // the message may be complete at the server, which then lost the connection
            // before its final reply.
            if code == 354 && upload.offset == bytes.count { return .unknown(detail) }
            // 530: the server wants a login before MAIL FROM
            if code == 530 { return .loginRefused(reply) }
            if (500...599).contains(code) { return .permanent(reply: reply.isEmpty ? "\(code)" : reply) }
            if (400...499).contains(code) { return .temporary(reply: reply.isEmpty ? "\(code)" : reply) }
            return .temporary(reply: detail)
        }
    }

    /// The server's last reply line with this code (e.g. `250 2.0.0 OK queued as 1A2B`).
    private func lastReply(code: Int) -> String {
        guard code > 0 else { return replies.lines.last ?? "" }
        let prefix = String(code)
        return replies.lines.last { $0.hasPrefix(prefix) } ?? prefix
    }

    private func errorText(_ result: CURLcode) -> String {
        let own = String(cString: errorBuffer)
        return own.isEmpty ? String(cString: curl_easy_strerror(result)) : own
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
