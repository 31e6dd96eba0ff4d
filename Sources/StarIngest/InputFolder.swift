import CLibXML2
import Dispatch
import Foundation
import StarModel
import StarPlatform
import StarRules
import Synchronization

/// How far reading has got, in bytes of the input files (for the progress line).
public final class ReadProgress: Sendable {
    private let totalBytes = Atomic<Int>(0)
    private let doneBytes = Atomic<Int>(0)
    public init() {}
    public var total: Int { totalBytes.load(ordering: .relaxed) }
    public var done: Int { min(doneBytes.load(ordering: .relaxed), total) }
    func setTotal(_ n: Int) { totalBytes.store(n, ordering: .relaxed) }
    func add(_ n: Int) { doneBytes.add(n, ordering: .relaxed) }
}

/// What ingest found in a year's folder. `Record` is what each branch record became: the raw
/// submission itself, or whatever the caller's per-record transform made of it (the pipeline
/// validates each record as soon as it is read, so the raw text is never all held at once).
public struct IngestResult<Record: Sendable>: Sendable {
    /// One per branch record found (XML file or CSV row), in file then line order.
    public var submissions: [Record] = []
    /// The register `branches.csv`, if the folder has one.
    public var register: [RegisteredBranch]?
    public var diagnostics: [Diagnostic] = []
    /// Every file looked at, for the closing account and the results' provenance.
    public var files: [FileAccount] = []
    /// The notice settings found in the folder (path and text), if any. (The rules file is read
    /// first, by `YearFolder.open`: checking each record needs it.)
    public var configFile: (path: String, text: String)?
    /// Branch ids named by XML files that were rejected before extraction (schema errors): the
    /// branch did submit, so the register check must not call it missing.
    public var rejectedBranchIDs: Set<String> = []
    /// The same by file: the branch id each rejected XML file names (its errors' committee).
    public var rejectedFiles: [String: String] = [:]
}

/// One file of the input folder and what became of it.
public struct FileAccount: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case xml, csv, xlsx, register, rules, config, previous, ignored
        /// A spreadsheet star-report cannot read (`.xls`, `.et`, `.numbers`, `.ods`): one error
        /// saying to save it as .xlsx, and the register's branches it probably holds under it.
        case otherSheet = "other-sheet"

        /// A committee's sheet, read or not: a sheet that gives no record is the root cause of
        /// its committee's missing branches.
        public var isSheet: Bool { self == .csv || self == .xlsx || self == .otherSheet }
    }
    public var path: String
    public var kind: Kind
    /// Branch records read from it (1 for a good XML file, the data rows for a CSV sheet).
    public var records: Int
    public var bytes: Int
    /// SHA-256 of the file's bytes (hex), recorded in results.json.
    public var sha256: String = ""

    public init(path: String, kind: Kind, records: Int, bytes: Int, sha256: String = "") {
        self.path = path
        self.kind = kind
        self.records = records
        self.bytes = bytes
        self.sha256 = sha256
    }
}

/// Reads a year's input folder (docs/input-formats.md): every `*.xml` submission, every `*.csv`
/// sheet, the register `branches.csv`, the rules file `rules.toml` and the notice settings
/// `config.toml`. Files are read in name order so the result never depends on the file system.
public struct InputFolder: Sendable {
    public static let registerName = "branches.csv"
    public static let rulesName = "rules.toml"
    public static let configName = NoticeConfig.file
    /// The December steps `star-report init` writes into a year folder: skipped without a warning
    /// (any case of the name), so a folder made by `init` reads cleanly.
    public static let readmeName = "README.txt"

    let schema: CompiledSchema

    /// libxml2's global state (its mutexes, its random seed) is set up once, before any thread
    /// uses it: two threads compiling the schema at once otherwise race on it and can deadlock.
    static let libxml2Ready: Void = { xmlInitParser() }()

    public init() throws {
        _ = InputFolder.libxml2Ready
        guard let bytes = EmbeddedFiles.bytes(InputFolder.schemaName), let s = CompiledSchema(bytes) else {
            throw Failure(.ioError, Message(.schemaMissing))
        }
        schema = s
    }

    /// The XML schema, compiled into the binary from Sources/StarIngest/Resources.
    static let schemaName = "submission.xsd"

    /// Reads the folder, turning each branch record into `transform(record)` as soon as it is read.
    public func read<Record: Sendable>(
        directory: String, progress: ReadProgress? = nil,
        transform: @escaping @Sendable (RawSubmission) -> Record
    ) throws(Failure) -> IngestResult<Record> {
        try read(try InputFolder.listFolder(directory), progress: progress, transform: transform)
    }

