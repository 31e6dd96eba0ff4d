import StarModel

/// D1 — 三(三)3: circulated criticism by the city organs work committee (市直工委通报批评), −3 each.
enum WorkCommitteeCriticism: PointsRule {
    static let code = "D1"
    static let clause = "三(三)3"
    static func entries(for s: Submission, rules: RuleSet) -> [TrailEntry] {
        repeated(s.criticismsWorkCommittee, rules.workCommitteeCriticism, "受到市直工委通报批评")
    }
}

/// D2 — 三(三)3: circulated criticism by the municipal party committee (市委通报批评), −5 each.
enum MunicipalCommitteeCriticism: PointsRule {
    static let code = "D2"
    static let clause = "三(三)3"
    static func entries(for s: Submission, rules: RuleSet) -> [TrailEntry] {
        repeated(s.criticismsMunicipalCommittee, rules.municipalCommitteeCriticism, "受到市委通报批评")
    }
}

/// D3 — 三(三)3: a leadership-team member sanctioned at "serious warning or below", −3 per person-time.
enum LeadershipMinorSanction: PointsRule {
    static let code = "D3"
    static let clause = "三(三)3"
    static func entries(for s: Submission, rules: RuleSet) -> [TrailEntry] {
        repeated(s.leadershipMinorSanctions, rules.leadershipMinorSanction, "领导班子成员受严重警告以下处分")
    }
}

/// D4 — 三(三)3: a leadership-team member sanctioned at "revocation of party post or above", −5 per person-time.
enum LeadershipMajorSanction: PointsRule {
    static let code = "D4"
    static let clause = "三(三)3"
    static func entries(for s: Submission, rules: RuleSet) -> [TrailEntry] {
        repeated(s.leadershipMajorSanctions, rules.leadershipMajorSanction, "领导班子成员受撤销党内职务以上处分")
    }
}

/// D5 — 三(三)3: an ordinary member's violation (any sanction), −2 per person-time.
enum MemberSanction: PointsRule {
    static let code = "D5"
    static let clause = "三(三)3"
    static func entries(for s: Submission, rules: RuleSet) -> [TrailEntry] {
        repeated(s.memberSanctions, rules.memberSanction, "一般党员违法违纪")
    }
}

/// D6 — 三(三)4: democratic-appraisal satisfaction below 60 %, −5 (also when below 50 %).
enum LowSatisfaction: PointsRule {
    static let code = "D6"
    static let clause = "三(三)4"
    static func entries(for s: Submission, rules: RuleSet) -> [TrailEntry] {
        guard rules.below(s.satisfaction, rules.satisfactionDeductionBelow) else { return [] }
        return [deduction(rules.lowSatisfaction, "民主评议满意率\(s.satisfaction)%，低于\(rules.satisfactionDeductionBelow)%")]
    }
}

/// D7 — 三(三)6: unexcused absence from a work-committee meeting or training, or a task not done
/// on time, −3 each.
enum UnexcusedAbsence: PointsRule {
    static let code = "D7"
    static let clause = "三(三)6"
    static func entries(for s: Submission, rules: RuleSet) -> [TrailEntry] {
        repeated(s.unexcusedAbsences, rules.unexcusedAbsence, "无故不参加市直工委会议、培训或不按时完成工作任务")
    }
}
