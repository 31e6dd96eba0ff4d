import Dispatch
import StarModel

/// The rating rules of docs/rules.md, applied in its order:
/// totals → base (weighted, half-up) → B1 B2 → D1–D7 → final (clamped) → band →
/// C1 → caps C2 C3 C4 (the lowest wins) → C4's one-star drop → quotas Q1, Q2, … per scope.
///
/// Pure: no I/O, no knowledge of files or formats. The same submissions in any order give the
/// same outcome.
public struct RatingEngine: Sendable {
    public var rules: RuleSet

    public init(rules: RuleSet = .anyang2017) { self.rules = rules }

    static let pointsRules: [any PointsRule.Type] = [
        CommendationBonus.self, InnovationBonus.self,
        WorkCommitteeCriticism.self, MunicipalCommitteeCriticism.self, LeadershipMinorSanction.self,
        LeadershipMajorSanction.self, MemberSanction.self, LowSatisfaction.self, UnexcusedAbsence.self,
    ]
    static let conditionRules: [any ConditionRule.Type] = [
        NoStarForLowSatisfaction.self, OverdueElection.self, LongOverdueElection.self, RepeatedAbsence.self,
    ]

    /// Rates every submission, then applies the quotas.
    /// - Parameters:
    ///   - previous: last year's stars by branch id, for 晋星/减星.
    ///   - scope: overrides the rules file's quota scope when given.
    public func rate(
        _ submissions: some RandomAccessCollection<Submission> & Sendable, year: Int, previous: [String: Int]? = nil,
        scope: QuotaScope? = nil
    ) -> RatingOutcome {
        let reference = rules.referenceDate(forYear: year)
        var results = rateEach(submissions, referenceDate: reference)
        results.sort { ($0.branch.committeeID, $0.branch.id) < ($1.branch.committeeID, $1.branch.id) }

        var scopes: [(String, [Int])] = []
        switch scope ?? rules.quotaScope {
        case .all:
            scopes = [("all", Array(results.indices))]
        case .committee:
            var byCommittee: [String: [Int]] = [:]
            for i in results.indices { byCommittee[results[i].branch.committeeID, default: []].append(i) }
            scopes = byCommittee.keys.sorted().map { ($0, byCommittee[$0]!) }
        }
        var checks: [QuotaCheck] = []
        for (name, indices) in scopes where !indices.isEmpty {
            for q in rules.quotas {
                checks.append(QuotaApplication.apply(q, scope: name, indices: indices, results: &results))
            }
        }
        if let previous {
            for i in results.indices {
                guard let before = previous[results[i].branch.id] else {
                    results[i].change = .new
                    continue
                }
                results[i].previousStars = before
                let now = results[i].stars
                results[i].change = now > before ? .promoted : now < before ? .demoted : .unchanged
            }
        }
        return RatingOutcome(results: results, quotaChecks: checks, referenceDate: reference, year: year)
    }

    /// `rateOne` for every submission, in their order. A province's branches are rated on all
    /// cores, in chunks; each chunk's results are made on the threads that read the records, so
    /// they reuse the memory the records' checks left free there.
    func rateEach(_ submissions: some RandomAccessCollection<Submission> & Sendable, referenceDate: CivilDate)
        -> [BranchResult]
    {
        let n = submissions.count
        let chunk = 4096
        let chunks = (n + chunk - 1) / chunk
        return [BranchResult](unsafeUninitializedCapacity: n) { buffer, initialized in
            // nonisolated(unsafe): each parallel chunk initialises its own disjoint range of the buffer
            nonisolated(unsafe) let base = buffer.baseAddress
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                // Trails repeat across branches (the same bonus, the same deduction): each
                // distinct trail is kept once per chunk, without spare capacity; a province's
                // results would otherwise hold a million small arrays.
                var trails: [[TrailEntry]: [TrailEntry]] = [:]
                for k in (c * chunk)..<min(n, (c + 1) * chunk) {
                    var r = rateOne(
                        submissions[submissions.index(submissions.startIndex, offsetBy: k)],
                        referenceDate: referenceDate)
                    if !r.trail.isEmpty {
                        if let shared = trails[r.trail] {
                            r.trail = shared
                        } else {
                            Self.compact(&r.trail)
                            trails[r.trail] = r.trail
                        }
                    }
                    (base! + k).initialize(to: r)
                }
            }
            initialized = n
        }
    }

    /// Everything up to (not including) the quotas, for one branch.
    public func rateOne(_ s: Submission, referenceDate: CivilDate) -> BranchResult {
        let selfTotal = s.total(.selfEvaluation)
        let massTotal = s.total(.massEvaluation)
        let superiorTotal = s.total(.superiorEvaluation)
        let base = Self.weightedBase(
            selfTotal: selfTotal, massTotal: massTotal, superiorTotal: superiorTotal, rules: rules)

        var trail: [TrailEntry] = []
        for rule in Self.pointsRules { trail += rule.entries(for: s, rules: rules) }
        let bonus = trail.filter { $0.kind == .bonus }.reduce(Tenths.zero) { $0 + ($1.points ?? .zero) }
        let deduction = -trail.filter { $0.kind == .deduction }.reduce(Tenths.zero) { $0 + ($1.points ?? .zero) }
        let final = min(max(base + bonus - deduction, .zero), rules.maxScore)
        let band = rules.bandStars(final)

        var stars = band
        for rule in Self.conditionRules where rule.holds(for: s, rules: rules, referenceDate: referenceDate) {
            let after = rule.apply(stars, rules: rules)
            trail.append(rule.entry(before: stars, after: after, rules: rules))
            stars = after
        }
        return BranchResult(
            branch: s.branch, selfTotal: selfTotal, massTotal: massTotal, superiorTotal: superiorTotal,
            base: base, bonus: bonus, deduction: deduction, final: final, bandStars: band,
            conditionStars: stars, stars: stars, trail: trail, previousStars: nil, change: nil,
            satisfaction: s.satisfaction)
    }

    /// The trail without spare capacity.
    static func compact(_ trail: inout [TrailEntry]) {
        guard !trail.isEmpty else { return }
        var exact: [TrailEntry] = []
        exact.reserveCapacity(trail.count)
        exact.append(contentsOf: trail)
        trail = exact
    }

    /// `round_half_up(w_self·self + w_mass·mass + w_sup·superior)` to one decimal, exactly:
    /// totals are tenths and weights percent, so the sum is in thousandths of a point.
    public static func weightedBase(selfTotal: Tenths, massTotal: Tenths, superiorTotal: Tenths, rules: RuleSet)
        -> Tenths
    {
        let sum =
            rules.weightSelf * selfTotal.raw + rules.weightMass * massTotal.raw + rules.weightSuperior
            * superiorTotal.raw
        return Tenths((sum + 50) / 100)
    }
}
