import ArgumentParser
import Foundation
import StarLedger
import StarModel
import StarPipeline
import StarPlatform
import StarRating
import StarSend

/// The command line of docs/outputs.md; argument parsing and wiring only. The language is chosen
/// before anything is parsed, so that `--help` is in it too.
@main
enum Entry {
    static func main() {
        Language.process = Language.choose(
            arguments: CommandLine.arguments, environment: ProcessInfo.processInfo.environment)
        Memory.mapLargeBlocks()
        OutOfMemory.install()
        var command: ParsableCommand
        do {
            command = try StarReport.parseAsRoot()
        } catch {
            usage(error)
        }
        do {
            try command.run()
        } catch {
            help(error)
            StarReport.exit(withError: error)
        }
    }

    /// A request for help (`--help`, `-h`, `help …`, a command group alone) is answered with
    /// Help's text in the user's language, exit 0; anything else returns.
    static func help(_ error: Error) {
        let arguments = Array(CommandLine.arguments.dropFirst())
        // only a request for help: ArgumentParser's other clean exits (--version,
        // --generate-completion-script, --experimental-dump-help, a completion's reply) print as it
        // prints them
        guard StarReport.exitCode(for: error) == .success, Help.isRequest(root: StarReport.self, arguments: arguments),
            let text = Help.text(
                root: StarReport.self, path: Help.path(root: StarReport.self, arguments: arguments),
                language: Language.process)
        else { return }
        FileHandle.standardOutput.write(Data(text.utf8))
        Foundation.exit(ExitStatus.ok.rawValue)
    }

    /// A command line that does not parse: `--help` as Help lays it out, `--version` as
    /// ArgumentParser shows it; anything else is one line in the user's language naming the command's help, exit
    /// 64 (ArgumentParser's own text, the usage and a "See" line were four lines in English).
    static func usage(_ error: Error) -> Never {
        help(error)
        guard StarReport.exitCode(for: error) == .validationFailure else { StarReport.exit(withError: error) }
        let reason = StarReport.message(for: error)
        let arguments = Array(CommandLine.arguments.dropFirst())
        let walk = Help.walk(root: StarReport.self, arguments: arguments)
        let described = Help.command(root: StarReport.self, path: walk.path)
        // the person's own mistake first, else ArgumentParser's reason in the user's language when
        // it is one of its known shapes
        let detail =
            (described.flatMap { UsageErrors.mistake(command: $0.0, walk: walk) }
            ?? UsageErrors.message(for: reason))?.text(Language.process)
            ?? reason.split(whereSeparator: \.isNewline).joined(separator: "; ")
        let help = described?.name ?? "star-report"
        Console.standard.err(
            "star-report: " + Message.usageHint(detail: detail, help: help + " --help").text(Language.process))
        Foundation.exit(ExitStatus.usage.rawValue)
    }
}

/// A `--year` outside 2000…2100 is bad usage, said in the one line the others are (the pipeline
/// checks it again for its other callers).
func checkYear(_ year: Int?) throws {
    if let year, !(2000...2100).contains(year) { throw ValidationError(Message(.yearRange).text(Language.process)) }
}

/// A star count outside 0…5 is bad usage, said as the others are (the ledger checks it again).
func checkStars(_ stars: Int) throws {
    if !(0...5).contains(stars) {
        throw ValidationError(Message.ledgerStarsRange(value: stars).text(Language.process))
    }
}

/// Help text in the chosen language.
func L(_ zh: String, _ en: String) -> String { Language.process == .zh ? zh : en }
func H(_ zh: String, _ en: String) -> ArgumentHelp { ArgumentHelp(stringLiteral: L(zh, en)) }

struct StarReport: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "star-report",
            abstract: L(
                "为基层党组织评定一至五星，写出公示、汇总和结果。",
                "Rates primary party organisations with one to five stars and writes the public notice and summaries."),
            discussion: L(
                "消息默认为中文；--lang en 或 STAR_REPORT_LANG=en 为英文。",
                "Messages are in Chinese by default; --lang en or STAR_REPORT_LANG=en gives English."),
            version: "0.1.0",
            subcommands: [Run.self, Validate.self, Send.self, Template.self, Init.self, LedgerGroup.self])
    }
}

