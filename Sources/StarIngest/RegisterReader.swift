import StarModel

/// Reads the register `branches.csv` (`branch_id,branch_name,committee_id,committee_name`,
/// English names or Chinese labels, any order).
enum RegisterReader {
    static let columns: [FieldKey] = [.branchID, .branchName, .committeeID, .committeeName]

    static func read(bytes: [UInt8], path: String, diagnostics: inout [Diagnostic]) -> [RegisteredBranch] {
        guard let table = CSVTable.read(bytes: bytes, path: path, diagnostics: &diagnostics) else { return [] }
        var index: [FieldKey: Int] = [:]
        for (i, name) in table.headerNames.enumerated() {
            if let k = columns.first(where: { $0.description == name || $0.chineseLabel == name }) { index[k] = i }
        }
        let missing = columns.filter { index[$0] == nil }
        if !missing.isEmpty {
            diagnostics.append(
                .error(
                    .of(.registerHeader, ("columns", missing.map { "\($0.description)（\($0.chineseLabel)）" }.joined(separator: ", "))),
                    at: SourceLocation(file: path, line: table.header.line)))
            return []
        }
        var out: [RegisteredBranch] = []
        for row in table.rows {
            let at = SourceLocation(file: path, line: row.line)
            guard row.fields.count == table.header.fields.count else {
                diagnostics.append(.error(.of(.csvFieldCount, ("expected", table.header.fields.count), ("found", row.fields.count)), at: at))
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

/// Reads last year's `results.csv` (as written by `star-report run`): branch id → stars.
public enum PreviousResultsReader {
    public static func read(bytes: [UInt8], path: String, diagnostics: inout [Diagnostic]) -> [String: Int] {
        guard let table = CSVTable.read(bytes: bytes, path: path, diagnostics: &diagnostics) else { return [:] }
        let names = table.headerNames
        guard let idCol = names.firstIndex(of: "branch_id"), let starsCol = names.firstIndex(of: "stars") else {
            diagnostics.append(.error(Message(.previousHeader), at: SourceLocation(file: path, line: 1)))
            return [:]
        }
        var out: [String: Int] = [:]
        for row in table.rows where row.fields.count == names.count {
            var id = row.fields[idCol]
            if id.hasPrefix("'") { id.removeFirst() }
            guard let stars = Int(row.fields[starsCol]), (0...5).contains(stars) else {
                diagnostics.append(
                    .error(
                        .of(.previousStars, ("value", Escaped.text(row.fields[starsCol]))),
                        at: SourceLocation(file: path, line: row.line, column: starsCol + 1), field: "stars"))
                continue
            }
            out[id] = stars
        }
        return out
    }
}
