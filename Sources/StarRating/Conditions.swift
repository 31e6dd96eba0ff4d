import StarModel

/// C1 — 三(三)4: satisfaction rate below 50 %: no star, whatever else ("50%以下不定星级").
enum NoStarForLowSatisfaction: ConditionRule {
    static let code = "C1"
    static let clause = "三(三)4"
    static func holds(for s: Submission, rules: RuleSet, referenceDate: CivilDate) -> Bool {
        rules.below(s.satisfaction, rules.satisfactionNoStarBelow)
    }
    static func apply(_ stars: Int, rules: RuleSet) -> Int { 0 }
    static func message(rules: RuleSet) -> String { "民主评议满意率低于\(rules.satisfactionNoStarBelow)%，不定星级" }
}

/// C2 — 三(三)5: re-election overdue without an approved delay: at most four stars.
/// Held after its due date is overdue; still pending is overdue once the due date is before the
/// reference date.
enum OverdueElection: ConditionRule {
    static let code = "C2"
    static let clause = "三(三)5"
    static func holds(for s: Submission, rules: RuleSet, referenceDate: CivilDate) -> Bool {
        guard let e = s.election, !e.delayApproved else { return false }
        if let held = e.held { return held > e.due }
        return e.due < referenceDate
    }
    static func apply(_ stars: Int, rules: RuleSet) -> Int { min(stars, rules.electionOverdueCap) }
    static func message(rules: RuleSet) -> String { "无特殊理由、无请示，不按期换届，不得定为\(StarLabel.chinese(rules.electionOverdueCap + 1))" }
}

/// C3 — 三(三)5: re-election more than one year late (held date, or the reference date while
/// pending, strictly after the due date + 1 year; 29 Feb + 1 year = 28 Feb), approved or not:
/// at most three stars.
enum LongOverdueElection: ConditionRule {
    static let code = "C3"
    static let clause = "三(三)5"
    static func holds(for s: Submission, rules: RuleSet, referenceDate: CivilDate) -> Bool {
        guard let e = s.election else { return false }
        let limit = e.due.addingYears(rules.electionLongOverdueYears)
        return (e.held ?? referenceDate) > limit
    }
    static func apply(_ stars: Int, rules: RuleSet) -> Int { min(stars, rules.electionLongOverdueCap) }
    static func message(rules: RuleSet) -> String { "超过\(rules.electionLongOverdueYears)年不换届，不得定为\(StarLabel.chinese(rules.electionLongOverdueCap + 1))及以上" }
}

/// C4 — 三(三)6: three or more unexcused absences in the year: at most four stars, then one star
/// lower (never below none).
enum RepeatedAbsence: ConditionRule {
    static let code = "C4"
    static let clause = "三(三)6"
    static func holds(for s: Submission, rules: RuleSet, referenceDate: CivilDate) -> Bool {
        s.unexcusedAbsences >= rules.absenceThreshold
    }
    static func apply(_ stars: Int, rules: RuleSet) -> Int { max(0, min(stars, rules.absenceCap) - rules.absenceDrop) }
    static func message(rules: RuleSet) -> String {
        "年度内无故缺席累计\(rules.absenceThreshold)次及以上，不得定为\(StarLabel.chinese(rules.absenceCap + 1))，并降低\(rules.absenceDrop)个星级"
    }
}
