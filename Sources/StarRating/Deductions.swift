import StarModel

/// D1 — 三(三)3: circulated criticism by the city organs work committee (市直工委通报批评), −3 each.
enum WorkCommitteeCriticism: PointsRule {
    static let rule = RuleCode.D1
    static func entries(for s: Submission, rules: RuleSet) -> [TrailEntry] {
        repeated(s.criticismsWorkCommittee, rules.workCommitteeCriticism)
    }
}

/// D2 — 三(三)3: circulated criticism by the municipal party committee (市委通报批评), −5 each.
enum MunicipalCommitteeCriticism: PointsRule {
    static let rule = RuleCode.D2
    static func entries(for s: Submission, rules: RuleSet) -> [TrailEntry] {
        repeated(s.criticismsMunicipalCommittee, rules.municipalCommitteeCriticism)
    }
}

/// D3 — 三(三)3: a leadership-team member sanctioned at "serious warning or below", −3 per person-time.
enum LeadershipMinorSanction: PointsRule {
    static let rule = RuleCode.D3
    static func entries(for s: Submission, rules: RuleSet) -> [TrailEntry] {
        repeated(s.leadershipMinorSanctions, rules.leadershipMinorSanction)
    }
}

/// D4 — 三(三)3: a leadership-team member sanctioned at "revocation of party post or above", −5 per person-time.
enum LeadershipMajorSanction: PointsRule {
    static let rule = RuleCode.D4
    static func entries(for s: Submission, rules: RuleSet) -> [TrailEntry] {
        repeated(s.leadershipMajorSanctions, rules.leadershipMajorSanction)
    }
}

/// D5 — 三(三)3: an ordinary member's violation (any sanction), −2 per person-time.
enum MemberSanction: PointsRule {
    static let rule = RuleCode.D5
    static func entries(for s: Submission, rules: RuleSet) -> [TrailEntry] {
        repeated(s.memberSanctions, rules.memberSanction)
    }
}

/// D6 — 三(三)4: democratic-appraisal satisfaction below 60 %, −5 (also when below 50 %).
enum LowSatisfaction: PointsRule {
    static let rule = RuleCode.D6
    static func entries(for s: Submission, rules: RuleSet) -> [TrailEntry] {
        guard rules.below(s.satisfaction, rules.satisfactionDeductionBelow) else { return [] }
        return [deduction(rules.lowSatisfaction)]
    }
}

/// D7 — 三(三)6: unexcused absence from a work-committee meeting or training, or a task not done
/// on time, −3 each.
enum UnexcusedAbsence: PointsRule {
    static let rule = RuleCode.D7
    static func entries(for s: Submission, rules: RuleSet) -> [TrailEntry] {
        repeated(s.unexcusedAbsences, rules.unexcusedAbsence)
    }
}
