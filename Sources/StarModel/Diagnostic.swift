/// Where a fact came from: a file (as given on the command line) and a 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Comparable, Codable {
    public var file: String
    public var line: Int
    /// The column, stored in 32 bits (0 for none) so that a location with a cell reference is no
    /// larger than one without (a `Submission` keeps its source; a province has a million).
    public var column: Int? {
        get { packedColumn == 0 ? nil : Int(packedColumn) }
        set { packedColumn = Int32(clamping: newValue ?? 0) }
    }
    private var packedColumn: Int32
    /// For a cell of a workbook: the sheet, and the column's header as the sheet names it
    /// (`line` is then the row, `column` the column number).
    public var cell: CellReference?

    public init(file: String, line: Int, column: Int? = nil, cell: CellReference? = nil) {
        self.file = file
        self.line = line
        self.packedColumn = Int32(clamping: column ?? 0)
        self.cell = cell
    }

    enum CodingKeys: String, CodingKey { case file, line, column, cell }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            file: try c.decode(String.self, forKey: .file), line: try c.decode(Int.self, forKey: .line),
            column: try c.decodeIfPresent(Int.self, forKey: .column),
            cell: try c.decodeIfPresent(CellReference.self, forKey: .cell))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(line, forKey: .line)
        try c.encodeIfPresent(column, forKey: .column)
        try c.encodeIfPresent(cell, forKey: .cell)
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column ?? 0) < (b.file, b.line, b.column ?? 0)
    }

    /// `path:line:col` (or `path:line`); for a workbook cell `path:Sheet1!F16`.
    public var description: String {
        if let cell { return "\(file):\(cell.quotedSheet)!\(CellReference.columnName(column ?? 1))\(line)" }
        if let column { return "\(file):\(line):\(column)" }
        return "\(file):\(line)"
    }
}

/// A problem found in the input, reported like a compiler: `path:line:col: error[CODE]: message`.
///
/// User mistakes are findings, never exceptions: every stage collects them and the run decides
/// at the end whether any error stops it. The message is a catalogue entry with its parameters;
/// its text is made in the diagnostic's `language` when it is shown.
public struct Diagnostic: Hashable, Sendable {
    public enum Severity: String, Sendable, Codable { case error, warning }

    public var severity: Severity
    public var location: SourceLocation
    /// The field concerned, as the file names it (the sheet's header `自评3`, the XML element,
    /// the TOML key), if any.
    public var field: String?
    public var content: Message
    /// The branch concerned, when known (used to route warnings to committee summaries).
    public var branchID: String?
    /// The language `message` and `rendered` are made in.
    public var language: Language = .zh
    /// A sheet's column letter (`F`), shown beside the field in a CSV diagnostic.
    public var columnLetter: String?

    public init(
        _ severity: Severity, at location: SourceLocation, field: String? = nil, branchID: String? = nil,
        _ content: Message
    ) {
        self.severity = severity
        self.location = location
        self.field = field
        self.content = content
        self.branchID = branchID
    }

    public static func error(_ m: Message, at l: SourceLocation, field: String? = nil, branch: String? = nil)
        -> Diagnostic
    {
        Diagnostic(.error, at: l, field: field, branchID: branch, m)
    }
    public static func warning(_ m: Message, at l: SourceLocation, field: String? = nil, branch: String? = nil)
        -> Diagnostic
    {
        Diagnostic(.warning, at: l, field: field, branchID: branch, m)
    }

    /// A stable code per kind of problem (e.g. `E-RANGE`, `W-PARTICIPATION`).
    public var code: String { content.code }
    /// The message in `language`.
    public var message: String { content.text(language) }

    /// A summary of what another error caused (the register's branches of a sheet that could
    /// not be read): shown after the errors that caused it.
    public var isConsequence: Bool { content.id == .missingSubmissionsOfBrokenSheets }

    /// The same diagnostic shown in `language`.
    public func `in`(_ language: Language) -> Diagnostic {
        var d = self
        d.language = language
        return d
    }

    /// `path:line:col: error[CODE]: field: message`, control characters shown escaped (a file
    /// name or a value quoted from the data may hold ESC or a direction override).
    public var rendered: String {
        Escaped.text("\(location.description): \(severity.rawValue)[\(code)]: \(fieldAndMessage)")
    }

    /// `field: message`, the field as the file names it (a workbook cell's by its header as the
    /// sheet names it, a CSV field with its column letter); the message alone without a field.
    public var fieldAndMessage: String {
        var name = field
        if let cell = location.cell, let header = cell.header, cell.field == field { name = header }
        let letter = columnLetter.map { language == .zh ? "（\($0) 列）" : " (column \($0))" } ?? ""
        return (name.map { "\($0)\(letter): " } ?? "") + message
    }
}

extension Array where Element == Diagnostic {
    /// Sorted by file, line, column, then severity and code, so output is stable; a line that
    /// only sums up the consequences of another error comes after every other.
    public func sortedForDisplay() -> [Diagnostic] {
        sorted { a, b in
            if a.isConsequence != b.isConsequence { return b.isConsequence }
            if a.location != b.location { return a.location < b.location }
            if a.severity != b.severity { return a.severity == .error }
            if a.code != b.code { return a.code < b.code }
            return a.message < b.message
        }
    }
    /// Every diagnostic shown in `language`.
    public func `in`(_ language: Language) -> [Diagnostic] { map { $0.in(language) } }
    public var errorCount: Int { lazy.filter { $0.severity == .error }.count }
    public var warningCount: Int { lazy.filter { $0.severity == .warning }.count }
}

/// Diagnostics that stop a step (a bad rules or config file), as an error value.
public struct DiagnosticList: Error, Sendable {
    public var items: [Diagnostic]
    public init(_ items: [Diagnostic]) { self.items = items }
}
