import Foundation
import StarModel
import StarPlatform
import StarRating
import StarRules

/// A year's input folder, opened: its names listed once, its rules read and its year settled —
/// what checking each record as it is read needs. `read` then reads everything else from the
/// same listing.
public struct YearFolder: Sendable {
    public let path: String
    public let rules: RuleSet
    /// The rating year: the one given, else the folder's name when it is a year, else the year of
    /// the folder's first record (no second pass over a province's files).
    public let year: Int
    let listing: [InputFolder.Entry]
    /// The folder's rules file read here, so that `read` does not read it again.
    let rulesAccount: FileAccount?
    /// The `--rules` file, an input too.
    let commandLineRules: FileAccount?
    let folder: InputFolder

    /// A file named on the command line (`--rules`, `--previous`): read as the shell gives it,
    /// so a pipe or `/dev/stdin` works too.
    static func commandLineFile(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    /// Lists the folder, reads the rules (`rulesFile`, else the folder's rules.toml, else the
    /// shipped scheme) and settles the year.
    public static func open(_ path: String, rulesFile: String? = nil, year: Int? = nil) throws(Failure) -> YearFolder {
        let folder: InputFolder
        do { folder = try InputFolder() } catch let e as Failure { throw e } catch {
            throw Failure(.ioError, Message(.schemaMissing))
        }
        let listing = try InputFolder.listFolder(path)

        let rules: RuleSet
        var rulesAccount: FileAccount?
        var commandLineRules: FileAccount?
        let result: Result<RuleSet, DiagnosticList>
        if let rulesFile {
            guard let bytes = YearFolder.commandLineFile(rulesFile) else {
                throw Failure(.noInput, .rulesNotFound(path: Escaped.text(rulesFile)))
            }
            result = RulesFile.parse(String(decoding: bytes, as: UTF8.self), path: rulesFile)
            commandLineRules = FileAccount(
                path: rulesFile, kind: .rules, records: 0, bytes: bytes.count, sha256: SHA256.hex(bytes))
        } else if let entry = listing.first(where: { $0.name == InputFolder.rulesName }) {
            // The folder's rules decide every star: one that cannot be read stops the run
            // rather than the shipped rules quietly taking its place.
            if let skipped = entry.skipped {
                throw Failure(.ioError, .cannotRead(path: entry.path, reason: skipped.content))
            }
            switch InputFolder.contents(of: entry.openPath) {
            case .success(let bytes):
                result = RulesFile.parse(String(decoding: bytes, as: UTF8.self), path: entry.path)
                rulesAccount = FileAccount(
                    path: entry.path, kind: .rules, records: 0, bytes: bytes.count, sha256: SHA256.hex(bytes))
            case .failure(let failure):
                let reason: any MessageArgument =
                    if case .system(let e) = failure { PlatformFile.reason(e) } else { Message(.fileNotRegular) }
                throw Failure(.ioError, .cannotRead(path: entry.path, reason: reason))
            }
        } else {
            result = RulesFile.loadDefault()
        }
        switch result {
        case .success(let r): rules = r
        case .failure(let list):
            throw Failure(.dataError, Message(.rulesHaveErrors), diagnostics: list.items)
        }

        var settled = year ?? 0
        if year == nil {
            let name = URL(fileURLWithPath: path).lastPathComponent
            if name.count == 4, let y = Int(name), (2000...2100).contains(y) {
                settled = y
            } else {
                settled = folder.peekYear(listing) ?? 0
            }
        }
        guard (2000...2100).contains(settled) else {
            throw Failure(.usage, year != nil ? Message(.yearRange) : .yearUnknown(input: Escaped.text(path)))
        }
        return YearFolder(
            path: path, rules: rules, year: settled, listing: listing, rulesAccount: rulesAccount,
            commandLineRules: commandLineRules, folder: folder)
    }

    /// Reads every file of the listing, each record becoming `transform(record)` as soon as it
    /// is read; the notice settings are parsed as they are read, and last year's results
    /// (`previousFile`) are read too.
    public func read<Record: Sendable>(
        previousFile: String? = nil, progress: ReadProgress? = nil,
        transform: @escaping @Sendable (RawSubmission) -> Record
    ) throws(Failure) -> YearInputs<Record> {
        let known = rulesAccount.map { [$0.path: $0] } ?? [:]
        let ingest = try folder.read(listing, known: known, progress: progress, transform: transform)
        guard ingest.files.contains(where: { $0.kind == .xml || $0.kind.isSheet }) else {
            throw Failure(.noInput, .noSubmissions(input: Escaped.text(path)))
        }
        var diagnostics = ingest.diagnostics
        var config = NoticeConfig()
        let configPath = ingest.configFile?.path ?? joinPath(path, NoticeConfig.file)
        if let file = ingest.configFile {
            let (c, found) = NoticeConfig.read(file.text, path: file.path)
            config = c
            diagnostics += found
        }
        // the files given on the command line are inputs too: listed with their SHA-256
        var commandLine: [FileAccount] = []
        if let commandLineRules { commandLine.append(commandLineRules) }
        var previous: PreviousResults?
        if let previousFile {
            let read = try PreviousResults.read(previousFile, year: year, diagnostics: &diagnostics)
            commandLine.append(read.account)
            previous = read
        }
        return YearInputs(
            year: year, rules: rules, config: config, configPath: configPath,
            previous: previous?.usable == true ? previous?.stars : nil,
            previousResults: previous, records: ingest.submissions,
            register: ingest.register, rejectedBranchIDs: ingest.rejectedBranchIDs, rejectedFiles: ingest.rejectedFiles,
            diagnostics: diagnostics,
            files: ingest.files + commandLine, folderFileCount: ingest.files.count)
    }

}

/// Everything a year's run reads: every file with its digest, the rules, the notice settings,
/// the register, last year's results, the year, and each submission record as `transform` made
/// it (the pipeline checks each record as soon as it is read).
public struct YearInputs<Record: Sendable>: Sendable {
    public var year: Int
    public var rules: RuleSet
    public var config: NoticeConfig
    /// Where the notice settings are (or would be): the path their warnings name.
    public var configPath: String
    /// Last year's stars by branch id (`--previous`), when they can be used.
    public var previous: [String: Int]?
    /// Last year's results as read and checked (`--previous`): the file, its year, its stars.
    public var previousResults: PreviousResults?
    /// One per branch record found (XML file or CSV row), in file then line order.
    public var records: [Record]
    public var register: [RegisteredBranch]?
    /// Branch ids named by XML files rejected before extraction: the branch did submit.
    public var rejectedBranchIDs: Set<String>
    /// The same by file path.
    public var rejectedFiles: [String: String]
    /// The problems of the files and of the settings.
    public var diagnostics: [Diagnostic]
    /// Every input: the folder's files, then the command line's `--rules` and `--previous`.
    public var files: [FileAccount]
    /// How many of `files` are the folder's.
    public var folderFileCount: Int

    /// Takes the records out; what stays describes the inputs for the reports.
    public mutating func takeRecords() -> [Record] {
        defer { records = [] }
        return records
    }
}
