import CCurl
import Foundation
import StarModel
import StarRules
import Testing

@testable import StarSend

/// Mail that is right and fails fast (issue 20): the date of sending, bounded timeouts that stop
/// the batch at once, libcurl's errors as catalogue messages, and `send --check`.
@Suite struct TimeoutsAndDates {
    @Test func theDefaultTimeoutsAre15And30Seconds() {
        let plain = Sender(options: SendOptions(reports: "x"), environment: [:])
        #expect(plain.connectTimeout == 15)
        #expect(plain.stallTimeout == 30)
        let tests = Sender(
            options: SendOptions(reports: "x"),
            environment: ["STAR_REPORT_SMTP_CONNECT_TIMEOUT_S": "2", "STAR_REPORT_SMTP_STALL_TIMEOUT_S": "3"])
        #expect(tests.connectTimeout == 2)
        #expect(tests.stallTimeout == 3)
    }

    @Test func onlyTheDateHeaderIsReplaced() {
        let eml = Array(
            "From: a@b.c\r\nDate: Thu, 31 Dec 2026 09:00:00 +0800\r\nTo: d@e.f\r\n\r\nDate: in the body\r\n".utf8)
        let file = EmlFile(committee: "X", fileName: "summary-X.eml", bytes: eml)
        #expect(file.date == "Thu, 31 Dec 2026 09:00:00 +0800")
        let sent = String(decoding: file.bytes(withDate: "Sat, 05 Dec 2026 10:00:00 +0000"), as: UTF8.self)
        #expect(
            sent == "From: a@b.c\r\nDate: Sat, 05 Dec 2026 10:00:00 +0000\r\nTo: d@e.f\r\n\r\nDate: in the body\r\n")
        // folded, and missing
        let folded = EmlFile(
            committee: "X", fileName: "x", bytes: Array("Date: Thu,\n 31 Dec 2026\nTo: d@e.f\n\nbody\n".utf8))
        #expect(String(decoding: folded.bytes(withDate: "D"), as: UTF8.self) == "Date: D\nTo: d@e.f\n\nbody\n")
        let none = EmlFile(committee: "X", fileName: "x", bytes: Array("To: d@e.f\r\n\r\nbody\r\n".utf8))
        #expect(String(decoding: none.bytes(withDate: "D"), as: UTF8.self) == "Date: D\r\nTo: d@e.f\r\n\r\nbody\r\n")
        // RFC 5322 section 3.3
        let d = EmlFile.rfc5322(
            Date(timeIntervalSince1970: 1_796_464_800), timeZone: TimeZone(secondsFromGMT: 8 * 3600)!)
        #expect(d == "Sat, 05 Dec 2026 18:00:00 +0800")
    }
}

/// Every libcurl error a user can meet is a catalogue message that says what to check, in
/// Chinese without libcurl's English, and the server's reply is quoted.
@Suite struct LibcurlErrorsInTheCatalogue {
    @Test(arguments: [
        (CURLE_COULDNT_RESOLVE_HOST, "找不到主机 mail.example.gov.cn"), (CURLE_COULDNT_CONNECT, "对方拒绝连接"),
        (CURLE_OPERATION_TIMEDOUT, "15 秒内没有应答"),
        (CURLE_USE_SSL_FAILED, "服务器不支持 STARTTLS，服务器答复：“454 TLS not available”"),
        (CURLE_SSL_CONNECT_ERROR, "TLS 握手失败"), (CURLE_PEER_FAILED_VERIFICATION, "服务器证书未通过验证"),
        (CURLE_SSL_CACERT_BADFILE, "ca_file /x/ca.pem 不是可用的 CA 证书文件"),
        (CURLE_URL_MALFORMAT, "[smtp] url smtp://mail.example.gov.cn:587 无效"),
        (CURLE_RECV_ERROR, "连接中断，服务器答复：“454 TLS not available”"), (CURLE_WRITE_ERROR, "libcurl 错误码 23"),
    ])
    func saysWhatToCheck(code: CURLcode, expected: String) {
        let sender = Sender(options: SendOptions(reports: "x", language: .zh), environment: [:])
        let settings = SMTPSettings(
            url: "smtp://mail.example.gov.cn:587", security: .startTLS, username: "u", caFile: "/x/ca.pem")
        let p = SMTPTransport.Problem(
            code: Int(code.rawValue), reply: "454 TLS not available", reason: SMTPTransport.Reason(code))
        let text = sender.why(p, settings: settings)
        #expect(text.contains(expected), "\(text)")
        let english = String(cString: curl_easy_strerror(code))
        #expect(!text.contains(english), "\(text)")
        // a setter libcurl refuses is named
        let option = SMTPTransport.Problem(code: 48, reason: .option("CURLOPT_PROTOCOLS_STR"))
        #expect(sender.why(option, settings: settings).contains("不接受设置 CURLOPT_PROTOCOLS_STR（错误码 48）"))
    }
}

