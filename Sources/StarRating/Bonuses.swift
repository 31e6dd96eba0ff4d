import StarModel

/// B1 — 三(三)1: the organisation or its secretary commended, or a signed article in city-level
/// or higher media: city +3, province +5, national +8, "以最高的为准" — only the highest counts.
enum CommendationBonus: PointsRule {
    static let rule = RuleCode.B1
    static func entries(for s: Submission, rules: RuleSet) -> [TrailEntry] {
        guard let top = s.commendations.max(), let points = rules.commendationPoints[top], points > .zero else {
            return []
        }
        return [bonus(points, level: top)]
    }
}

/// B2 — 三(三)2: a major innovation recognised and promoted by the superior: city +3, province +5,
/// national +8. Default: only the highest counts (`innovation_cumulative = false`).
enum InnovationBonus: PointsRule {
    static let rule = RuleCode.B2
    static func entries(for s: Submission, rules: RuleSet) -> [TrailEntry] {
        if rules.innovationCumulative {
            return s.innovations.sorted(by: >).compactMap { level in
                guard let p = rules.innovationPoints[level], p > .zero else { return nil }
                return bonus(p, level: level)
            }
        }
        guard let top = s.innovations.max(), let p = rules.innovationPoints[top], p > .zero else { return [] }
        return [bonus(p, level: top)]
    }
}