extension CivilDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}

extension QuotaScope: ExpressibleByArgument {}

/// `--lang zh|en`, shared by the commands (the value was already used to choose the language).
struct LanguageOption: ParsableArguments {
    @Option(
        help: H(
            "消息语言：zh（默认）或 en（也可用环境变量 STAR_REPORT_LANG）",
            "Language of the messages: zh (default) or en (also STAR_REPORT_LANG)."))
    var lang: String?

    func validate() throws {
        if let lang, Language(tag: lang) == nil {
            throw ValidationError(L("--lang 只能是 zh 或 en", "--lang must be zh or en"))
        }
    }

    var language: Language { lang.flatMap(Language.init(tag:)) ?? Language.process }
}

struct Run: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            abstract: L(
                "校验一年的材料，为每个支部评星，写出全部报告。", "Validate a year's submissions, rate every branch and write all reports."))
    }

    @Option(
        help: H(
            "当年的输入文件夹（XML、CSV、branches.csv、rules.toml、config.toml）",
            "The year's input folder (XML, CSV, branches.csv, rules.toml, config.toml).")) var input: String
    @Option(
        help: H(
            "存放报告的文件夹（新的、空的，或 star-report 以前写的；最后整体替换）",
            """
            The folder to write the reports to: new, empty, or written by star-report before (replaced as a whole \
            at the end).
            """
        )) var output: String
    @Option(
        help: H(
            "评定年度（默认：输入文件夹的名称，否则为材料中的年度）",
            "The rating year (default: the input folder's name, else the submissions' year).")) var year: Int?
    @Option(
        help: H(
            "规则文件（默认：输入文件夹中的 rules.toml，否则为 anyang-2017 方案）",
            "A rules file (default: the input folder's rules.toml, else the anyang-2017 scheme).")) var rules: String?
    @Option(
        help: H(
            "报告模板文件夹（默认：程序内置的 Templates/ 模板）",
            "A folder of report templates (default: the built-in ones of Templates/).")) var templates: String?
    @Option(
        name: .customLong("notice-date"),
        help: H(
            "公示日期 YYYY-MM-DD（默认：参照年度的 12 月 31 日）",
            "Date of the notice, YYYY-MM-DD (default: 31 December of the reference year)."))
    var noticeDate: CivilDate?
    @Option(
        help: H(
            "上一年度的结果，用于晋星/减星：results.csv、results.xlsx 或报告文件夹",
            "Last year's results, for the stars gained or lost: results.csv, results.xlsx or a reports folder."))
    var previous: String?
    @Option(
        help: H(
            "星级管理台账：上一年度的星级取自台账（代替 --previous）",
            "The star ledger: last year's stars come from it (instead of --previous).")) var ledger: String?
    @Option(
        name: .customLong("quota-scope"), help: H("名额范围：all（全部）或 committee（按上级党组织）", "Quota scope: all or committee."))
    var quotaScope: QuotaScope?
    @Flag(help: H("列出写出的每个文件", "Print every file written.")) var list = false
    @Flag(
        help: H(
            "另用无头 Chromium 把公示打印成 notice.pdf（没有 Chromium 时写出其余报告，退出码 69）",
            """
            Also print the notice to notice.pdf with headless Chromium (without Chromium the rest is written and \
            the exit status is 69).
            """
        ))
    var pdf = false
    @OptionGroup var language: LanguageOption

    func validate() throws {
        try checkYear(year)
        if ledger != nil && previous != nil {
            throw ValidationError(Message(.ledgerWithPrevious).text(Language.process))
        }
    }

    func run() throws {
        var options = Options(
            input: input, output: output, year: year, rules: rules, templates: templates,
            noticeDate: noticeDate, previous: previous, quotaScope: quotaScope,
            language: language.language, list: list, pdf: pdf)
        options.previousSource = ledger.map(LedgerPrevious.init(path:))
        try finish(Pipeline(options: options).run())
    }
}

