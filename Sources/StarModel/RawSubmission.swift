/// A value as the user wrote it, with where they wrote it.
public struct RawField: Hashable, Sendable {
    public var text: String
    public var location: SourceLocation
    public init(_ text: String, at location: SourceLocation) {
        self.text = text
        self.location = location
    }
}

/// The canonical names of a submission's facts: the CSV column names of docs/input-formats.md.
/// XML ingest maps its elements onto the same names, so validation knows one vocabulary.
public enum FieldKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    case year, branchID, branchName, committeeID, committeeName, category, members
    case aspect(Sheet, Int)
    case massMemberParticipants, massPublicParticipants, satisfaction
    case criticismsWorkCommittee, criticismsMunicipalCommittee
    case leadershipMinorSanctions, leadershipMajorSanctions, memberSanctions
    case electionDue, electionHeld, electionDelayApproved
    case unexcusedAbsences
    /// Only in CSV: the single highest level of each list.
    case commendationLevel, innovationLevel

    /// The English column name.
    public var description: String {
        switch self {
        case .year: "year"
        case .branchID: "branch_id"
        case .branchName: "branch_name"
        case .committeeID: "committee_id"
        case .committeeName: "committee_name"
        case .category: "category"
        case .members: "members"
        case .aspect(let s, let n): "\(s.rawValue)_\(n)"
        case .massMemberParticipants: "mass_member_participants"
        case .massPublicParticipants: "mass_public_participants"
        case .satisfaction: "satisfaction"
        case .criticismsWorkCommittee: "criticisms_work_committee"
        case .criticismsMunicipalCommittee: "criticisms_municipal_committee"
        case .leadershipMinorSanctions: "leadership_minor_sanctions"
        case .leadershipMajorSanctions: "leadership_major_sanctions"
        case .memberSanctions: "member_sanctions"
        case .electionDue: "election_due"
        case .electionHeld: "election_held"
        case .electionDelayApproved: "election_delay_approved"
        case .unexcusedAbsences: "unexcused_absences"
        case .commendationLevel: "commendation_level"
        case .innovationLevel: "innovation_level"
        }
    }

    /// The Chinese label of docs/input-formats.md.
    public var chineseLabel: String {
        switch self {
        case .year: "年度"
        case .branchID: "支部编号"
        case .branchName: "支部名称"
        case .committeeID: "上级党组织编号"
        case .committeeName: "上级党组织名称"
        case .category: "类别"
        case .members: "党员人数"
        case .aspect(.selfEvaluation, let n): "自评\(n)"
        case .aspect(.massEvaluation, let n): "测评\(n)"
        case .aspect(.superiorEvaluation, let n): "考评\(n)"
        case .massMemberParticipants: "参评党员人数"
        case .massPublicParticipants: "参评群众人数"
        case .satisfaction: "满意率"
        case .criticismsWorkCommittee: "工委通报批评次数"
        case .criticismsMunicipalCommittee: "市委通报批评次数"
        case .leadershipMinorSanctions: "班子成员轻处分人次"
        case .leadershipMajorSanctions: "班子成员重处分人次"
        case .memberSanctions: "党员违纪人次"
        case .electionDue: "换届到期日"
        case .electionHeld: "换届日期"
        case .electionDelayApproved: "延期已批准"
        case .unexcusedAbsences: "无故缺席次数"
        case .commendationLevel: "表彰级别"
        case .innovationLevel: "创新推广级别"
        }
    }

    /// Every column of the CSV format, in the documented order.
    public static let allColumns: [FieldKey] = {
        var k: [FieldKey] = [.year, .branchID, .branchName, .committeeID, .committeeName, .category, .members]
        for s in Sheet.allCases { for n in 1...10 { k.append(.aspect(s, n)) } }
        k += [
            .massMemberParticipants, .massPublicParticipants, .satisfaction, .commendationLevel, .innovationLevel,
            .criticismsWorkCommittee, .criticismsMunicipalCommittee, .leadershipMinorSanctions,
            .leadershipMajorSanctions, .memberSanctions, .electionDue, .electionHeld, .electionDelayApproved,
            .unexcusedAbsences,
        ]
        return k
    }()

    /// Position in `allColumns` (a switch, not a search: it is used for every field of every row).
    public var ordinal: Int {
        switch self {
        case .year: 0
        case .branchID: 1
        case .branchName: 2
        case .committeeID: 3
        case .committeeName: 4
        case .category: 5
        case .members: 6
        case .aspect(let s, let n):
            7 + (s == .selfEvaluation ? 0 : s == .massEvaluation ? 10 : 20) + (n - 1)
        case .massMemberParticipants: 37
        case .massPublicParticipants: 38
        case .satisfaction: 39
        case .commendationLevel: 40
        case .innovationLevel: 41
        case .criticismsWorkCommittee: 42
        case .criticismsMunicipalCommittee: 43
        case .leadershipMinorSanctions: 44
        case .leadershipMajorSanctions: 45
        case .memberSanctions: 46
        case .electionDue: 47
        case .electionHeld: 48
        case .electionDelayApproved: 49
        case .unexcusedAbsences: 50
        }
    }

    private var order: Int { ordinal }
    public static func < (a: FieldKey, b: FieldKey) -> Bool { a.order < b.order }
}

