import Foundation
import StarIngest
import StarModel
import StarRating
import StarRender
import StarRules
import StarValidate

/// sysexits.h codes used by the command line (outputs.md).
public enum ExitStatus: Int32, Sendable {
    case ok = 0
    case usage = 64
    case dataError = 65
    case noInput = 66
    case cannotCreate = 73
    case ioError = 74
    /// Out of memory or file descriptors (EX_OSERR).
    case osError = 71
    /// Another run is writing the same output folder (EX_TEMPFAIL).
    case tempFail = 75
}

/// Options of `star-report run` and `validate`.
public struct Options: Sendable {
    public var input: String
    public var output: String?
    public var year: Int?
    public var rules: String?
    public var templates: String?
    public var noticeDate: CivilDate?
    public var previous: String?
    public var quotaScope: QuotaScope?
    public var jsonDiagnostics = false
    /// The language of every message and of the text in validation.txt and the summaries.
    public var language: Language = .zh
    /// `run --list`: print every file written, not a count per kind.
    public var list = false

    public init(input: String, output: String? = nil, year: Int? = nil, rules: String? = nil, templates: String? = nil,
                noticeDate: CivilDate? = nil, previous: String? = nil, quotaScope: QuotaScope? = nil, jsonDiagnostics: Bool = false,
                language: Language = .zh, list: Bool = false) {
        self.input = input; self.output = output; self.year = year; self.rules = rules; self.templates = templates
        self.noticeDate = noticeDate; self.previous = previous; self.quotaScope = quotaScope; self.jsonDiagnostics = jsonDiagnostics
        self.language = language; self.list = list
    }
}

/// Where the pipeline prints: stdout for results, stderr for diagnostics.
public struct Console: Sendable {
    public var out: @Sendable (String) -> Void
    public var err: @Sendable (String) -> Void
    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void) { self.out = out; self.err = err }

    public static let standard = Console(
        out: { s in FileHandle.standardOutput.write(Data((s + "\n").utf8)) },
        err: { s in FileHandle.standardError.write(Data((s + "\n").utf8)) })
}

/// A failure that stops the run before any report: the exit status and a clear message.
struct Stop: Error {
    var status: ExitStatus
    var message: Message
    var diagnostics: [Diagnostic] = []

    init(status: ExitStatus, _ message: Message, diagnostics: [Diagnostic] = []) {
        self.status = status; self.message = message; self.diagnostics = diagnostics
    }

    /// A failed system call: out of descriptors or memory is 71 (EX_OSERR) whatever the call,
    /// anything else `status`.
    static func system(_ error: Int32, _ status: ExitStatus, _ message: Message) -> Stop {
        let short = [EMFILE, ENFILE, ENOMEM].contains(error)
        return Stop(status: short ? .osError : status,
                    Message(short ? .sysShort : .sysReason, ["message": message.text(.zh), "messageEn": message.text(.en),
                                                             "reason": String(cString: strerror(error))]))
    }
}

/// The whole pipeline as named stages: ingest → validate → rate → render → write.
public struct Pipeline {
    public var options: Options
    public var console: Console

    let progress: Progress

    public init(options: Options, console: Console = .standard) {
        self.options = options; self.console = console
        progress = Progress(language: options.language)
    }

    /// What validation produced: everything `run` needs to go on.
    struct Checked {
        var submissions: [Submission]
        var diagnostics: [Diagnostic]
        var rules: RuleSet
        var config: NoticeConfig
        var previous: [String: Int]?
        var year: Int
        var account: Message
        /// Every input: the folder's files, then the `--rules` and `--previous` files.
        var files: [FileAccount]
        /// How many of them are the input folder's.
        var folderFiles: Int
    }

    /// `star-report validate`: diagnostics only; 65 when any error.
    public func validate() -> ExitStatus {
        do {
            try Pipeline.checkDescriptors()
            let checked = try check()
            progress.finish()
            report(checked.diagnostics, account: checked.account, files: checked.folderFiles, grouped: false)
            return checked.diagnostics.errorCount > 0 ? .dataError : .ok
        } catch {
            return fail(error)
        }
    }