struct Validate: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            abstract: L(
                "检查一年的材料，列出每个问题；有错误时退出码为 65。",
                "Check a year's submissions and print every problem; exit 65 when any is an error."))
    }

    @Option(help: H("当年的输入文件夹", "The year's input folder.")) var input: String
    @Option(
        help: H(
            "评定年度（默认：输入文件夹的名称，否则为材料中的年度）",
            "The rating year (default: the input folder's name, else the submissions' year).")) var year: Int?
    @Option(help: H("诊断信息格式：text 或 json", "Diagnostics format: text or json.")) var format: Format = .text
    @Option(
        help: H(
            "另把错误写成每个上级党组织一个的 错误清单-<编号>.xlsx，放进这个文件夹（新的、空的，或 star-report 以前写的；整体替换）",
            """
            Also write each committee's errors to 错误清单-<id>.xlsx in this folder (new, empty, or written by \
            star-report before; replaced as a whole).
            """
        ))
    var errors: String?
    @OptionGroup var language: LanguageOption

    func validate() throws { try checkYear(year) }

    enum Format: String, ExpressibleByArgument { case text, json }

    func run() throws {
        try finish(
            Pipeline(
                options: Options(
                    input: input, year: year, jsonDiagnostics: format == .json, language: language.language,
                    errors: errors)
            ).validate())
    }
}

struct Send: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            abstract: L(
                "通过 SMTP 发送每个上级党组织的 summary-<编号>.eml（设置见 config.toml 的 [smtp]；密码：STAR_REPORT_SMTP_PASSWORD）。",
                """
                Send each committee's summary-<id>.eml over SMTP (settings: [smtp] of config.toml; password: \
                STAR_REPORT_SMTP_PASSWORD).
                """
            ))
    }

    @Option(help: H("由 star-report run 写出的报告文件夹", "A reports folder written by `star-report run`.")) var reports:
        String?
    @Option(
        help: H(
            "含 [smtp] 表的 config.toml（默认：results.json 所列的那个）",
            "The config.toml with the [smtp] table (default: the one results.json lists).")) var config: String?
    @Option(
        help: H(
            "只发这些上级党组织（逗号分隔）；即使已发过也再发", "Only these committees, comma-separated; sends them again even if already sent."
        )) var only: String?
    @Flag(
        name: .customLong("dry-run"),
        help: H("只列出发送计划（上级党组织、地址、大小），不发送", "Print the plan (committee, address, size) and send nothing.")) var dryRun =
        false
    @Flag(help: H("不询问直接发送（标准输入不是终端时必须加）", "Send without asking (needed when stdin is not a terminal).")) var yes =
        false
    @Flag(
        help: H(
            "只检查 [smtp] 设置：连接、STARTTLS、登录，不发送任何邮件（需 --reports 或 --config）",
            "Only test the [smtp] settings: connect, STARTTLS and login; sends nothing (needs --reports or --config)."))
    var check = false
    @OptionGroup var language: LanguageOption

    func validate() throws {
        if reports == nil && !(check && config != nil) {
            throw ValidationError(
                L(
                    "缺少 --reports 文件夹（只检查设置时也可用 --check --config 文件）",
                    "missing --reports DIR (to test the settings alone: --check --config FILE)"))
        }
        if let only, only.split(separator: ",").allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ValidationError(
                L("--only 需要上级党组织编号，例如 --only CZJ,JYJ", "--only needs committee ids, e.g. --only CZJ,JYJ"))
        }
    }

    func run() throws {
        let ids = only.map {
            $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let options = SendOptions(
            reports: reports ?? "", config: config, only: ids, dryRun: dryRun, yes: yes,
            language: SendLanguage.choose(language.lang, environment: ProcessInfo.processInfo.environment), check: check
        )
        try finish(Sender(options: options).run())
    }
}