/// The raw fields of a record by key: a fixed table of one slot per column (a dictionary keyed by
/// an enum with payloads cost more than parsing the row itself).
///
/// A slot keeps a field's text and its line and column; the file, which every field of a record
/// shares, is kept once for the table, and a workbook's cell references (one per column, shared
/// by the reader) only when there are any. A `RawField` per slot held the path and the cell
/// reference in each of a row's 65 fields: three reference counts to raise and lower per cell,
/// the largest single cost of reading a province's sheet.
public struct FieldTable: Sendable {
    private struct Slot {
        var text: String
        var line: Int
        var column: Int32
    }
    private var slots: [Slot?] = Array(repeating: nil, count: FieldKey.allColumns.count)
    /// The file of every field (nil until one is set).
    private var file: String?
    /// A workbook's cell references by slot (nil when no field has one).
    private var cells: [CellReference?]?
    /// A field whose place is in another file than the table's (never from the readers).
    private var elsewhere: [Int: SourceLocation] = [:]

    public init() {}

    public subscript(key: FieldKey) -> RawField? {
        get {
            let i = key.ordinal
            guard let slot = slots[i] else { return nil }
            if let at = elsewhere[i] { return RawField(slot.text, at: at) }
            return RawField(slot.text, at: place(slot, i))
        }
        set {
            let i = key.ordinal
            guard let field = newValue else {
                slots[i] = nil
                elsewhere[i] = nil
                cells?[i] = nil
                return
            }
            set(i, field.text, at: field.location)
        }
    }

    /// A sheet's cell: as `self[key] = RawField(text, at: at)`, without making the field.
    mutating func set(_ i: Int, _ text: String, at: SourceLocation) {
        if file == nil { file = at.file }
        slots[i] = Slot(text: text, line: at.line, column: Int32(clamping: at.column ?? 0))
        if at.file != file {
            elsewhere[i] = at
        } else if !elsewhere.isEmpty {
            elsewhere[i] = nil
        }
        if let cell = at.cell {
            if cells == nil { cells = Array(repeating: nil, count: slots.count) }
            cells![i] = cell
        } else if cells != nil {
            cells![i] = nil
        }
    }

    private func place(_ slot: Slot, _ i: Int) -> SourceLocation {
        SourceLocation(
            file: file ?? "", line: slot.line, column: slot.column == 0 ? nil : Int(slot.column), cell: cells?[i])
    }

    /// A field's text alone, without making its location.
    public func text(_ key: FieldKey) -> String? { slots[key.ordinal]?.text }
}

/// One submission as read from a file, before any checking: every value is still text with its
/// place. Produced by both the XML and the CSV reader; consumed by validation.
public struct RawSubmission: Sendable {
    public enum Format: String, Sendable { case xml, csv, xlsx }
    public var format: Format
    /// File and line where the record starts.
    public var location: SourceLocation
    public var fields = FieldTable()
    /// Every commendation's level (XML: one per element; CSV: the one column when not empty).
    public var commendationLevels: [RawField] = []
    public var innovationLevels: [RawField] = []
    /// Every event date written in the file (XML only), checked for sane bounds.
    public var eventDates: [(name: String, field: RawField)] = []
    /// A sheet's header as it names each column, and the column numbers (nil for XML).
    public var columns: SheetColumns?
    /// Cells that could not be read as Excel shows them (a formula without its value…): each
    /// is the error for its field.
    public var problems: [CellProblem] = []

    public init(format: Format, location: SourceLocation) {
        self.format = format
        self.location = location
    }

    /// A sheet's cell under the column of `key`: a field, or (not empty) a commendation's or an
    /// innovation's level.
    public mutating func setCell(_ key: FieldKey, _ text: String, at: SourceLocation) {
        switch key {
        case .commendationLevel:
            if !text.isEmpty { commendationLevels.append(RawField(text, at: at)) }
        case .innovationLevel:
            if !text.isEmpty { innovationLevels.append(RawField(text, at: at)) }
        default:
            fields.set(key.ordinal, text, at: at)
        }
    }
}

/// A cell of a field that could not be read, and why.
public struct CellProblem: Sendable {
    public var key: FieldKey
    public var message: Message
    public var location: SourceLocation
    public init(key: FieldKey, message: Message, location: SourceLocation) {
        self.key = key
        self.message = message
        self.location = location
    }
}

/// A sheet's header: how it names each field (`自评3` or `self_3`) and in which column, shared by
/// all its rows. Diagnostics use it to name the field as the sheet does and to point at the cell;
/// the column is looked up only when there is something to report.
public final class SheetColumns: Sendable {
    private let names: [String?]
    private let numbers: [Int?]

    public init(_ columns: [(key: FieldKey, name: String, column: Int)]) {
        var names = [String?](repeating: nil, count: FieldKey.allColumns.count)
        var numbers = [Int?](repeating: nil, count: FieldKey.allColumns.count)
        for c in columns {
            names[c.key.ordinal] = c.name
            numbers[c.key.ordinal] = c.column
        }
        self.names = names
        self.numbers = numbers
    }

    public func name(_ key: FieldKey) -> String? { names[key.ordinal] }
    public func column(_ key: FieldKey) -> Int? { numbers[key.ordinal] }
}
