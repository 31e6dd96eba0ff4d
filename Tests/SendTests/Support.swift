import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

let sendTestsDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

/// The password the tests give the client and the server; it must appear in no output.
let testPassword = "Pw-7f3c9e-never-shown"

struct Ran {
    var status: Int32
    var out: String
    var err: String
    var all: String { out + err }
}

/// Runs the built `star-report` binary with stdin not a terminal, short backoff and timeouts.
func star(_ args: [String], env: [String: String] = [:], password: String? = testPassword) throws -> Ran {
    var environment = [
        "STAR_REPORT_LANG": "en", "STAR_REPORT_SMTP_BACKOFF_MS": "20",
        "STAR_REPORT_SMTP_CONNECT_TIMEOUT_S": "10", "STAR_REPORT_SMTP_STALL_TIMEOUT_S": "10",
        "STAR_REPORT_SMTP_PASSWORD": password ?? "",
    ]
    for (k, v) in env { environment[k] = v }
    let r = try runProcess(starReportBinary, args, environment: environment)
    return Ran(status: r.status, out: r.outText, err: r.errText)
}

func temporaryDirectory(_ name: String) throws -> URL { try temporaryFolder("star-report-send-\(name)") }

struct TestError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// A self-signed certificate for 127.0.0.1, made once per test run with openssl (in .build/, made
/// anew each run, so no run leaves one behind in the temporary folder).
let certificate: Result<(cert: String, key: String), TestError> = {
    do {
        let dir = repoRoot.appendingPathComponent(".build/send-tests-cert")
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let cert = dir.appendingPathComponent("cert.pem").path
        let key = dir.appendingPathComponent("key.pem").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1", "-addext",
            "subjectAltName=IP:127.0.0.1",
        ]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            return .failure(TestError("openssl req failed (\(p.terminationStatus))"))
        }
        return .success((cert, key))
    } catch {
        return .failure(TestError("cannot run openssl: \(error)"))
    }
}()

/// The loopback SMTP server of smtp_server.py (aiosmtpd): STARTTLS and AUTH unless told otherwise.
final class SMTPServer {
    let process: Process
    let stdin: Pipe
    let port: Int
    let spool: URL

    init(spool: URL, password: String = testPassword, port: Int? = nil, _ extra: [String] = []) throws {
        let (cert, key) = try certificate.get()
        self.spool = spool
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments =
            [
                "python3", sendTestsDir.appendingPathComponent("smtp_server.py").path, "--spool", spool.path,
                "--cert", cert, "--key", key, "--user", "star", "--password", password,
            ] + (port.map { ["--port", String($0)] } ?? []) + extra
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        process = p
        stdin = input
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty {
                let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                throw TestError("smtp_server.py did not start (is aiosmtpd installed? `make test` installs it): \(e)")
            }
            line.append(chunk)
        }
        guard let json = try JSONSerialization.jsonObject(with: line.prefix { $0 != 0x0A }) as? [String: Any],
            let port = json["port"] as? Int
        else {
            throw TestError("smtp_server.py said \(String(decoding: line, as: UTF8.self))")
        }
        self.port = port
        // keep stderr from filling up
        err.fileHandleForReading.readabilityHandler = { h in _ = h.availableData }
    }

    func stop() {
        guard process.isRunning else { return }
        try? stdin.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    deinit { stop() }

    /// The messages received: recipients, sender and the bytes as they arrived.
    var messages: [(rcpt: [String], from: String, tls: Bool, bytes: Data)] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: spool.path)) ?? []).filter {
            $0.hasSuffix(".eml")
        }.sorted()
        return names.compactMap { name in
            let base = spool.appendingPathComponent(String(name.dropLast(4)))
            guard
                let meta = try? JSONSerialization.jsonObject(
                    with: Data(contentsOf: base.appendingPathExtension("json"))) as? [String: Any],
                let bytes = try? Data(contentsOf: base.appendingPathExtension("eml"))
            else { return nil }
            return (
                meta["rcpt_tos"] as? [String] ?? [], meta["mail_from"] as? String ?? "", meta["tls"] as? Bool ?? false,
                bytes
            )
        }
    }

    var events: [[String: Any]] {
        guard let data = FileManager.default.contents(atPath: spool.appendingPathComponent("events.jsonl").path) else {
            return []
        }
        return data.split(separator: 0x0A).compactMap {
            try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any]
        }
    }
}

/// A port nothing listens on (bound and released at once).
func unusedPort() -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    addr.sin_port = 0
    var len = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
    _ = withUnsafeMutablePointer(to: &addr) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
    }
    return Int(UInt16(bigEndian: addr.sin_port))
}