@Suite(.serialized) struct MailThatFailsFast {
    /// Short timeouts for the tests (the defaults are tested above).
    let fast = ["STAR_REPORT_SMTP_CONNECT_TIMEOUT_S": "2", "STAR_REPORT_SMTP_STALL_TIMEOUT_S": "2"]

    @Test func aSilentServerStopsTheBatchAtOnceWith69() throws {
        let dir = try temporaryDirectory("silent")
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try SMTPServer(spool: dir.appendingPathComponent("spool"), ["--hang"])
        defer { server.stop() }
        let reports = try makeReports(in: dir, port: server.port)
        let start = Date()
        let r = try star(["send", "--reports", reports.path, "--yes"], env: fast)
        let elapsed = Date().timeIntervalSince(start)
        #expect(r.status == 69, "\(r.err)")
        #expect(elapsed < 60)
        #expect(elapsed < 15, "took \(elapsed) s")
        // one try, not one per message, nor retries
        #expect(server.events.filter { $0["event"] as? String == "connect" }.count == 1)
        #expect(r.err.contains("cannot reach the mail server"), "\(r.err)")
        #expect(r.err.contains("no answer within 2 s"), "\(r.err)")
        #expect(r.err.contains("stopped at CZJ; the other 5 message(s) were not sent"), "\(r.err)")
        #expect(!r.err.contains("Timeout was reached") && !r.err.contains("timed out"), "\(r.err)")
        #expect(sendLog(reports).isEmpty)
    }

    @Test func aServerThatStallsMidBatchStopsItWith75NamingTheMessage() throws {
        let dir = try temporaryDirectory("stall")
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try SMTPServer(spool: dir.appendingPathComponent("spool"), ["--hang-after", "2"])
        defer { server.stop() }
        let reports = try makeReports(in: dir, port: server.port)
        let start = Date()
        let r = try star(["send", "--reports", reports.path, "--yes"], env: fast)
        let elapsed = Date().timeIntervalSince(start)
        #expect(r.status == 75, "\(r.err)")
        #expect(elapsed < 60, "took \(elapsed) s")
        #expect(server.messages.count == 2)
        // the third message (JYJ) stalled; it was neither retried nor followed by the others
        #expect(server.events.filter { $0["event"] as? String == "mail" }.count == 3)
        #expect(r.err.contains("the mail server did not answer for 2 s"), "\(r.err)")
        #expect(r.err.contains("stopped at JYJ; the other 2 message(s) were not sent"), "\(r.err)")
        #expect(r.err.contains("2 sent, 0 skipped, 3 failed"), "\(r.err)")
        let log = sendLog(reports)
        #expect(log.filter { $0["status"] as? String == "accepted" }.count == 2)
        #expect(log.contains { $0["committee"] as? String == "JYJ" && $0["status"] as? String == "deferred" })
    }

