import StarModel

/// Every number and choice of docs/rules.md, as data. The default is the `anyang-2017` scheme; another
/// city's variant is another rules file, not another program.
public struct RuleSet: Sendable, Equatable, Codable {
    /// The scheme and version the shipped rules file (StarRules' anyang-2017.toml) carries.
    public var scheme = "anyang-2017"
    public var version = "2017.1"

    /// Base-score weights in percent (self, mass, superior), summing to 100 (docs/rules.md §2).
    public var weightSelf = 20
    public var weightMass = 30
    public var weightSuperior = 50

    /// Maximum of one aspect (10.0) and of the final score (100.0).
    public var aspectMax = Tenths(100)
    public var maxScore = Tenths(1000)

    /// B1 and B2 points per level (docs/rules.md §3).
    public var commendationPoints: [Level: Tenths] = [.city: Tenths(30), .province: Tenths(50), .national: Tenths(80)]
    public var innovationPoints: [Level: Tenths] = [.city: Tenths(30), .province: Tenths(50), .national: Tenths(80)]
    /// B2: false = only the highest innovation counts; true = every one adds.
    public var innovationCumulative = false

    /// D1–D7 amounts, positive numbers taken off (docs/rules.md §4).
    public var workCommitteeCriticism = Tenths(30)
    public var municipalCommitteeCriticism = Tenths(50)
    public var leadershipMinorSanction = Tenths(30)
    public var leadershipMajorSanction = Tenths(50)
    public var memberSanction = Tenths(20)
    public var lowSatisfaction = Tenths(50)
    public var unexcusedAbsence = Tenths(30)

    /// D6 applies below this satisfaction rate; C1 (no star) below the other.
    public var satisfactionDeductionBelow = Tenths(600)
    public var satisfactionNoStarBelow = Tenths(500)
    /// false: "below" is strictly below (59.9 deducts, 60.0 does not).
    public var satisfactionThresholdInclusive = false

    /// Minimum final score for one, two, three, four and five stars (docs/rules.md §5).
    public var bands: [Tenths] = [Tenths(500), Tenths(600), Tenths(700), Tenths(800), Tenths(900)]

    /// C2: highest star level with an overdue re-election and no approved delay.
    public var electionOverdueCap = 4
    /// C3: highest star level when the re-election is more than `electionLongOverdueYears` late.
    public var electionLongOverdueCap = 3
    public var electionLongOverdueYears = 1
    /// C4: this many unexcused absences or more caps the stars, then drops them.
    public var absenceThreshold = 3
    public var absenceCap = 4
    public var absenceDrop = 1

    /// The day conditions are judged on; nil = 31 December of the rating year.
    public var referenceDate: CivilDate?

    /// The quota constraints, applied in order (docs/rules.md §7).
    public var quotas: [QuotaRule] = [
        QuotaRule(code: "Q1", levels: [5], bound: .max, percent: Tenths(100), rounding: .floor, policy: .enforce),
        QuotaRule(code: "Q2", levels: [0, 1], bound: .min, percent: Tenths(100), rounding: .ceil, policy: .enforce),
    ]
    public var quotaScope: QuotaScope = .all

    /// Procedure facts for warnings (docs/rules.md §9).
    public var participationWarningPercent = 80
    public var selfOverSuperiorWarning = Tenths(150)
    /// Notice period in calendar days (为期一周).
    public var noticeDays = 7

    public init() {}

    public static let anyang2017 = RuleSet()

    public func referenceDate(forYear year: Int) -> CivilDate {
        referenceDate ?? CivilDate(year: year, month: 12, day: 31)!
    }

    /// Stars from the score alone.
    public func bandStars(_ final: Tenths) -> Int { bands.filter { final >= $0 }.count }

    func below(_ value: Tenths, _ threshold: Tenths) -> Bool {
        satisfactionThresholdInclusive ? value <= threshold : value < threshold
    }
}

public enum QuotaScope: String, Sendable, Codable, CaseIterable { case all, committee }

/// One quota constraint: a set of star levels, at most or at least a percentage of N.
public struct QuotaRule: Sendable, Equatable, Codable {
    public enum Bound: String, Sendable, Codable { case max, min }
    public enum Rounding: String, Sendable, Codable { case floor, ceil, round }
    public enum Policy: String, Sendable, Codable { case enforce, report }

    public var code: String
    public var levels: Set<Int>
    public var bound: Bound
    /// Percent of N, in tenths (10 % = 100).
    public var percent: Tenths
    public var rounding: Rounding
    public var policy: Policy

    public init(code: String, levels: Set<Int>, bound: Bound, percent: Tenths, rounding: Rounding, policy: Policy) {
        self.code = code
        self.levels = levels
        self.bound = bound
        self.percent = percent
        self.rounding = rounding
        self.policy = policy
    }

    /// The limit for N branches: N × percent / 100, rounded as set, exactly.
    public func limit(for n: Int) -> Int {
        let scaled = n * percent.raw  // hundredths of a branch × 10
        switch rounding {
        case .floor: return scaled / 1000
        case .ceil: return (scaled + 999) / 1000
        case .round: return (scaled + 500) / 1000
        }
    }

    /// Whether `enforce` is meaningful for this constraint (docs/rules.md §7): a `max` on one star
    /// level (the lowest-ranked drop one star, out of the set), or a `min` on the lowest levels
    /// 0…k (the lowest-ranked above them become k stars). Anything else may only be `report`.
    public var canEnforce: Bool {
        switch bound {
        case .max: return levels.count == 1 && levels.first! > 0
        case .min:
            guard let k = levels.max(), k < 5 else { return false }
            return levels == Set(0...k)
        }
    }

    /// Chinese label of the set, e.g. `五星级`, `一星级及以下`.
    public var levelsLabel: String {
        let sorted = levels.sorted()
        if sorted.count == 1 { return StarLabel.chinese(sorted[0]) }
        if sorted.first == 0, let k = sorted.last, sorted == Array(0...k) { return "\(StarLabel.chinese(k))及以下" }
        return sorted.map { StarLabel.chinese($0) }.joined(separator: "、")
    }
}
