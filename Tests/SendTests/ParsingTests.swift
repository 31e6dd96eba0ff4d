import Foundation
import StarModel
import StarRules
import Testing

@testable import StarSend

/// The envelope recipient comes from the `To:` header, checked again: exactly one valid address.
@Suite struct RecipientFromTheToHeader {
    @Test(arguments: [
        ("=?UTF-8?B?5biC6LSi5pS/5bGA5py65YWz5YWa5aeU?= <czj@example.gov.cn>", "czj@example.gov.cn"),
        ("\"Quoted, <Name>\" <a.b@example.org>", "a.b@example.org"),
        ("plain@example.org", "plain@example.org"),
        ("  Name <x@y.z>  ", "x@y.z"),
    ])
    func oneValidAddress(value: String, address: String) {
        #expect(EmlFile.singleAddress(value) == .success(address))
    }

    @Test(arguments: [
        "a@b.c, d@e.f", "Name <a@b.c>, Other <d@e.f>", "<a@b.c> <d@e.f>", "Name <a b@c.d>", "Name <a@b.c> trailing",
        "Name <\"a\"@b.c>", "<a@b.c", "a@b.c> x", "Name@x <a@b.c>", "<>", "<a@>", "<@b>", "<a@b@c>", "\"open <a@b.c>",
    ])
    func refused(value: String) {
        guard case .failure = EmlFile.singleAddress(value) else {
            Issue.record("accepted \(value)")
            return
        }
    }

    @Test func undisclosedRecipientsHasNoAddress() {
        #expect(EmlFile.singleAddress(" undisclosed-recipients:;") == .failure(.noAddress))
    }

    @Test func foldedHeadersAreUnfoldedAndTheBodyIsNotRead() {
        let text =
            """
            From: Sender <s@x.org>\r\nTo: =?UTF-8?B?5biC?=\r\n =?UTF-8?B?6LSi?= <to@x.org>\r\nMessage-ID: \
            <1@x>\r\n\r\nTo: evil@x.org\r\n
            """
        let eml = EmlFile(committee: "C", fileName: "summary-C.eml", bytes: Array(text.utf8))
        #expect(eml.recipient == .success("to@x.org"))
        #expect(eml.fromAddress == "s@x.org")
        #expect(eml.messageID == "<1@x>")
        #expect(eml.sha256 == SHA256.hex(Array(text.utf8)))
        let two = EmlFile(committee: "C", fileName: "f", bytes: Array("To: a@b.c\r\nTo: d@e.f\r\n\r\n".utf8))
        #expect(two.recipient == .failure(.severalToHeaders))
        let folded = EmlFile(committee: "C", fileName: "f", bytes: Array("To: a@b.c,\r\n d@e.f\r\n\r\n".utf8))
        #expect(folded.recipient == .failure(.severalAddresses))
    }

    @Test func addrSpec() {
        for good in ["a@b.c", "first.last+tag@sub.example.gov.cn"] { #expect(EmailAddress.isValid(good)) }
        for bad in [
            "", "a", "a@", "@b", "a b@c", "a@b\r\nRCPT TO:<x@y>", "a,b@c", "<a@b>", "\"a\"@b", "a@b@c", "a..b@c",
            "张@例子.中国",
        ] {
            #expect(!EmailAddress.isValid(bad), "\(bad)")
        }
    }
}

@Suite struct SMTPSettingsFromConfig {
    func parse(_ smtp: String) -> Result<SMTPSettings?, DiagnosticList> {
        SMTPSettings.parse("[notice]\nissuer = \"x\"\n\n" + smtp, path: "config.toml")
    }

    @Test func startTLSIsTheDefaultForSmtp() throws {
        let s = try parse(
            """
            [smtp]\nurl = \"smtp://mail.example.org:587\"\nusername = \"u\"\nca_file = \"ca.pem\"\nenvelope_from \
            = \"bounce@example.org\"\n
            """
        ).get()
        #expect(
            s
                == SMTPSettings(
                    url: "smtp://mail.example.org:587", security: .startTLS, username: "u", caFile: "ca.pem",
                    envelopeFrom: "bounce@example.org"))
        #expect(try parse("[smtp]\nurl = \"smtps://mail.example.org:465\"\n").get()?.security == .implicitTLS)
        #expect(
            try parse("[smtp]\nurl = \"smtp://localhost:25\"\ntls = \"none\"\n").get()?.security
                == SMTPSettings.Security.none)
        #expect(try parse("").get() == nil)
    }

    @Test func badSettingsNameTheKeyAndLine() {
        func errors(_ t: String) -> [String] {
            guard case .failure(let l) = parse(t) else { return [] }
            return l.items.in(.en).map(\.rendered)
        }
        #expect(
            errors("[smtp]\nurl = \"http://x\"\n").first?.hasPrefix("config.toml:5: error[E-SMTP]: smtp.url:") == true)
        #expect(errors("[smtp]\nusername = \"u\"\n").count == 1)
        #expect(errors("[smtp]\nurl = \"smtp://u:pw@x:587\"\n").count == 1)
        #expect(
            errors("[smtp]\nurl = \"smtp://x:587\"\npassword = \"pw\"\n").first?.contains("smtp.password: unknown key")
                == true)
        #expect(errors("[smtp]\nurl = \"smtp://x:587\"\ntls = \"off\"\n").count == 1)
        #expect(errors("[smtp]\nurl = \"smtps://x\"\ntls = \"none\"\n").count == 1)
        #expect(errors("[smtp]\nurl = \"smtp://x\"\nenvelope_from = \"a b@c\"\n").count == 1)
    }

    @Test func runAcceptsTheSmtpTable() throws {
        let text =
            """
            [smtp]\nurl = \"smtp://x:587\"\nusername = \"u\"\ntls = \"required\"\nca_file = \"c\"\nenvelope_from \
            = \"a@b.c\"\n
            """
        #expect(throws: Never.self) { try NoticeConfig.parse(text, path: "config.toml").get() }
        guard case .failure = NoticeConfig.parse("[smtp]\nport = 25\n", path: "config.toml") else {
            Issue.record("unknown smtp key accepted")
            return
        }
    }

    @Test func theLogSitsBesideTheReportsFolder() {
        // folders that do not exist (an existing one is resolved to its real path: after
        // `make reports`, reports/2026 does exist in the checkout)
        #expect(SendLog.path(forReports: "no-such-reports/2026/") == "no-such-reports/2026.sent.jsonl")
        #expect(SendLog.path(forReports: "/no-such-folder/r") == "/no-such-folder/r.sent.jsonl")
    }
}

/// The send log after a crash: a line cut short is counted as unreadable, and the next line
/// appended starts on a line of its own.
@Suite struct SendLogAfterACrash {
    @Test func aCutLineIsEndedBeforeTheNextIsAppended() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sendlog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("r.sent.jsonl").path
        try Data("{\"status\":\"accep".utf8).write(to: URL(fileURLWithPath: path))
        let log = try SendLog(path: path)
        #expect(log.entries.isEmpty && log.unreadableLines == 1)
        try log.openForAppend()
        let entry = SendLogEntry(
            status: SendLogEntry.accepted, committee: "C1", file: "summary-C1.eml", messageID: "<m@x>",
            recipient: "c1@example.org", sha256: "00", time: "2026-12-31T09:00:00+08:00", reply: "250 ok")
        try log.append(entry)
        log.close()
        let again = try SendLog(path: path)
        #expect(again.entries == [entry] && again.unreadableLines == 1)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines[2].isEmpty)
    }
}