    /// The folder's names, or why there is no folder to read.
    static func listFolder(_ directory: String) throws(Failure) -> [Entry] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            throw Failure(.noInput, .inputNotFound(dir: Escaped.text(directory)))
        }
        return try InputFolder.list(directory)
    }

    /// Reads the listed files (`known`: files already read, by path, taken as they are).
    func read<Record: Sendable>(
        _ listing: [Entry], known: [String: FileAccount] = [:], progress: ReadProgress? = nil,
        transform: @escaping @Sendable (RawSubmission) -> Record
    ) throws(Failure) -> IngestResult<Record> {
        progress?.setTotal(listing.filter { $0.skipped == nil }.reduce(0) { $0 + $1.size })

        // Files are parsed in parallel on the available cores (each worker with its own libxml2
        // validation context), then merged in name order so the result never depends on timing.
        _ = InputFolder.libxml2Ready
        let slots = Slots<Result<FileResult<Record>, Failure>>(count: listing.count)
        DispatchQueue.concurrentPerform(iterations: listing.count) { i in
            let entry = listing[i]
            if let account = known[entry.path] {
                progress?.add(account.bytes)
                slots.set(i, .success(FileResult(account: account)))
                return
            }
            if let skipped = entry.skipped {
                slots.set(
                    i,
                    .success(
                        FileResult(
                            account: FileAccount(path: entry.path, kind: .ignored, records: 0, bytes: entry.size),
                            diagnostics: [skipped])))
                return
            }
            let bytes: [UInt8]
            switch InputFolder.contents(of: entry.openPath) {
            case .success(let b): bytes = b
            case .failure(.notRegular):
                slots.set(
                    i,
                    .success(
                        FileResult(
                            account: FileAccount(path: entry.path, kind: .ignored, records: 0, bytes: 0),
                            diagnostics: [InputFolder.notRegular(entry.path)])))
                return
            case .failure(.system(let e)):
                slots.set(
                    i, .failure(Failure(.ioError, .cannotRead(path: entry.path, reason: PlatformFile.reason(e)))))
                return
            }
            let size = bytes.count
            let file = self.read(
                bytes: consume bytes, name: entry.name, path: entry.path, progress: progress, transform: transform)
            if ![.csv, .xlsx].contains(InputFolder.kind(of: entry.name)) { progress?.add(size) }
            slots.set(i, .success(file))
        }
        var result = IngestResult<Record>()
        // each file's result is taken out as it is merged, so no file's records are held twice
        for i in listing.indices {
            let file: FileResult<Record>
            switch slots.take(i) {
            case .success(let f): file = f
            case .failure(let e): throw e
            case nil: continue
            }
            if let d = file.diagnostics.first(where: { $0.code == XMLSubmissionReader.outOfResources }) {
                throw Failure(.osError, .readResources(path: d.location.file))
            }
            result.diagnostics += file.diagnostics
            // (a single sheet's records are taken as they are, not copied)
            if result.submissions.isEmpty {
                result.submissions = file.submissions
            } else {
                result.submissions += file.submissions
            }
            if let r = file.register { result.register = r }
            if let id = file.rejectedBranchID {
                result.rejectedBranchIDs.insert(id)
                result.rejectedFiles[file.account.path] = id
            }
            if file.account.kind == .config { result.configFile = (file.account.path, file.text ?? "") }
            result.files.append(file.account)
        }
        return result
    }

    /// One name in the input folder: how to show it, how to open it, or why it is not read.
    struct Entry: Sendable {
        /// The name as shown (bytes that are not UTF-8 and control characters escaped).
        var name: String
        /// The folder and the shown name: every diagnostic's file.
        var path: String
        /// The folder and the name's own bytes, NUL-terminated, for open(2).
        var openPath: [CChar]
        var size = 0
        /// A warning instead of reading (a folder, a pipe, a link out of the folder, a file
        /// star-report does not read).
        var skipped: Diagnostic?
    }

    /// The folder's names in byte order, each looked at without following links: only regular
    /// files are read (a FIFO would block the run forever), a symbolic link only when it leads to
    /// a regular file inside the folder, and a file whose name star-report does not read is not
    /// opened at all (a video in the folder is not hashed).
    static func list(_ directory: String) throws(Failure) -> [Entry] {
        var raw: [[UInt8]]
        do { raw = try PlatformFile.nameBytes(in: directory) } catch {
            throw Failure(.ioError, .cannotList(dir: Escaped.text(directory), reason: PlatformFile.reason(error)))
        }
        raw.removeAll { name in
            name.first == UInt8(ascii: ".")
                || String(decoding: name, as: UTF8.self).lowercased() == readmeName.lowercased()
        }
        raw.sort { $0.lexicographicallyPrecedes($1) }
        let root = realPath(directory)
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return raw.compactMap { bytes -> Entry? in
            let name = Escaped.bytes(bytes)
            let path = prefix + name
            var entry = Entry(
                name: name, path: path, openPath: (Array(prefix.utf8) + bytes).map { CChar(bitPattern: $0) } + [0])
            var st = stat()
            guard lstat(entry.openPath, &st) == 0 else {
                entry.skipped = .warning(
                    .fileUnreadable(reason: PlatformFile.reason(errno)), at: SourceLocation(file: path, line: 1))
                return entry
            }
            if (st.st_mode & S_IFMT) == S_IFLNK {
                let target = realPath(entry.openPath)
                guard let target, let root, target.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
                    entry.skipped = .warning(Message(.fileLinkOutside), at: SourceLocation(file: path, line: 1))
                    return entry
                }
                guard stat(entry.openPath, &st) == 0 else {
                    entry.skipped = notRegular(path)
                    return entry
                }
            }
            let kind = kind(of: name)
            switch st.st_mode & S_IFMT {
            case S_IFREG:
                entry.size = Int(st.st_size)
                if kind == .ignored {
                    entry.skipped = .warning(Message(.fileIgnored), at: SourceLocation(file: path, line: 1))
                }
            case S_IFDIR:
                // a subfolder is no concern of the year's input, unless it is named like a file
                guard kind != .ignored else { return nil }
                entry.skipped = .warning(Message(.fileIsFolder), at: SourceLocation(file: path, line: 1))
            default:
                entry.skipped = notRegular(path)
            }
            return entry
        }
    }

    static func notRegular(_ path: String) -> Diagnostic {
        .warning(Message(.fileNotRegular), at: SourceLocation(file: path, line: 1))
    }

    /// What a file is by its name alone.
    static func kind(of name: String) -> FileAccount.Kind {
        let lower = name.lowercased()
        if lower == registerName { return .register }
        if lower == rulesName { return .rules }
        if lower == configName { return .config }
        if lower.hasSuffix(".xml") { return .xml }
        if lower.hasSuffix(".csv") { return .csv }
        // Excel's lock file beside an open workbook (`~$sheet.xlsx`) is not a sheet
        if lower.hasSuffix(".xlsx") && !name.hasPrefix("~$") { return .xlsx }
        if !name.hasPrefix("~$"), otherSheets.contains(where: { lower.hasSuffix($0.suffix) }) { return .otherSheet }
        return .ignored
    }

    /// Spreadsheets of other programs, by name: what they are, in both languages.
    static let otherSheets: [(suffix: String, zh: String, en: String)] = [
        (".xls", ".xls（Excel 97-2003 工作簿）", "an .xls (Excel 97-2003 workbook)"),
        (".et", ".et（WPS 表格）", "an .et (WPS Spreadsheets)"),
        (".ett", ".ett（WPS 表格模板）", "an .ett (WPS Spreadsheets template)"),
        (".numbers", ".numbers（Apple Numbers）", "a .numbers (Apple Numbers)"),
        (".ods", ".ods（OpenDocument 电子表格）", "an .ods (OpenDocument spreadsheet)"),
    ]

    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    static func realPath(_ path: [CChar]) -> String? {
        guard let p = path.withUnsafeBufferPointer({ realpath($0.baseAddress!, nil) }) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// A regular file's bytes, read straight into one array (`Data` then `[UInt8]` would hold a
    /// province's sheet twice; StarPlatform's `FileDescriptor.readRegularFile`). Opened without
    /// blocking and checked again after opening, so a file swapped for a pipe between the listing
    /// and the read cannot hang the run; a link is followed (`list` lets through only one that
    /// stays inside the folder).
    static func contents(of path: [CChar]) -> Result<[UInt8], PlatformFile.ReadFailure> {
        path.withUnsafeBufferPointer { p in
            Result { () throws(PlatformFile.ReadFailure) in
                try PlatformFile.contents(of: p.baseAddress!, followLink: true)
            }
        }
    }

    /// A regular file's bytes by its path.
    static func contents(of path: String) -> [UInt8]? {
        try? contents(of: path.utf8CString.map { $0 }).get()
    }

    /// The year of the folder's first submission record (its first XML file, or the first row of
    /// its first sheet, read from the sheet's first MiB only): the rating year when neither
    /// `--year` nor the folder's name gives one. Records of another year are then errors, and
    /// when all of them are, one error says which year they carry.
    func peekYear(_ listing: [Entry]) -> Int? {
        for entry in listing where entry.skipped == nil {
            let kind = InputFolder.kind(of: entry.name)
            guard kind == .xml || kind == .csv || kind == .xlsx || kind == .otherSheet else { continue }
            guard case .success(var bytes) = InputFolder.contents(of: entry.openPath) else { continue }
            if kind == .csv && bytes.count > 1 << 20 {
                bytes = Array(bytes[..<(bytes[..<(1 << 20)].lastIndex(of: 0x0A) ?? (1 << 20))])
            }
            let year = Mutex<Int?>(nil)
            _ = read(bytes: bytes, name: entry.name, path: entry.path) { raw in
                if let y = raw.fields.text(.year).flatMap({ Int($0) }) { year.withLock { if $0 == nil { $0 = y } } }
                return 0
            }
            if let y = year.withLock({ $0 }) { return y }
        }
        return nil
    }

    /// What one file gave.
    public struct FileResult<Record: Sendable>: Sendable {
        public var account: FileAccount
        public var submissions: [Record] = []
        public var diagnostics: [Diagnostic] = []
        var register: [RegisteredBranch]?
        var rejectedBranchID: String?
        var text: String?
    }

    /// Reads one file of the folder by its name: a submission (XML or CSV), the register, the
    /// rules or config file. Touches no shared state, so files can be read in parallel.
    public func read<Record: Sendable>(
        bytes: consuming [UInt8], name: String, path: String, progress: ReadProgress? = nil,
        transform: @escaping @Sendable (RawSubmission) -> Record
    ) -> FileResult<Record> {
        let lower = name.lowercased()
        guard InputFolder.kind(of: name) != .ignored else {
            return FileResult(
                account: FileAccount(path: path, kind: .ignored, records: 0, bytes: bytes.count),
                diagnostics: [
                    .warning(Message(.fileIgnored), at: SourceLocation(file: path, line: 1))
                ])
        }
        // A large sheet's digest is taken on another core while this one parses it.
        let digest = Digest(copy bytes, concurrently: bytes.count >= 1 << 20)
        var r = FileResult<Record>(
            account: FileAccount(path: path, kind: .ignored, records: 0, bytes: bytes.count, sha256: ""))
        if lower == InputFolder.registerName {
            r.account.kind = .register
            let reg = RegisterReader.read(bytes: bytes, path: path, diagnostics: &r.diagnostics)
            r.account.records = reg?.count ?? 0
            r.register = reg
        } else if lower == InputFolder.rulesName {
            r.account.kind = .rules
        } else if lower == InputFolder.configName {
            r.account.kind = .config
            r.text = String(decoding: bytes, as: UTF8.self)
        } else if lower.hasSuffix(".xml") {
            r.account.kind = .xml
            if let raw = XMLSubmissionReader.read(
                bytes: bytes, path: path, schema: schema, diagnostics: &r.diagnostics,
                rejectedBranchID: &r.rejectedBranchID)
            {
                r.submissions = [transform(raw)]
                r.account.records = 1
            }
        } else if lower.hasSuffix(".csv") {
            r.account.kind = .csv
            // A large sheet is parsed in one part per core; other threads make the rows raw
            // submissions and check them, in batches.
            let (rows, records) = CSVSubmissionReader.readRecords(
                bytes: bytes, path: path,
                parts: bytes.count >= 1 << 22 ? ProcessInfo.processInfo.activeProcessorCount : 1,
                diagnostics: &r.diagnostics, progress: { progress?.add($0) }
            ) { transform($0.raw()) }
            r.account.records = rows
            r.account.sha256 = digest.value
            bytes = []
            r.submissions = records
        } else if InputFolder.kind(of: name) == .otherSheet {
            r.account.kind = .otherSheet
            let kind = InputFolder.otherSheets.first { lower.hasSuffix($0.suffix) }!
            r.diagnostics.append(
                .error(
                    .sheetOldFormat(kind: Localized(zh: kind.zh, en: kind.en)), at: SourceLocation(file: path, line: 1))
            )
        } else if lower.hasSuffix(".xlsx") {
            r.account.kind = .xlsx
            let batches = BatchTransformer<XLSXSubmissionReader.Row, Record> { transform($0.raw()) }
            r.account.records = XLSXSubmissionReader.readRows(bytes: bytes, path: path, diagnostics: &r.diagnostics) {
                batches.add($0)
            }
            let records = batches.finish()
            // a workbook that is one error (formulas without values) gives no record
            r.submissions = r.account.records > 0 ? records : []
            progress?.add(bytes.count)
        }
        r.account.sha256 = digest.value
        return r
    }
}

