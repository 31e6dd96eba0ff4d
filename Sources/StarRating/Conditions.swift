import StarModel

/// C1 — 三(三)4: satisfaction rate below 50 %: no star, whatever else ("50%以下不定星级").
enum NoStarForLowSatisfaction: ConditionRule {
    static let rule = RuleCode.C1
    static func holds(for s: Submission, rules: RuleSet, referenceDate: CivilDate) -> Bool {
        rules.below(s.satisfaction, rules.satisfactionNoStarBelow)
    }
    static func apply(_ stars: Int, rules: RuleSet) -> Int { 0 }
}

/// C2 — 三(三)5: re-election overdue without an approved delay: at most four stars.
/// Held after its due date is overdue; still pending is overdue once the due date is before the
/// reference date.
enum OverdueElection: ConditionRule {
    static let rule = RuleCode.C2
    static func holds(for s: Submission, rules: RuleSet, referenceDate: CivilDate) -> Bool {
        guard let e = s.election, !e.delayApproved else { return false }
        if let held = e.held { return held > e.due }
        return e.due < referenceDate
    }
    static func apply(_ stars: Int, rules: RuleSet) -> Int { min(stars, rules.electionOverdueCap) }
}

/// C3 — 三(三)5: re-election more than one year late (held date, or the reference date while
/// pending, strictly after the due date + 1 year; 29 Feb + 1 year = 28 Feb), approved or not:
/// at most three stars.
enum LongOverdueElection: ConditionRule {
    static let rule = RuleCode.C3
    static func holds(for s: Submission, rules: RuleSet, referenceDate: CivilDate) -> Bool {
        guard let e = s.election else { return false }
        let limit = e.due.addingYears(rules.electionLongOverdueYears)
        return (e.held ?? referenceDate) > limit
    }
    static func apply(_ stars: Int, rules: RuleSet) -> Int { min(stars, rules.electionLongOverdueCap) }
}

/// C4 — 三(三)6: three or more unexcused absences in the year: at most four stars, then one star
/// lower (never below none).
enum RepeatedAbsence: ConditionRule {
    static let rule = RuleCode.C4
    static func holds(for s: Submission, rules: RuleSet, referenceDate: CivilDate) -> Bool {
        s.unexcusedAbsences >= rules.absenceThreshold
    }
    static func apply(_ stars: Int, rules: RuleSet) -> Int { max(0, min(stars, rules.absenceCap) - rules.absenceDrop) }
}
