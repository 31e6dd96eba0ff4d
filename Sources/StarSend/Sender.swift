import Foundation
import StarModel
import StarPlatform
import StarRules

#if canImport(Glibc)
    import Glibc
#endif

/// `star-report send` (docs/outputs.md, "Sending the committee e-mails").
///
/// Exit codes: 0 every message accepted or skipped; 75 some message failed (temporarily after the
/// retries, permanently with a 5xx, or could not be sent at all, e.g. no address), or the server
/// stopped answering mid-batch (the batch stops there at once); 69 the server cannot be reached
/// (refused, not found, no answer within the connect timeout: the batch stops at once) or offers
/// no secure connection; 77 the login is refused; 65 bad settings; 64 bad usage (also: no
/// terminal and no `--yes`); 66 no reports folder. `--check` uses the same codes.
public struct SendOptions: Sendable {
    public var reports: String
    public var config: String?
    public var only: [String]?
    public var dryRun: Bool
    public var yes: Bool
    public var language: SendLanguage
    /// `--check`: connect, STARTTLS and AUTH, send nothing.
    public var check: Bool

    public init(
        reports: String, config: String? = nil, only: [String]? = nil, dryRun: Bool = false, yes: Bool = false,
        language: SendLanguage = .zh,
        check: Bool = false
    ) {
        self.reports = reports
        self.config = config
        self.only = only
        self.dryRun = dryRun
        self.yes = yes
        self.language = language
        self.check = check
    }
}

public struct Sender {
    let options: SendOptions
    let console: Console
    let environment: [String: String]

    public init(
        options: SendOptions, console: Console = .standard,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.options = options
        self.console = console
        self.environment = environment
    }

    enum Action {
        case send, resend
        case alreadySent(SendLogEntry)
        case changed(SendLogEntry)
        /// The log says the connection was lost after this message went: it may have arrived.
        case unknown(SendLogEntry)
        case cannotSend(String)
    }

    struct Item {
        var eml: EmlFile
        var action: Action
        var recipient: String? { try? eml.recipient.get() }
    }

    /// Bounded retries: `STAR_REPORT_SMTP_RETRIES` (default 3) more tries per message after the
    /// first, waiting `STAR_REPORT_SMTP_BACKOFF_MS` (default 5000) doubled each time, and never more
    /// than 5 minutes of waiting for one message.
    var retries: Int { min(max(Int(environment["STAR_REPORT_SMTP_RETRIES"] ?? "") ?? 3, 0), 10) }
    var backoffMS: Int { min(max(Int(environment["STAR_REPORT_SMTP_BACKOFF_MS"] ?? "") ?? 5000, 0), 60_000) }
    /// Timeouts (docs/outputs.md, "Sending the committee e-mails"):
    /// `STAR_REPORT_SMTP_CONNECT_TIMEOUT_S` (default 15) to connect,
    /// `STAR_REPORT_SMTP_STALL_TIMEOUT_S` (default 30) for a server that stops answering.
    var connectTimeout: Int {
        Self.seconds(environment["STAR_REPORT_SMTP_CONNECT_TIMEOUT_S"], default: Self.defaultConnectTimeout)
    }
    var stallTimeout: Int {
        Self.seconds(environment["STAR_REPORT_SMTP_STALL_TIMEOUT_S"], default: Self.defaultStallTimeout)
    }
    static let defaultConnectTimeout = 15, defaultStallTimeout = 30
    /// A libcurl session for the server, or nil (after saying so) when libcurl cannot start one.
    func transport(_ settings: SMTPSettings, password: String?) -> SMTPTransport? {
        let transport = SMTPTransport(
            settings: settings, password: password, caFile: settings.caFile, connectTimeout: connectTimeout,
            stallTimeout: stallTimeout)
        if transport == nil { console.err("star-report: " + text(.sendCurlInitFailed)) }
        return transport
    }

