/// Government level of a commendation or a promoted innovation.
public enum Level: String, Sendable, Codable, CaseIterable, Comparable {
    case city, province, national

    public static func < (a: Level, b: Level) -> Bool { a.rank < b.rank }
    var rank: Int {
        switch self {
        case .city: 0;
        case .province: 1;
        case .national: 2
        }
    }

    public var chinese: String {
        switch self {
        case .city: "市级";
        case .province: "省级";
        case .national: "国家级"
        }
    }
}

/// The three evaluation sheets of rules.md §1.
public enum Sheet: String, Sendable, Codable, CaseIterable {
    case selfEvaluation = "self", massEvaluation = "mass", superiorEvaluation = "superior"
}

/// Thirty bytes kept inline in a `Submission` (a heap array per submission cost a million
/// allocations and their fragmentation at a province's size).
struct AspectBytes: Hashable, Sendable, Codable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    subscript(i: Int) -> UInt8 {
        get {
            precondition((0..<30).contains(i))
            return withUnsafeBytes(of: words) { $0[i] }
        }
        set {
            precondition((0..<30).contains(i))
            withUnsafeMutableBytes(of: &words) { $0[i] = newValue }
        }
    }

    subscript(r: Range<Int>) -> [UInt8] { r.map { self[$0] } }

    static func == (a: AspectBytes, b: AspectBytes) -> Bool {
        a.words.0 == b.words.0 && a.words.1 == b.words.1 && a.words.2 == b.words.2 && a.words.3 == b.words.3
    }

    func hash(into h: inout Hasher) { h.combine(words.0); h.combine(words.1); h.combine(words.2); h.combine(words.3) }

    init() {}
    init(from decoder: Decoder) throws {
        let bytes = try [UInt8](from: decoder)
        guard bytes.count == 30 else { throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "30 aspects")) }
        for (i, b) in bytes.enumerated() { self[i] = b }
    }
    func encode(to encoder: Encoder) throws { try self[0..<30].encode(to: encoder) }
}

/// The branch a submission is about.
///
/// An immutable class rather than a struct: a submission and its result share one instance, so a
/// province's million branches hold their six strings once, not twice (value semantics are kept:
/// nothing can change it).
public final class BranchInfo: Hashable, Sendable, Codable {
    public let id: String
    public let name: String
    public let committeeID: String
    public let committeeName: String
    public let category: String
    public let members: Int

    public init(id: String, name: String, committeeID: String, committeeName: String, category: String = "", members: Int) {
        self.id = id; self.name = name; self.committeeID = committeeID
        self.committeeName = committeeName; self.category = category; self.members = members
    }

    public static func == (a: BranchInfo, b: BranchInfo) -> Bool {
        a === b
            || (a.id == b.id && a.name == b.name && a.committeeID == b.committeeID && a.committeeName == b.committeeName
                && a.category == b.category && a.members == b.members)
    }

    public func hash(into h: inout Hasher) {
        h.combine(id); h.combine(name); h.combine(committeeID); h.combine(committeeName); h.combine(category); h.combine(members)
    }
}

/// The re-election facts of a branch: when it was due, when (if) it was held, and whether a
/// delay was approved by the superior.
public struct Election: Hashable, Sendable, Codable {
    public var due: CivilDate
    public var held: CivilDate?
    public var delayApproved: Bool

    public init(due: CivilDate, held: CivilDate? = nil, delayApproved: Bool = false) {
        self.due = due; self.held = held; self.delayApproved = delayApproved
    }
}

/// One branch's validated yearly submission: every fact rules.md §1 needs, typed and checked.
/// Nothing here knows whether it came from XML or CSV.
public struct Submission: Hashable, Sendable, Codable {
    /// The whole-number facts, four bytes each (all are checked to at most a million): with the
    /// dates and aspects kept small too, a province's million submissions fit in memory beside
    /// their results.
    private var counts: Counts
    struct Counts: Hashable, Sendable, Codable {
        var year, memberParticipants, publicParticipants, workCriticisms, municipalCriticisms: Int32
        var minorSanctions, majorSanctions, memberSanctions, absences: Int32
    }
    public var year: Int {
        get { Int(counts.year) }
        set { counts.year = Int32(clamping: newValue) }
    }
    public var branch: BranchInfo
    /// The thirty aspects (self, mass, superior; ten each) in tenths, one byte each, inside the
    /// value (no array of its own to allocate): a province holds a million submissions, and
    /// three arrays of `Tenths` cost ten times the memory.
    private var aspects = AspectBytes()

    /// Where a sheet's ten aspects start in `aspects`.
    private static func offset(_ sheet: Sheet) -> Int {
        switch sheet {
        case .selfEvaluation: 0
        case .massEvaluation: 10
        case .superiorEvaluation: 20
        }
    }

