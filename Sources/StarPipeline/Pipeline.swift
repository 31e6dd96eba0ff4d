import Foundation
import StarExcel
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

    public init(input: String, output: String? = nil, year: Int? = nil, rules: String? = nil, templates: String? = nil,
                noticeDate: CivilDate? = nil, previous: String? = nil, quotaScope: QuotaScope? = nil, jsonDiagnostics: Bool = false) {
        self.input = input; self.output = output; self.year = year; self.rules = rules; self.templates = templates
        self.noticeDate = noticeDate; self.previous = previous; self.quotaScope = quotaScope; self.jsonDiagnostics = jsonDiagnostics
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
    var message: String
    var diagnostics: [Diagnostic] = []
}

/// The whole pipeline as named stages: ingest → validate → rate → render → write.
public struct Pipeline {
    public var options: Options
    public var console: Console

    let progress: Progress

    public init(options: Options, console: Console = .standard) {
        self.options = options; self.console = console
        progress = Progress()
    }

    /// What validation produced: everything `run` needs to go on.
    struct Checked {
        var submissions: [Submission]
        var diagnostics: [Diagnostic]
        var rules: RuleSet
        var config: NoticeConfig
        var previous: [String: Int]?
        var year: Int
        var account: String
        var files: [FileAccount]
    }

    /// `star-report validate`: diagnostics only; 65 when any error.
    public func validate() -> ExitStatus {
        do {
            let checked = try check()
            progress.finish()
            report(checked.diagnostics, account: checked.account, files: checked.files.count)
            return checked.diagnostics.errorCount > 0 ? .dataError : .ok
        } catch {
            return fail(error)
        }
    }

    /// `star-report run`: validate, rate, render, then write every report at once.
    public func run() -> ExitStatus {
        do {
            var checked = try check()
            progress.pause()
            report(checked.diagnostics, account: checked.account, files: checked.files.count)
            if checked.diagnostics.errorCount > 0 {
                progress.finish()
                console.err("star-report: no report written: fix the errors above and run again.")
                return .dataError
            }
            let templates = try loadTemplates()
            // Reading a province leaves its row buffers free in glibc's arenas; hand them back
            // before the results are built beside the submissions.
            Memory.giveBack()
            let engine = RatingEngine(rules: checked.rules)
            progress.stage("rating")
            let scope = options.quotaScope ?? checked.rules.quotaScope
            let outcome = engine.rate(checked.submissions, year: checked.year, previous: checked.previous, scope: scope)
            let submissions = checked.submissions
            checked.submissions = []  // RunInfo hands them to results.json, which lets them go
            let noticeDate = options.noticeDate ?? CivilDate(year: outcome.referenceDate.year, month: 12, day: 31)!
            let warnings = checked.diagnostics.sortedForDisplay()
            let context = ReportContext(outcome: outcome, rules: checked.rules, config: checked.config, warnings: warnings,
                                        noticeDate: noticeDate, quotaScope: scope, hasPrevious: checked.previous != nil)
            let run = ResultsFiles.RunInfo(inputs: checked.files.map { ($0.path, $0.kind.rawValue, $0.records, $0.bytes, $0.sha256) },
                                           noticeDate: noticeDate, quotaScope: scope, submissions: consume submissions,
                                           submissionsReleased: Memory.giveBack)
            let output = options.output ?? "reports"
            progress.stage("writing the reports")
            defer { progress.finish() }
            let folder = try OutputFolder(output)
            let names: [String]
            let excel = ExcelOutput.Job(context, to: folder)
            do {
                names = try (ReportRenderer(templates: templates).render(
                    context, run: run, validationText: validationText(warnings, account: checked.account, files: checked.files.count), to: folder)
                    + [excel.wait()]).sorted()
                try folder.commit()
            } catch {
                _ = try? excel.wait()
                folder.discard()
                throw error
            }
            for name in names { console.out(Pipeline.join(output, name)) }
            return .ok
        } catch {
            return fail(error)
        }
    }

    func fail(_ error: Error) -> ExitStatus {
        progress.finish()
        if let stop = error as? Stop {
            if !stop.diagnostics.isEmpty { report(stop.diagnostics, account: nil, files: nil) }
            console.err("star-report: \(stop.message)")
            return stop.status
        }
        console.err("star-report: \(error)")
        return .ioError
    }

    // MARK: stages

