import StarModel
import Testing

@testable import StarRating

@Suite struct BaseScoreTests {
    @Test func sheetTotalsAreTheSumOfTenAspects() {
        let r = rateAlone(submission(selfTotal: 873, massTotal: 851, superiorTotal: 862))
        #expect(r.selfTotal == Tenths(873))
        #expect(r.massTotal == Tenths(851))
        #expect(r.superiorTotal == Tenths(862))
    }

    @Test func baseIsWeighted20_30_50() {
        // 0.2·90.0 + 0.3·80.0 + 0.5·70.0 = 18 + 24 + 35 = 77.0
        let r = rateAlone(submission(selfTotal: 900, massTotal: 800, superiorTotal: 700))
        #expect(r.base == Tenths(770))
    }

    @Test func baseRoundsHalfUp() {
        // 0.2·82.1 + 0.3·82.1 + 0.5·82.0 = 82.05 → 82.1
        #expect(rateAlone(submission(selfTotal: 821, massTotal: 821, superiorTotal: 820)).base == Tenths(821))
        // 0.2·82.1 + 0.3·82.0 + 0.5·82.0 = 82.02 → 82.0
        #expect(rateAlone(submission(selfTotal: 821, massTotal: 820, superiorTotal: 820)).base == Tenths(820))
        // 0.2·82.0 + 0.3·82.1 + 0.5·82.1 = 82.08 → 82.1
        #expect(rateAlone(submission(selfTotal: 820, massTotal: 821, superiorTotal: 821)).base == Tenths(821))
    }

    @Test func weightsAreASetting() {
        var rules = RuleSet()
        rules.weightSelf = 0
        rules.weightMass = 0
        rules.weightSuperior = 100
        #expect(
            rateAlone(submission(selfTotal: 1000, massTotal: 1000, superiorTotal: 555), rules: rules).base
                == Tenths(555))
    }

    @Test func finalIsClampedToHundred() {
        let r = rateAlone(submission(total: 955, commendations: [.national]))
        #expect(r.final == Tenths(1000))
        #expect(r.bonus == Tenths(80))
    }

    @Test func finalIsClampedToZero() {
        let r = rateAlone(submission(total: 20, municipalCriticisms: 3))
        #expect(r.final == .zero)
        #expect(r.deduction == Tenths(150))
        #expect(r.bandStars == 0)
    }
}

@Suite struct BandTests {
    @Test(arguments: [
        (900, 5), (899, 4), (800, 4), (799, 3), (700, 3), (699, 2), (600, 2), (599, 1), (500, 1), (499, 0), (0, 0),
        (1000, 5),
    ])
    func bandFromFinalScore(final: Int, stars: Int) {
        let r = rateAlone(submission(total: final))
        #expect(r.final == Tenths(final))
        #expect(r.bandStars == stars)
        #expect(r.stars == stars)
        #expect(r.trail.isEmpty)
    }
}

@Suite struct BonusTests {
    @Test func b1OnlyTheHighestCommendationCounts() {
        let r = rateAlone(submission(total: 800, commendations: [.city, .province, .city]))
        #expect(r.bonus == Tenths(50))
        #expect(r.trail.map(\.code) == ["B1"])
        #expect(r.trail[0].clause == "三(三)1")
    }

    @Test(arguments: [(Level.city, 30), (.province, 50), (.national, 80)])
    func b1PointsPerLevel(level: Level, points: Int) {
        #expect(rateAlone(submission(commendations: [level])).bonus == Tenths(points))
    }

    @Test func b2OnlyTheHighestByDefault() {
        let r = rateAlone(submission(total: 800, innovations: [.city, .province]))
        #expect(r.bonus == Tenths(50))
        #expect(r.trail.map(\.code) == ["B2"])
    }

    @Test func b2CumulativeWhenSet() {
        var rules = RuleSet()
        rules.innovationCumulative = true
        let r = rateAlone(submission(total: 800, innovations: [.city, .province]), rules: rules)
        #expect(r.bonus == Tenths(80))
        #expect(r.trail.map(\.code) == ["B2", "B2"])
        #expect(r.ruleCodes == ["B2"])
    }

    @Test func b1AndB2AddUp() {
        let r = rateAlone(submission(total: 700, commendations: [.national], innovations: [.national]))
        #expect(r.bonus == Tenths(160))
        #expect(r.final == Tenths(860))
        #expect(r.ruleCodes == ["B1", "B2"])
    }
}