    static func seconds(_ value: String?, default d: Int) -> Int { min(max(Int(value ?? "") ?? d, 1), 600) }
    static let maxWaitPerMessageMS = 300_000

    public func run() -> ExitStatus {
        if options.check, let config = options.config, options.reports.isEmpty {
            return checkSettings(configPath: config)
        }
        var dir = options.reports
        while dir.count > 1 && dir.hasSuffix("/") { dir.removeLast() }
        var isDir: ObjCBool = false
        guard !dir.isEmpty, FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            console.err("star-report: " + text(.sendReportsNotFound(dir: dir)))
            return .noInput
        }
        // the messages
        let names = ((try? PlatformFile.names(in: dir)) ?? [])
            .filter { $0.hasPrefix("summary-") && $0.hasSuffix(".eml") }.sorted()
        // --check needs only the settings, not the messages
        guard !names.isEmpty || options.check else {
            console.err("star-report: " + text(.sendNoMessages(dir: dir)))
            return .noInput
        }
        var emls: [EmlFile] = []
        for name in names {
            let path = dir + "/" + name
            let bytes: [UInt8]
            do {
                bytes = try PlatformFile.contents(of: path, followLink: true)
            } catch {
                let reason: any MessageArgument =
                    switch error {
                    case .notRegular: Message(.fileNotRegular)
                    case .system(let e): PlatformFile.reason(e)
                    }
                console.err("star-report: " + text(.cannotRead(path: Escaped.text(path), reason: reason)))
                return .noInput
            }
            let committee = String(name.dropFirst("summary-".count).dropLast(".eml".count))
            emls.append(EmlFile(committee: committee, fileName: name, bytes: bytes))
        }
        let only = options.only.map { Set($0) }
        if let only {
            for id in only.sorted() where !emls.contains(where: { $0.committee == id }) {
                console.err("star-report: " + text(.sendUnknownOnly(id: id, dir: dir)))
                return .usage
            }
            emls = emls.filter { only.contains($0.committee) }
        }

