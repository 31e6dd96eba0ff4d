import Foundation
import StarExcel
import StarIngest
import StarModel
import StarRating
import StarRender
import StarRules
import StarValidate

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
            try Pipeline.checkDescriptors()
            // The output is checked and locked before anything is read: a refused output
            // costs nothing and touches nothing.
            let target = try OutputTarget.check(options.output ?? "", input: options.input)
            let lock = try OutputLock(target)
            defer { lock.release() }
            Interruption.shared.install()
            var checked = try check()
            guard accept(checked) else { return .dataError }
            let templates = try loadTemplates()
            let rated = rate(&checked)
            let names = try write(rated, templates: templates, to: target)
            announce(names)
            return .ok
        } catch {
            return fail(error)
        }
    }

    /// What rating produced, with everything the reports need: the outcome, the quota scope
    /// resolved once, the notice date and the inputs' provenance.
    struct Rated {
        var context: ReportContext
        var run: ResultsFiles.RunInfo
        var validationText: String
        /// How many report files there will be (for the progress line).
        var expectedFiles: Int
    }

    /// Prints the diagnostics; false (no report) when any is an error.
    func accept(_ checked: Checked) -> Bool {
        progress.pause()
        report(checked.diagnostics, account: checked.account, files: checked.folderFiles, grouped: true)
        guard checked.diagnostics.errorCount == 0 else {
            progress.finish()
            console.err("star-report: " + Message(.noReportWritten).text(options.language))
            return false
        }
        return true
    }

    /// Rates every branch. The submissions move on into the results' provenance (results.json
    /// lets them go as soon as it is written).
    func rate(_ checked: inout Checked) -> Rated {
        // Reading a province leaves its row buffers free in glibc's arenas; hand them back
        // before the results are built beside the submissions.
        Memory.giveBack()
        progress.stage(.rating)
        let scope = options.quotaScope ?? checked.rules.quotaScope
        let outcome = RatingEngine(rules: checked.rules).rate(checked.submissions, year: checked.year, previous: checked.previous, scope: scope)
        let submissions = checked.submissions
        checked.submissions = []
        let expectedFiles = 5 + 2 * Set(submissions.map(\.branch.committeeID)).count
        let noticeDate = options.noticeDate ?? CivilDate(year: outcome.referenceDate.year, month: 12, day: 31)!
        let warnings = checked.diagnostics.sortedForDisplay().in(options.language)
        let context = ReportContext(
            outcome: outcome, rules: checked.rules, config: checked.config, warnings: warnings,
            noticeDate: noticeDate, quotaScope: scope, hasPrevious: checked.previous != nil)
        let run = ResultsFiles.RunInfo(
            inputs: checked.files.filter { $0.kind != .ignored }.map { ($0.path, $0.kind.rawValue, $0.records, $0.bytes, $0.sha256) },
            noticeDate: noticeDate, quotaScope: scope, submissions: consume submissions,
            submissionsReleased: Memory.giveBack)
        return Rated(
            context: context, run: run, validationText: validationText(warnings, account: checked.account, files: checked.folderFiles),
            expectedFiles: expectedFiles)
    }

    /// Renders every report into a temporary folder beside the output and swaps it into place;
    /// the names written.
    func write(_ rated: Rated, templates: TemplateSet, to target: OutputTarget) throws -> [String] {
        progress.stage(.writing)
        progress.expectFiles(rated.expectedFiles)
        let folder = try OutputFolder(target)
        folder.onFile = { [progress] in progress.fileWritten() }
        let excel = ExcelOutput.Job(rated.context, to: folder)
        do {
            let names = try
                (ReportRenderer(templates: templates).render(rated.context, run: rated.run, validationText: rated.validationText, to: folder)
                + [excel.wait()]).sorted()
            try folder.commit()
            return names
        } catch {
            _ = try? excel.wait()
            folder.discard()
            throw error
        }
    }

    /// The closing line: the folder and a count per kind of file, or every path with `--list`.
    func announce(_ names: [String]) {
        progress.finish()
        let output = options.output ?? ""
        if options.list {
            for name in names { console.out(Pipeline.join(output, name)) }
        } else {
            console.out(written(names, folder: output))
        }
    }

    /// Prints why the run stopped, naming the stage it stopped in.
    func fail(_ error: Error) -> ExitStatus {
        let stage: MessageID? =
            switch progress.stage {
            case .none: nil
            case .reading: .stageReading
            case .rating: .stageRating
            case .writing: .stageWriting
            }
        progress.finish()
        let prefix = "star-report: " + (stage.map { Message($0).text(options.language) } ?? "")
        if let stop = error as? Stop {
            if !stop.diagnostics.isEmpty { report(stop.diagnostics, account: nil, files: nil, grouped: false) }
            console.err(prefix + stop.message.text(options.language))
            return stop.status
        }
        console.err(prefix + "\(error)")
        return .ioError
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
        guard ingest.files.contains(where: { $0.kind == .xml || $0.kind == .csv || $0.kind == .xlsx }) else {
            throw Stop(status: .noInput, .of(.noSubmissions, ("input", Escaped.text(options.input))))
        }
        var diagnostics = ingest.diagnostics
        // a sheet that gave no record at all: its branches are reported missing in one line
        let broken = ingest.files.filter { ($0.kind == .csv || $0.kind == .xlsx) && $0.records == 0 }.map(\.path)
        let outcome = validator.crossCheck(
            ingest.submissions, register: ingest.register, submittedElsewhere: ingest.rejectedBranchIDs,
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
        let xlsxFiles = ingest.files.filter { $0.kind == .xlsx }
        let records = ingest.submissions.count
        let unreadable = xmlFiles.filter { $0.records == 0 }.count + (csvFiles + xlsxFiles).filter { $0.records == 0 }.count
        let rows = csvFiles.reduce(0) { $0 + $1.records }
        let xlsxRows = xlsxFiles.reduce(0) { $0 + $1.records }
        let account = Message(
            .account,
            [
                "files": "\(ingest.files.count)", "xml": "\(xmlFiles.count)", "csv": "\(csvFiles.count)", "rows": "\(rows)",
                "records": "\(records)", "rated": "\(outcome.submissions.count)", "rejected": "\(outcome.rejected)", "unreadable": "\(unreadable)",
                "excel": xlsxFiles.isEmpty ? "" : "，Excel 汇总表 \(xlsxFiles.count) 个（\(xlsxRows) 行）",
                "filesEn": plural(ingest.files.count, "file"), "xmlEn": plural(xmlFiles.count, "XML file"), "csvEn": plural(csvFiles.count, "CSV sheet"),
                "rowsEn": plural(rows, "row"), "recordsEn": plural(records, "branch record"), "unreadableEn": plural(unreadable, "submission file"),
                "excelEn": xlsxFiles.isEmpty ? "" : ", \(plural(xlsxFiles.count, "Excel sheet")) with \(plural(xlsxRows, "row"))",
            ])
        return Checked(
            submissions: outcome.submissions, diagnostics: diagnostics.sortedForDisplay().in(options.language), rules: rules, config: config,
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

    static func join(_ dir: String, _ name: String) -> String { dir.hasSuffix("/") ? dir + name : dir + "/" + name }
}
