import StarModel
import Testing

@testable import StarRating

/// Branches with the given final scores (tenths), ids B-01…, no events.
func branches(_ finals: [Int], committee: (Int) -> String = { _ in "C1" }) -> [Submission] {
    finals.enumerated().map { i, f in
        submission(String(format: "B-%02d", i + 1), committee: committee(i), total: f)
    }
}

func only(_ code: String, rules: RuleSet = .anyang2017) -> RuleSet {
    var r = rules
    r.quotas = r.quotas.filter { $0.code == code }
    return r
}

@Suite struct QuotaLimitTests {
    @Test(arguments: [(40, 4, 4), (10, 1, 1), (9, 0, 1), (11, 1, 2), (1, 0, 1), (20, 2, 2), (19, 1, 2)])
    func limitsFloorAndCeil(n: Int, maxFive: Int, minBottom: Int) {
        let rules = RuleSet()
        #expect(rules.quotas[0].limit(for: n) == maxFive)
        #expect(rules.quotas[1].limit(for: n) == minBottom)
    }
}

@Suite struct TopQuotaTests {
    @Test func q1LowersFiveStarsPastTheLimitHighestKept() {
        // 10 branches → at most one five-star.
        let finals = [950, 930, 910, 800, 800, 800, 800, 800, 800, 800]
        let out = RatingEngine(rules: only("Q1")).rate(branches(finals), year: 2026)
        let stars = out.results.map(\.stars)
        #expect(stars == [5, 4, 4, 4, 4, 4, 4, 4, 4, 4])
        #expect(out.results[1].ruleCodes == ["Q1"])
        #expect(out.results[1].trail.last?.clause == "三(二)")
        #expect(out.results[0].ruleCodes == [])
        #expect(out.quotaChecks[0].countBefore == 3)
        #expect(out.quotaChecks[0].countAfter == 1)
        #expect(out.quotaChecks[0].tie == nil)
    }

    @Test func q1TieStraddlingTheLimitLowersAllTied() {
        // 20 branches → limit 2; the 2nd and 3rd share 92.0 → both lowered, only one five-star left.
        let finals = [950, 920, 920, 910] + Array(repeating: 800, count: 16)
        let out = RatingEngine(rules: only("Q1")).rate(branches(finals), year: 2026)
        #expect(out.results.filter { $0.stars == 5 }.map(\.branch.id) == ["B-01"])
        #expect(
            out.quotaChecks[0].tie
                == QuotaTie(code: "Q1", scope: "all", score: Tenths(920), branchIDs: ["B-02", "B-03"]))
        #expect(out.quotaChecks[0].changed == ["B-02", "B-03", "B-04"])
    }

    @Test func q1TieBeyondTheLimitIsNotAStraddle() {
        let finals = [950, 940, 920, 920] + Array(repeating: 800, count: 16)
        let out = RatingEngine(rules: only("Q1")).rate(branches(finals), year: 2026)
        #expect(out.results.filter { $0.stars == 5 }.count == 2)
        #expect(out.quotaChecks[0].tie == nil)
    }

    @Test func q1WithLimitZeroLowersEveryFiveStar() {
        let out = RatingEngine(rules: only("Q1")).rate(branches([950, 900, 800]), year: 2026)
        #expect(out.results.map(\.stars) == [4, 4, 4])
    }

    @Test func q1ReportPolicyChangesNothing() {
        var rules = only("Q1")
        rules.quotas[0].policy = .report
        let out = RatingEngine(rules: rules).rate(branches([950, 900, 800]), year: 2026)
        #expect(out.results.map(\.stars) == [5, 5, 4])
        #expect(out.quotaChecks[0].violated)
        #expect(out.results.allSatisfy { !$0.ruleCodes.contains("Q1") })
    }
}

@Suite struct BottomQuotaTests {
    @Test func q2RaisesTheLowestToOneStar() {
        // 10 branches → at least one at one star or below; none is.
        let finals = [900, 850, 800, 780, 760, 740, 720, 700, 650, 640]
        let out = RatingEngine(rules: only("Q2")).rate(branches(finals), year: 2026)
        #expect(out.results.filter { $0.stars <= 1 }.map(\.branch.id) == ["B-10"])
        #expect(out.results[9].ruleCodes == ["Q2"])
        #expect(out.results[9].trail.last?.starsBefore == 2)
    }

    @Test func q2CountsNoStarBranches() {
        let finals = [900, 850, 800, 780, 760, 740, 720, 700, 650, 400]
        let out = RatingEngine(rules: only("Q2")).rate(branches(finals), year: 2026)
        #expect(out.results.allSatisfy { $0.ruleCodes.isEmpty })
        #expect(out.quotaChecks[0].violated == false)
    }

    @Test func q2TieAtTheCutIncludesAllTied() {
        let finals = [900, 850, 800, 780, 760, 740, 720, 700, 650, 650]
        let out = RatingEngine(rules: only("Q2")).rate(branches(finals), year: 2026)
        #expect(out.results.filter { $0.stars == 1 }.map(\.branch.id) == ["B-09", "B-10"])
        #expect(out.quotaChecks[0].tie?.branchIDs == ["B-09", "B-10"])
        #expect(out.quotaChecks[0].countAfter == 2)
    }

