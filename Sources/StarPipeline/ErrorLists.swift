import Foundation
import StarExcel
import StarIngest
import StarModel
import StarPlatform
import StarValidate

/// Which committee a diagnostic concerns, so that each committee gets its own error list: the
/// committee of the branch it names (the register's, else the one its record names), else that
/// of the record read at its file and line, else that of its file when every record of the file
/// names one committee (a committee's sheet). Committee ids from the data are used only when
/// they are identifiers (ASCII letters, digits, `_`, `-`; at most 32): they become part of a
/// file name.
struct CommitteeRouting: Sendable {
    private var byBranch: [String: String] = [:]
    private var byRow: [RowKey: String] = [:]
    /// A file's one committee, or "" when its records name several.
    private var byFile: [String: String] = [:]
    /// The sheets that gave no record at all, and the committees whose register branches went
    /// unread with them (in the order of their lines).
    private var brokenFiles: Set<String> = []
    private var brokenCommittees: [String] = []

    struct RowKey: Hashable {
        var file: String
        var line: Int
    }

    /// - Parameter rejectedFiles: the branch id each XML file rejected before extraction names.
    init(records: [Validator.Checked], register: [RegisteredBranch]?, rejectedFiles: [String: String] = [:]) {
        for r in register ?? [] where CommitteeRouting.usable(r.committeeID) && byBranch[r.id] == nil {
            byBranch[r.id] = r.committeeID
        }
        for record in records {
            let committee =
                record.branchID.flatMap { byBranch[$0] }
                ?? record.committeeID.flatMap { CommitteeRouting.usable($0) ? $0 : nil }
            guard let committee else { continue }
            if let id = record.branchID, byBranch[id] == nil { byBranch[id] = committee }
            byRow[RowKey(file: record.location.file, line: record.location.line)] = committee
            if let known = byFile[record.location.file] {
                if known != committee { byFile[record.location.file] = "" }
            } else {
                byFile[record.location.file] = committee
            }
        }
        // a rejected XML file is one branch's: the register's committee of the id it names
        for (file, id) in rejectedFiles where byFile[file] == nil {
            if let committee = byBranch[id] { byFile[file] = committee }
        }
    }

    /// Notes the sheets that could not be read at all, and from the lines naming the register's
    /// branches they probably hold (one per committee) the committees those belong to.
    mutating func noteBroken(files: [String], diagnostics: [Diagnostic]) {
        brokenFiles = Set(files)
        var seen = Set<String>()
        brokenCommittees = diagnostics.filter(\.isConsequence).compactMap { committee(of: $0) }.filter {
            seen.insert($0).inserted
        }
    }

    /// The committees whose lists show a diagnostic: its committee; for an error of a sheet that
    /// could not be read at all, also every committee whose register branches went unread with it
    /// (which of several such sheets held which branch cannot be told: each committee gets them
    /// all). `[nil]` for the list of no committee.
    func committees(of d: Diagnostic) -> [String?] {
        let own = committee(of: d)
        guard !d.isConsequence, brokenFiles.contains(d.location.file) else { return [own] }
        let all = (own.map { [$0] } ?? []) + brokenCommittees.filter { $0 != own }
        return all.isEmpty ? [nil] : all
    }

    func committee(of d: Diagnostic) -> String? {
        if let id = d.branchID, let c = byBranch[id] { return c }
        if let c = byRow[RowKey(file: d.location.file, line: d.location.line)] { return c }
        if let c = byFile[d.location.file], !c.isEmpty { return c }
        return nil
    }

    /// Whether a committee id may name a file: an identifier as the submission format defines it.
    static func usable(_ id: String) -> Bool {
        let u = id.utf8
        guard (1...32).contains(u.count) else { return false }
        return u.allSatisfy {
            ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x5F
                || $0 == 0x2D
        }
    }
}

/// `validate --errors DIR`: one workbook per committee with errors, and one for the errors of
/// no committee, written into DIR under the rules of `run --output` (the same checks, lock,
/// manifest and swap: DIR afterwards holds exactly this validation's lists).
enum ErrorLists {
    static let prefix = "错误清单-"
    /// The list of the errors that belong to no committee (the register, settings, a file whose
    /// committee cannot be told). Not an identifier, so never a committee's own name.
    static let unassigned = "未归属"

