import CLibXML2
import Dispatch
import Foundation
import StarModel

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
    /// first, by the pipeline: checking each record needs it.)
    public var configFile: (path: String, text: String)?
    /// Branch ids named by XML files that were rejected before extraction (schema errors): the
    /// branch did submit, so the register check must not call it missing.
    public var rejectedBranchIDs: Set<String> = []
}

/// One file of the input folder and what became of it.
public struct FileAccount: Sendable, Equatable {
    public enum Kind: String, Sendable { case xml, csv, xlsx, register, rules, config, ignored }
    public var path: String
    public var kind: Kind
    /// Branch records read from it (1 for a good XML file, the data rows for a CSV sheet).
    public var records: Int
    public var bytes: Int
    /// SHA-256 of the file's bytes (hex), recorded in results.json.
    public var sha256: String = ""
}

/// An input problem that is not about the data: the folder or a file cannot be read.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable { case noInput, cannotRead }
    public var kind: Kind
    public var description: String
}

/// Reads a year's input folder (submission-format.md): every `*.xml` submission, every `*.csv`
/// sheet, the register `branches.csv`, the rules file `rules.toml` and the notice settings
/// `config.toml`. Files are read in name order so the result never depends on the file system.
public struct InputFolder: Sendable {
    public static let registerName = "branches.csv"
    public static let rulesName = "rules.toml"
    public static let configName = "config.toml"

    let schema: CompiledSchema

    public init() throws {
        guard let url = Bundle.module.url(forResource: "submission", withExtension: "xsd"),
              let s = CompiledSchema(path: url.path) else {
            throw InputError(kind: .cannotRead, description: "cannot load the shipped submission.xsd")
        }
        schema = s
    }

    /// The path of the shipped XSD, for `xmllint --schema` by hand.
    public static var schemaPath: String? { Bundle.module.url(forResource: "submission", withExtension: "xsd")?.path }

    /// Reads the folder, turning each branch record into `transform(record)` as soon as it is read.
    public func read<Record: Sendable>(directory: String, transform: @escaping @Sendable (RawSubmission) -> Record) throws(InputError) -> IngestResult<Record> {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            throw InputError(kind: .noInput, description: "input folder not found: \(directory)")
        }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }
        catch { throw InputError(kind: .cannotRead, description: "cannot list the input folder \(directory)") }

        // Files are parsed in parallel on the available cores (each worker with its own libxml2
        // validation context), then merged in name order so the result never depends on timing.
        let entries: [(name: String, path: String)] = names.filter { !$0.hasPrefix(".") }.compactMap { name in
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var isSubdir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isSubdir), isSubdir.boolValue { return nil }
            return (name, path)
        }
        xmlInitParser()
        let slots = ResultSlots<Record>(count: entries.count)
        DispatchQueue.concurrentPerform(iterations: entries.count) { i in
            let (name, path) = entries[i]
            guard let bytes = InputFolder.contents(of: path) else {
                slots.set(i, .failure(InputError(kind: .cannotRead, description: "cannot read \(path)")))
                return
            }
            slots.set(i, .success(self.read(bytes: bytes, name: name, path: path, transform: transform)))
        }
        var result = IngestResult<Record>()
        for outcome in slots.values {
            let file: FileResult<Record>
            switch outcome {
            case .success(let f): file = f
            case .failure(let e): throw e
            case nil: continue
            }
            result.diagnostics += file.diagnostics
            result.submissions += file.submissions
            if let r = file.register { result.register = r }
            if let id = file.rejectedBranchID { result.rejectedBranchIDs.insert(id) }
            if file.account.kind == .config { result.configFile = (file.account.path, file.text ?? "") }
            result.files.append(file.account)
        }
        return result
    }

    /// A file's bytes, read straight into one array (`Data` then `[UInt8]` would hold a
    /// province's sheet twice).
    static func contents(of path: String) -> [UInt8]? {
        guard let f = fopen(path, "rb") else { return nil }
        defer { fclose(f) }
        guard fseek(f, 0, SEEK_END) == 0 else { return nil }
        let size = ftell(f)
        guard size >= 0, fseek(f, 0, SEEK_SET) == 0 else { return nil }
        var ok = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = size == 0 ? 0 : fread(buffer.baseAddress, 1, size, f)
            ok = count == size
        }
        return ok ? bytes : nil
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
    public func read<Record: Sendable>(bytes: [UInt8], name: String, path: String,
                                       transform: @escaping @Sendable (RawSubmission) -> Record) -> FileResult<Record> {
        let lower = name.lowercased()
        // A large sheet's digest is taken on another core while this one parses it.
        let digest = Digest(bytes, concurrently: bytes.count >= 1 << 20)
        var r = FileResult<Record>(account: FileAccount(path: path, kind: .ignored, records: 0, bytes: bytes.count, sha256: ""))
        if lower == InputFolder.registerName {
            r.account.kind = .register
            let reg = RegisterReader.read(bytes: bytes, path: path, diagnostics: &r.diagnostics)
            r.account.records = reg.count
            r.register = reg
        } else if lower == InputFolder.rulesName {
            r.account.kind = .rules
        } else if lower == InputFolder.configName {
            r.account.kind = .config
            r.text = String(decoding: bytes, as: UTF8.self)
        } else if lower.hasSuffix(".xml") {
            r.account.kind = .xml
            if let raw = XMLSubmissionReader.read(bytes: bytes, path: path, schema: schema, diagnostics: &r.diagnostics,
                                                  rejectedBranchID: &r.rejectedBranchID) {
                r.submissions = [transform(raw)]
                r.account.records = 1
            }
        } else if lower.hasSuffix(".csv") {
            r.account.kind = .csv
            // Rows are split in order on this thread; the others make them raw submissions and
            // check them, in batches.
            let batches = BatchTransformer<CSVSubmissionReader.Row, Record> { transform($0.raw()) }
            r.account.records = CSVSubmissionReader.readRows(bytes: bytes, path: path, diagnostics: &r.diagnostics) { batches.add($0) }
            r.submissions = batches.finish()
        } else if lower.hasSuffix(".xlsx") && !name.hasPrefix("~$") {
            r.account.kind = .xlsx
            let batches = BatchTransformer<XLSXSubmissionReader.Row, Record> { transform($0.raw()) }
            r.account.records = XLSXSubmissionReader.readRows(bytes: bytes, path: path, diagnostics: &r.diagnostics) { batches.add($0) }
            r.submissions = batches.finish()
        } else {
            r.diagnostics.append(.warning("W-FILE-IGNORED", at: SourceLocation(file: path, line: 1),
                                          "not a submission (.xml, .csv or .xlsx), the register, rules.toml or config.toml: ignored"))
        }
        r.account.sha256 = digest.value
        return r
    }
}

