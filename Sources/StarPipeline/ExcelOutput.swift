import Foundation
import StarExcel
import StarModel
import StarPlatform
import StarRender

extension OutputFolder {
    /// A file of the temporary folder, for a library that writes to a path (libxlsxwriter).
    func filePath(for name: String) -> String { temp + "/" + name }
}

/// The Excel reports of a run, written into the run's temporary output folder.
enum ExcelOutput {
    static let resultsName = "results.xlsx"

    /// Writes results.xlsx beside results.csv; returns its name.
    static func writeResults(_ context: ReportContext, to output: ReportOutput) throws -> String {
        do {
            try ResultsWorkbook.write(context, to: output.filePath(for: resultsName))
        } catch {
            throw Failure(.ioError, .excelCannotWrite(name: resultsName, reason: "\(error)"))
        }
        return resultsName
    }
}