    func check() throws -> Checked {
        // The rules and the year are needed to check each record as it is read (ingest and
        // validation are streamed, so the text of a million rows is never held at once).
        let folderRules = Pipeline.join(options.input, InputFolder.rulesName)
        let rules = try loadRules(folderRules: FileManager.default.contents(atPath: folderRules).map { (folderRules, String(decoding: $0, as: UTF8.self)) })
        let year = try options.year ?? inferYear()
        guard (2000...2100).contains(year) else {
            throw Stop(status: .usage, message: options.year != nil ? "--year must be between 2000 and 2100"
                       : "cannot tell the rating year from \(options.input): pass --year YYYY")
        }
        var validator = Validator(year: year)
        validator.participationWarningPercent = rules.participationWarningPercent
        validator.selfOverSuperiorWarning = rules.selfOverSuperiorWarning
        validator.aspectMax = rules.aspectMax
        let ingest: IngestResult<Validator.Checked>
        do {
            progress.stage(progress.readingStage)
            ingest = try InputFolder().read(directory: options.input) { [validator, progress] raw in
                progress.record()
                return validator.check(raw)
            }
        } catch let e as InputError {
            throw Stop(status: e.kind == .noInput ? .noInput : .ioError, message: e.description)
        }
        guard ingest.files.contains(where: { $0.kind == .xml || $0.kind == .csv || $0.kind == .xlsx }) else {
            throw Stop(status: .noInput, message: "no submissions in \(options.input): expected *.xml files or *.csv or *.xlsx sheets")
        }
        var diagnostics = ingest.diagnostics
        let outcome = validator.crossCheck(ingest.submissions, register: ingest.register, submittedElsewhere: ingest.rejectedBranchIDs)
        diagnostics += outcome.diagnostics

        var config = NoticeConfig()
        let configPath = ingest.configFile?.path ?? Pipeline.join(options.input, NoticeConfig.file)
        if let file = ingest.configFile {
            switch NoticeConfig.parse(file.text, path: file.path) {
            case .success(let c): config = c
            case .failure(let list): diagnostics += list.items
            }
        }
        let committees = Set(outcome.submissions.map(\.branch.committeeID)).sorted()
        diagnostics += config.missingSettings(path: configPath, committees: committees)

        var previous: [String: Int]?
        if let path = options.previous {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw Stop(status: .noInput, message: "last year's results not found: \(path)")
            }
            previous = PreviousResultsReader.read(bytes: [UInt8](data), path: path, diagnostics: &diagnostics)
        }

        let xmlFiles = ingest.files.filter { $0.kind == .xml }
        let csvFiles = ingest.files.filter { $0.kind == .csv }
        let xlsxFiles = ingest.files.filter { $0.kind == .xlsx }
        let records = ingest.submissions.count
        let unreadable = xmlFiles.filter { $0.records == 0 }.count + (csvFiles + xlsxFiles).filter { $0.records == 0 }.count
        let excel = xlsxFiles.isEmpty ? "" : ", \(plural(xlsxFiles.count, "Excel sheet")) with \(plural(xlsxFiles.reduce(0) { $0 + $1.records }, "row"))"
        let account = "read \(plural(ingest.files.count, "file")): \(plural(xmlFiles.count, "XML file")), "
            + "\(plural(csvFiles.count, "CSV sheet")) with \(plural(csvFiles.reduce(0) { $0 + $1.records }, "row"))\(excel); "
            + "\(plural(records, "branch record")): \(outcome.submissions.count) to rate, \(outcome.rejected) rejected; "
            + "\(plural(unreadable, "submission file")) with no readable record"
        return Checked(submissions: outcome.submissions, diagnostics: diagnostics.sortedForDisplay(), rules: rules, config: config,
                       previous: previous, year: year, account: account, files: ingest.files)
    }

    /// The year: `--year`, else the input folder's name when it is a year, else the most common
    /// year in the submissions (a first, cheap pass over the folder).
    func inferYear() throws -> Int {
        let folder = URL(fileURLWithPath: options.input).lastPathComponent
        if folder.count == 4, let y = Int(folder), (2000...2100).contains(y) { return y }
        let years: IngestResult<Int?>
        do { years = try InputFolder().read(directory: options.input) { raw in raw.fields[.year].flatMap { Int($0.text) } } }
        catch let e as InputError { throw Stop(status: e.kind == .noInput ? .noInput : .ioError, message: e.description) }
        var counts: [Int: Int] = [:]
        for y in years.submissions { if let y { counts[y, default: 0] += 1 } }
        return counts.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key ?? 0  // 0: unknown, reported by the caller
    }

    func loadRules(folderRules: (path: String, text: String)?) throws -> RuleSet {
        let result: Result<RuleSet, DiagnosticList>
        if let path = options.rules {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw Stop(status: .noInput, message: "rules file not found: \(path)")
            }
            result = RulesFile.parse(String(decoding: data, as: UTF8.self), path: path)
        } else if let f = folderRules {
            result = RulesFile.parse(f.text, path: f.path)
        } else {
            result = RulesFile.loadDefault()
        }
        switch result {
        case .success(let r): return r
        case .failure(let list): throw Stop(status: .dataError, message: "the rules file has errors; no report written.", diagnostics: list.items)
        }
    }

    func loadTemplates() throws -> TemplateSet {
        let dir = options.templates ?? Pipeline.defaultTemplatesDirectory()
        guard let dir else {
            throw Stop(status: .noInput, message: "no Templates folder found; pass --templates DIR")
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw Stop(status: .noInput, message: "templates folder not found: \(dir)")
        }
        do { return try TemplateSet(directory: dir) } catch {
            throw Stop(status: .dataError, message: "a template cannot be used; no report written.", diagnostics: [error.diagnostic])
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
        let files = files.map { " in " + plural($0, "file") } ?? ""
        return plural(d.errorCount, "error") + ", " + plural(d.warningCount, "warning") + files
    }

    func report(_ diagnostics: [Diagnostic], account: String?, files: Int?) {
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
        for d in diagnostics { console.err(d.rendered) }
        console.err(summaryLine(diagnostics, files: files))
        if let account { console.err(account) }
    }

    func validationText(_ warnings: [Diagnostic], account: String, files: Int) -> String {
        var lines = warnings.map(\.rendered)
        lines.append(summaryLine(warnings, files: files))
        lines.append(account)
        return lines.joined(separator: "\n") + "\n"
    }
}