/// The SHA-256 of a file, computed here or on another thread.
final class Digest: @unchecked Sendable {
    private let group = DispatchGroup()
    private var hex = ""

    init(_ bytes: [UInt8], concurrently: Bool) {
        if concurrently {
            DispatchQueue.global().async(group: group) { self.hex = SHA256.hex(bytes) }
        } else {
            hex = SHA256.hex(bytes)
        }
    }

    /// Waits for the digest if it is still being computed.
    var value: String {
        group.wait()
        return hex
    }
}

/// One slot per file, filled by parallel workers.
final class ResultSlots<Record: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<InputFolder.FileResult<Record>, InputError>?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ v: Result<InputFolder.FileResult<Record>, InputError>) { lock.withLock { slots[i] = v } }
    var values: [Result<InputFolder.FileResult<Record>, InputError>?] { lock.withLock { slots } }
}

/// Applies a transform to records in batches on a concurrent queue, keeping their order; at most
/// a few batches are in flight, so memory stays bounded however long the sheet is.
final class BatchTransformer<Input: Sendable, Record: Sendable>: @unchecked Sendable {
    private let transform: @Sendable (Input) -> Record
    private let batchSize = 2048
    private var pending: [Input] = []
    private var done: [[Record]?] = []
    private let lock = NSLock()
    private let group = DispatchGroup()
    private let inFlight = DispatchSemaphore(value: 4)

    init(_ transform: @escaping @Sendable (Input) -> Record) {
        self.transform = transform
        pending.reserveCapacity(batchSize)
    }

    func add(_ input: Input) {
        pending.append(input)
        if pending.count == batchSize { dispatch() }
    }

    private func dispatch() {
        let batch = pending
        pending = []
        pending.reserveCapacity(batchSize)
        let slot = lock.withLock { done.append(nil); return done.count - 1 }
        inFlight.wait()
        DispatchQueue.global().async(group: group) { [self] in
            let out = batch.map(transform)
            lock.withLock { done[slot] = out }
            inFlight.signal()
        }
    }

    /// Waits for every batch; the records in the order they were added.
    func finish() -> [Record] {
        if !pending.isEmpty { dispatch() }
        group.wait()
        return lock.withLock { done.flatMap { $0 ?? [] } }
    }
}
