import Foundation
import StarExcel
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
            throw Stop(status: .ioError, .of(.excelCannotWrite, ("name", resultsName), ("reason", "\(error)")))
        }
        return resultsName
    }
}

extension ExcelOutput {
    /// results.xlsx written on a thread of its own while the other reports render (libxlsxwriter
    /// is single-threaded and streams rows to disk; a province's workbook takes seconds).
    final class Job: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var result: Result<String, Error> = .success(resultsName)
        private var waited = false

        init(_ context: ReportContext, to output: ReportOutput) {
            let thread = Thread { [self] in
                result = Result { try ExcelOutput.writeResults(context, to: output) }
                done.signal()
            }
            thread.start()
        }

        /// Waits for the workbook; its name, or the error that stopped it.
        func wait() throws -> String {
            if !waited { done.wait(); waited = true }
            return try result.get()
        }
    }
}
