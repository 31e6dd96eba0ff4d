import Foundation
import StarExcel
import StarIngest
import StarModel
import StarPlatform

extension Pipeline {
    /// `star-report template --input DIR --output FILE.xlsx [--committee ID] [--year YYYY]`: the
    /// fill-in workbook for the branches of the register (docs/outputs.md, "The fill-in workbook"). Never replaces a
    /// file: an existing FILE is refused (exit 73), so a filled-in copy is never overwritten.
    public func template(output: String, committee: String?) -> ExitStatus {
        do {
            guard output.lowercased().hasSuffix(".xlsx") else {
                throw Failure(.usage, .templateNotXlsx(committee: committee ?? "全部"))
            }
            if FileManager.default.fileExists(atPath: output) {
                throw Failure(.cannotCreate, .templateExists(output: Escaped.text(output)))
            }
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: options.input, isDirectory: &isDir), isDir.boolValue else {
                throw Failure(.noInput, .inputNotFound(dir: Escaped.text(options.input)))
            }
            guard let register = RegisterFile.read(directory: options.input) else {
                throw Failure(.noInput, .templateNoRegister(input: Escaped.text(options.input)))
            }
            if register.diagnostics.errorCount > 0 {
                throw Failure(.dataError, Message(.templateRegisterErrors), diagnostics: register.diagnostics)
            }
            var branches = register.branches
            if let committee {
                branches = branches.filter { $0.committeeID == committee }
                guard !branches.isEmpty else {
                    let known = Set(register.branches.map(\.committeeID)).sorted().joined(separator: ", ")
                    throw Failure(.usage, .templateUnknownCommittee(committee: Escaped.text(committee), known: known))
                }
            }
            let folderName = URL(fileURLWithPath: options.input).lastPathComponent
            guard let year = options.year ?? (folderName.count == 4 ? Int(folderName) : nil),
                (2000...2100).contains(year)
            else {
                throw Failure(.usage, .yearUnknown(input: Escaped.text(options.input)))
            }
            let rules = try YearFolder.open(options.input, rulesFile: options.rules, year: year).rules
            do {
                try TemplateWorkbook.write(
                    branches: branches.map {
                        .init(id: $0.id, name: $0.name, committeeID: $0.committeeID, committeeName: $0.committeeName)
                    },
                    rules: rules, year: year, to: output)
            } catch {
                try? FileManager.default.removeItem(atPath: output)
                throw Failure(.cannotCreate, .templateCannotWrite(output: Escaped.text(output), reason: "\(error)"))
            }
            console.out(output)
            return .ok
        } catch {
            return fail(error)
        }
    }
}