    /// Ten aspects each, in tenths (0…100).
    public var selfScores: [Tenths] {
        get { scores(.selfEvaluation) }
        set { set(.selfEvaluation, newValue) }
    }
    public var massScores: [Tenths] {
        get { scores(.massEvaluation) }
        set { set(.massEvaluation, newValue) }
    }
    public var superiorScores: [Tenths] {
        get { scores(.superiorEvaluation) }
        set { set(.superiorEvaluation, newValue) }
    }

    public func scores(_ sheet: Sheet) -> [Tenths] {
        let o = Submission.offset(sheet)
        return aspects[o..<(o + 10)].map { Tenths(Int($0)) }
    }

    private mutating func set(_ sheet: Sheet, _ scores: [Tenths]) {
        precondition(scores.count == 10 && scores.allSatisfy { (0...255).contains($0.raw) }, "ten aspects of 0.0–25.5")
        let o = Submission.offset(sheet)
        for (i, t) in scores.enumerated() { aspects[o + i] = UInt8(t.raw) }
    }

    /// The total of a sheet, in tenths.
    public func total(_ sheet: Sheet) -> Tenths {
        let o = Submission.offset(sheet)
        var sum = 0
        for i in o..<(o + 10) { sum += Int(aspects[i]) }
        return Tenths(sum)
    }
    public var massMemberParticipants: Int {
        get { Int(counts.memberParticipants) }
        set { counts.memberParticipants = Int32(clamping: newValue) }
    }
    public var massPublicParticipants: Int {
        get { Int(counts.publicParticipants) }
        set { counts.publicParticipants = Int32(clamping: newValue) }
    }
    /// Democratic-appraisal satisfaction rate, percent in tenths (0…1000).
    public var satisfaction: Tenths
    public var commendations: [Level]
    public var innovations: [Level]
    public var criticismsWorkCommittee: Int {
        get { Int(counts.workCriticisms) }
        set { counts.workCriticisms = Int32(clamping: newValue) }
    }
    public var criticismsMunicipalCommittee: Int {
        get { Int(counts.municipalCriticisms) }
        set { counts.municipalCriticisms = Int32(clamping: newValue) }
    }
    public var leadershipMinorSanctions: Int {
        get { Int(counts.minorSanctions) }
        set { counts.minorSanctions = Int32(clamping: newValue) }
    }
    public var leadershipMajorSanctions: Int {
        get { Int(counts.majorSanctions) }
        set { counts.majorSanctions = Int32(clamping: newValue) }
    }
    public var memberSanctions: Int {
        get { Int(counts.memberSanctions) }
        set { counts.memberSanctions = Int32(clamping: newValue) }
    }
    public var election: Election?
    public var unexcusedAbsences: Int {
        get { Int(counts.absences) }
        set { counts.absences = Int32(clamping: newValue) }
    }
    /// Where the submission was read (file and first line), for the trail and diagnostics.
    public var source: SourceLocation

    public init(
        year: Int, branch: BranchInfo, selfScores: [Tenths], massScores: [Tenths], superiorScores: [Tenths],
        massMemberParticipants: Int = 0, massPublicParticipants: Int = 0, satisfaction: Tenths,
        commendations: [Level] = [], innovations: [Level] = [],
        criticismsWorkCommittee: Int = 0, criticismsMunicipalCommittee: Int = 0,
        leadershipMinorSanctions: Int = 0, leadershipMajorSanctions: Int = 0, memberSanctions: Int = 0,
        election: Election? = nil, unexcusedAbsences: Int = 0,
        source: SourceLocation = SourceLocation(file: "-", line: 1)
    ) {
        self.counts = Counts(
            year: Int32(clamping: year), memberParticipants: Int32(clamping: massMemberParticipants),
            publicParticipants: Int32(clamping: massPublicParticipants),
            workCriticisms: Int32(clamping: criticismsWorkCommittee), municipalCriticisms: Int32(clamping: criticismsMunicipalCommittee),
            minorSanctions: Int32(clamping: leadershipMinorSanctions), majorSanctions: Int32(clamping: leadershipMajorSanctions),
            memberSanctions: Int32(clamping: memberSanctions), absences: Int32(clamping: unexcusedAbsences))
        self.branch = branch
        self.satisfaction = satisfaction; self.commendations = commendations; self.innovations = innovations
        self.election = election
        self.source = source
        self.selfScores = selfScores; self.massScores = massScores; self.superiorScores = superiorScores
    }

}

/// A line of the register `branches.csv`: a branch that is expected to submit.
public struct RegisteredBranch: Hashable, Sendable {
    public var id: String
    public var name: String
    public var committeeID: String
    public var committeeName: String
    public var location: SourceLocation
    public init(id: String, name: String, committeeID: String, committeeName: String, location: SourceLocation) {
        self.id = id; self.name = name; self.committeeID = committeeID; self.committeeName = committeeName; self.location = location
    }
}
