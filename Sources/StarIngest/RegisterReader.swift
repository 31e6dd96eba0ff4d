import StarModel

/// Reads the register `branches.csv` (`branch_id,branch_name,committee_id,committee_name`,
/// English names or Chinese labels, any order).
enum RegisterReader {
    static let columns: [FieldKey] = [.branchID, .branchName, .committeeID, .committeeName]

    /// Nil when the file cannot be read as a register (its error is in `diagnostics`): the year is
    /// then checked as one without a register, so that one bad header is one error, not one
    /// "not in the register" per branch.
    static func read(bytes: [UInt8], path: String, diagnostics: inout [Diagnostic]) -> [RegisteredBranch]? {
        guard let table = CSVTable.read(bytes: bytes, path: path, diagnostics: &diagnostics) else { return nil }
        var index: [FieldKey: Int] = [:]
        for (i, name) in table.headerNames.enumerated() {
            if let k = columns.first(where: { $0.description == name || $0.chineseLabel == name }) { index[k] = i }
        }
        let missing = columns.filter { index[$0] == nil }
        if !missing.isEmpty {
            diagnostics.append(
                .error(
                    .registerHeader(
                        columns: missing.map { "\($0.description)（\($0.chineseLabel)）" }.joined(separator: ", ")),
                    at: SourceLocation(file: path, line: table.header.line)))
            return nil
        }
        var out: [RegisteredBranch] = []
        for row in table.rows {
            let at = SourceLocation(file: path, line: row.line)
            guard row.fields.count == table.header.fields.count else {
                diagnostics.append(
                    .error(.csvFieldCount(expected: table.header.fields.count, found: row.fields.count), at: at))
                continue
            }
            func v(_ k: FieldKey) -> String { row.fields[index[k]!].trimmingSpaces }
            out.append(
                RegisteredBranch(
                    id: v(.branchID), name: v(.branchName), committeeID: v(.committeeID),
                    committeeName: v(.committeeName), location: at))
        }
        return out
    }
}
