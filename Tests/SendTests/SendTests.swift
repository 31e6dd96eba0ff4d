import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `star-report send` against a real SMTP server on loopback (aiosmtpd, STARTTLS with a
/// certificate made by openssl, AUTH), each test with its own port and folders.
@Suite(.serialized) struct SendAgainstALoopbackServer {
    @Test func everyCommitteeGetsExactlyItsMessageAndASecondSendSendsNothing() throws {
        let dir = try temporaryDirectory("deliver")
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try SMTPServer(spool: dir.appendingPathComponent("spool"))
        defer { server.stop() }
        let reports = try makeReports(in: dir, port: server.port)

        let first = try star(["send", "--reports", reports.path, "--yes"])
        #expect(first.status == 0, "\(first.err)")
        #expect(first.err.contains("5 sent, 0 skipped, 0 failed"))
        try expectEachCommitteeGotItsMessageOnce(server, reports)
        // one connection, one TLS handshake, one login for the whole batch
        #expect(server.events.filter { $0["event"] as? String == "auth" }.count == 1)
        #expect(server.events.filter { $0["event"] as? String == "ehlo" && $0["tls"] as? Bool == true }.count == 1)

        let log = sendLog(reports)
        #expect(log.count == 5)
        let files = try emls(reports)
        for line in log {
            let c = line["committee"] as? String ?? ""
            #expect(line["status"] as? String == "accepted")
            #expect(line["recipient"] as? String == addresses[c])
            #expect((line["reply"] as? String ?? "").hasPrefix("250 "))
            #expect((line["message_id"] as? String ?? "").hasSuffix(".2026.\(c)@star-report.invalid>"))
            #expect((line["sha256"] as? String)?.count == 64)
            #expect(line["time"] is String)
            #expect(files[c] != nil)
        }

        let second = try star(["send", "--reports", reports.path, "--yes"])
        #expect(second.status == 0, "\(second.err)")
        #expect(second.err.contains("0 sent, 5 skipped, 0 failed"))
        #expect(server.messages.count == 5)

        // the reports written again with the same content: still nothing to send
        let rerun = try star(["run", "--input", dir.appendingPathComponent("input").path, "--output", reports.path])
        #expect(rerun.status == 0, "\(rerun.err)")
        let third = try star(["send", "--reports", reports.path + "/", "--yes"])
        #expect(third.status == 0)
        #expect(third.err.contains("0 sent, 5 skipped, 0 failed"))
        #expect(server.messages.count == 5)

        for text in [first.all, second.all, third.all, sendLogText(reports)] { #expect(!text.contains(testPassword)) }
    }

    @Test func aChangedMessageIsListedAndSentAgainOnlyWithOnly() throws {
        let dir = try temporaryDirectory("changed")
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try SMTPServer(spool: dir.appendingPathComponent("spool"))
        defer { server.stop() }
        let reports = try makeReports(in: dir, port: server.port)
        #expect(try star(["send", "--reports", reports.path, "--yes"]).status == 0)

        let file = reports.appendingPathComponent("summary-CZJ.eml")
        var bytes = try Data(contentsOf: file)
        bytes.append(contentsOf: Array("\r\n".utf8))
        try bytes.write(to: file)
        let again = try star(["send", "--reports", reports.path, "--yes"])
        #expect(again.status == 0, "\(again.err)")
        #expect(again.out.contains("changed since it was sent"))
        #expect(again.err.contains("--only CZJ"))
        #expect(again.err.contains("0 sent, 5 skipped, 0 failed"))
        #expect(server.messages.count == 5)

        let only = try star(["send", "--reports", reports.path, "--only", "CZJ", "--yes"])
        #expect(only.status == 0, "\(only.err)")
        #expect(only.err.contains("1 sent, 0 skipped, 0 failed"))
        let czj = server.messages.filter { $0.rcpt == [addresses["CZJ"]!] }
        #expect(czj.count == 2)
        #expect(czj.last.map { withoutDate($0.bytes) } == withoutDate(bytes))
        // now the log knows the new content
        #expect(try star(["send", "--reports", reports.path, "--yes"]).err.contains("0 sent, 5 skipped, 0 failed"))
        #expect(try star(["send", "--reports", reports.path, "--only", "NOPE", "--yes"]).status == 64)
    }

    @Test func a550ForOneRecipientIsRecordedAndTheOthersStillGo() throws {
        let dir = try temporaryDirectory("550")
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try SMTPServer(spool: dir.appendingPathComponent("spool"), ["--reject", addresses["GAJ"]!])
        defer { server.stop() }
        let reports = try makeReports(in: dir, port: server.port)
        let r = try star(["send", "--reports", reports.path, "--yes"])
        #expect(r.status == 75, "\(r.err)")
        #expect(r.err.contains("refused GAJ → gaj-jgdw@example.gov.cn: 550"))
        #expect(r.err.contains("4 sent, 0 skipped, 1 failed"))
        try expectEachCommitteeGotItsMessageOnce(server, reports, committees: ["CZJ", "JYJ", "WJW", "ZJJ"])
        let log = sendLog(reports)
        #expect(log.filter { $0["status"] as? String == "accepted" }.count == 4)
        let refused = log.filter { $0["status"] as? String == "refused" }
        #expect(refused.count == 1)
        #expect(refused.first?["committee"] as? String == "GAJ")
        let reply = refused.first?["reply"] as? String ?? ""
        #expect(reply.hasPrefix("550"))
        // a refused message is tried again next time; the delivered ones are not
        let again = try star(["send", "--reports", reports.path, "--yes"])
        #expect(again.status == 75)
        #expect(again.err.contains("0 sent, 4 skipped, 1 failed"))
        #expect(server.messages.count == 4)
    }

    @Test func a451IsRetriedWithBackoffThenAccepted() throws {
        let dir = try temporaryDirectory("451")
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try SMTPServer(
            spool: dir.appendingPathComponent("spool"), ["--tempfail", addresses["JYJ"]!, "--tempfail-count", "2"])
        defer { server.stop() }
        let reports = try makeReports(in: dir, port: server.port)
        let r = try star(["send", "--reports", reports.path, "--yes"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.err.contains("JYJ: 451 4.3.0 try again later; retry 1 in 20 ms"))
        #expect(r.err.contains("JYJ: 451 4.3.0 try again later; retry 2 in 40 ms"))
        #expect(r.err.contains("5 sent, 0 skipped, 0 failed"))
        try expectEachCommitteeGotItsMessageOnce(server, reports)
    }

    @Test func aTemporaryFailureThatLastsIsBoundedAndExits75() throws {
        let dir = try temporaryDirectory("451-lasting")
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try SMTPServer(
            spool: dir.appendingPathComponent("spool"), ["--tempfail", addresses["JYJ"]!, "--tempfail-count", "100"])
        defer { server.stop() }
        let reports = try makeReports(in: dir, port: server.port)
        let r = try star(["send", "--reports", reports.path, "--yes"], env: ["STAR_REPORT_SMTP_RETRIES": "2"])
        #expect(r.status == 75, "\(r.err)")
        #expect(r.err.contains("retry 2"))
        #expect(!r.err.contains("retry 3"))
        #expect(r.err.contains("4 sent, 0 skipped, 1 failed"))
        #expect(
            sendLog(reports).contains { $0["status"] as? String == "deferred" && $0["committee"] as? String == "JYJ" })
        try expectEachCommitteeGotItsMessageOnce(server, reports, committees: ["CZJ", "GAJ", "WJW", "ZJJ"])
    }

    /// A connection lost after the whole message went, before the server's final reply: the
    /// message may have arrived. It is recorded as `unknown`, not tried again (neither now nor
    /// by a later send) unless `--only` names it, and the closing and plan lines say so.
    @Test func aConnectionLostAfterTheDataIsUnknownAndNotSentAgain() throws {
        let dir = try temporaryDirectory("drop")
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try SMTPServer(spool: dir.appendingPathComponent("spool"), ["--drop-at", "3"])
        defer { server.stop() }
        let (cert, _) = try certificate.get()
        let reports = try makeReports(
            in: dir, port: server.port,
            smtp: """
                [smtp]
                url = "smtp://127.0.0.1:\(server.port)"
                username = "star"
                ca_file = "\(cert)"
                envelope_from = "bounces@example.gov.cn"
                """)
        let r = try star(["send", "--reports", reports.path, "--yes"])
        #expect(r.status == 75, "\(r.err)")
        #expect(!r.err.contains("retry"), "\(r.err)")
        #expect(r.err.contains("delivery unknown JYJ → jyj-jgdw@example.gov.cn"), "\(r.err)")
        #expect(r.err.contains("4 sent, 0 skipped, 1 failed"), "\(r.err)")
        #expect(
            r.err.contains("1 message(s) went out but the connection was lost") && r.err.contains("--only JYJ"),
            "\(r.err)")
        #expect(server.events.filter { $0["event"] as? String == "dropped" }.count == 1)
        #expect(
            sendLog(reports).contains { $0["status"] as? String == "unknown" && $0["committee"] as? String == "JYJ" })
        try expectEachCommitteeGotItsMessageOnce(
            server, reports, committees: ["CZJ", "GAJ", "WJW", "ZJJ"], from: "bounces@example.gov.cn")

        // a later send does not send it again, and says why
        let again = try star(["send", "--reports", reports.path, "--yes"])
        #expect(again.status == 0, "\(again.err)")
        #expect(again.out.contains("delivery unknown (connection lost after the message went"), "\(again.out)")
        #expect(again.err.contains("0 sent, 5 skipped, 0 failed") && again.err.contains("--only JYJ"), "\(again.err)")
        #expect(server.events.filter { $0["event"] as? String == "dropped" }.count == 1)
        #expect(
            server.events.filter { $0["event"] as? String == "rcpt" && $0["address"] as? String == addresses["JYJ"] }
                .count == 1)

        // --only sends it on purpose
        let only = try star(["send", "--reports", reports.path, "--only", "JYJ", "--yes"])
        #expect(only.status == 0, "\(only.err)")
        try expectEachCommitteeGotItsMessageOnce(server, reports, from: "bounces@example.gov.cn")
        #expect(try star(["send", "--reports", reports.path, "--yes"]).err.contains("0 sent, 5 skipped, 0 failed"))
    }

    @Test func aServerGoneMidBatchResumesWithoutDuplicates() throws {
        let dir = try temporaryDirectory("resume")
        defer { try? FileManager.default.removeItem(at: dir) }
        let spool = dir.appendingPathComponent("spool")
        let failing = try SMTPServer(spool: spool, ["--fail-after", "2"])
        let reports = try makeReports(in: dir, port: failing.port)
        let first = try star(["send", "--reports", reports.path, "--yes"], env: ["STAR_REPORT_SMTP_RETRIES": "1"])
        #expect(first.status == 75, "\(first.err)")
        #expect(first.err.contains("2 sent, 0 skipped, 3 failed"))
        #expect(failing.messages.count == 2)
        #expect(sendLog(reports).filter { $0["status"] as? String == "accepted" }.count == 2)
        failing.stop()

        let server = try SMTPServer(spool: spool, port: failing.port)
        defer { server.stop() }
        let second = try star(["send", "--reports", reports.path, "--yes"])
        #expect(second.status == 0, "\(second.err)")
        #expect(second.err.contains("3 sent, 2 skipped, 0 failed"))
        try expectEachCommitteeGotItsMessageOnce(server, reports)
    }

    @Test func aWrongPasswordExits77AndIsNeverShown() throws {
        let dir = try temporaryDirectory("login")
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try SMTPServer(spool: dir.appendingPathComponent("spool"))
        defer { server.stop() }
        let reports = try makeReports(in: dir, port: server.port)
        let wrong = "Wrong-Pw-31337-secret"
        let r = try star(["send", "--reports", reports.path, "--yes"], password: wrong)
        #expect(r.status == 77, "\(r.err)")
        #expect(r.err.contains("refused the login"))
        #expect(r.err.contains("0 sent, 0 skipped, 5 failed"))
        #expect(server.messages.isEmpty)
        #expect(!server.events.contains { $0["event"] as? String == "mail" })
        #expect(!r.all.contains(wrong))
        #expect(!sendLogText(reports).contains(wrong))
        #expect(sendLog(reports).isEmpty)
    }

    @Test func nothingListeningExits69() throws {
        let dir = try temporaryDirectory("unreachable")
        defer { try? FileManager.default.removeItem(at: dir) }
        let reports = try makeReports(in: dir, port: unusedPort())
        let start = Date()
        let r = try star(["send", "--reports", reports.path, "--yes"])
        #expect(r.status == 69, "\(r.err)")
        #expect(r.err.contains("cannot reach the mail server"))
        #expect(Date().timeIntervalSince(start) < 20)
        #expect(!r.all.contains(testPassword))
        #expect(sendLog(reports).isEmpty)
    }

    @Test func aServerWithoutSTARTTLSIsRefusedAndNothingIsSent() throws {
        let dir = try temporaryDirectory("no-starttls")
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try SMTPServer(spool: dir.appendingPathComponent("spool"), ["--no-starttls"])
        defer { server.stop() }
        let reports = try makeReports(in: dir, port: server.port)
        let r = try star(["send", "--reports", reports.path, "--yes"])
        #expect(r.status == 69, "\(r.err)")
        #expect(r.err.contains("refusing to send in clear text"))
        #expect(server.messages.isEmpty)
        let kinds = Set(server.events.compactMap { $0["event"] as? String })
        #expect(!kinds.contains("auth") && !kinds.contains("mail"), "\(kinds)")
        #expect(!r.all.contains(testPassword))
    }

    @Test func aCertificateThatDoesNotVerifyIsRefused() throws {
        let dir = try temporaryDirectory("untrusted")
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try SMTPServer(spool: dir.appendingPathComponent("spool"))
        defer { server.stop() }
        // no ca_file: the test certificate is not in the system store
        let reports = try makeReports(
            in: dir, port: server.port, smtp: "[smtp]\nurl = \"smtp://127.0.0.1:\(server.port)\"\nusername = \"star\"")
        let r = try star(["send", "--reports", reports.path, "--yes"])
        #expect(r.status == 69, "\(r.err)")
        #expect(r.err.contains("ca_file"))
        #expect(server.messages.isEmpty)
        #expect(!server.events.contains { $0["event"] as? String == "auth" })
    }

    /// The hint names what is wrong: another host name than the certificate's, or a ca_file
    /// (already set) that did not sign it; never "set ca_file" when it is set.
    @Test func theCertificateHintTellsAWrongHostFromAnUnknownCA() throws {
        let dir = try temporaryDirectory("cert-hint")
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try SMTPServer(spool: dir.appendingPathComponent("spool"))
        defer { server.stop() }
        let (cert, _) = try certificate.get()
        // the certificate is for 127.0.0.1; the url says localhost
        let reports = try makeReports(
            in: dir, port: server.port,
            smtp: "[smtp]\nurl = \"smtp://localhost:\(server.port)\"\nusername = \"star\"\nca_file = \"\(cert)\"")
        let host = try star(["send", "--reports", reports.path, "--yes"])
        #expect(host.status == 69, "\(host.err)")
        #expect(
            host.err.contains("for another host name than the one in smtp://localhost:\(server.port)"), "\(host.err)")
        #expect(!host.err.contains("set [smtp] ca_file"), "\(host.err)")
        // a ca_file that did not sign the server's certificate
        let other = dir.appendingPathComponent("other.toml")
        let bundle = "/etc/ssl/certs/ca-certificates.crt"
        if FileManager.default.isReadableFile(atPath: bundle) {
            try "[smtp]\nurl = \"smtp://127.0.0.1:\(server.port)\"\nusername = \"star\"\nca_file = \"\(bundle)\"\n"
                .write(to: other, atomically: true, encoding: .utf8)
            let ca = try star(["send", "--reports", reports.path, "--config", other.path, "--yes"])
            #expect(ca.status == 69, "\(ca.err)")
            #expect(ca.err.contains("not signed by the CA in [smtp] ca_file \(bundle)"), "\(ca.err)")
            #expect(!ca.err.contains("set [smtp] ca_file"), "\(ca.err)")
        }
        #expect(server.messages.isEmpty)
        #expect(!server.events.contains { $0["event"] as? String == "auth" })
    }

    /// A hand-edited .eml (To: changed, Bcc: added) is not the bytes run wrote: refused and
    /// named, the others go; `--only` sends it on purpose.
    @Test func aHandEditedMessageIsRefusedUnlessOnlyNamesIt() throws {
        let dir = try temporaryDirectory("edited")
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try SMTPServer(spool: dir.appendingPathComponent("spool"))
        defer { server.stop() }
        let reports = try makeReports(in: dir, port: server.port)
        let file = reports.appendingPathComponent("summary-GAJ.eml")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(addresses["GAJ"]!))
        let edited = text.replacingOccurrences(of: addresses["GAJ"]!, with: "someone@example.org")
            .replacingOccurrences(of: "\r\nSubject:", with: "\r\nBcc: spy@example.org\r\nSubject:")
        #expect(edited.contains("Bcc: spy@example.org"))
        try edited.write(to: file, atomically: false, encoding: .utf8)
        let r = try star(["send", "--reports", reports.path, "--yes"])
        #expect(r.status == 75, "\(r.err)")
        #expect(r.err.contains("not sent GAJ: differs from what run wrote") && r.err.contains("--only GAJ"), "\(r.err)")
        #expect(r.err.contains("4 sent, 0 skipped, 1 failed"), "\(r.err)")
        #expect(!server.events.contains { ($0["address"] as? String ?? "").hasSuffix("example.org") })
        try expectEachCommitteeGotItsMessageOnce(server, reports, committees: ["CZJ", "JYJ", "WJW", "ZJJ"])
        // without a manifest nothing can be told to be run's: nothing goes without --only
        let manifest = reports.appendingPathComponent(".star-report-manifest.json")
        let saved = try Data(contentsOf: manifest)
        try FileManager.default.removeItem(at: manifest)
        let none = try star(["send", "--reports", reports.path, "--dry-run"])
        #expect(none.out.contains("has no .star-report-manifest.json"), "\(none.out)")
        try saved.write(to: manifest)
        // on purpose
        let only = try star(["send", "--reports", reports.path, "--only", "GAJ", "--yes"])
        #expect(only.status == 0, "\(only.err)")
        #expect(server.messages.contains { $0.rcpt == ["someone@example.org"] })
    }

    /// `--reports` through a symbolic link uses the same log; a log that is a link is an error,
    /// never followed.
    @Test func theSendLogIsFoundByRealPathAndNeverFollowed() throws {
        let dir = try temporaryDirectory("log-link")
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try SMTPServer(spool: dir.appendingPathComponent("spool"))
        defer { server.stop() }
        let reports = try makeReports(in: dir, port: server.port)
        #expect(try star(["send", "--reports", reports.path, "--yes"]).status == 0)
        let link = dir.appendingPathComponent("latest")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "reports")
        let viaLink = try star(["send", "--reports", link.path + "/", "--yes"])
        #expect(viaLink.status == 0, "\(viaLink.err)")
        #expect(viaLink.err.contains("0 sent, 5 skipped, 0 failed"), "\(viaLink.err)")
        #expect(!FileManager.default.fileExists(atPath: link.path + ".sent.jsonl"))
        #expect(server.messages.count == 5)

        // the log replaced by a link to another file: refused, the file untouched
        let log = reports.path + ".sent.jsonl"
        let elsewhere = dir.appendingPathComponent("elsewhere.jsonl")
        try FileManager.default.moveItem(atPath: log, toPath: elsewhere.path)
        let before = try Data(contentsOf: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: log, withDestinationPath: elsewhere.path)
        for args in [["--yes"], ["--dry-run"]] {
            let r = try star(["send", "--reports", reports.path] + args)
            #expect(r.status == 74, "\(r.err)")
            #expect(r.err.contains("is a symbolic link"), "\(r.err)")
        }
        // a link to nowhere is not created through either
        try FileManager.default.removeItem(atPath: log)
        try FileManager.default.createSymbolicLink(
            atPath: log, withDestinationPath: dir.path + "/created-through-link.jsonl")
        #expect(try star(["send", "--reports", reports.path, "--yes"]).status == 74)
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/created-through-link.jsonl"))
        #expect(try Data(contentsOf: elsewhere) == before)
        #expect(server.messages.count == 5)
    }

    /// Server text reaches the terminal with its control characters escaped (no ESC/OSC
    /// sequence), and a 535 that echoes the AUTH exchange shows no credentials.
    @Test func serverTextIsEscapedAndTheAuthExchangeNeverEchoed() throws {
        let dir = try temporaryDirectory("hostile-server")
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try SMTPServer(
            spool: dir.appendingPathComponent("spool"), ["--reply-text", " \\x1b]0;owned\\x07\\x1b[2J", "--echo-auth"])
        defer { server.stop() }
        let reports = try makeReports(in: dir, port: server.port)
        let r = try star(["send", "--reports", reports.path, "--yes"])
        #expect(r.status == 0, "\(r.err)")
        #expect(!r.all.contains("\u{1B}") && !r.all.contains("\u{07}"), "\(r.err)")
        #expect(r.err.contains("queued as Q001 \\x1B]0;owned\\x07\\x1B[2J"), "\(r.err)")

        let wrong = "Wrong-Pw-31337-secret"
        let refused = try star(["send", "--reports", reports.path, "--only", "CZJ", "--yes"], password: wrong)
        #expect(refused.status == 77, "\(refused.err)")
        #expect(refused.err.contains("535 5.7.8 authentication failed for ***"), "\(refused.err)")
        let blob = Data("\0star\0\(wrong)".utf8).base64EncodedString()
        #expect(!refused.all.contains(blob) && !refused.all.contains(wrong), "\(refused.err)")
        #expect(!sendLogText(reports).contains(blob))
    }

    @Test func aDryRunPrintsThePlanAndSendsNothing() throws {
        let dir = try temporaryDirectory("dry")
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try SMTPServer(spool: dir.appendingPathComponent("spool"))
        defer { server.stop() }
        let reports = try makeReports(in: dir, port: server.port)
        let r = try star(["send", "--reports", reports.path, "--dry-run"], env: ["STAR_REPORT_LANG": ""])
        #expect(r.status == 0, "\(r.err)")
        for (c, a) in addresses {
            #expect(
                r.out.contains { _ in true }
                    && r.out.split(separator: "\n").contains {
                        $0.contains(c) && $0.contains(a) && $0.contains("KiB") && $0.contains("发送")
                    })
        }
        #expect(r.out.contains("STARTTLS"))
        #expect(r.err.contains("试运行"))
        #expect(server.events.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: reports.path + ".sent.jsonl"))

        // no terminal and no --yes: refused with a hint
        let noYes = try star(["send", "--reports", reports.path])
        #expect(noYes.status == 64)
        #expect(noYes.err.contains("--yes"))
        #expect(server.events.isEmpty)

        // SampleData's own reports, which have no [smtp] yet: the plan all the same
        let plain = dir.appendingPathComponent("plain")
        #expect(try star(["run", "--input", "SampleData/2026", "--output", plain.path]).status == 0)
        let p = try star(["send", "--reports", plain.path, "--dry-run"])
        #expect(p.status == 0, "\(p.err)")
        #expect(p.out.contains("czj-jgdw@example.gov.cn"))
        #expect(p.err.contains("no [smtp] table"))
    }

    @Test func aCommitteeWithoutAddressIsNotSentAndCountsAsFailed() throws {
        let dir = try temporaryDirectory("no-address")
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try SMTPServer(spool: dir.appendingPathComponent("spool"))
        defer { server.stop() }
        let reports = try makeReports(in: dir, port: server.port) {
            $0.replacingOccurrences(of: "[committees.WJW]\nemail = \"wjw-jgdw@example.gov.cn\"\n", with: "")
        }
        let r = try star(["send", "--reports", reports.path, "--yes"])
        #expect(r.status == 75, "\(r.err)")
        #expect(r.out.contains("cannot send: no address"))
        #expect(r.err.contains("4 sent, 0 skipped, 1 failed"))
        try expectEachCommitteeGotItsMessageOnce(server, reports, committees: ["CZJ", "GAJ", "JYJ", "ZJJ"])
    }

    @Test func smtpsSpeaksTLSFromTheFirstByte() throws {
        let dir = try temporaryDirectory("smtps")
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try SMTPServer(spool: dir.appendingPathComponent("spool"), ["--implicit-tls"])
        defer { server.stop() }
        let (cert, _) = try certificate.get()
        let reports = try makeReports(
            in: dir, port: server.port,
            smtp: "[smtp]\nurl = \"smtps://127.0.0.1:\(server.port)\"\nusername = \"star\"\nca_file = \"\(cert)\"")
        let r = try star(["send", "--reports", reports.path, "--yes"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("TLS from the start"))
        try expectEachCommitteeGotItsMessageOnce(server, reports)
    }

    @Test func aSecondSendOfTheSameFolderAtOnceExits75() throws {
        let dir = try temporaryDirectory("lock")
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try SMTPServer(spool: dir.appendingPathComponent("spool"))
        defer { server.stop() }
        let reports = try makeReports(in: dir, port: server.port)
        // hold the log's lock as a running send does
        let fd = open(reports.path + ".sent.jsonl", O_WRONLY | O_CREAT | O_APPEND, 0o644)
        #expect(flock(fd, LOCK_EX) == 0)
        let r = try star(["send", "--reports", reports.path, "--yes"])
        close(fd)
        #expect(r.status == 75, "\(r.err)")
        #expect(r.err.contains("another star-report send"))
        #expect(server.messages.isEmpty)
        #expect(try star(["send", "--reports", reports.path, "--yes"]).status == 0)
        #expect(server.messages.count == 5)
    }

    @Test func badSettingsExit65() throws {
        let dir = try temporaryDirectory("settings")
        defer { try? FileManager.default.removeItem(at: dir) }
        let reports = try makeReports(
            in: dir, port: 25, smtp: "[smtp]\nurl = \"http://127.0.0.1:25\"\nusername = \"star\"")
        let r = try star(["send", "--reports", reports.path, "--yes"])
        #expect(r.status == 65)
        #expect(r.err.contains("error[E-SMTP]: smtp.url"))
        // a username without STAR_REPORT_SMTP_PASSWORD
        let cfg = dir.appendingPathComponent("other.toml")
        try "[smtp]\nurl = \"smtp://127.0.0.1:25\"\nusername = \"star\"\n".write(
            to: cfg, atomically: true, encoding: .utf8)
        let np = try star(["send", "--reports", reports.path, "--config", cfg.path, "--yes"], password: nil)
        #expect(np.status == 65)
        #expect(np.err.contains("STAR_REPORT_SMTP_PASSWORD"))
        // a password in the url is refused, and not echoed
        try "[smtp]\nurl = \"smtp://star:\(testPassword)@127.0.0.1:25\"\n".write(
            to: cfg, atomically: true, encoding: .utf8)
        let inURL = try star(["send", "--reports", reports.path, "--config", cfg.path, "--yes"])
        #expect(inURL.status == 65)
        #expect(!inURL.err.contains(testPassword))
    }
}