struct Template: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            abstract: L(
                "写出上级党组织填报用的 Excel 工作簿（branches.csv 中每个支部一行）；绝不覆盖已有文件。",
                """
                Write the Excel workbook a committee fills in (one row per branch of branches.csv); never \
                overwrites a file.
                """
            ))
    }

    @Option(help: H("当年的输入文件夹（用其中的 branches.csv 和规则）", "The year's input folder (its branches.csv and rules)."))
    var input: String
    @Option(help: H("要写出的工作簿（.xlsx 文件，不能已存在）", "The workbook to write, FILE.xlsx (must not exist).")) var output: String
    @Option(help: H("只含这个上级党组织的支部（其编号）", "Only this committee's branches (its committee_id).")) var committee: String?
    @Option(help: H("评定年度（默认：输入文件夹的名称）", "The rating year (default: the input folder's name).")) var year: Int?
    @OptionGroup var language: LanguageOption

    func validate() throws { try checkYear(year) }

    func run() throws {
        try finish(
            Pipeline(options: Options(input: input, year: year, language: language.language)).template(
                output: output, committee: committee))
    }
}

struct Init: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            abstract: L(
                "建一个新年度的文件夹：带中文说明的 config.toml、只有表头的 branches.csv、写明十二月步骤的 README.txt；绝不覆盖已有文件。",
                """
                Create a new year's folder: config.toml with every setting explained in Chinese, branches.csv \
                with its header, README.txt of the December steps; never overwrites a file.
                """
            ))
    }

    @Argument(help: H("新年度的文件夹，例如 2027（不存在时会建立）", "The new year's folder, e.g. 2027 (created if missing).")) var dir:
        String
    @Option(help: H("评定年度（默认：文件夹的名称）", "The rating year (default: the folder's name).")) var year: Int?
    @OptionGroup var language: LanguageOption

    func validate() throws { try checkYear(year) }

    func run() throws {
        try finish(Pipeline(options: Options(input: dir, year: year, language: language.language)).initYear())
    }
}

/// `star-report ledger …`: the star ledger's commands (docs/ledger.md); parsing only.
struct LedgerGroup: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "ledger",
            abstract: L(
                "星级管理台账：记入、异议、批准、复审、年中调整、导入、查询、导出工作簿，并写出台账页面。",
                """
                The star ledger: record, objections, approval, review, adjustments, import, history, its workbook \
                (export) and the ledger page (report).
                """),
            subcommands: [
                LedgerRecord.self, LedgerObject.self, LedgerResolve.self, LedgerApprove.self, LedgerReview.self,
                LedgerAdjust.self, LedgerImport.self,
                LedgerHistory.self, LedgerExport.self, LedgerReport.self,
            ])
    }
}

/// `--ledger FILE`, `--by NAME` and `--lang`, shared by the ledger's commands.
struct LedgerOptions: ParsableArguments {
    @Option(help: H("台账文件（SQLite）", "The ledger file (SQLite).")) var ledger: String
    @OptionGroup var language: LanguageOption

    var command: LedgerCommand { LedgerCommand(language: language.language) }
}

func today() -> CivilDate {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = .current
    let c = calendar.dateComponents([.year, .month, .day], from: Date())
    return CivilDate(year: c.year!, month: c.month!, day: c.day!)!
}

/// A command's exit status as ArgumentParser's exit.
func finish(_ status: ExitStatus) throws { if status != .ok { throw ExitCode(status.rawValue) } }

/// A ledger command that changes the file: its `change` runs in one transaction of the ledger
/// named by `--ledger`, done by `--by`.
protocol LedgerChange: ParsableCommand {
    var options: LedgerOptions { get }
    var by: String? { get }
    func change(_ ledger: Ledger) throws(Failure) -> Ledger.Outcome
}

extension LedgerChange {
    func run() throws {
        try finish(options.command.change(ledger: options.ledger, by: by) { l throws(Failure) in try change(l) })
    }
}

struct LedgerRecord: LedgerChange {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "record",
            abstract: L(
                "把 run 写出的报告文件夹记入台账（公示中）。", "Record a reports folder written by run into the ledger (in notice)."))
    }
    @OptionGroup var options: LedgerOptions
    @Option(help: H("star-report run 写出的报告文件夹", "A reports folder written by star-report run.")) var reports: String
    @Option(help: H("操作人（默认：登录名）", "Who acts (default: the login name).")) var by: String?

    func change(_ l: Ledger) throws(Failure) -> Ledger.Outcome { try l.record(reports: reports) }
}

