import StarModel

@testable import StarRating

/// Ten aspects (tenths) summing exactly to `total` tenths.
func aspects(_ total: Int) -> [Tenths] {
    let q = total / 10
    let r = total % 10
    return (0..<10).map { Tenths(q + ($0 < r ? 1 : 0)) }
}

/// A submission whose three sheet totals are given in tenths (all equal by default, so base = total).
func submission(
    _ id: String = "B-1", committee: String = "C1", total: Int = 800, selfTotal: Int? = nil, massTotal: Int? = nil,
    superiorTotal: Int? = nil, satisfaction: Int = 900, commendations: [Level] = [], innovations: [Level] = [],
    workCriticisms: Int = 0, municipalCriticisms: Int = 0, minor: Int = 0, major: Int = 0, member: Int = 0,
    election: Election? = nil, absences: Int = 0, year: Int = 2026
) -> Submission {
    Submission(
        year: year,
        branch: BranchInfo(
            id: id, name: "支部\(id)", committeeID: committee, committeeName: "委员会\(committee)", members: 10),
        selfScores: aspects(selfTotal ?? total), massScores: aspects(massTotal ?? total),
        superiorScores: aspects(superiorTotal ?? total),
        massMemberParticipants: 10, massPublicParticipants: 5, satisfaction: Tenths(satisfaction),
        commendations: commendations, innovations: innovations,
        criticismsWorkCommittee: workCriticisms, criticismsMunicipalCommittee: municipalCriticisms,
        leadershipMinorSanctions: minor, leadershipMajorSanctions: major, memberSanctions: member,
        election: election, unexcusedAbsences: absences)
}

func date(_ s: String) -> CivilDate { CivilDate(iso: s)! }

/// Rates one branch alone with quotas switched off.
func rateAlone(_ s: Submission, rules: RuleSet = .anyang2017) -> BranchResult {
    var r = rules
    r.quotas = []
    return RatingEngine(rules: r).rate([s], year: 2026).results[0]
}
