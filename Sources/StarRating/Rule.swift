import StarModel

/// A rule of docs/rules.md §3–§4 that adds or takes points. Each rule is a small type carrying its
/// `RuleCode`; its clause and texts are the code's (RuleCode.swift).
protocol PointsRule: Sendable {
    static var rule: RuleCode { get }
    /// One trail entry per occurrence (a deduction repeats once per event).
    static func entries(for s: Submission, rules: RuleSet) -> [TrailEntry]
}

extension PointsRule {
    static func bonus(_ points: Tenths, _ message: String) -> TrailEntry {
        TrailEntry(code: rule.rawValue, clause: rule.clause, kind: .bonus, points: points, message: message)
    }
    static func deduction(_ points: Tenths, _ message: String) -> TrailEntry {
        TrailEntry(code: rule.rawValue, clause: rule.clause, kind: .deduction, points: -points, message: message)
    }
    static func repeated(_ n: Int, _ points: Tenths, _ message: String) -> [TrailEntry] {
        (0..<max(0, n)).map { i in deduction(points, n > 1 ? "\(message)（第\(i + 1)次/共\(n)次）" : message) }
    }
}

/// A condition of docs/rules.md §6: it holds or not, and when it holds it limits the stars.
protocol ConditionRule: Sendable {
    static var rule: RuleCode { get }
    static func holds(for s: Submission, rules: RuleSet, referenceDate: CivilDate) -> Bool
    /// The stars after this condition, given the stars before it.
    static func apply(_ stars: Int, rules: RuleSet) -> Int
}

extension ConditionRule {
    static func entry(before: Int, after: Int, rules: RuleSet) -> TrailEntry {
        TrailEntry(
            code: rule.rawValue, clause: rule.clause, kind: .condition, starsBefore: before, starsAfter: after,
            message: rules.conditionMessage(rule))
    }
}
