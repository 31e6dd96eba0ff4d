import StarModel

/// Reads a committee's bulk sheet (one row per branch) into raw submissions.
/// Headers are matched by English column name or Chinese label; column order is free.
enum CSVSubmissionReader {
    /// Columns a sheet must have; the others default to empty / zero.
    static let required: Set<FieldKey> = {
        var s: Set<FieldKey> = [.year, .branchID, .branchName, .committeeID, .committeeName, .members,
                                .massMemberParticipants, .massPublicParticipants, .satisfaction]
        for sheet in Sheet.allCases { for n in 1...10 { s.insert(.aspect(sheet, n)) } }
        return s
    }()

    static let byName: [String: FieldKey] = {
        var m: [String: FieldKey] = [:]
        for k in FieldKey.allColumns { m[k.description] = k; m[k.chineseLabel] = k }
        return m
    }()

    static func read(bytes: [UInt8], path: String, diagnostics: inout [Diagnostic]) -> [RawSubmission] {
        guard let table = CSVTable.read(bytes: bytes, path: path, diagnostics: &diagnostics) else { return [] }
        let headerLine = table.header.line
        var columns: [Int: FieldKey] = [:]
        var seen: [FieldKey: Int] = [:]
        var headerOK = true
        for (i, name) in table.headerNames.enumerated() {
            let at = SourceLocation(file: path, line: headerLine)
            guard let key = byName[name] else {
                diagnostics.append(.warning("W-CSV-COLUMN", at: at, field: name.isEmpty ? "column \(i + 1)" : name,
                                            "unknown column \(i + 1) is ignored"))
                continue
            }
            if let first = seen[key] {
                diagnostics.append(.error("E-CSV-HEADER", at: at, field: key.description,
                                          "column \(i + 1) repeats column \(first + 1)"))
                headerOK = false
                continue
            }
            seen[key] = i
            columns[i] = key
        }
        let missing = required.subtracting(seen.keys).sorted()
        if !missing.isEmpty {
            diagnostics.append(.error("E-CSV-HEADER", at: SourceLocation(file: path, line: headerLine),
                                      "missing column\(missing.count > 1 ? "s" : ""): " + missing.map { "\($0) (\($0.chineseLabel))" }.joined(separator: ", ")))
            headerOK = false
        }
        guard headerOK else { return [] }
        let width = table.header.fields.count
        var out: [RawSubmission] = []
        out.reserveCapacity(table.rows.count)
        for row in table.rows {
            let at = SourceLocation(file: path, line: row.line)
            guard row.fields.count == width else {
                diagnostics.append(.error("E-CSV-FIELDS", at: at,
                                          "expected \(width) fields as in the header, found \(row.fields.count)"))
                continue
            }
            var raw = RawSubmission(format: .csv, location: at)
            for (i, key) in columns {
                let text = row.fields[i].trimmingSpaces
                let fieldAt = SourceLocation(file: path, line: row.fieldLines[i])
                switch key {
                case .commendationLevel:
                    if !text.isEmpty { raw.commendationLevels.append(RawField(text, at: fieldAt)) }
                case .innovationLevel:
                    if !text.isEmpty { raw.innovationLevels.append(RawField(text, at: fieldAt)) }
                default:
                    raw.fields[key] = RawField(text, at: fieldAt)
                }
            }
            out.append(raw)
        }
        return out
    }
}