        // the settings
        let configPath: String
        if let c = options.config {
            configPath = c
        } else {
            switch Self.configFromResults(dir) {
            case .found(let c): configPath = c
            case .missing(let listed):
                console.err("star-report: " + text(.sendConfigNotFoundFromResults(path: listed, dir: dir)))
                return .dataError
            case .notListed:
                if options.dryRun { return plan(dir: dir, emls: emls, settings: nil, configPath: nil, only: only) }
                console.err("star-report: " + text(.sendNoConfigListed(dir: dir)))
                return .dataError
            }
        }
        guard let configData = FileManager.default.contents(atPath: configPath) else {
            console.err("star-report: " + text(.sendConfigNotFound(path: configPath)))
            return .dataError
        }
        let settings: SMTPSettings
        switch SMTPSettings.parse(String(decoding: configData, as: UTF8.self), path: configPath) {
        case .failure(let list):
            for d in list.items { console.err(d.rendered) }
            return .dataError
        case .success(nil):
            if options.dryRun {
                let status = plan(dir: dir, emls: emls, settings: nil, configPath: configPath, only: only)
                console.err(text(.sendDryRunNoSMTP(path: configPath)))
                return status
            }
            console.err("star-report: " + text(.sendNoSMTP(path: configPath)))
            return .dataError
        case .success(let s?): settings = s
        }
        var caFile = settings.caFile
        if let c = caFile, !c.hasPrefix("/") {
            // relative to the config file's folder
            caFile = ((configPath as NSString).deletingLastPathComponent as NSString).appendingPathComponent(c)
        }
        if let c = caFile, !FileManager.default.isReadableFile(atPath: c) {
            console.err("star-report: " + text(.sendCaFileUnreadable(path: c)))
            return .dataError
        }
        var s = settings
        s.caFile = caFile
        if options.check { return check(s) }
        return plan(dir: dir, emls: emls, settings: s, configPath: configPath, only: only)
    }

    /// Where results.json says the config.toml `run` read is.
    enum ConfigLookup: Equatable {
        /// A file that is there.
        case found(String)
        /// Listed, but found nowhere: the path to pass with `--config` (the absolute one).
        case missing(String)
        /// results.json lists no config.toml, and none is beside its inputs.
        case notListed
    }

    /// The config.toml that `run` read, as listed in results.json: at its absolute path (the
    /// path as given in a results.json of an older run, which has none), else a config.toml
    /// beside one of the inputs listed there (the config file moved, the submissions did not).
    static func configFromResults(_ dir: String) -> ConfigLookup {
        guard let data = FileManager.default.contents(atPath: dir + "/results.json"),
            let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let inputs = json["inputs"] as? [[String: Any]]
        else { return .notListed }
        let fm = FileManager.default
        func isFile(_ p: String) -> Bool {
            var isDir: ObjCBool = false
            return fm.fileExists(atPath: p, isDirectory: &isDir) && !isDir.boolValue
        }
        let config = inputs.first { $0["kind"] as? String == "config" }
        // a path as given is relative to the folder `run` ran in: used only without the absolute one
        func place(_ input: [String: Any]?) -> String? { (input?["absolute_path"] ?? input?["path"]) as? String }
        let listed = place(config)
        if let listed, isFile(listed) { return .found(listed) }
        // beside the inputs: their folders, each once, in results.json's order
        var folders: [String] = []
        for input in inputs {
            guard let p = place(input) else { continue }
            let folder = (p as NSString).deletingLastPathComponent
            if !folder.isEmpty && !folders.contains(folder) { folders.append(folder) }
        }
        let name = listed.map { ($0 as NSString).lastPathComponent } ?? "config.toml"
        for folder in folders {
            let candidate = (folder as NSString).appendingPathComponent(name)
            if isFile(candidate) { return .found(candidate) }
        }
        return listed.map(ConfigLookup.missing) ?? .notListed
    }

    /// The files of the reports folder's `.star-report-manifest.json` (name → SHA-256), the
    /// record `run` wrote of every file; nil when there is none that can be read.
    static func manifest(_ dir: String) -> [String: String]? {
        Manifest.read(dir + "/" + Manifest.fileName).map { m in
            Dictionary(m.files.map { ($0.name, $0.sha256) }, uniquingKeysWith: { _, last in last })
        }
    }

    func plan(dir: String, emls: [EmlFile], settings: SMTPSettings?, configPath: String?, only: Set<String>?)
        -> ExitStatus
    {
        let logPath = SendLog.path(forReports: dir)
        let log: SendLog
        let logError = { (error: Failure) -> ExitStatus in
            console.err("star-report: " + text(error.message))
            return error.status
        }
        do { log = try SendLog(path: logPath) } catch { return logError(error) }
        if !options.dryRun {
            // locked before the plan is made, so that a send that ran meanwhile is in the log we read
            do { try log.openForAppend() } catch { return logError(error) }
        }
        let manifest = Self.manifest(dir)
        defer { log.close() }
        if log.unreadableLines > 0 { console.err(text(.sendUnreadableLog(count: log.unreadableLines, path: logPath))) }

        var items: [Item] = []
        for eml in emls {
            let action: Action
            if case .failure(let p) = eml.recipient {
                action = .cannotSend(p.message.text(options.language))
            } else if eml.messageID == nil {
                action = .cannotSend(text(.sendNoMessageID))
            } else if only != nil {
                action = .resend
            } else if let e = log.accepted(messageID: eml.messageID, sha256: eml.sha256) {
                action = .alreadySent(e)
            } else if let e = log.unknown(committee: eml.committee, messageID: eml.messageID) {
                action = .unknown(e)
            } else if let e = log.acceptedEarlierVersion(committee: eml.committee, messageID: eml.messageID) {
                action = .changed(e)
            } else if manifest?[eml.fileName] != eml.sha256 {
                // not the bytes run wrote (a hand-edited To:, an added Bcc:): sent only on purpose
                let id = eml.committee
                action = .cannotSend(
                    text(
                        manifest == nil
                            ? .sendNoManifest(id: id)
                            : manifest![eml.fileName] == nil ? .sendNotInManifest(id: id) : .sendNotAsWritten(id: id)))
            } else {
                action = .send
            }
            items.append(Item(eml: eml, action: action))
        }
        let from = settings?.envelopeFrom ?? emls.lazy.compactMap(\.fromAddress).first

        // the plan
        console.out(text(.sendPlan))
        let rows = items.map { i -> [String] in
            let action: String
            switch i.action {
            case .send: action = text(.sendActionSend)
            case .resend: action = text(.sendActionResend)
            case .alreadySent(let e): action = text(.sendActionAlreadySent(time: e.time))
            case .changed(let e): action = text(.sendActionChanged(time: e.time))
            case .unknown(let e): action = text(.sendActionUnknown(time: e.time))
            case .cannotSend(let r): action = text(.sendActionCannotSend(reason: r))
            }
            return [i.eml.committee, i.recipient ?? "-", Self.size(i.eml.bytes.count), action]
        }
        let header = [
            text(.sendColumnCommittee), text(.sendColumnAddress), text(.sendColumnSize), text(.sendColumnAction),
        ]
        let widths = (0..<4).map { c in ([header] + rows).map { DisplayWidth.of($0[c]) }.max() ?? 0 }
        for r in [header] + rows {
            console.out("  " + (0..<4).map { c in c == 3 ? r[c] : Self.pad(r[c], widths[c]) }.joined(separator: "  "))
        }
        if let settings {
            console.out(
                text(
                    .sendServer(url: settings.url, security: text(Self.security(settings.security)), from: from ?? "-"))
            )
        }
        let changed = items.compactMap { i -> String? in
            if case .changed = i.action { return i.eml.committee }
            return nil
        }
        if !changed.isEmpty {
            console.err(text(.sendChangedHint(count: changed.count, ids: changed.joined(separator: ","))))
        }
        let unknown = items.compactMap { i -> String? in
            if case .unknown = i.action { return i.eml.committee }
            return nil
        }
        if !unknown.isEmpty {
            console.err(text(.sendUnknownHint(count: unknown.count, ids: unknown.joined(separator: ","))))
        }
        let toSend = items.filter {
            if case .send = $0.action { return true }
            if case .resend = $0.action { return true }
            return false
        }
        let skipped = items.filter {
            switch $0.action {
            case .alreadySent, .changed, .unknown: return true
            default: return false
            }
        }.count
        let unsendable = items.filter {
            if case .cannotSend = $0.action { return true }
            return false
        }

        if options.dryRun {
            console.err(text(.sendDryRunClosing(send: toSend.count, skipped: skipped, failed: unsendable.count)))
            return .ok
        }
        guard let settings else { return .dataError }
        if !toSend.isEmpty && from == nil {
            console.err("star-report: " + text(.sendNoFrom))
            return .dataError
        }
        let password = environment["STAR_REPORT_SMTP_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        if !toSend.isEmpty && settings.username != nil && password == nil {
            console.err("star-report: " + text(.sendNoPassword))
            return .dataError
        }
        for i in unsendable {
            if case .cannotSend(let r) = i.action {
                console.err(text(.sendNotSent(committee: i.eml.committee, reason: r)))
            }
        }
        if toSend.isEmpty {
            console.err(text(.sendClosing(sent: 0, skipped: skipped, failed: unsendable.count)))
            return unsendable.isEmpty ? .ok : .tempFail
        }
        if !options.yes {
            guard console.interactive else {
                console.err("star-report: " + text(.sendNeedYes))
                return .usage
            }
            if let p = console.progress {
                p(text(.sendConfirm(count: toSend.count)))
            } else {
                console.err(text(.sendConfirm(count: toSend.count)))
            }
            let answer = (console.readAnswer() ?? "").trimmingSpaces.lowercased()
            guard answer == "y" || answer == "yes" || answer == "是" else {
                console.err(text(.sendCancelled))
                return .ok
            }
        }
        guard let transport = transport(settings, password: password) else { return .unavailable }
        return deliver(
            toSend, from: from!, transport: transport, log: log, settings: settings,
            skipped: skipped, failedBefore: unsendable.count, logPath: logPath)
    }

    func deliver(
        _ items: [Item], from: String, transport: SMTPTransport, log: SendLog, settings: SMTPSettings,
        skipped: Int, failedBefore: Int, logPath: String
    ) -> ExitStatus {
        var sent = 0
        var failed = failedBefore
        var unknown: [String] = []
        var abort: ExitStatus?
        let start = Date()
        for (n, item) in items.enumerated() {
            let to = item.recipient!
            var attempt = 0
            var waited = 0
            var outcome: SMTPTransport.Outcome
            var sentDate = ""
            while true {
                // Date is the moment of sending; the file keeps its own
                sentDate = EmlFile.rfc5322(Date())
                outcome = transport.send(
                    item.eml.bytes(withDate: sentDate), from: settings.envelopeFrom ?? item.eml.fromAddress ?? from,
                    to: to)
                // a 4xx or a dropped connection is tried again; a timeout or a refused
                // connection stops the batch at once (below)
                let why: String
                switch outcome {
                case .temporary(let r): why = r.isEmpty ? text(.sendDropped) : r
                default: why = ""
                }
                guard !why.isEmpty, attempt < retries else { break }
                attempt += 1
                let delay = min(backoffMS << (attempt - 1), max(Self.maxWaitPerMessageMS - waited, 0))
                if waited >= Self.maxWaitPerMessageMS { break }
                console.err(
                    text(.sendRetrying(committee: item.eml.committee, reason: why, attempt: attempt, delay: delay)))
                usleep(useconds_t(delay) * 1000)
                waited += delay
            }
            func record(_ status: String, _ reply: String) -> Bool {
                let entry = SendLogEntry(
                    status: status, committee: item.eml.committee, file: item.eml.fileName,
                    messageID: item.eml.messageID ?? "",
                    recipient: to, sha256: item.eml.sha256, time: Self.now(), reply: reply, emlDate: item.eml.date,
                    sentDate: sentDate)
                do {
                    try log.append(entry)
                    return true
                } catch {
                    console.err("star-report: " + text(.sendLogUnwritable(path: logPath, reason: "\(error)")))
                    return false
                }
            }
            switch outcome {
            case .accepted(let r):
                sent += 1
                // on a terminal the progress line stands for the accepted ones; in a log, one line each
                if console.progress == nil {
                    console.err(text(.sendAccepted(committee: item.eml.committee, address: to, reply: r)))
                }
                if !record(SendLogEntry.accepted, r) { abort = .ioError }
            case .permanent(let r):
                failed += 1
                console.err(text(.sendRefused(committee: item.eml.committee, address: to, reply: r)))
                if !record(SendLogEntry.refused, r) { abort = .ioError }
            case .temporary(let r):
                failed += 1
                console.err(
                    text(
                        .sendDeferred(
                            committee: item.eml.committee, address: to, reply: r.isEmpty ? text(.sendDropped) : r)))
                if !record(SendLogEntry.deferred, r) { abort = .ioError }
            case .unknown(let p):
                failed += 1
                unknown.append(item.eml.committee)
                console.err(
                    text(
                        .sendUnknownNow(
                            committee: item.eml.committee, address: to, detail: text(.sendDropped) + said(p.reply))))
                if !record(SendLogEntry.unknown, p.reply.isEmpty ? "connection lost" : p.reply) { abort = .ioError }
            case .stalled(let p, let mayHaveArrived):
                // the server stopped answering: the next message would wait just as long
                failed += 1
                let why = text(.sendWhyStalled(seconds: stallTimeout, reply: said(p.reply)))
                let logged = "timeout: no answer for \(stallTimeout) s" + (p.reply.isEmpty ? "" : " after " + p.reply)
                if mayHaveArrived {
                    unknown.append(item.eml.committee)
                    console.err(text(.sendUnknownNow(committee: item.eml.committee, address: to, detail: why)))
                    if !record(SendLogEntry.unknown, logged) { abort = .ioError }
                } else {
                    console.err(text(.sendDeferred(committee: item.eml.committee, address: to, reply: why)))
                    if !record(SendLogEntry.deferred, logged) { abort = .ioError }
                }
                abort = abort ?? .tempFail
            default:
                abort = failure(outcome, settings: settings)
            }
            if abort != nil {
                let notTried = items.count - n - (outcomeCounted(outcome) ? 1 : 0)
                failed += notTried
                console.err(text(.sendStoppedAt(committee: item.eml.committee, count: notTried)))
                break
            }
            if let p = console.progress {
                let elapsed = max(Date().timeIntervalSince(start), 0.001)
                p(text(.sendProgress(done: n + 1, total: items.count, rate: Self.rate(Double(n + 1) / elapsed))))
            }
        }
        if console.progress != nil { console.progress?("") }
        console.err(text(.sendLogAt(path: logPath)))
        console.err(text(.sendClosing(sent: sent, skipped: skipped, failed: failed)))
        if !unknown.isEmpty {
            console.err(text(.sendUnknownHint(count: unknown.count, ids: unknown.joined(separator: ","))))
        }
        if let abort { return abort }
        return failed > 0 ? .tempFail : .ok
    }

    /// The settings of `--config FILE` alone (`send --check --config FILE`, no reports folder).
    func checkSettings(configPath: String) -> ExitStatus {
        guard let data = FileManager.default.contents(atPath: configPath) else {
            console.err("star-report: " + text(.sendConfigNotFound(path: configPath)))
            return .dataError
        }
        switch SMTPSettings.parse(String(decoding: data, as: UTF8.self), path: configPath) {
        case .failure(let list):
            for d in list.items { console.err(d.rendered) }
            return .dataError
        case .success(nil):
            console.err("star-report: " + text(.sendNoSMTP(path: configPath)))
            return .dataError
        case .success(var s?):
            if let c = s.caFile, !c.hasPrefix("/") {
                s.caFile = ((configPath as NSString).deletingLastPathComponent as NSString).appendingPathComponent(c)
            }
            if let c = s.caFile, !FileManager.default.isReadableFile(atPath: c) {
                console.err("star-report: " + text(.sendCaFileUnreadable(path: c)))
                return .dataError
            }
            return check(s)
        }
    }

    /// `send --check`: connect, STARTTLS and AUTH with these settings, send nothing, and say
    /// whether they work (0) or what to check (the send exit codes: 69, 77, 65).
    func check(_ settings: SMTPSettings) -> ExitStatus {
        let password = environment["STAR_REPORT_SMTP_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        if settings.username != nil && password == nil {
            console.err("star-report: " + text(.sendNoPassword))
            return .dataError
        }
        console.err(text(.sendCheckConnecting(url: settings.url)))
        guard let transport = transport(settings, password: password) else { return .unavailable }
        let outcome = transport.check()
        let security = text(Self.security(settings.security))
        switch outcome {
        case .accepted:
            if let user = settings.username {
                console.out(text(.sendCheckOK(url: settings.url, security: security, user: user)))
            } else {
                console.out(text(.sendCheckOKNoLogin(url: settings.url, security: security)))
            }
            return .ok
        case .stalled(let p, _):
            console.err(
                "star-report: "
                    + text(
                        .sendUnreachable(
                            url: settings.url,
                            detail: text(.sendWhyStalled(seconds: stallTimeout, reply: said(p.reply))))))
            return .unavailable
        case .temporary(let r), .permanent(let r):
            let p = SMTPTransport.Problem(code: 0, reply: r, reason: .lost)
            console.err("star-report: " + text(.sendUnreachable(url: settings.url, detail: why(p, settings: settings))))
            return .unavailable
        case .unknown(let p):
            console.err("star-report: " + text(.sendUnreachable(url: settings.url, detail: why(p, settings: settings))))
            return .unavailable
        default:
            return failure(outcome, settings: settings) ?? .unavailable
        }
    }

    /// Prints an outcome that ends the batch (cannot connect, login refused, no TLS, bad
    /// settings) and returns its exit code; nil for the others.
    func failure(_ outcome: SMTPTransport.Outcome, settings: SMTPSettings) -> ExitStatus? {
        switch outcome {
        case .unreachable(let p):
            console.err("star-report: " + text(.sendUnreachable(url: settings.url, detail: why(p, settings: settings))))
            return .unavailable
        case .loginRefused(let p):
            console.err(
                "star-report: "
                    + text(
                        .sendLoginRefused(
                            user: settings.username ?? "-", detail: p.reply.isEmpty ? text(.sendWhyNoReply) : p.reply)))
            return .noPermission
        case .tlsRefused(let p, let problem):
            let hint: String =
                switch problem {
                case .hostName: text(.sendTLSHintHost(url: settings.url))
                case .unknownCA: settings.caFile.map { text(.sendTLSHintCAFileSet(path: $0)) } ?? text(.sendTLSHintCA)
                case .noStartTLS, .other: ""
                }
            console.err("star-report: " + text(.sendTLSRefused(detail: why(p, settings: settings), hint: hint)))
            return .unavailable
        case .badSettings(let p):
            console.err("star-report: " + text(.sendBadSettings(detail: why(p, settings: settings))))
            return .dataError
        default: return nil
        }
    }

    /// The server's own reply, quoted, as the tail of a catalogue message ("" when it gave none).
    func said(_ reply: String) -> String { reply.isEmpty ? "" : text(.sendWhyServerSaid(reply: reply)) }

    /// What went wrong and what to check, from the catalogue: never libcurl's English.
    func why(_ p: SMTPTransport.Problem, settings: SMTPSettings) -> String {
        switch p.reason {
        case .resolve: text(.sendWhyResolve(host: URLComponents(string: settings.url)?.host ?? settings.url))
        case .refused: text(.sendWhyRefused)
        case .timeout: text(.sendWhyConnectTimeout(seconds: connectTimeout))
        case .noStartTLS: text(.sendWhyNoStartTLS(reply: said(p.reply)))
        case .handshake: text(.sendWhyHandshake)
        case .certificate: text(.sendWhyCertificate)
        case .caFile: text(.sendWhyCAFile(path: settings.caFile ?? "-"))
        case .url: text(.sendWhyURL(url: settings.url))
        case .lost: text(.sendDropped) + said(p.reply)
        case .other: text(.sendWhyOther(code: p.code, reply: said(p.reply)))
        case .option(let name): text(.sendWhySetopt(option: name, code: p.code))
        }
    }

    /// Whether this outcome already counted its message as sent or failed.
    private func outcomeCounted(_ o: SMTPTransport.Outcome) -> Bool {
        switch o {
        case .accepted, .permanent, .temporary, .unknown, .stalled: return true
        default: return false
        }
    }

    static func now() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date())
    }

    static func size(_ n: Int) -> String {
        n < 1024
            ? "\(n) B"
            : n < 1024 * 1024
                ? String(format: "%.1f KiB", Double(n) / 1024) : String(format: "%.1f MiB", Double(n) / 1048576)
    }

    static func pad(_ s: String, _ w: Int) -> String {
        s + String(repeating: " ", count: max(0, w - DisplayWidth.of(s)))
    }
}
