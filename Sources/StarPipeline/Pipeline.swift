import Foundation
import StarExcel
import StarIngest
import StarModel
import StarPlatform
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
        self.options = options
        self.console = console
        progress = Progress(language: options.language)
    }

    /// `star-report validate`: diagnostics only; 65 when any error.
    /// With `--errors DIR`, also writes each committee's error list into DIR (checked and locked
    /// before anything is read, as `run --output` is).
    public func validate() -> ExitStatus {
        do {
            try Pipeline.checkLimits()
            var target: OutputTarget?
            var lock: OutputLock?
            defer { lock?.release() }
            if let errors = options.errors {
                let t = try OutputTarget.check(errors, input: options.input)
                try ErrorLists.refuseReports(t, shown: errors)
                lock = try OutputLock(t)
                target = t
                Interruption.shared.install()
            }
            let folder = try open()
            let checked = crossCheck(try read(folder))
            progress.finish()
            report(checked.diagnostics, account: checked.account, files: checked.inputs.folderFileCount, grouped: false)
            if let target, let routing = checked.routing {
                let count = try ErrorLists.write(
                    checked.diagnostics, routing: routing, input: options.input, year: checked.inputs.year,
                    language: options.language, to: target)
                let shown = Escaped.text(options.errors ?? "")
                console.err(
                    (count == 0
                        ? Message.errorsNone(folder: shown)
                        : Message.errorsWritten(folder: shown, count: self.count(count, "workbook")))
                        .text(options.language))
            }
            return checked.diagnostics.errorCount > 0 ? .dataError : .ok
        } catch {
            return fail(error)
        }
    }

    /// `star-report run`: every stage in turn; a failure names the stage it stopped in.
    public func run() -> ExitStatus {
        do {
            try Pipeline.checkLimits()
            // The output is checked and locked before anything is read: a refused output
            // costs nothing and touches nothing.
            let target = try OutputTarget.check(options.output ?? "", input: options.input)
            let lock = try OutputLock(target)
            defer { lock.release() }
            Interruption.shared.install()
            let folder = try open()
            let inputs = try read(folder)
            let checked = crossCheck(consume inputs)
            guard accept(checked) else { return .dataError }
            let templates = try loadTemplates()
            let rated = rate(consume checked)
            let (names, pdfProblem) = try write(consume rated, templates: templates, to: target)
            announce(names)
            if let pdfProblem {
                console.err("star-report: " + pdfProblem.text(options.language))
                return .unavailable
            }
            return .ok
        } catch {
            return fail(error)
        }
    }

    /// The year checked: the submissions that can be rated, every diagnostic (in the user's
    /// language), the closing account, and the inputs the reports name.
    struct CheckedYear {
        var validated: ValidatedYear
        /// The inputs, their records taken out.
        var inputs: YearInputs<Validator.Checked>
        var account: Message
        /// Each diagnostic's committee (`validate --errors` only).
        var routing: CommitteeRouting?
        var diagnostics: [Diagnostic] { validated.diagnostics }
    }

    /// What rating produced, with everything the reports need: the outcome, the quota scope
    /// resolved once, the notice date and the inputs' provenance. The submissions wait in a
    /// handoff for results.json, which lets them go.
    struct RatedYear {
        var context: ReportContext
        var run: ResultsFiles.RunInfo
        var submissions: Handoff<SubmissionStore>
        var validationText: String
        /// How many report files there will be (for the progress line).
        var expectedFiles: Int
    }

    /// Prints the diagnostics; false (no report) when any is an error.
    func accept(_ checked: borrowing CheckedYear) -> Bool {
        progress.pause()
        report(checked.diagnostics, account: checked.account, files: checked.inputs.folderFileCount, grouped: true)
        guard checked.diagnostics.errorCount == 0 else {
            progress.finish()
            console.err("star-report: " + Message(.noReportWritten).text(options.language))
            return false
        }
        return true
    }

    /// Of `files`, those whose rated submissions all belong to one committee, with it: the sheet
    /// a warning about a row that is no branch's (a note row) came from is that committee's.
    static func committeeOfFile(_ store: SubmissionStore, files: Set<String>) -> [String: String] {
        guard !files.isEmpty else { return [:] }
        var found: [String: String] = [:]
        var mixed: Set<String> = []
        var last: (file: String, wanted: Bool)?
        for i in store.indices {
            let row = store[packed: i]
            let file = row.source.file
            // a sheet's rows come together: its path is looked up once per run of them
            if last?.file != file { last = (file, files.contains(file)) }
            guard last!.wanted else { continue }
            let committee = row.branch.committeeID
            if let seen = found[file], seen != committee { mixed.insert(file) } else { found[file] = committee }
        }
        return found.filter { !mixed.contains($0.key) }
    }

    /// Rates every branch. The submissions move on into the handoff for results.json.
    func rate(_ checked: consuming CheckedYear) -> RatedYear {
        // Reading a province leaves its row buffers free in glibc's arenas; hand them back
        // before the results are built beside the submissions.
        Memory.giveBack()
        progress.stage(.rating)
        var inputs = checked.inputs
        let scope = options.quotaScope ?? inputs.rules.quotaScope
        // --quota-scope replaces the rules file's: the rules' texts (the quotas' descriptors) say it
        inputs.rules.quotaScope = scope
        let warnings = checked.diagnostics.sortedForDisplay().in(options.language)
        let committeeOfFile = Pipeline.committeeOfFile(
            checked.validated.submissions, files: Set(warnings.filter { $0.branchID == nil }.map(\.location.file)))
        let submissions = Handoff(checked.validated.submissions)
        checked.validated.submissions = SubmissionStore()
        let outcome = submissions.read {
            RatingEngine(rules: inputs.rules).rate($0, year: inputs.year, previous: inputs.previous, scope: scope)
        }
        let expectedFiles = 5 + 2 * Set(outcome.results.map(\.branch.committeeID)).count
        let noticeDate = options.noticeDate ?? CivilDate(year: outcome.referenceDate.year, month: 12, day: 31)!
        let context = ReportContext(
            outcome: outcome, rules: inputs.rules, config: inputs.config, warnings: warnings,
            noticeDate: noticeDate, quotaScope: scope, hasPrevious: inputs.previous != nil,
            committeeOfFile: committeeOfFile)
        let run = ResultsFiles.RunInfo(
            inputs: inputs.files.filter { $0.kind != .ignored }.map {
                ($0.path, $0.kind.rawValue, $0.records, $0.bytes, $0.sha256)
            },
            noticeDate: noticeDate, quotaScope: scope)
        return RatedYear(
            context: context, run: run, submissions: submissions,
            validationText: validationText(warnings, account: checked.account, files: inputs.folderFileCount),
            expectedFiles: expectedFiles)
    }

    /// Renders every report into a temporary folder beside the output and swaps it into place;
    /// the names written. results.json and results.xlsx are written on threads of their own
    /// beside the other reports; once results.json is written, the submissions are let go and
    /// their memory handed back before the notice's large strings are built. With `--pdf`,
    /// notice.pdf is printed into the folder before the swap (else the reason it is not).
    func write(_ rated: consuming RatedYear, templates: TemplateSet, to target: OutputTarget) throws -> (
        names: [String], pdfProblem: Message?
    ) {
        progress.stage(.writing)
        progress.expectFiles(rated.expectedFiles)
        let folder = try OutputFolder(target)
        folder.onFile = { [progress] in progress.fileWritten() }
        let context = rated.context
        let run = rated.run
        let submissions = rated.submissions
        let progress = progress
        let json = Job {
            try submissions.take { store in
                try folder.stream("results.json") {
                    ResultsFiles.json(context.outcome, rules: context.rules, run: run, submissions: store, write: $0)
                }
            }
            Memory.giveBack()
            progress.mark("results.json")
            return "results.json"
        }
        let excel = Job {
            let name = try ExcelOutput.writeResults(context, to: folder)
            progress.mark(name)
            return name
        }
        do {
            let reports = try ReportRenderer(templates: templates).render(
                context, validationText: rated.validationText, to: folder)
            progress.mark("the notices and summaries")
            let pdfProblem = options.pdf ? NoticePDF.print(in: folder.temp) : nil
            let pdf = options.pdf && pdfProblem == nil ? [NoticePDF.name] : []
            let names = try (reports + [json.wait(), excel.wait()] + pdf).sorted()
            try folder.commit()
            return (names, pdfProblem)
        } catch {
            _ = try? json.wait()
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
            for name in names { console.out(joinPath(output, name)) }
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
        if let stop = error as? Failure {
            if !stop.diagnostics.isEmpty { report(stop.diagnostics, account: nil, files: nil, grouped: false) }
            console.err(prefix + stop.message.text(options.language))
            return stop.status
        }
        console.err(prefix + "\(error)")
        return .ioError
    }

    // MARK: stages

    /// Lists the input folder once, reads the rules and settles the year.
    func open() throws -> YearFolder {
        if options.year != nil, !(2000...2100).contains(options.year!) { throw Failure(.usage, Message(.yearRange)) }
        progress.stage(.reading)
        return try YearFolder.open(options.input, rulesFile: options.rules, year: options.year)
    }

    /// Reads every file, checking each record as it is read (ingest and validation are
    /// streamed, so the text of a million rows is never held at once).
    func read(_ folder: YearFolder) throws -> YearInputs<Validator.Checked> {
        let validator = validator(year: folder.year, rules: folder.rules)
        var inputs = try folder.read(previousFile: options.previous, progress: progress.read) {
            [validator, progress] raw in
            progress.record()
            return validator.check(raw)
        }
        if let source = options.previousSource { inputs.usePrevious(try source.previous(forYear: inputs.year)) }
        return inputs
    }

    /// The checks across records: duplicates, the register, the notice settings.
    func crossCheck(_ inputs: consuming YearInputs<Validator.Checked>) -> CheckedYear {
        // a sheet that gave no record at all: its branches are reported missing in one line per committee
        let broken = inputs.files.filter { $0.kind.isSheet && $0.records == 0 }.map(\.path)
        let records = inputs.takeRecords()
        let recordCount = records.count
        var routing =
            options.errors == nil
            ? nil : CommitteeRouting(records: records, register: inputs.register, rejectedFiles: inputs.rejectedFiles)
        // last year's results against this year's branches (the register's, else those read)
        var acrossYears: [Diagnostic] = []
        if let previous = inputs.previousResults {
            let branches = inputs.register.map { Set($0.map(\.id)) } ?? Set(records.lazy.compactMap(\.branchID))
            if let d = previous.coverage(of: branches, year: inputs.year) { acrossYears.append(d) }
        }
        var validated = validator(year: inputs.year, rules: inputs.rules).crossCheck(
            consume records, register: inputs.register, submittedElsewhere: inputs.rejectedBranchIDs,
            brokenFiles: broken)
        var committees = Set<String>()
        for i in validated.submissions.indices {
            committees.insert(validated.submissions[packed: i].branch.committeeID)
        }
        validated.diagnostics =
            (inputs.diagnostics + validated.diagnostics + acrossYears
            + inputs.config.missingSettings(
                path: inputs.configPath, committees: committees.sorted(),
                registered: Set((inputs.register ?? []).map(\.committeeID))))
            .sortedForDisplay().in(options.language)
        routing?.noteBroken(files: broken, diagnostics: validated.diagnostics)
        let account = account(inputs.files.prefix(inputs.folderFileCount), records: recordCount, validated: validated)
        return CheckedYear(validated: validated, inputs: inputs, account: account, routing: routing)
    }

    func validator(year: Int, rules: RuleSet) -> Validator {
        var validator = Validator(year: year)
        validator.participationWarningPercent = rules.participationWarningPercent
        validator.selfOverSuperiorWarning = rules.selfOverSuperiorWarning
        validator.aspectMax = rules.aspectMax
        return validator
    }

    /// The closing account of what was read: files by kind, records, rated and rejected.
    func account(_ files: ArraySlice<FileAccount>, records: Int, validated: ValidatedYear) -> Message {
        let xmlFiles = files.filter { $0.kind == .xml }
        let csvFiles = files.filter { $0.kind == .csv }
        // a spreadsheet that cannot be read (an .xls) is among the sheets, with no row
        let xlsxFiles = files.filter { $0.kind == .xlsx || $0.kind == .otherSheet }
        let unreadable = (xmlFiles + csvFiles + xlsxFiles).filter { $0.records == 0 }.count
        let rows = csvFiles.reduce(0) { $0 + $1.records }
        let xlsxRows = xlsxFiles.reduce(0) { $0 + $1.records }
        let excel: any MessageArgument =
            xlsxFiles.isEmpty
            ? "" : Message.accountExcel(sheets: count(xlsxFiles.count, "Excel sheet"), rows: count(xlsxRows, "row"))
        // a clean run says nothing of files without a record
        let noRecord: any MessageArgument =
            unreadable == 0 ? "" : Message.accountUnreadable(count: count(unreadable, "submission file"))
        return .account(
            files: count(files.count, "file"), xml: count(xmlFiles.count, "XML file"),
            csv: count(csvFiles.count, "CSV sheet"), rows: count(rows, "row"), excel: excel,
            records: count(records, "branch record"), rated: validated.submissions.count, rejected: validated.rejected,
            unreadable: noRecord)
    }
}