    @Test func theMessageIsDatedWhenItIsSentAndTheFileKeepsItsDate() throws {
        let dir = try temporaryDirectory("date")
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try SMTPServer(spool: dir.appendingPathComponent("spool"))
        defer { server.stop() }
        let reports = try makeReports(in: dir, port: server.port)
        let before = try emls(reports)
        let r = try star(["send", "--reports", reports.path, "--yes"])
        #expect(r.status == 0, "\(r.err)")
        #expect(try emls(reports) == before)
        let parse = DateFormatter()
        parse.locale = Locale(identifier: "en_US_POSIX")
        parse.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let log = sendLog(reports)
        #expect(server.messages.count == 5)
        for m in server.messages {
            let sent = try #require(header("Date", of: m.bytes))
            let date = try #require(parse.date(from: sent), "not an RFC 5322 date: \(sent)")
            #expect(abs(date.timeIntervalSinceNow) < 60, "Date: \(sent)")
            let committee = try #require(addresses.first { $0.value == m.rcpt.first }?.key)
            let own = try #require(header("Date", of: before[committee]!))
            #expect(own != sent)
            #expect(
                abs((parse.date(from: own) ?? Date()).timeIntervalSinceNow) > 120, "the .eml's date is the notice date")
            let entry = try #require(log.first { $0["committee"] as? String == committee })
            #expect(entry["eml_date"] as? String == own)
            #expect(entry["sent_date"] as? String == sent)
        }
    }

    @Test func checkConnectsDoesSTARTTLSAndAUTHAndSendsNothing() throws {
        let dir = try temporaryDirectory("check")
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try SMTPServer(spool: dir.appendingPathComponent("spool"))
        defer { server.stop() }
        let reports = try makeReports(in: dir, port: server.port)
        let r = try star(["send", "--check", "--reports", reports.path])
        #expect(r.status == 0, "\(r.err)")
        #expect(
            r.out.contains(
                """
                the settings work: connected to smtp://127.0.0.1:\(server.port) (STARTTLS required) and logged in \
                as star
                """
            ), "\(r.all)")
        let events = server.events
        #expect(events.contains { $0["event"] as? String == "ehlo" && $0["tls"] as? Bool == true })
        #expect(events.contains { $0["event"] as? String == "auth" && $0["ok"] as? Bool == true })
        #expect(!events.contains { $0["event"] as? String == "mail" })
        #expect(server.messages.isEmpty)
        #expect(sendLog(reports).isEmpty)
        #expect(!r.all.contains(testPassword))
        // the config alone, no reports folder
        let config = dir.appendingPathComponent("input/config.toml")
        let alone = try star(["send", "--check", "--config", config.path])
        #expect(alone.status == 0, "\(alone.err)")

        let wrong = "Wrong-Pw-check-4242"
        let w = try star(["send", "--check", "--reports", reports.path], password: wrong)
        #expect(w.status == 77, "\(w.err)")
        #expect(w.err.contains("refused the login (user star): 535"), "\(w.err)")
        #expect(!w.all.contains(wrong))
        #expect(!server.events.contains { $0["event"] as? String == "mail" })
        #expect(server.messages.isEmpty)
    }

    @Test func aLibcurlErrorIsAChineseCatalogueMessage() throws {
        let dir = try temporaryDirectory("zh-error")
        defer { try? FileManager.default.removeItem(at: dir) }
        let port = unusedPort()
        let reports = try makeReports(in: dir, port: port)
        let r = try star(["send", "--check", "--reports", reports.path], env: ["STAR_REPORT_LANG": "zh"])
        #expect(r.status == 69, "\(r.err)")
        #expect(r.err.contains("无法连接邮件服务器 smtp://127.0.0.1:\(port)：对方拒绝连接：请检查 [smtp] url 中的主机名和端口"), "\(r.err)")
        // no libcurl English in the Chinese lines
        for english in ["Couldn't", "connect to server", "Failed to connect", "Connection refused"] {
            #expect(!r.err.contains(english), "\(r.err)")
        }
        let send = try star(["send", "--reports", reports.path, "--yes"], env: ["STAR_REPORT_LANG": "zh"])
        #expect(send.status == 69, "\(send.err)")
        #expect(send.err.contains("对方拒绝连接"), "\(send.err)")
        #expect(send.err.contains("已在 CZJ 处停止"), "\(send.err)")
        #expect(!send.err.contains("Couldn't") && !send.err.contains("Failed to connect"), "\(send.err)")
        // a host that does not resolve
        let cfg = dir.appendingPathComponent("bad-host.toml")
        try "[smtp]\nurl = \"smtp://no-such-host.invalid:587\"\nusername = \"star\"\n".write(
            to: cfg, atomically: true, encoding: .utf8)
        let host = try star(["send", "--check", "--config", cfg.path], env: ["STAR_REPORT_LANG": "zh"])
        #expect(host.status == 69, "\(host.err)")
        #expect(host.err.contains("找不到主机 no-such-host.invalid"), "\(host.err)")
        #expect(!host.err.contains("resolve"), "\(host.err)")
    }
}