    /// `star-report run`: validate, rate, render, then write every report at once.
    public func run() -> ExitStatus {
        do {
            // The output is checked and locked before anything is read: a refused output
            // costs nothing and touches nothing.
            try Pipeline.checkDescriptors()
            let target = try OutputTarget.check(options.output ?? "", input: options.input)
            let lock = try OutputLock(target)
            defer { lock.release() }
            Interruption.shared.install()
            var checked = try check()
            progress.pause()
            report(checked.diagnostics, account: checked.account, files: checked.folderFiles, grouped: true)
            if checked.diagnostics.errorCount > 0 {
                progress.finish()
                console.err("star-report: " + Message(.noReportWritten).text(options.language))
                return .dataError
            }
            let templates = try loadTemplates()
            // Reading a province leaves its row buffers free in glibc's arenas; hand them back
            // before the results are built beside the submissions.
            Memory.giveBack()
            let engine = RatingEngine(rules: checked.rules)
            progress.stage(.rating)
            let scope = options.quotaScope ?? checked.rules.quotaScope
            let outcome = engine.rate(checked.submissions, year: checked.year, previous: checked.previous, scope: scope)
            let submissions = checked.submissions
            let files = 5 + 2 * Set(submissions.map(\.branch.committeeID)).count  // for the progress line
            checked.submissions = []  // RunInfo hands them to results.json, which lets them go
            let noticeDate = options.noticeDate ?? CivilDate(year: outcome.referenceDate.year, month: 12, day: 31)!
            let warnings = checked.diagnostics.sortedForDisplay().in(options.language)
            let context = ReportContext(outcome: outcome, rules: checked.rules, config: checked.config, warnings: warnings,
                                        noticeDate: noticeDate, quotaScope: scope, hasPrevious: checked.previous != nil)
            let run = ResultsFiles.RunInfo(inputs: checked.files.filter { $0.kind != .ignored }.map { ($0.path, $0.kind.rawValue, $0.records, $0.bytes, $0.sha256) },
                                           noticeDate: noticeDate, quotaScope: scope, submissions: consume submissions,
                                           submissionsReleased: Memory.giveBack)
            let output = options.output ?? ""
            progress.stage(.writing)
            progress.expectFiles(files)
            defer { progress.finish() }
            let folder = try OutputFolder(target)
            folder.onFile = { [progress] in progress.fileWritten() }
            let names: [String]
            do {
                names = try ReportRenderer(templates: templates).render(
                    context, run: run, validationText: validationText(warnings, account: checked.account, files: checked.folderFiles), to: folder)
                try folder.commit()
            } catch {
                folder.discard()
                throw error
            }
            progress.finish()
            if options.list {
                for name in names { console.out(Pipeline.join(output, name)) }
            } else {
                console.out(written(names, folder: output))
            }
            return .ok
        } catch {
            return fail(error)
        }
    }

    func fail(_ error: Error) -> ExitStatus {
        progress.finish()
        if let stop = error as? Stop {
            if !stop.diagnostics.isEmpty { report(stop.diagnostics, account: nil, files: nil, grouped: false) }
            console.err("star-report: " + stop.message.text(options.language))
            return stop.status
        }
        console.err("star-report: \(error)")
        return .ioError
    }

    /// The file descriptors a run needs at the least: Dispatch's worker threads need an epoll
    /// descriptor of their own and stop the process (SIGILL) when they cannot get one, so a limit
    /// that low is raised up to the hard limit, or refused here with a message.
    static let minimumDescriptors: rlim_t = 8

    static func checkDescriptors() throws(Stop) {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < minimumDescriptors else { return }
        limit.rlim_cur = min(limit.rlim_max, 1024)
        if limit.rlim_cur >= minimumDescriptors && setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 { return }
        throw Stop(status: .osError, .of(.fewDescriptors, ("allowed", limit.rlim_max), ("needed", minimumDescriptors)))
    }

    // MARK: stages

    func check() throws -> Checked {
        // The rules and the year are needed to check each record as it is read (ingest and
        // validation are streamed, so the text of a million rows is never held at once).
        let folderRules = Pipeline.join(options.input, InputFolder.rulesName)
        let rules = try loadRules(folderRules: FileManager.default.contents(atPath: folderRules).map { (folderRules, String(decoding: $0, as: UTF8.self)) })
        progress.stage(.reading)
        let year = try options.year ?? inferYear()
        guard (2000...2100).contains(year) else {
            throw Stop(status: .usage, options.year != nil ? Message(.yearRange) : .of(.yearUnknown, ("input", Escaped.text(options.input))))
        }
        var validator = Validator(year: year)
        validator.participationWarningPercent = rules.participationWarningPercent
        validator.selfOverSuperiorWarning = rules.selfOverSuperiorWarning
        validator.aspectMax = rules.aspectMax
        let ingest: IngestResult<Validator.Checked>
        do {
            ingest = try InputFolder().read(directory: options.input, progress: progress.read) { [validator, progress] raw in
                progress.record()
                return validator.check(raw)
            }
        } catch let e as InputError {
            throw Stop(status: e.kind == .noInput ? .noInput : e.kind == .resources ? .osError : .ioError, e.message)
        }
        guard ingest.files.contains(where: { $0.kind == .xml || $0.kind == .csv }) else {
            throw Stop(status: .noInput, .of(.noSubmissions, ("input", Escaped.text(options.input))))
        }
        var diagnostics = ingest.diagnostics
        // a sheet that gave no record at all: its branches are reported missing in one line
        let broken = ingest.files.filter { $0.kind == .csv && $0.records == 0 }.map(\.path)
        let outcome = validator.crossCheck(ingest.submissions, register: ingest.register, submittedElsewhere: ingest.rejectedBranchIDs,
                                           brokenFiles: broken)
        diagnostics += outcome.diagnostics

        var config = NoticeConfig()
        let configPath = ingest.configFile?.path ?? Pipeline.join(options.input, NoticeConfig.file)
        if let file = ingest.configFile {
            let (c, found) = NoticeConfig.read(file.text, path: file.path)
            config = c
            diagnostics += found
        }
        let committees = Set(outcome.submissions.map(\.branch.committeeID)).sorted()
        diagnostics += config.missingSettings(path: configPath, committees: committees)

        // the files given on the command line are inputs too: listed with their SHA-256
        var files: [FileAccount] = []
        if let path = options.rules, let data = FileManager.default.contents(atPath: path) {
            files.append(FileAccount(path: path, kind: .rules, records: 0, bytes: data.count, sha256: SHA256.hex(data)))
        }
        var previous: [String: Int]?
        if let path = options.previous {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw Stop(status: .noInput, .of(.previousNotFound, ("path", Escaped.text(path))))
            }
            previous = PreviousResultsReader.read(bytes: [UInt8](data), path: path, diagnostics: &diagnostics)
            files.append(FileAccount(path: path, kind: .previous, records: previous?.count ?? 0, bytes: data.count, sha256: SHA256.hex(data)))
        }