    @Test func q2TooFewCandidatesAllBecomeOneStar() {
        var rules = only("Q2")
        rules.quotas[0].percent = Tenths(1000)  // 100 %
        let out = RatingEngine(rules: rules).rate(branches([900, 400, 650]), year: 2026)
        #expect(out.results.map(\.stars) == [1, 0, 1])
    }

    @Test func q2RunsAfterQ1() {
        // 10 branches, two five-stars: Q1 lowers B-02 to four; Q2 then needs one at the bottom.
        let finals = [950, 940, 800, 800, 800, 800, 800, 800, 800, 700]
        let out = RatingEngine(rules: RuleSet()).rate(branches(finals), year: 2026)
        #expect(out.results[1].ruleCodes == ["Q1"])
        #expect(out.results[9].ruleCodes == ["Q2"])
        #expect(out.quotaChecks.map(\.code) == ["Q1", "Q2"])
    }
}

@Suite struct QuotaScopeTests {
    @Test func committeeScopeAppliesPerCommittee() {
        // Committee A has three five-star scores, B none; ten branches each.
        // Whole run: N = 20, at most 2 five-stars: A's 95.0 and 94.0 keep five stars.
        // Per committee: A's N = 10, at most 1: only 95.0 keeps five stars, 94.0 becomes four.
        let finals = [
            950, 940, 930, 800, 800, 800, 800, 800, 800, 400, 800, 800, 800, 800, 800, 800, 800, 800, 800, 400,
        ]
        let subs = branches(finals) { $0 < 10 ? "A" : "B" }
        let all = RatingEngine().rate(subs, year: 2026, scope: .all)
        let per = RatingEngine().rate(subs, year: 2026, scope: .committee)
        #expect(all.results.filter { $0.stars == 5 }.map(\.final) == [Tenths(950), Tenths(940)])
        #expect(per.results.filter { $0.stars == 5 }.map(\.final) == [Tenths(950)])
        #expect(all.results[1].stars == 5 && all.results[1].ruleCodes.isEmpty)
        #expect(per.results[1].stars == 4 && per.results[1].ruleCodes == ["Q1"])
        #expect(all.quotaChecks.map(\.scope) == ["all", "all"])
        #expect(per.quotaChecks.map(\.scope) == ["A", "A", "B", "B"])
        #expect(per.quotaChecks.allSatisfy { $0.n == 10 })
    }
}

@Suite struct ExtraQuotaTests {
    @Test func fourStarMaxEnforcedLowersLowestRanked() {
        var rules = RuleSet()
        rules.quotas = [
            QuotaRule(code: "Q3", levels: [4], bound: .max, percent: Tenths(200), rounding: .floor, policy: .enforce)
        ]
        let out = RatingEngine(rules: rules).rate(
            branches([850, 840, 830, 820, 700, 700, 700, 700, 700, 700]), year: 2026)
        #expect(out.results.map(\.stars) == [4, 4, 3, 3, 3, 3, 3, 3, 3, 3])
    }

    /// A quota's text says what the rules file says: the total it is a share of (all branches,
    /// or each committee's) and what it does (adjust, or only report).
    @Test func aQuotasTextFollowsItsScopeAndPolicy() {
        var rules = RuleSet()
        rules.quotas = [
            QuotaRule(code: "Q1", levels: [5], bound: .max, percent: Tenths(150), rounding: .floor, policy: .enforce),
            QuotaRule(
                code: "Q2", levels: [0, 1], bound: .min, percent: Tenths(125), rounding: .floor, policy: .report),
        ]
        #expect(rules.descriptor(code: "Q1")?.meaning == "五星级名额不超过参评总数的15%，超出的按得分由低到高降为四星级")
        rules.quotaScope = .committee
        #expect(rules.descriptor(code: "Q1")?.meaning == "五星级名额不超过各上级党组织参评总数的15%，超出的按得分由低到高降为四星级")
        #expect(rules.descriptor(code: "Q2")?.meaning == "一星级及以下名额不低于各上级党组织参评总数的12.5%（仅报告，不调整）")
    }

    @Test func onlyMaxOfOneLevelOrMinOfLowestLevelsCanBeEnforced() {
        #expect(
            QuotaRule(code: "X", levels: [5], bound: .max, percent: Tenths(100), rounding: .floor, policy: .enforce)
                .canEnforce)
        #expect(
            !QuotaRule(
                code: "X", levels: [4, 5], bound: .max, percent: Tenths(100), rounding: .floor, policy: .enforce
            ).canEnforce)
        #expect(
            QuotaRule(
                code: "X", levels: [0, 1, 2], bound: .min, percent: Tenths(100), rounding: .floor, policy: .enforce
            ).canEnforce)
        #expect(
            !QuotaRule(
                code: "X", levels: [1, 2], bound: .min, percent: Tenths(100), rounding: .floor, policy: .enforce
            ).canEnforce)
    }
}

@Suite struct StarChangeTests {
    @Test func promotedDemotedAgainstLastYear() {
        var rules = RuleSet()
        rules.quotas = []
        let out = RatingEngine(rules: rules).rate(
            branches([950, 750, 650]), year: 2026, previous: ["B-01": 4, "B-02": 3])
        #expect(out.results.map(\.change) == [.promoted, .unchanged, .new])
        #expect(out.results[0].previousStars == 4)
    }
}
