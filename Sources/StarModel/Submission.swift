/// Government level of a commendation or a promoted innovation.
public enum Level: String, Sendable, Codable, CaseIterable, Comparable {
    case city, province, national

    public static func < (a: Level, b: Level) -> Bool { a.rank < b.rank }
    var rank: Int {
        switch self {
        case .city: 0
        case .province: 1
        case .national: 2
        }
    }

    public var chinese: String {
        switch self {
        case .city: "市级"
        case .province: "省级"
        case .national: "国家级"
        }
    }
}

/// The three evaluation sheets of docs/rules.md §1.
public enum Sheet: String, Sendable, Codable, CaseIterable {
    case selfEvaluation = "self"
    case massEvaluation = "mass"
    case superiorEvaluation = "superior"
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

    public init(
        id: String, name: String, committeeID: String, committeeName: String, category: String = "", members: Int
    ) {
        self.id = id
        self.name = name
        self.committeeID = committeeID
        self.committeeName = committeeName
        self.category = category
        self.members = members
    }

    public static func == (a: BranchInfo, b: BranchInfo) -> Bool {
        a === b
            || (a.id == b.id && a.name == b.name && a.committeeID == b.committeeID && a.committeeName == b.committeeName
                && a.category == b.category && a.members == b.members)
    }

    public func hash(into h: inout Hasher) {
        h.combine(id)
        h.combine(name)
        h.combine(committeeID)
        h.combine(committeeName)
        h.combine(category)
        h.combine(members)
    }
}

/// The re-election facts of a branch: when it was due, when (if) it was held, and whether a
/// delay was approved by the superior.
public struct Election: Hashable, Sendable, Codable {
    public var due: CivilDate
    public var held: CivilDate?
    public var delayApproved: Bool

    public init(due: CivilDate, held: CivilDate? = nil, delayApproved: Bool = false) {
        self.due = due
        self.held = held
        self.delayApproved = delayApproved
    }
}

/// One branch's validated yearly submission: every fact docs/rules.md §1 needs, typed and checked.
/// Nothing here knows whether it came from XML or CSV. A plain value; many of them are kept
/// packed in a `SubmissionStore`.
public struct Submission: Hashable, Sendable, Codable {
    public var year: Int
    public var branch: BranchInfo
    /// Ten aspects each, in tenths (0…100).
    public var selfScores: [Tenths]
    public var massScores: [Tenths]
    public var superiorScores: [Tenths]
    public var massMemberParticipants: Int
    public var massPublicParticipants: Int
    /// Democratic-appraisal satisfaction rate, percent in tenths (0…1000).
    public var satisfaction: Tenths
    public var commendations: [Level]
    public var innovations: [Level]
    public var criticismsWorkCommittee: Int
    public var criticismsMunicipalCommittee: Int
    public var leadershipMinorSanctions: Int
    public var leadershipMajorSanctions: Int
    public var memberSanctions: Int
    public var election: Election?
    public var unexcusedAbsences: Int
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
        self.year = year
        self.branch = branch
        self.selfScores = selfScores
        self.massScores = massScores
        self.superiorScores = superiorScores
        self.massMemberParticipants = massMemberParticipants
        self.massPublicParticipants = massPublicParticipants
        self.satisfaction = satisfaction
        self.commendations = commendations
        self.innovations = innovations
        self.criticismsWorkCommittee = criticismsWorkCommittee
        self.criticismsMunicipalCommittee = criticismsMunicipalCommittee
        self.leadershipMinorSanctions = leadershipMinorSanctions
        self.leadershipMajorSanctions = leadershipMajorSanctions
        self.memberSanctions = memberSanctions
        self.election = election
        self.unexcusedAbsences = unexcusedAbsences
        self.source = source
    }

    /// The ten aspects of a sheet, in tenths.
    public func scores(_ sheet: Sheet) -> [Tenths] {
        switch sheet {
        case .selfEvaluation: selfScores
        case .massEvaluation: massScores
        case .superiorEvaluation: superiorScores
        }
    }

    /// The total of a sheet, in tenths.
    public func total(_ sheet: Sheet) -> Tenths { scores(sheet).reduce(.zero, +) }
}

/// A line of the register `branches.csv`: a branch that is expected to submit.
public struct RegisteredBranch: Hashable, Sendable {
    public var id: String
    public var name: String
    public var committeeID: String
    public var committeeName: String
    public var location: SourceLocation
    public init(id: String, name: String, committeeID: String, committeeName: String, location: SourceLocation) {
        self.id = id
        self.name = name
        self.committeeID = committeeID
        self.committeeName = committeeName
        self.location = location
    }
}