/// The SHA-256 of a file, computed here or on another thread.
final class Digest: Sendable {
    private let group = DispatchGroup()
    /// Set once, here or by the task of `group`.
    private let hex = Mutex("")

    init(_ bytes: [UInt8], concurrently: Bool) {
        if concurrently {
            DispatchQueue.global().async(group: group) { [self] in
                let digest = SHA256.hex(bytes)
                hex.withLock { $0 = digest }
            }
        } else {
            hex.withLock { $0 = SHA256.hex(bytes) }
        }
    }

    /// Waits for the digest if it is still being computed.
    var value: String {
        group.wait()
        return hex.withLock { $0 }
    }
}

/// Applies a transform to records in batches on a concurrent queue, keeping their order; at most
/// a few batches are in flight, so memory stays bounded however long the sheet is.
///
/// The bound is a semaphore: the reader waits, when `inFlight` batches are being transformed,
/// until one is done. A Mutex cannot wait; the reader transforming the batch itself instead
/// would keep the same number of batches but put one more thread to work allocating records,
/// and the million-branch run's peak memory (docs/performance.md) was measured with this bound.
final class BatchTransformer<Input: Sendable, Record: Sendable>: Sendable {
    private let transform: @Sendable (Input) -> Record
    private let batchSize = 2048
    /// The batch being filled, touched only by the one reader that adds (its Mutex is never
    /// contended; it lets a transformer be handed to the reader's thread).
    private let pending = Mutex<[Input]>([])
    /// Each batch's records by its place, nil until transformed (and once handed over).
    private let done = Mutex<[[Record]?]>([])
    private let group = DispatchGroup()
    private let inFlight: DispatchSemaphore