        let xmlFiles = ingest.files.filter { $0.kind == .xml }
        let csvFiles = ingest.files.filter { $0.kind == .csv }
        let records = ingest.submissions.count
        let unreadable = xmlFiles.filter { $0.records == 0 }.count + csvFiles.filter { $0.records == 0 }.count
        let rows = csvFiles.reduce(0) { $0 + $1.records }
        let account = Message(.account, [
            "files": "\(ingest.files.count)", "xml": "\(xmlFiles.count)", "csv": "\(csvFiles.count)", "rows": "\(rows)",
            "records": "\(records)", "rated": "\(outcome.submissions.count)", "rejected": "\(outcome.rejected)", "unreadable": "\(unreadable)",
            "filesEn": plural(ingest.files.count, "file"), "xmlEn": plural(xmlFiles.count, "XML file"), "csvEn": plural(csvFiles.count, "CSV sheet"),
            "rowsEn": plural(rows, "row"), "recordsEn": plural(records, "branch record"), "unreadableEn": plural(unreadable, "submission file"),
        ])
        return Checked(submissions: outcome.submissions, diagnostics: diagnostics.sortedForDisplay().in(options.language), rules: rules, config: config,
                       previous: previous, year: year, account: account, files: ingest.files + files,
                       folderFiles: ingest.files.count)
    }

    /// The year: `--year`, else the input folder's name when it is a year, else the year of the
    /// folder's first record (no second pass over a province's files).
    func inferYear() throws -> Int {
        let folder = URL(fileURLWithPath: options.input).lastPathComponent
        if folder.count == 4, let y = Int(folder), (2000...2100).contains(y) { return y }
        do { return try InputFolder().peekYear(directory: options.input) ?? 0 }  // 0: unknown, reported by the caller
        catch let e as InputError { throw Stop(status: e.kind == .noInput ? .noInput : .ioError, e.message) }
    }

    func loadRules(folderRules: (path: String, text: String)?) throws -> RuleSet {
        let result: Result<RuleSet, DiagnosticList>
        if let path = options.rules {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw Stop(status: .noInput, .of(.rulesNotFound, ("path", Escaped.text(path))))
            }
            result = RulesFile.parse(String(decoding: data, as: UTF8.self), path: path)
        } else if let f = folderRules {
            result = RulesFile.parse(f.text, path: f.path)
        } else {
            result = RulesFile.loadDefault()
        }
        switch result {
        case .success(let r): return r
        case .failure(let list):
            if let d = list.items.first(where: { $0.code == "E-RESOURCES" }) {
                throw Stop(status: .osError, Message(.rulesShort, ["message": d.content.text(.zh), "messageEn": d.content.text(.en)]))
            }
            throw Stop(status: .dataError, Message(.rulesHaveErrors), diagnostics: list.items)
        }
    }

    func loadTemplates() throws -> TemplateSet {
        let dir = options.templates ?? Pipeline.defaultTemplatesDirectory()
        guard let dir else {
            throw Stop(status: .noInput, Message(.noTemplates))
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw Stop(status: .noInput, .of(.templatesNotFound, ("dir", Escaped.text(dir))))
        }
        do { return try TemplateSet(directory: dir) } catch {
            throw Stop(status: .dataError, Message(.templateUnusable), diagnostics: [error.diagnostic])
        }
    }

    /// `./Templates` if present, else the `Templates` folder of the checkout the binary was built in.
    static func defaultTemplatesDirectory() -> String? {
        let fm = FileManager.default
        if fm.fileExists(atPath: "Templates/notice.html.mustache") { return "Templates" }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = url.appendingPathComponent("Templates")
            if fm.fileExists(atPath: candidate.appendingPathComponent("notice.html.mustache").path) { return candidate.path }
            url.deleteLastPathComponent()
        }
        return nil
    }

    static func join(_ dir: String, _ name: String) -> String { dir.hasSuffix("/") ? dir + name : dir + "/" + name }

    // MARK: diagnostics

    func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    func summaryLine(_ d: [Diagnostic], files: Int?) -> String {
        var args = ["errors": "\(d.errorCount)", "warnings": "\(d.warningCount)",
                    "errorsEn": plural(d.errorCount, "error"), "warningsEn": plural(d.warningCount, "warning")]
        guard let files else { return Message(.summaryLine, args).text(options.language) }
        args["files"] = "\(files)"
        args["filesEn"] = plural(files, "file")
        return Message(.summaryLineFiles, args).text(options.language)
    }

    /// How many warnings of one code the terminal shows in full before it groups them.
    static let groupAbove = 20
    static let examplesPerGroup = 3

    /// Errors in full; warnings too unless there are more than `groupAbove` of them on a `run`,
    /// then per code a count and the first few (every one is in validation.txt).
    func report(_ diagnostics: [Diagnostic], account: Message?, files: Int?, grouped: Bool) {
        let diagnostics = diagnostics.in(options.language)
        if options.jsonDiagnostics {
            let items: [JSON] = diagnostics.map { d in
                var m: [(String, JSON)] = [("severity", .string(d.severity.rawValue)), ("code", .string(d.code)),
                                           ("file", .string(d.location.file)), ("line", .int(d.location.line))]
                m.append(("column", d.location.column.map(JSON.int) ?? .null))
                m.append(("field", d.field.map(JSON.string) ?? .null))
                m.append(("branch_id", d.branchID.map(JSON.string) ?? .null))
                m.append(("message", .string(d.message)))
                return .object(m)
            }
            console.out(JSON.object([("errors", .int(diagnostics.errorCount)), ("warnings", .int(diagnostics.warningCount)),
                                     ("diagnostics", .array(items))]).rendered())
            return
        }
        if grouped && diagnostics.warningCount > Pipeline.groupAbove {
            for d in diagnostics where d.severity == .error { console.err(d.rendered) }
            let warnings = diagnostics.filter { $0.severity == .warning }
            var order: [String] = []
            var byCode: [String: [Diagnostic]] = [:]
            for w in warnings {
                if byCode[w.code] == nil { order.append(w.code) }
                byCode[w.code, default: []].append(w)
            }
            for code in order {
                let list = byCode[code]!
                for d in list.prefix(Pipeline.examplesPerGroup) { console.err(d.rendered) }
                if list.count > Pipeline.examplesPerGroup {
                    console.err(Message(.moreWarnings, ["code": code, "count": "\(list.count)", "shown": "\(Pipeline.examplesPerGroup)"]).text(options.language))
                }
            }
            console.err(Message(.allWarningsIn, ["count": "\(warnings.count)"]).text(options.language))
        } else {
            for d in diagnostics { console.err(d.rendered) }
        }
        console.err(summaryLine(diagnostics, files: files))
        if let account { console.err(account.text(options.language)) }
    }

    func validationText(_ warnings: [Diagnostic], account: Message, files: Int) -> String {
        var lines = warnings.in(options.language).map(\.rendered)
        lines.append(summaryLine(warnings, files: files))
        lines.append(account.text(options.language))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The closing line of a run: the folder and a count per kind of file (`--list` prints them all).
    func written(_ names: [String], folder: String) -> String {
        let kinds: [(prefix: String, zh: String, en: String)] = [
            ("notice.", "公示", "notice"), ("summary-", "汇总邮件", "summaries and e-mails"), ("results.", "结果", "results"),
            ("validation.", "警告清单", "warnings list"),
        ]
        var zh: [String] = [], en: [String] = []
        var counted = 0
        for k in kinds {
            let n = names.filter { $0.hasPrefix(k.prefix) }.count
            guard n > 0 else { continue }
            counted += n
            zh.append("\(k.zh) \(n) 个")
            en.append("\(k.en) \(n)")
        }
        if names.count > counted {
            zh.append("其他 \(names.count - counted) 个")
            en.append("other \(names.count - counted)")
        }
        return Message(.written, ["folder": Escaped.text(folder), "count": "\(names.count)", "kinds": zh.joined(separator: "，"),
                                  "kindsEn": en.joined(separator: ", ")]).text(options.language)
    }
}
