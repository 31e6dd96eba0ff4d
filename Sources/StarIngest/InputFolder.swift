import Foundation
import StarModel

/// What ingest found in a year's folder.
public struct IngestResult: Sendable {
    /// One per branch record found (XML file or CSV row), in file then line order.
    public var submissions: [RawSubmission] = []
    /// The register `branches.csv`, if the folder has one.
    public var register: [RegisteredBranch]?
    public var diagnostics: [Diagnostic] = []
    /// Every file looked at, for the closing account and the results' provenance.
    public var files: [FileAccount] = []
    /// The rules file and the notice settings found in the folder (path and text), if any.
    public var rulesFile: (path: String, text: String)?
    public var configFile: (path: String, text: String)?
    /// Branch ids named by XML files that were rejected before extraction (schema errors): the
    /// branch did submit, so the register check must not call it missing.
    public var rejectedBranchIDs: Set<String> = []
}

/// One file of the input folder and what became of it.
public struct FileAccount: Sendable, Equatable {
    public enum Kind: String, Sendable { case xml, csv, register, rules, config, ignored }
    public var path: String
    public var kind: Kind
    /// Branch records read from it (1 for a good XML file, the data rows for a CSV sheet).
    public var records: Int
    public var bytes: Int
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
public struct InputFolder {
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

    public func read(directory: String) throws(InputError) -> IngestResult {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            throw InputError(kind: .noInput, description: "input folder not found: \(directory)")
        }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }
        catch { throw InputError(kind: .cannotRead, description: "cannot list the input folder \(directory)") }

        var result = IngestResult()
        for name in names where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var isSubdir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isSubdir), isSubdir.boolValue { continue }
            let lower = name.lowercased()
            guard let data = FileManager.default.contents(atPath: path) else {
                throw InputError(kind: .cannotRead, description: "cannot read \(path)")
            }
            let bytes = [UInt8](data)
            var account = FileAccount(path: path, kind: .ignored, records: 0, bytes: bytes.count)
            if lower == InputFolder.registerName {
                account.kind = .register
                let reg = RegisterReader.read(bytes: bytes, path: path, diagnostics: &result.diagnostics)
                account.records = reg.count
                result.register = reg
            } else if lower == InputFolder.rulesName {
                account.kind = .rules
                result.rulesFile = (path, String(decoding: bytes, as: UTF8.self))
            } else if lower == InputFolder.configName {
                account.kind = .config
                result.configFile = (path, String(decoding: bytes, as: UTF8.self))
            } else if lower.hasSuffix(".xml") {
                account.kind = .xml
                if let raw = XMLSubmissionReader.read(bytes: bytes, path: path, schema: schema, diagnostics: &result.diagnostics) {
                    result.submissions.append(raw)
                    account.records = 1
                } else if let id = XMLSubmissionReader.branchID(ofInvalid: bytes, path: path) {
                    result.rejectedBranchIDs.insert(id)
                }
            } else if lower.hasSuffix(".csv") {
                account.kind = .csv
                let rows = CSVSubmissionReader.read(bytes: bytes, path: path, diagnostics: &result.diagnostics)
                account.records = rows.count
                result.submissions += rows
            } else {
                result.diagnostics.append(.warning("W-FILE-IGNORED", at: SourceLocation(file: path, line: 1),
                                                   "not a submission (.xml or .csv), the register, rules.toml or config.toml: ignored"))
            }
            result.files.append(account)
        }
        return result
    }
}