    static func fileName(committee: String?) -> String { prefix + (committee ?? unassigned) + ".xlsx" }

    /// The rows of each list, by file name; errors only, in display order.
    static func lists(_ diagnostics: [Diagnostic], routing: CommitteeRouting, input: String, language: Language) -> [(
        String, [ErrorListWorkbook.Row]
    )] {
        var byName: [String: [ErrorListWorkbook.Row]] = [:]
        for d in diagnostics.sortedForDisplay() where d.severity == .error {
            let r = row(d, input: input, language: language)
            for committee in routing.committees(of: d) { byName[fileName(committee: committee), default: []].append(r) }
        }
        return byName.keys.sorted().map { ($0, byName[$0]!) }
    }

    static func row(_ d: Diagnostic, input: String, language: Language) -> ErrorListWorkbook.Row {
        let l = d.location
        // the file as the committee knows it: its name within the input folder
        let base = input.hasSuffix("/") ? input : input + "/"
        let file = l.file.hasPrefix(base) ? String(l.file.dropFirst(base.count)) : l.file
        let sheetLike = l.cell != nil || file.lowercased().hasSuffix(".csv")
        let cell: String
        if sheetLike, let column = l.column {
            cell = "\(CellReference.columnName(column))\(l.line)"
        } else if let column = l.column {
            cell = Message.errorsCellLine(line: "\(l.line)", column: "\(column)").text(language)
        } else {
            cell = Message.errorsCellRow(line: "\(l.line)").text(language)
        }
        var field = d.field ?? ""
        if let c = l.cell, let header = c.header, c.field == d.field { field = header }
        let (message, action) = d.content.parts(language)
        return ErrorListWorkbook.Row(
            file: Escaped.text(file), sheet: Escaped.text(l.cell?.sheet ?? ""), cell: cell, field: Escaped.text(field),
            value: value(d), message: message, action: action)
    }

    /// The text found, when the message quotes it (`{value}`, or the branch id of a message
    /// about the branch id).
    static func value(_ d: Diagnostic) -> String {
        if let v = d.content.value(of: "value") { return v }
        if d.field == "branch_id" || d.location.cell?.field == "branch_id", let id = d.content.value(of: "id") {
            return Escaped.text(id)
        }
        return ""
    }

    /// Writes the lists into `target` (locked by the caller); the number of workbooks.
    static func write(
        _ diagnostics: [Diagnostic], routing: CommitteeRouting, input: String, year: Int, language: Language,
        to target: OutputTarget
    ) throws -> Int {
        let lists = lists(diagnostics, routing: routing, input: input, language: language)
        let folder = try OutputFolder(target)
        let headers = [
            MessageID.errorsColumnFile, .errorsColumnSheet, .errorsColumnCell, .errorsColumnField, .errorsColumnValue,
            .errorsColumnMessage,
            .errorsColumnAction,
        ].map { Message($0).text(language) }
        do {
            for (name, rows) in lists {
                do {
                    try ErrorListWorkbook.write(
                        rows, headers: headers, sheet: language == .zh ? "错误清单" : "errors",
                        title: "\(year)年度星级评定材料错误清单", created: CivilDate(year: year, month: 12, day: 31)!,
                        to: folder.filePath(for: name))
                } catch {
                    throw Failure(.ioError, .excelCannotWrite(name: name, reason: "\(error)"))
                }
            }
            try folder.commit()
        } catch {
            folder.discard()
            throw error
        }
        return lists.count
    }

    /// `--errors` must not name a reports folder of `run`: the lists would replace the reports.
    static func refuseReports(_ target: OutputTarget, shown: String) throws(Failure) {
        guard target.state == .ours, FileManager.default.fileExists(atPath: target.path + "/results.json") else {
            return
        }
        throw Failure(.cannotCreate, .errorsReportsFolder(shown: Escaped.text(shown)))
    }
}
