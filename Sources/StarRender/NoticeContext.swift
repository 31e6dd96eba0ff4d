import Mustache
import StarModel
import StarRating

/// What `notice.html.mustache` and `notice.txt.mustache` can use: the whole public notice, or
/// one committee's extract of it (attached to its e-mail). Every key is listed with its meaning
/// in docs/templates.md; a template names keys, Swift only supplies values shaped for display.
/// Fixed wording (the introduction, the method, headings) lives in the templates.
public struct NoticeContext: MustacheParent, Sendable {
    /// `关于2026年度基层服务型党组织星级评定结果的公示`.
    public var title: String
    /// The committee's name when this is an extract for its e-mail; nil for the public notice.
    public var extractOf: String?
    /// The rating year.
    public var year: Int
    /// Branches rated in the run (the whole notice, also in an extract).
    public var total: Int
    /// Length of the notice period in days (7).
    public var noticeDays: Int
    /// First and last day of the notice period, `2026年12月31日`.
    public var periodStart: String
    public var periodEnd: String
    /// The notice date, `2026年12月31日`.
    public var noticeDate: String
    /// Weights of the base score in percent.
    public var weightSelf: Int
    public var weightMass: Int
    public var weightSuperior: Int
    /// Full marks, `100`.
    public var maxScore: String
    /// The score bands, `90.0分及以上为五星级，…，50.0分以下不定星级` (from the rules file).
    public var bands: String
    /// The quota constraints as the rules' descriptors say them, `五星级名额不超过参评总数的10%，超出的…；…`.
    public var quotas: String
    /// Rules scheme and version, printed on every report.
    public var scheme: String
    public var version: String
    /// The objection sentence, rendered from `objection.txt.mustache` (one place for it).
    public var objection: String
    /// Where objections go (the office); a placeholder when config.toml lacks it.
    public var objectionOffice: String
    /// Objection contact; a placeholder when config.toml lacks it.
    public var objectionPhone: String
    public var objectionAddress: String
    /// The objection e-mail address, nil (section skipped) when not set.
    public var objectionEmail: String?
    /// The issuing body.
    public var issuer: String
    /// Star levels five to none, each with its branches.
    public var groups: [NoticeGroup]

    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "extractOf": extractOf
        case "year": year
        case "total": total
        case "noticeDays": noticeDays
        case "periodStart": periodStart
        case "periodEnd": periodEnd
        case "noticeDate": noticeDate
        case "weightSelf": weightSelf
        case "weightMass": weightMass
        case "weightSuperior": weightSuperior
        case "maxScore": maxScore
        case "bands": bands
        case "quotas": quotas
        case "scheme": scheme
        case "version": version
        case "objection": objection
        case "objectionOffice": objectionOffice
        case "objectionPhone": objectionPhone
        case "objectionAddress": objectionAddress
        case "objectionEmail": objectionEmail
        case "issuer": issuer
        case "groups": groups
        default: LayoutSections.lambda(name) { self }
        }
    }
}

/// One star level of the notice.
public struct NoticeGroup: MustacheParent, Sendable {
    /// `五星级` … `不定星级`.
    public var label: String
    /// Branches at this level (in an extract: the committee's).
    public var count: Int
    /// No branch at this level.
    public var empty: Bool
    /// The branches, best final score first.
    public var branches: NoticeRows

    public func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "count": count
        case "empty": empty
        case "branches": branches
        default: nil
        }
    }
}

/// The rows of one group, made one at a time while the template renders, so a million-row
/// notice never holds a million row values.
public struct NoticeRows: MustacheSequence, Sendable {
    let results: [BranchResult]
    /// Result indexes in the order shown.
    let order: [Int]
    /// The row number of each result in the public notice (an extract keeps those numbers, so
    /// a committee can find its rows on the notice board).
    let numbers: [Int32]
    /// The rules of the run, which explain the 说明 column.
    let rules: RuleSet

    public func makeIterator() -> AnyIterator<NoticeRow> {
        var i = 0
        return AnyIterator {
            guard i < order.count else { return nil }
            defer { i += 1 }
            return NoticeRow(result: results[order[i]], index: Int(numbers[order[i]]), rules: rules)
        }
    }
}

/// One branch on the notice: `index` (its number within its star level), `name`, `committee`,
/// `final`, `review` (five stars: to the municipal department), `note` (why the stars differ
/// from the score band, e.g. `满意率低于50%`), `hasNote`.
public struct NoticeRow: MustacheParent, Sendable {
    let result: BranchResult
    /// Its number on the public notice, from 1 within its star level.
    let index: Int
    /// The rules of the run: the 说明 column is their descriptor's note (`RuleDescriptor.note`).
    let rules: RuleSet

    public func child(named name: String) -> Any? {
        switch name {
        case "index": Cell(index)
        case "name": Cell(result.branch.name)
        case "committee": Cell(result.branch.committeeName)
        case "final": Cell(result.final.description)
        case "review": result.needsReview
        case "note": Cell(rules.note(result))
        case "hasNote": result.stars != result.bandStars
        default: nil
        }
    }
}
