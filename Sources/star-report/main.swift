import ArgumentParser
import Foundation
import StarModel
import StarPipeline
import StarRating
import StarSend

/// The command line of docs/outputs.md; argument parsing and wiring only. The language is chosen
/// before anything is parsed, so that `--help` is in it too.
@main
enum Entry {
    static func main() {
        Language.process = Language.choose(arguments: CommandLine.arguments, environment: ProcessInfo.processInfo.environment)
        OutOfMemory.install()
        StarReport.main()
    }
}

/// Help text in the chosen language.
func L(_ zh: String, _ en: String) -> String { Language.process == .zh ? zh : en }
func H(_ zh: String, _ en: String) -> ArgumentHelp { ArgumentHelp(stringLiteral: L(zh, en)) }

struct StarReport: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "star-report",
            abstract: L("为基层党组织评定一至五星，写出公示、汇总和结果。", "Rates primary party organisations with one to five stars and writes the public notice and summaries."),
            discussion: L("消息默认为中文；--lang en 或 STAR_REPORT_LANG=en 为英文。", "Messages are in Chinese by default; --lang en or STAR_REPORT_LANG=en gives English."),
            version: "0.1.0",
            subcommands: [Run.self, Validate.self, Send.self, Template.self, Init.self])
    }
}

extension CivilDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}

extension QuotaScope: ExpressibleByArgument {}

/// `--lang zh|en`, shared by the commands (the value was already used to choose the language).
struct LanguageOption: ParsableArguments {
    @Option(help: H("消息语言：zh（默认）或 en（也可用环境变量 STAR_REPORT_LANG）", "Language of the messages: zh (default) or en (also STAR_REPORT_LANG)."))
    var lang: String?

    func validate() throws {
        if let lang, Language(tag: lang) == nil { throw ValidationError(L("--lang 只能是 zh 或 en", "--lang: zh or en")) }
    }

    var language: Language { lang.flatMap(Language.init(tag:)) ?? Language.process }
}

struct Run: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: L("校验一年的材料，为每个支部评星，写出全部报告。", "Validate a year's submissions, rate every branch and write all reports."))
    }

    @Option(help: H("当年的输入文件夹（XML、CSV、branches.csv、rules.toml、config.toml）", "The year's input folder (XML, CSV, branches.csv, rules.toml, config.toml).")) var input: String
    @Option(
        help: H(
            "存放报告的文件夹（新的、空的，或 star-report 以前写的；最后整体替换）",
            "The folder to write the reports to: new, empty, or written by star-report before (replaced as a whole at the end).")) var output: String
    @Option(help: H("评定年度（默认：输入文件夹的名称，否则为材料中的年度）", "The rating year (default: the input folder's name, else the submissions' year).")) var year: Int?
    @Option(help: H("规则文件（默认：输入文件夹中的 rules.toml，否则为 anyang-2017 方案）", "A rules file (default: the input folder's rules.toml, else the anyang-2017 scheme).")) var rules: String?
    @Option(help: H("报告模板文件夹（默认：程序内置的 Templates/ 模板）", "A folder of report templates (default: the built-in ones of Templates/).")) var templates: String?
    @Option(name: .customLong("notice-date"), help: H("公示日期 YYYY-MM-DD（默认：参照年度的 12 月 31 日）", "Date of the notice, YYYY-MM-DD (default: 31 December of the reference year)."))
    var noticeDate: CivilDate?
    @Option(
        help: H(
            "上一年度的结果，用于晋星/减星：results.csv、results.xlsx 或报告文件夹", "Last year's results, for 晋星/减星: results.csv, results.xlsx or a reports folder."))
    var previous: String?
    @Option(name: .customLong("quota-scope"), help: H("名额范围：all（全部）或 committee（按上级党组织）", "Quota scope: all or committee.")) var quotaScope: QuotaScope?
    @Flag(help: H("列出写出的每个文件", "Print every file written.")) var list = false
    @Flag(
        help: H(
            "另用无头 Chromium 把公示打印成 notice.pdf（没有 Chromium 时写出其余报告，退出码 69）",
            "Also print the notice to notice.pdf with headless Chromium (without Chromium the rest is written and the exit status is 69)."))
    var pdf = false
    @OptionGroup var language: LanguageOption

    func run() throws {
        let options = Options(
            input: input, output: output, year: year, rules: rules, templates: templates,
            noticeDate: noticeDate, previous: previous, quotaScope: quotaScope,
            language: language.language, list: list, pdf: pdf)
        let status = Pipeline(options: options).run()
        if status != .ok { throw ExitCode(status.rawValue) }
    }
}

