import Mustache
import StarModel
import StarRating

/// What `summary.txt.mustache` and `subject.txt.mustache` can use: the e-mail summary of one
/// upper committee. Every key is listed with its meaning in docs/templates.md. Lists are empty
/// (not missing) when there is nothing to list, so `{{^review}}  无{{/review}}` works.
public struct SummaryContext: MustacheParent, Sendable {
    /// The committee's name and its address from config.toml (nil when not set).
    public var committeeName: String
    public var email: String?
    /// The e-mail's subject, rendered from `subject.txt.mustache` (empty while that renders).
    public var subject: String
    public var year: Int
    public var scheme: String
    public var version: String
    public var weightSelf: Int
    public var weightMass: Int
    public var weightSuperior: Int
    /// The committee's rated branches.
    public var count: Int
    /// Branches rated in the whole run.
    public var total: Int
    /// Branches per star level, five to none.
    public var starCounts: [StarCount]
    /// The quota scope is the whole run (else: this committee).
    public var scopeIsAll: Bool
    /// The quota checks of the committee's scope.
    public var quotaChecks: [QuotaLine]
    /// The committee's branches a quota changed.
    public var quotaChanges: [QuotaChange]
    /// Ties at a quota cut in the committee's scope.
    public var ties: [TieLine]
    /// One line per branch of the committee, by branch id.
    public var branches: [SummaryBranch]
    /// Five-star branches, for review by the municipal organisation department.
    public var review: [SummaryBranch]
    /// Branches with one star or none (整改).
    public var rectify: [SummaryBranch]
    /// Whether last year's results were given.
    public var hasPrevious: Bool
    /// Branches promoted, demoted or new against last year.
    public var changes: [StarChangeLine]
    /// Warnings about the committee's branches, each a finished line of text.
    public var warnings: [WarningLine]
    /// The rule codes this summary shows, with their meaning.
    public var legend: [LegendLine]
    public var periodStart: String
    public var periodEnd: String
    /// The objection sentence, rendered from `objection.txt.mustache`.
    public var objection: String
    public var objectionPhone: String
    public var issuer: String
    public var noticeDate: String

    public func child(named name: String) -> Any? {
        switch name {
        case "committeeName": committeeName
        case "email": email
        case "subject": subject
        case "year": year
        case "scheme": scheme
        case "version": version
        case "weightSelf": weightSelf
        case "weightMass": weightMass
        case "weightSuperior": weightSuperior
        case "count": count
        case "total": total
        case "starCounts": starCounts
        case "scopeIsAll": scopeIsAll
        case "quotaChecks": quotaChecks
        case "quotaChanges": quotaChanges
        case "ties": ties
        case "branches": branches
        case "review": review
        case "rectify": rectify
        case "hasPrevious": hasPrevious
        case "changes": changes
        case "warnings": warnings
        case "legend": legend
        case "periodStart": periodStart
        case "periodEnd": periodEnd
        case "objection": objection
        case "objectionPhone": objectionPhone
        case "issuer": issuer
        case "noticeDate": noticeDate
        default: LayoutSections.lambda(name) { self }
        }
    }
}

/// `label`: `五星级`; `count`: its number of branches.
public struct StarCount: MustacheParent, Sendable {
    var label: String
    var count: Int
    public func child(named name: String) -> Any? {
        switch name {
        case "label": Cell(label)
        case "count": Cell(count)
        default: LayoutSections.lambda(name) { self }
        }
    }
}

/// One quota check: `code`, `levels` (`五星级`), `isMax` (a ceiling, else a floor), `percent`,
/// `limit`, `countBefore`, `countAfter`, `isReport` (policy report), `violated`, `changed`
/// (it lowered or raised some branch).
public struct QuotaLine: MustacheParent, Sendable {
    var check: QuotaCheck
    public func child(named name: String) -> Any? {
        switch name {
        case "code": check.code
        case "levels": check.levelsLabel
        case "isMax": check.bound == .max
        case "percent": check.percent.plain
        case "limit": check.limit
        case "countBefore": check.countBefore
        case "countAfter": check.countAfter
        case "isReport": check.policy == .report
        case "violated": check.violated
        case "changed": !check.changed.isEmpty
        default: LayoutSections.lambda(name) { self }
        }
    }
}

/// A branch a quota changed: `name`, `id`, `final`, `code`, `before`, `after` (star labels).
public struct QuotaChange: MustacheParent, Sendable {
    var name, id, final, code, before, after: String
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "id": id
        case "final": final
        case "code": code
        case "before": before
        case "after": after
        default: LayoutSections.lambda(name) { self }
        }
    }
}

/// A tie at a quota cut: `code`, `score`, `size` (branches in the tie, all scopes), `own`
/// (the committee's own tied branches, `名称（编号）、…`; nil when none).
public struct TieLine: MustacheParent, Sendable {
    var code, score: String
    var size: Int
    var own: String?
    public func child(named name: String) -> Any? {
        switch name {
        case "code": code
        case "score": score
        case "size": size
        case "own": own
        default: LayoutSections.lambda(name) { self }
        }
    }
}

/// A branch of the committee: `id`, `name`, `final`, `band` (stars of the score band),
/// `stars` (proposed), `codes` (`B1; D3`).
public struct SummaryBranch: MustacheParent, Sendable {
    var result: BranchResult
    public func child(named name: String) -> Any? {
        switch name {
        case "id": Cell(result.branch.id)
        case "name": Cell(result.branch.name)
        case "final": Cell(result.final.description)
        case "band": Cell(StarLabel.chinese(result.bandStars))
        case "stars": Cell(StarLabel.chinese(result.stars))
        case "codes": Cell(result.ruleCodes.joined(separator: "; "))
        default: LayoutSections.lambda(name) { self }
        }
    }
}

/// A change against last year: `change` (晋星 / 减星 / 新参评), `name`, `id`, `before`
/// (last year's stars, or 上年无结果), `after`.
public struct StarChangeLine: MustacheParent, Sendable {
    var change, name, id, before, after: String
    public func child(named name: String) -> Any? {
        switch name {
        case "change": change
        case "name": self.name
        case "id": id
        case "before": before
        case "after": after
        default: LayoutSections.lambda(name) { self }
        }
    }
}

/// One code of the legend: `code`, `meaning`.
public struct LegendLine: MustacheParent, Sendable {
    var code, meaning: String
    public func child(named name: String) -> Any? {
        switch name {
        case "code": code
        case "meaning": meaning
        default: LayoutSections.lambda(name) { self }
        }
    }
}

/// A warning about one of the committee's branches: `text`, the diagnostic as one line.
public struct WarningLine: MustacheParent, Sendable {
    /// The branch the warning is about: its name and id (a committee knows its branches by
    /// them, not by the lines of the files it sent); empty for a row of the committee's sheet
    /// that is no branch's (`isBranch` false).
    var name: String
    var id: String
    /// The field as the file names it, then the message: `mass_member_participants：…`.
    var text: String
    /// Where in the file: `gaj-zjj-2026.csv:16:38`, `wjw.xlsx:Sheet1!AN2`.
    var place: String
    public func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "id": id
        case "text": text
        case "place": place
        case "isBranch": !id.isEmpty
        default: LayoutSections.lambda(key) { self }
        }
    }
}