    /// - Parameter inFlight: how many batches may be transformed at once.
    init(inFlight: Int = 4, _ transform: @escaping @Sendable (Input) -> Record) {
        self.transform = transform
        self.inFlight = DispatchSemaphore(value: inFlight)
        pending.withLock { $0.reserveCapacity(batchSize) }
    }

    func add(_ input: Input) {
        let full = pending.withLock { pending in
            pending.append(input)
            return pending.count == batchSize ? take(&pending) : nil
        }
        if let full { dispatch(full) }
    }

    /// The batch filled so far, leaving an empty one.
    private func take(_ pending: inout [Input]) -> [Input] {
        var batch: [Input] = []
        batch.reserveCapacity(batchSize)
        swap(&batch, &pending)
        return batch
    }

    /// Sends the batch not yet full, if any.
    private func flush() {
        let rest = pending.withLock { $0.isEmpty ? nil : take(&$0) }
        if let rest { dispatch(rest) }
    }

    private func dispatch(_ batch: [Input]) {
        let slot = done.withLock { done in
            done.append(nil)
            return done.count - 1
        }
        inFlight.wait()
        DispatchQueue.global().async(group: group) { [self] in
            let out = batch.map(transform)
            done.withLock { $0[slot] = out }
            inFlight.signal()
        }
    }

    /// Sends the last batch and waits for every batch; the number of records.
    func waitCount() -> Int {
        flush()
        group.wait()
        return done.withLock { $0.reduce(0) { $0 + ($1?.count ?? 0) } }
    }

    /// Waits for every batch and appends the records in the order they were added, letting each
    /// batch go as soon as it is copied.
    func drain(into all: inout [Record]) {
        _ = waitCount()
        done.withLock { done in
            for i in done.indices {
                all += done[i] ?? []
                done[i] = nil
            }
        }
    }

    /// Waits for every batch; the records in the order they were added. Each batch is let go as
    /// soon as it is copied, so a province's records are not held twice.
    func finish() -> [Record] {
        flush()
        group.wait()
        return done.withLock { done in
            var all: [Record] = []
            all.reserveCapacity(done.reduce(0) { $0 + ($1?.count ?? 0) })
            for i in done.indices {
                all += done[i] ?? []
                done[i] = nil
            }
            return all
        }
    }
}