struct LedgerObject: LedgerChange {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "object",
            abstract: L("记录公示期内对支部拟评星级的异议。", "Record an objection to a branch's proposed stars during the notice."))
    }
    @OptionGroup var options: LedgerOptions
    @Option(help: H("年度", "The year.")) var year: Int
    @Option(help: H("支部编号", "The branch id.")) var branch: String
    @Option(help: H("异议内容", "What the objection says.")) var text: String
    @Option(help: H("日期 YYYY-MM-DD（默认：今天）", "Date, YYYY-MM-DD (default: today).")) var date: CivilDate?
    @Option(help: H("记录人（默认：登录名）", "Who records it (default: the login name).")) var by: String?

    func change(_ l: Ledger) throws(Failure) -> Ledger.Outcome {
        try l.object(year: year, branch: branch, text: text, date: date ?? today())
    }
}

struct LedgerResolve: LedgerChange {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "resolve",
            abstract: L("处理支部的全部未决异议，给出保留或改定的星级。", "Close a branch's open objections with the stars it keeps or gets."))
    }
    @OptionGroup var options: LedgerOptions
    @Option(help: H("年度", "The year.")) var year: Int
    @Option(help: H("支部编号", "The branch id.")) var branch: String
    @Option(help: H("处理后的星级 0–5", "The stars after the objection, 0–5.")) var stars: Int
    @Option(help: H("处理理由", "The reason.")) var reason: String
    @Option(help: H("处理人（默认：登录名）", "Who decides (default: the login name).")) var by: String?

    func validate() throws { try checkStars(stars) }

    func change(_ l: Ledger) throws(Failure) -> Ledger.Outcome {
        try l.resolve(year: year, branch: branch, stars: stars, reason: reason)
    }
}

struct LedgerApprove: LedgerChange {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "approve",
            abstract: L(
                "公示期满且无未决异议后，批准该年度（工委会批准）。", "Approve the year once the notice is over and no objection is open."))
    }
    @OptionGroup var options: LedgerOptions
    @Option(help: H("年度", "The year.")) var year: Int
    @Option(
        help: H("批准日期 YYYY-MM-DD（不早于公示日期后 7 天）", "Date of approval, YYYY-MM-DD (not before the notice date + 7 days)."))
    var date: CivilDate
    @Option(help: H("批准人（默认：登录名）", "Who approves (default: the login name).")) var by: String?
    @Option(help: H("批准文号", "The document number.")) var document: String?

    func change(_ l: Ledger) throws(Failure) -> Ledger.Outcome {
        try l.approve(year: year, date: date, document: document)
    }
}

struct LedgerReview: LedgerChange {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "review",
            abstract: L("记录市级对五星支部的复审结果。", "Record the municipal department's review of a five-star branch."))
    }
    @OptionGroup var options: LedgerOptions
    @Option(help: H("年度", "The year.")) var year: Int
    @Option(help: H("支部编号", "The branch id.")) var branch: String
    @Option(help: H("复审后的星级（5 为保留）", "The stars after the review (5 keeps them).")) var stars: Int
    @Option(help: H("复审意见", "The reason.")) var reason: String
    @Option(help: H("日期 YYYY-MM-DD（默认：今天）", "Date, YYYY-MM-DD (default: today).")) var date: CivilDate?
    @Option(help: H("记录人（默认：登录名）", "Who records it (default: the login name).")) var by: String?

    func validate() throws { try checkStars(stars) }

    func change(_ l: Ledger) throws(Failure) -> Ledger.Outcome {
        try l.review(year: year, branch: branch, stars: stars, reason: reason, date: date ?? today())
    }
}

