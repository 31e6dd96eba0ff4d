import StarModel

/// One step of a branch's rating, enough to recompute it by hand: which rule fired, the clause of
/// the seed it comes from, the points it added or took or the stars before and after it, and the
/// counts that make this occurrence (the second of three absences, the level of a commendation,
/// the limit a quota gave). What the rule says is its `RuleDescriptor`'s, written once per run.
public struct TrailEntry: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable { case bonus, deduction, condition, quota }

    /// A repeated deduction's occurrence: the `n`th of `of` events (D1–D5, D7).
    public struct Occurrence: Sendable, Hashable, Codable {
        public var n: Int
        public var of: Int
        public init(n: Int, of: Int) {
            self.n = n
            self.of = of
        }
    }

    /// Where a quota moved the branch: its scope (`all` or a committee id), the limit it gave
    /// there, and whether the branch was moved for a tie at the cut.
    public struct QuotaStep: Sendable, Hashable, Codable {
        public var scope: String
        public var limit: Int
        public var tied: Bool
        public init(scope: String, limit: Int, tied: Bool) {
            self.scope = scope
            self.limit = limit
            self.tied = tied
        }
    }

    public var code: String
    public var clause: String
    public var kind: Kind
    /// Signed points for B and D codes (+3.0, −5.0); nil for conditions and quotas.
    public var points: Tenths?
    /// Stars before and after a condition or quota; nil for B and D codes.
    public var starsBefore: Int?
    public var starsAfter: Int?
    /// The level of a bonus (B1, B2).
    public var level: Level?
    /// The occurrence of a repeated deduction.
    public var occurrence: Occurrence?
    /// The quota step of a Q code.
    public var quota: QuotaStep?

    public init(
        code: String, clause: String, kind: Kind, points: Tenths? = nil,
        starsBefore: Int? = nil, starsAfter: Int? = nil,
        level: Level? = nil, occurrence: Occurrence? = nil, quota: QuotaStep? = nil
    ) {
        self.code = code
        self.clause = clause
        self.kind = kind
        self.points = points
        self.starsBefore = starsBefore
        self.starsAfter = starsAfter
        self.level = level
        self.occurrence = occurrence
        self.quota = quota
    }
}

/// Change against last year's stars (docs/rules.md §8): 晋星 / 减星 need the work committee's approval.
public enum StarChange: String, Sendable, Codable {
    case promoted, demoted, unchanged, new

    public var chinese: String {
        switch self {
        case .promoted: "晋星"
        case .demoted: "减星"
        case .unchanged: "持平"
        case .new: "新参评"
        }
    }
}

/// Everything the rules computed for one branch.
public struct BranchResult: Sendable, Equatable, Codable {
    public var branch: BranchInfo
    public var selfTotal: Tenths
    public var massTotal: Tenths
    public var superiorTotal: Tenths
    public var base: Tenths
    /// B1 + B2.
    public var bonus: Tenths
    /// D1–D7 as a positive number.
    public var deduction: Tenths
    /// clamp(base + bonus − deduction, 0, 100).
    public var final: Tenths
    public var bandStars: Int
    /// After the conditions C1–C4, before quotas.
    public var conditionStars: Int
    /// After conditions and quotas: the proposed stars.
    public var stars: Int
    public var trail: [TrailEntry]
    public var previousStars: Int?
    public var change: StarChange?
    public var satisfaction: Tenths

    /// Five-star results go to the municipal organisation department for review (五星级报市委组织部复审).
    public var needsReview: Bool { stars == 5 }

    /// Codes in order of application, each once (the `rules` column of results.csv).
    public var ruleCodes: [String] {
        var seen = Set<String>()
        return trail.map(\.code).filter { seen.insert($0).inserted }
    }
}

/// A tie at a quota cut: branches with the same final score on both sides of the limit.
public struct QuotaTie: Sendable, Equatable, Codable {
    public var code: String
    public var scope: String
    public var score: Tenths
    public var branchIDs: [String]
}

/// The check of one quota constraint in one scope.
public struct QuotaCheck: Sendable, Equatable, Codable {
    public var code: String
    /// `all` or a committee id.
    public var scope: String
    public var levelsLabel: String
    public var bound: QuotaRule.Bound
    public var policy: QuotaRule.Policy
    public var percent: Tenths
    public var n: Int
    public var limit: Int
    /// Count in the set before and after this constraint was applied.
    public var countBefore: Int
    public var countAfter: Int
    /// Branches this constraint changed (enforce), by id.
    public var changed: [String]
    public var tie: QuotaTie?
    /// For `report`: the constraint does not hold.
    public var violated: Bool
}

/// The rating of a whole run.
public struct RatingOutcome: Sendable, Equatable, Codable {
    /// Sorted by committee id then branch id.
    public var results: [BranchResult]
    public var quotaChecks: [QuotaCheck]
    public var referenceDate: CivilDate
    public var year: Int
}