@Suite struct DeductionTests {
    @Test func d1ThreePointsEachAndOneTrailEntryPerOccurrence() {
        let r = rateAlone(submission(total: 850, workCriticisms: 2))
        #expect(r.deduction == Tenths(60))
        #expect(r.final == Tenths(790))
        #expect(r.trail.map(\.code) == ["D1", "D1"])
        #expect(r.trail.allSatisfy { $0.points == Tenths(-30) && $0.clause == "三(三)3" })
        #expect(r.ruleCodes == ["D1"])
    }

    @Test(arguments: [
        (submission(municipalCriticisms: 1), "D2", 50),
        (submission(minor: 1), "D3", 30),
        (submission(major: 1), "D4", 50),
        (submission(member: 1), "D5", 20),
        (submission(absences: 1), "D7", 30),
    ])
    func deductionAmounts(s: Submission, code: String, points: Int) {
        let r = rateAlone(s)
        #expect(r.deduction == Tenths(points))
        #expect(r.ruleCodes == [code])
    }

    @Test func deductionsAddUpInOrder() {
        let r = rateAlone(
            submission(
                total: 900, workCriticisms: 1, municipalCriticisms: 1, minor: 1, major: 1, member: 2, absences: 1))
        #expect(r.deduction == Tenths(30 + 50 + 30 + 50 + 40 + 30))
        #expect(r.ruleCodes == ["D1", "D2", "D3", "D4", "D5", "D7"])
    }

    @Test func d6SatisfactionBelowSixtyIsStrict() {
        #expect(rateAlone(submission(total: 800, satisfaction: 599)).ruleCodes == ["D6"])
        #expect(rateAlone(submission(total: 800, satisfaction: 599)).final == Tenths(750))
        #expect(rateAlone(submission(total: 800, satisfaction: 600)).ruleCodes == [])
    }

    @Test func d6InclusiveWhenSet() {
        var rules = RuleSet()
        rules.satisfactionThresholdInclusive = true
        #expect(rateAlone(submission(total: 800, satisfaction: 600), rules: rules).ruleCodes == ["D6"])
        #expect(rateAlone(submission(total: 800, satisfaction: 601), rules: rules).ruleCodes == [])
    }
}

@Suite struct CompactTrailTests {
    @Test func equalTrailsAreOneCopyWithoutSpareRoom() throws {
        var rules = RuleSet.anyang2017
        rules.quotas = []
        let outcome = RatingEngine(rules: rules).rate(
            (1...3).map { submission("B-\($0)", innovations: [.province]) }, year: 2026)
        let trails = outcome.results.map(\.trail)
        #expect(Set(trails).count == 1)
        #expect(trails[0].first?.level == .province && trails[0].first?.points == rules.innovationPoints[.province])
        func storage(_ a: [TrailEntry]) -> UnsafeRawPointer? {
            a.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
        }
        #expect(Set(trails.map(storage)).count == 1)
        for r in outcome.results { #expect(r.trail.capacity < r.trail.count + 2) }
    }

    /// A deduction repeated three times is three entries, each with its number and the count.
    @Test func repeatedDeductionsCountTheirOccurrences() {
        var rules = RuleSet.anyang2017
        rules.quotas = []
        let r = rateAlone(submission(total: 900, absences: 3), rules: rules)
        let d7 = r.trail.filter { $0.code == "D7" }
        #expect(d7.map(\.occurrence) == (1...3).map { TrailEntry.Occurrence(n: $0, of: 3) })
        #expect(d7.allSatisfy { $0.points == Tenths.zero - rules.unexcusedAbsence })
    }
}

@Suite struct TrailEntryStorageTests {
    @Test(arguments: [nil, 0, 30, -30, -1000, 1000])
    func pointsAndStarsRoundTrip(points: Int?) {
        for stars in [nil, 0, 1, 5] as [Int?] {
            var e = TrailEntry(
                code: "X", clause: "c", kind: .quota, points: points.map { Tenths($0) }, starsBefore: stars,
                starsAfter: stars.map { 5 - $0 })
            #expect(e.points == points.map { Tenths($0) })
            #expect(e.starsBefore == stars && e.starsAfter == stars.map { 5 - $0 })
            e.points = nil
            e.starsBefore = 3
            #expect(e.points == nil && e.starsBefore == 3)
        }
    }
}