struct LedgerAdjust: LedgerChange {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "adjust",
            abstract: L(
                "年中降低已批准支部的星级（须写明理由；不能升星）。",
                "Lower an approved branch's stars during the year (reason required; never raises)."))
    }
    @OptionGroup var options: LedgerOptions
    @Option(help: H("支部编号", "The branch id.")) var branch: String
    @Option(help: H("调整后的星级（低于现有星级）", "The stars after the adjustment (below the current ones).")) var stars: Int
    @Option(help: H("日期 YYYY-MM-DD", "Date, YYYY-MM-DD.")) var date: CivilDate
    @Option(help: H("调整理由", "The reason.")) var reason: String
    @Option(help: H("决定人（默认：登录名）", "Who decides (default: the login name).")) var by: String?
    @Option(help: H("文号", "The document number.")) var document: String?

    func validate() throws { try checkStars(stars) }

    func change(_ l: Ledger) throws(Failure) -> Ledger.Outcome {
        try l.adjust(branch: branch, stars: stars, date: date, reason: reason, document: document)
    }
}

struct LedgerImport: LedgerChange {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "import",
            abstract: L(
                "导入台账建立前某个已批准年度的 results.csv 或 results.xlsx。",
                "Import an approved year's results.csv or results.xlsx from before the ledger."))
    }
    @OptionGroup var options: LedgerOptions
    @Option(help: H("该年度的 results.csv 或 results.xlsx", "The year's results.csv or results.xlsx.")) var results: String
    @Option(help: H("年度", "The year.")) var year: Int
    @Option(help: H("操作人（默认：登录名）", "Who acts (default: the login name).")) var by: String?

    func change(_ l: Ledger) throws(Failure) -> Ledger.Outcome { try l.importYear(results: results, year: year) }
}

struct LedgerHistory: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "history",
            abstract: L(
                "列出一个支部历年的星级、异议、复审和调整。", "A branch's stars, objections, reviews and adjustments across the years."))
    }
    @OptionGroup var options: LedgerOptions
    @Option(help: H("支部编号", "The branch id.")) var branch: String
    @Option(help: H("格式：text 或 json", "Format: text or json.")) var format: Format = .text

    enum Format: String, ExpressibleByArgument { case text, json }

    func run() throws {
        let command = options.command
        try finish(
            command.read(ledger: options.ledger) { file throws(Failure) in
                let years = try file.history(branch: branch)
                return format == .json
                    ? String(HistoryJSON.render(branch: branch, years: years).dropLast()) : command.historyText(years)
            })
    }
}

struct LedgerExport: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "export", abstract: L("写出星级管理台账工作簿（.xlsx）。", "Write the star ledger workbook (.xlsx)."))
    }
    @OptionGroup var options: LedgerOptions
    @Option(help: H("要写出的工作簿（.xlsx 文件）", "The workbook to write, FILE.xlsx.")) var output: String
    @Option(help: H("只含到这一年度为止（默认：全部）", "Only the years up to this one (default: all).")) var year: Int?

    func run() throws {
        let command = options.command
        try finish(
            command.read(ledger: options.ledger) { file throws(Failure) in
                try LedgerBook.write(file, to: output, upTo: year, language: command.language)
            })
    }
}

struct LedgerReport: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "report", abstract: L("写出台账的 HTML 页面（含图表）。", "Write the ledger's HTML page with its charts."))
    }
    @OptionGroup var options: LedgerOptions
    @Option(help: H("写出 ledger.html 的文件夹", "The folder to write ledger.html into.")) var output: String
    @Option(help: H("只含到这一年度为止（默认：全部）", "Only the years up to this one (default: all).")) var year: Int?

    /// `--output page.html` names a file, where a folder is wanted: said at once, not made a folder
    /// of that name.
    func validate() throws {
        if output.lowercased().hasSuffix(".html") || output.lowercased().hasSuffix(".htm") {
            throw ValidationError(Message.ledgerReportOutputIsFile(output: Escaped.text(output)).text(Language.process))
        }
    }

    func run() throws {
        let command = options.command
        try finish(
            command.read(ledger: options.ledger) { file throws(Failure) in
                try LedgerPage.write(file, to: output, upTo: year, language: command.language)
            })
    }
}