struct Validate: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: L("检查一年的材料，列出每个问题；有错误时退出码为 65。", "Check a year's submissions and print every problem; exit 65 when any is an error."))
    }

    @Option(help: H("当年的输入文件夹", "The year's input folder.")) var input: String
    @Option(help: H("评定年度（默认：输入文件夹的名称，否则为材料中的年度）", "The rating year (default: the input folder's name, else the submissions' year).")) var year: Int?
    @Option(help: H("诊断信息格式：text 或 json", "Diagnostics format: text or json.")) var format: Format = .text
    @Option(
        help: H(
            "另把错误写成每个上级党组织一个的 错误清单-<编号>.xlsx，放进这个文件夹（新的、空的，或 star-report 以前写的；整体替换）",
            "Also write each committee's errors to 错误清单-<id>.xlsx in this folder (new, empty, or written by star-report before; replaced as a whole)."))
    var errors: String?
    @OptionGroup var language: LanguageOption

    enum Format: String, ExpressibleByArgument { case text, json }

    func run() throws {
        let status = Pipeline(
            options: Options(input: input, year: year, jsonDiagnostics: format == .json, language: language.language, errors: errors)
        ).validate()
        if status != .ok { throw ExitCode(status.rawValue) }
    }
}

struct Send: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            abstract: L(
                "通过 SMTP 发送每个上级党组织的 summary-<编号>.eml（设置见 config.toml 的 [smtp]；密码：STAR_REPORT_SMTP_PASSWORD）。",
                "Send each committee's summary-<id>.eml over SMTP (settings: [smtp] of config.toml; password: STAR_REPORT_SMTP_PASSWORD)."))
    }

    @Option(help: H("由 star-report run 写出的报告文件夹", "A reports folder written by `star-report run`.")) var reports: String?
    @Option(help: H("含 [smtp] 表的 config.toml（默认：results.json 所列的那个）", "The config.toml with the [smtp] table (default: the one results.json lists).")) var config: String?
    @Option(help: H("只发这些上级党组织（逗号分隔）；即使已发过也再发", "Only these committees, comma-separated; sends them again even if already sent.")) var only: String?
    @Flag(name: .customLong("dry-run"), help: H("只列出发送计划（上级党组织、地址、大小），不发送", "Print the plan (committee, address, size) and send nothing.")) var dryRun = false
    @Flag(help: H("不询问直接发送（标准输入不是终端时必须加）", "Send without asking (needed when stdin is not a terminal).")) var yes = false
    @Flag(
        help: H(
            "只检查 [smtp] 设置：连接、STARTTLS、登录，不发送任何邮件（需 --reports 或 --config）",
            "Only test the [smtp] settings: connect, STARTTLS and login; sends nothing (needs --reports or --config).")) var check = false
    @OptionGroup var language: LanguageOption

    func validate() throws {
        if reports == nil && !(check && config != nil) {
            throw ValidationError(L("缺少 --reports DIR（只检查设置时也可用 --check --config FILE）", "missing --reports DIR (to test the settings alone: --check --config FILE)"))
        }
        if let only, only.split(separator: ",").allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ValidationError(L("--only 需要上级党组织编号，例如 --only CZJ,JYJ", "--only needs committee ids, e.g. --only CZJ,JYJ"))
        }
    }

    func run() throws {
        let ids = only.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        let options = SendOptions(
            reports: reports ?? "", config: config, only: ids, dryRun: dryRun, yes: yes,
            language: SendLanguage.choose(language.lang, environment: ProcessInfo.processInfo.environment), check: check)
        let status = Sender(options: options).run()
        if status != .ok { throw ExitCode(status.rawValue) }
    }
}

struct Template: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            abstract: L(
                "写出上级党组织填报用的 Excel 工作簿（branches.csv 中每个支部一行）；绝不覆盖已有文件。",
                "Write the Excel workbook a committee fills in (one row per branch of branches.csv); never overwrites a file."))
    }

    @Option(help: H("当年的输入文件夹（用其中的 branches.csv 和规则）", "The year's input folder (its branches.csv and rules).")) var input: String
    @Option(help: H("要写出的工作簿 FILE.xlsx（不能已存在）", "The workbook to write, FILE.xlsx (must not exist).")) var output: String
    @Option(help: H("只含这个上级党组织的支部（其编号）", "Only this committee's branches (its committee_id).")) var committee: String?
    @Option(help: H("评定年度（默认：输入文件夹的名称）", "The rating year (default: the input folder's name).")) var year: Int?
    @OptionGroup var language: LanguageOption

    func run() throws {
        let status = Pipeline(options: Options(input: input, year: year, language: language.language)).template(output: output, committee: committee)
        if status != .ok { throw ExitCode(status.rawValue) }
    }
}

struct Init: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            abstract: L(
                "建一个新年度的文件夹：带中文说明的 config.toml、只有表头的 branches.csv、写明十二月步骤的 README.txt；绝不覆盖已有文件。",
                "Create a new year's folder: config.toml with every setting explained in Chinese, branches.csv with its header, README.txt of the December steps; never overwrites a file."
            ))
    }

    @Argument(help: H("新年度的文件夹，例如 2027（不存在时会建立）", "The new year's folder, e.g. 2027 (created if missing).")) var dir: String
    @Option(help: H("评定年度（默认：文件夹的名称）", "The rating year (default: the folder's name).")) var year: Int?
    @OptionGroup var language: LanguageOption

    func run() throws {
        let status = Pipeline(options: Options(input: dir, year: year, language: language.language)).initYear()
        if status != .ok { throw ExitCode(status.rawValue) }
    }
}