/// SampleData 2026 copied to `dir/input` with an `[smtp]` table for `port` (and `edit` applied to
/// its config.toml), then `star-report run` into `dir/reports`. Returns the reports folder.
func makeReports(in dir: URL, port: Int, smtp: String? = nil, edit: (String) -> String = { $0 }) throws -> URL {
    let input = dir.appendingPathComponent("input")
    try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("SampleData/2026"), to: input)
    let config = input.appendingPathComponent("config.toml")
    let (cert, _) = try certificate.get()
    let table =
        smtp ?? """
            [smtp]
            url = "smtp://127.0.0.1:\(port)"
            username = "star"
            ca_file = "\(cert)"
            """
    let text = edit(try String(contentsOf: config, encoding: .utf8)) + "\n" + table + "\n"
    try text.write(to: config, atomically: true, encoding: .utf8)
    let reports = dir.appendingPathComponent("reports")
    let r = try star(["run", "--input", input.path, "--output", reports.path])
    guard r.status == 0 else { throw TestError("run failed: \(r.err)") }
    return reports
}

/// committee id → the bytes of its summary-<id>.eml.
func emls(_ reports: URL) throws -> [String: Data] {
    var out: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: reports.path)
    where name.hasPrefix("summary-") && name.hasSuffix(".eml") {
        out[String(name.dropFirst(8).dropLast(4))] = try Data(contentsOf: reports.appendingPathComponent(name))
    }
    return out
}

let addresses = [
    "CZJ": "czj-jgdw@example.gov.cn", "GAJ": "gaj-jgdw@example.gov.cn", "JYJ": "jyj-jgdw@example.gov.cn",
    "WJW": "wjw-jgdw@example.gov.cn", "ZJJ": "zjj-jgdw@example.gov.cn",
]

/// The send log's lines.
func sendLog(_ reports: URL) -> [[String: Any]] {
    guard let data = FileManager.default.contents(atPath: reports.path + ".sent.jsonl") else { return [] }
    return data.split(separator: 0x0A).compactMap {
        try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any]
    }
}

func sendLogText(_ reports: URL) -> String {
    String(decoding: FileManager.default.contents(atPath: reports.path + ".sent.jsonl") ?? Data(), as: UTF8.self)
}

/// The message as the server got it, less any header the server put in front (none here, but
/// a relay adds Received: lines).
func withoutAddedHeaders(_ d: Data) -> Data {
    var data = d
    while let first = String(data: data.prefix(16), encoding: .ascii),
        first.lowercased().hasPrefix("received:") || first.lowercased().hasPrefix("x-peer:")
    {
        guard let nl = data.firstIndex(of: 0x0A) else { break }
        data = data.suffix(from: data.index(after: nl))
        while let f = data.first, f == 0x20 || f == 0x09, let nl2 = data.firstIndex(of: 0x0A) {
            data = data.suffix(from: data.index(after: nl2))
        }
    }
    return Data(data)
}

/// Every committee received exactly one message, byte-identical to its .eml.
func expectEachCommitteeGotItsMessageOnce(
    _ server: SMTPServer, _ reports: URL, committees: [String]? = nil,
    from: String = "szgw-zzb@example.gov.cn", sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws {
    let files = try emls(reports)
    let expected = committees ?? files.keys.sorted()
    let got = server.messages
    #expect(
        got.count == expected.count, "server got \(got.count) messages, expected \(expected.count)",
        sourceLocation: sourceLocation)
    for c in expected {
        let mine = got.filter { $0.rcpt == [addresses[c]!] }
        #expect(mine.count == 1, "\(c) got \(mine.count) messages", sourceLocation: sourceLocation)
        if let m = mine.first {
            // the Date: header is the moment of sending; every other byte is the file's
            #expect(
                withoutDate(withoutAddedHeaders(m.bytes)) == files[c].map(withoutDate),
                "\(c)'s message differs from summary-\(c).eml",
                sourceLocation: sourceLocation)
            #expect(m.tls, "\(c)'s message went without TLS", sourceLocation: sourceLocation)
            #expect(m.from == from, sourceLocation: sourceLocation)
        }
    }
}

/// The message less its `Date:` header line (the one header `send` sets: the time of sending).
func withoutDate(_ d: Data) -> Data {
    var out = Data()
    var inHeader = true
    for line in d.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
        let text = line.element
        if inHeader && (text.isEmpty || text == Data([0x0D])) { inHeader = false }
        if inHeader, String(decoding: text.prefix(5), as: UTF8.self).lowercased() == "date:" { continue }
        if line.offset > 0 { out.append(0x0A) }
        out.append(contentsOf: text)
    }
    return out
}

/// The value of the first `name:` header of a message.
func header(_ name: String, of d: Data) -> String? {
    // by bytes: a String holds CRLF as one Character
    for line in d.split(separator: 0x0A, omittingEmptySubsequences: false) {
        let l = String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
        if l.isEmpty { return nil }
        if l.lowercased().hasPrefix(name.lowercased() + ":") {
            return String(l.dropFirst(name.count + 1)).trimmingCharacters(in: .whitespaces)
        }
    }
    return nil
}
