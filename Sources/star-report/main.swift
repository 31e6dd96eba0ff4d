import ArgumentParser
import StarModel
import StarPipeline
import StarRating

/// The command line of outputs.md; argument parsing and wiring only.
@main
struct StarReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "star-report",
        abstract: "Rates primary party organisations with one to five stars and writes the public notice and summaries.",
        version: "0.1.0",
        subcommands: [Run.self, Validate.self, Template.self])
}

extension CivilDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}

extension QuotaScope: ExpressibleByArgument {}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate a year's submissions, rate every branch and write all reports.")

    @Option(help: "The year's input folder (XML, CSV, branches.csv, rules.toml, config.toml).") var input: String
    @Option(help: "The folder to write the reports to (replaced as a whole at the end).") var output: String
    @Option(help: "The rating year (default: the input folder's name, else the submissions' year).") var year: Int?
    @Option(help: "A rules file (default: the input folder's rules.toml, else the anyang-2017 scheme).") var rules: String?
    @Option(help: "A folder of report templates (default: Templates/).") var templates: String?
    @Option(name: .customLong("notice-date"), help: "Date of the notice, YYYY-MM-DD (default: 31 December of the reference year).") var noticeDate: CivilDate?
    @Option(help: "Last year's results.csv, for 晋星/减星.") var previous: String?
    @Option(name: .customLong("quota-scope"), help: "Quota scope: all or committee.") var quotaScope: QuotaScope?

    func run() throws {
        let options = Options(input: input, output: output, year: year, rules: rules, templates: templates,
                              noticeDate: noticeDate, previous: previous, quotaScope: quotaScope)
        let status = Pipeline(options: options).run()
        if status != .ok { throw ExitCode(status.rawValue) }
    }
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check a year's submissions and print every problem; exit 65 when any is an error.")

    @Option(help: "The year's input folder.") var input: String
    @Option(help: "The rating year (default: the input folder's name, else the submissions' year).") var year: Int?
    @Option(help: "Diagnostics format: text or json.") var format: Format = .text

    enum Format: String, ExpressibleByArgument { case text, json }

    func run() throws {
        let status = Pipeline(options: Options(input: input, year: year, jsonDiagnostics: format == .json)).validate()
        if status != .ok { throw ExitCode(status.rawValue) }
    }
}

struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the Excel workbook a committee fills in (one row per branch of branches.csv); never overwrites a file.")

    @Option(help: "The year's input folder (its branches.csv and rules).") var input: String
    @Option(help: "The workbook to write, FILE.xlsx (must not exist).") var output: String
    @Option(help: "Only this committee's branches (its committee_id).") var committee: String?
    @Option(help: "The rating year (default: the input folder's name).") var year: Int?

    func run() throws {
        let status = Pipeline(options: Options(input: input, year: year)).template(output: output, committee: committee)
        if status != .ok { throw ExitCode(status.rawValue) }
    }
}
