import StarModel
import Testing

@testable import StarRating

@Suite struct SatisfactionConditionTests {
    @Test func c1BelowFiftyMeansNoStarAndD6Too() {
        let r = rateAlone(submission(total: 950, satisfaction: 499))
        #expect(r.final == Tenths(900))
        #expect(r.bandStars == 5)
        #expect(r.stars == 0)
        #expect(r.ruleCodes == ["D6", "C1"])
    }

    @Test func c1DoesNotApplyAtFifty() {
        let r = rateAlone(submission(total: 950, satisfaction: 500))
        #expect(r.stars == 5)
        #expect(r.ruleCodes == ["D6"])
    }
}

@Suite struct ElectionConditionTests {
    @Test func heldOnTheDueDateIsOnTime() {
        let r = rateAlone(submission(total: 950, election: Election(due: date("2026-06-30"), held: date("2026-06-30"))))
        #expect(r.stars == 5)
        #expect(r.ruleCodes == [])
    }

    @Test func c2HeldAfterDueCapsAtFour() {
        let r = rateAlone(submission(total: 950, election: Election(due: date("2026-06-30"), held: date("2026-07-01"))))
        #expect(r.stars == 4)
        #expect(r.ruleCodes == ["C2"])
        #expect(r.trail.last?.clause == "三(三)5")
    }

    @Test func c2NotWhenTheDelayWasApproved() {
        let r = rateAlone(
            submission(
                total: 950, election: Election(due: date("2026-06-30"), held: date("2026-09-01"), delayApproved: true)))
        #expect(r.stars == 5)
        #expect(r.ruleCodes == [])
    }

    @Test func c2PendingIsOverdueOnlyWhenDueBeforeReferenceDate() {
        #expect(rateAlone(submission(total: 950, election: Election(due: date("2026-12-30")))).ruleCodes == ["C2"])
        #expect(rateAlone(submission(total: 950, election: Election(due: date("2026-12-31")))).ruleCodes == [])
    }

    @Test func c2ListedEvenWhenItChangesNothing() {
        let r = rateAlone(submission(total: 750, election: Election(due: date("2026-06-30"), held: date("2026-07-01"))))
        #expect(r.stars == 3)
        #expect(r.ruleCodes == ["C2"])
    }

    @Test func c3HeldExactlyOneYearLateIsNotMoreThanOneYear() {
        let r = rateAlone(submission(total: 950, election: Election(due: date("2025-06-30"), held: date("2026-06-30"))))
        #expect(r.ruleCodes == ["C2"])
        #expect(r.stars == 4)
    }

    @Test func c3HeldOneYearAndOneDayLateCapsAtThree() {
        let r = rateAlone(submission(total: 950, election: Election(due: date("2025-06-30"), held: date("2026-07-01"))))
        #expect(r.ruleCodes == ["C2", "C3"])
        #expect(r.stars == 3)
        #expect(r.trail.map(\.starsAfter) == [4, 3])
    }

    @Test func c3AppliesEvenWithAnApprovedDelay() {
        let r = rateAlone(
            submission(
                total: 950, election: Election(due: date("2025-06-30"), held: date("2026-07-01"), delayApproved: true)))
        #expect(r.ruleCodes == ["C3"])
        #expect(r.stars == 3)
    }

    @Test func c3PendingPastOneYearUsesTheReferenceDate() {
        #expect(
            rateAlone(submission(total: 950, election: Election(due: date("2025-12-30")))).ruleCodes == ["C2", "C3"])
        #expect(rateAlone(submission(total: 950, election: Election(due: date("2025-12-31")))).ruleCodes == ["C2"])
    }

    @Test func c3LeapDayPlusOneYearIsTwentyEighthFebruary() {
        #expect(date("2024-02-29").addingYears(1) == date("2025-02-28"))
        var rules = RuleSet()
        rules.referenceDate = date("2025-12-31")
        func codes(_ held: String) -> [String] {
            var r = rules
            r.quotas = []
            return RatingEngine(rules: r).rate(
                [submission(total: 950, election: Election(due: date("2024-02-29"), held: date(held)), year: 2025)],
                year: 2025
            ).results[0].ruleCodes
        }
        #expect(codes("2025-02-28") == ["C2"])
        #expect(codes("2025-03-01") == ["C2", "C3"])
    }

    @Test func referenceDateIsASetting() {
        var rules = RuleSet()
        rules.referenceDate = date("2026-06-30")
        #expect(
            rateAlone(submission(total: 950, election: Election(due: date("2026-09-30"))), rules: rules).ruleCodes == []
        )
    }
}

@Suite struct AbsenceConditionTests {
    @Test func c4ExactlyThreeAbsencesCapsAtFourThenDropsOne() {
        // 95.0 − 9.0 = 86.0 → four stars → cap four → one lower: three
        let r = rateAlone(submission(total: 950, absences: 3))
        #expect(r.final == Tenths(860))
        #expect(r.bandStars == 4)
        #expect(r.stars == 3)
        #expect(r.ruleCodes == ["D7", "C4"])
        #expect(r.trail.last?.clause == "三(三)6")
    }

    @Test func c4FromFiveStarsEndsAtThree() {
        let r = rateAlone(submission(total: 1000, commendations: [.national], absences: 3))
        #expect(r.final == Tenths(990))
        #expect(r.bandStars == 5)
        #expect(r.stars == 3)
    }

    @Test func twoAbsencesAreOnlyDeductions() {
        let r = rateAlone(submission(total: 970, absences: 2))
        #expect(r.ruleCodes == ["D7"])
        #expect(r.stars == 5)
    }

    @Test func c4NeverBelowNoStarAndStillListed() {
        let r = rateAlone(submission(total: 500, satisfaction: 400, absences: 3))
        #expect(r.stars == 0)
        #expect(r.ruleCodes == ["D6", "D7", "C1", "C4"])
    }

    @Test func lowestCapWinsThenTheDrop() {
        // C2 cap 4, C3 cap 3, C4 cap 4 → 3, then C4 drop → 2
        let r = rateAlone(
            submission(
                total: 1000, commendations: [.national], election: Election(due: date("2025-01-31")), absences: 3))
        #expect(r.bandStars == 5)
        #expect(r.ruleCodes == ["B1", "D7", "C2", "C3", "C4"])
        #expect(r.stars == 2)
    }
}
