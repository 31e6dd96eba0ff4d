import Mustache
import StarModel
import StarRating
import StarRules

/// Template rows made one at a time while the template renders, so a million-row notice never
/// holds a million rows.
struct LazyRows<Row>: MustacheSequence {
    let order: [Int]
    let make: (_ position: Int, _ resultIndex: Int) -> Row

    func makeIterator() -> AnyIterator<Row> {
        var i = 0
        return AnyIterator {
            guard i < order.count else { return nil }
            defer { i += 1 }
            return make(i, order[i])
        }
    }
}

/// One pre-laid-out line of a plain-text report, `{{line}}` in the templates (a dictionary per
/// line cost an allocation and a hash for each of a summary's hundred lines).
struct Line: MustacheParent {
    let text: String
    init(_ text: String) { self.text = text }
    func child(named: String) -> Any? { named == "line" ? text : nil }
}

/// One row of the notice. Its values are made only when the template asks for one: building a
/// dictionary of every value per row was a third of a million-row notice's time, and the HTML
/// never asks for the padded plain-text line.
struct NoticeRow: MustacheParent {
    let results: [BranchResult]
    let k: Int
    let position: Int

    /// The plain-text notice's columns: index, name, committee, score (display columns).
    static func textLine(_ index: String, _ name: String, _ committee: String, _ score: String) -> String {
        "  " + TextLayout.padLeft(index, 4) + " " + TextLayout.pad(name, 36) + " " + TextLayout.pad(committee, 26) + " "
            + TextLayout.padLeft(score, 6)
    }
    static let textHeader = textLine("序号", "党组织名称", "上级党组织", "得分")

    func child(named: String) -> Any? {
        switch named {
        case "index": return position + 1
        case "id": return results[k].branch.id
        case "name": return results[k].branch.name
        case "committee": return results[k].branch.committeeName
        case "final": return results[k].final.description
        case "review": return results[k].needsReview
        case "codes": return results[k].ruleCodes.joined(separator: " ")
        case "text":
            let r = results[k]
            return NoticeRow.textLine(String(position + 1), r.branch.name, r.branch.committeeName, r.final.description)
        default: return nil
        }
    }
}

/// Builds the explicit, sorted context the templates render: data already shaped for display
/// (Chinese star labels, grouped lists, padded plain-text rows), never the raw model.
/// Immutable once built, so the reports can be rendered from it on several threads.
public struct ReportContext: @unchecked Sendable {
    public var outcome: RatingOutcome
    public var rules: RuleSet
    public var config: NoticeConfig
    public var warnings: [Diagnostic]
    public var noticeDate: CivilDate
    public var quotaScope: QuotaScope
    /// Whether last year's results were given (晋星/减星 columns).
    public var hasPrevious: Bool

    /// Plain-text line width in display columns (outputs.md: ≤ 78).
    public static let textWidth = 78

    /// Indexes built once, so that every committee summary costs its own size, not the run's.
    let committeeRanges: [String: Range<Int>]
    /// For each committee, its branches in each quota tie: (tie code, "name（id）").
    let tieMembers: [String: [String: [String]]]
    let warningsByBranch: [String: [Diagnostic]]
    let checksByScope: [String: [QuotaCheck]]
    /// Plain arrays of the notice's sort keys, by result index (reading them through the results
    /// array copies whole results).
    let starsOf: [Int]
    let finalOf: [Int]
    /// `common` plus the notice's fixed texts, laid out once.
    private(set) var noticeCommon: [String: Any] = [:]

    public init(outcome: RatingOutcome, rules: RuleSet, config: NoticeConfig, warnings: [Diagnostic],
                noticeDate: CivilDate, quotaScope: QuotaScope, hasPrevious: Bool) {
        self.outcome = outcome; self.rules = rules; self.config = config; self.warnings = warnings
        self.noticeDate = noticeDate; self.quotaScope = quotaScope; self.hasPrevious = hasPrevious
        // results are sorted by committee id, so each committee is one contiguous range
        var ranges: [String: Range<Int>] = [:]
        var start = 0
        let results = outcome.results
        for i in results.indices where i == results.count - 1 || results[i + 1].branch.committeeID != results[i].branch.committeeID {
            ranges[results[i].branch.committeeID] = start..<(i + 1)
            start = i + 1
        }
        committeeRanges = ranges
        var tied: [String: [String]] = [:]  // branch id → codes of the ties it is in
        for check in outcome.quotaChecks { for id in check.tie?.branchIDs ?? [] { tied[id, default: []].append(check.code + "@" + check.scope) } }
        var members: [String: [String: [String]]] = [:]
        if !tied.isEmpty {
            for r in results { for key in tied[r.branch.id] ?? [] {
                members[r.branch.committeeID, default: [:]][key, default: []].append("\(r.branch.name)（\(r.branch.id)）")
            } }
        }
        tieMembers = members
        warningsByBranch = Dictionary(grouping: warnings.filter { $0.branchID != nil }) { $0.branchID! }
        checksByScope = Dictionary(grouping: outcome.quotaChecks) { $0.scope }
        starsOf = results.map(\.stars)
        finalOf = results.map(\.final.raw)
        common = makeCommon()
        var n = common
        n["introLines"] = wrapped(intro, indent: "    ", hanging: "")
        n["methodLines"] = wrapped("评定办法：" + method, indent: "", hanging: "  ")
        n["objectionLines"] = wrapped("公示期间，对公示结果有异议的，请以书面、电话或来访形式向\(setting(config.objectionOffice))反映。", indent: "  ", hanging: "  ")
        n["rule"] = String(repeating: "=", count: ReportContext.textWidth)
        n["thinRule"] = String(repeating: "-", count: ReportContext.textWidth)
        n["centeredTitle"] = center(title)
        n["issuerLines"] = TextLayout.wrap(setting(config.issuer), width: ReportContext.textWidth).map { Line(right($0)) }
        var contact = wrapped("联系电话：\(setting(config.objectionPhone))", indent: "  ", hanging: "    ")
        contact += wrapped("地址：\(setting(config.objectionAddress))", indent: "  ", hanging: "    ")
        if let email = config.objectionEmail, !email.isEmpty { contact += wrapped("电子邮箱：\(email)", indent: "  ", hanging: "    ") }
        n["contactLines"] = contact
        n["dateRight"] = right(noticeDate.chinese)
        noticeCommon = n
    }

    var year: Int { outcome.year }
    var title: String { "关于\(year)年度基层服务型党组织星级评定结果的公示" }
    var periodEnd: CivilDate { noticeDate.addingDays(rules.noticeDays - 1) }

    func setting(_ v: String?) -> String { (v?.isEmpty ?? true) ? NoticeConfig.placeholder : v! }

    /// Values every template may use.
    /// Values every template may use (computed once: the same for every committee).
    public private(set) var common: [String: Any] = [:]

    func makeCommon() -> [String: Any] {
        [
            "year": year,
            "title": title,
            "scheme": rules.scheme,
            "version": rules.version,
            "weightSelf": rules.weightSelf,
            "weightMass": rules.weightMass,
            "weightSuperior": rules.weightSuperior,
            "issuer": setting(config.issuer),
            "objectionOffice": setting(config.objectionOffice),
            "objectionPhone": setting(config.objectionPhone),
            "objectionAddress": setting(config.objectionAddress),
            "objectionEmail": config.objectionEmail ?? "",
            "hasObjectionEmail": !(config.objectionEmail ?? "").isEmpty,
            "noticeDate": noticeDate.chinese,
            "noticeDateISO": noticeDate.description,
            "periodStart": noticeDate.chinese,
            "periodEnd": periodEnd.chinese,
            "noticeDays": rules.noticeDays,
            "referenceDate": outcome.referenceDate.chinese,
            "total": outcome.results.count,
            "bands": bandText,
            "quotaText": quotaText,
            "intro": intro,
            "method": method,
        ]
    }

    var bandText: String {
        let b = rules.bands
        return "\(b[4])分及以上为五星级，\(b[3])分至\(b[4] - Tenths(1))分为四星级，\(b[2])分至\(b[3] - Tenths(1))分为三星级，"
            + "\(b[1])分至\(b[2] - Tenths(1))分为二星级，\(b[0])分至\(b[1] - Tenths(1))分为一星级，\(b[0])分以下不定星级"
    }

    var intro: String {
        "根据市直机关基层服务型党组织星级创建实施方案，经党组织自评、党员群众测评、上级党组织考评，"
            + "对\(outcome.results.count)个基层党组织进行了\(year)年度星级评定。现将拟定星级结果予以公示，"
            + "公示期为\(rules.noticeDays)天（\(noticeDate.chinese)至\(periodEnd.chinese)）。"
    }

    var method: String {
        "基础分 = 自评×\(rules.weightSelf)% + 党员群众测评×\(rules.weightMass)% + 上级党组织考评×\(rules.weightSuperior)%，"
            + "按规定加分、减分后为最终得分（满分\(rules.maxScore.plain)分）。\(bandText)。\(quotaText)。五星级党组织报市委组织部复审。"
    }

    var quotaText: String {
        rules.quotas.map { q in "\(q.levelsLabel)数量\(q.bound == .max ? "不超过" : "不低于")参评总数的\(q.percent.plain)%" }.joined(separator: "，")
    }

    // MARK: notice

    /// The notice: branches grouped by proposed stars, five to none.
    /// - Parameter committeeID: only that committee's branches (an extract for its e-mail).
    public func notice(committeeID: String? = nil) -> [String: Any] {
        var c = noticeCommon
        // Index into the results; copying them per committee cost minutes at 10^6 branches.
        let rated = outcome.results
        let range = committeeID.flatMap { committeeRanges[$0] } ?? rated.startIndex..<rated.endIndex
        if let id = committeeID {
            c["extractOf"] = range.isEmpty ? id : rated[range.lowerBound].branch.committeeName
        }
        var groups: [[String: Any]] = []
        for stars in stride(from: 5, through: 0, by: -1) {
            // indices, not copies: a province's notice has a million rows
            let members = range.filter { starsOf[$0] == stars }.sorted { a, b in
                let fa = finalOf[a], fb = finalOf[b]
                return fa != fb ? fa > fb : a < b  // results are already in committee id, branch id order
            }
            let rows = LazyRows(order: members) { i, k in NoticeRow(results: rated, k: k, position: i) }
            groups.append([
                "label": StarLabel.chinese(stars),
                "stars": stars,
                "glyphs": StarLabel.glyphs(stars),
                "count": members.count,
                "branches": rows,
                "empty": members.isEmpty,
                "isFive": stars == 5,
            ])
        }
        c["groups"] = groups
        c["textHeader"] = NoticeRow.textHeader
        return c
    }

    func center(_ s: String) -> String {
        String(repeating: " ", count: max(0, (ReportContext.textWidth - DisplayWidth.of(s)) / 2)) + s
    }

    func right(_ s: String) -> String {
        String(repeating: " ", count: max(0, ReportContext.textWidth - DisplayWidth.of(s))) + s
    }

    func wrapped(_ s: String, indent: String = "  ", hanging: String = "    ") -> [Line] {
        TextLayout.wrap(indent + s, width: ReportContext.textWidth, indent: hanging).map(Line.init)
    }

    // MARK: committee summaries

    /// Committee ids with at least one rated branch, sorted.
    public var committees: [(id: String, name: String)] {
        committeeRanges.keys.sorted().map { ($0, outcome.results[committeeRanges[$0]!.lowerBound].branch.committeeName) }
    }

    /// The e-mail summary of one upper committee.
    public func summary(committeeID: String) -> [String: Any] {
        var c = common
        let mine = committeeRanges[committeeID].map { outcome.results[$0] } ?? []
        let name = mine.first?.branch.committeeName ?? committeeID
        c["committeeID"] = committeeID
        c["committeeName"] = name
        c["email"] = config.committeeEmails[committeeID] ?? NoticeConfig.placeholder
        c["headingLines"] = TextLayout.wrap("\(name)\(year)年度星级评定结果", width: ReportContext.textWidth).map { Line(center($0)) }
        c["closingLines"] = wrapped("公示期：\(noticeDate.chinese)至\(periodEnd.chinese)。如有异议请向\(setting(config.objectionOffice))反映，"
                                    + "电话 \(setting(config.objectionPhone))。", indent: "", hanging: "  ")
        c["issuerLines"] = wrapped(setting(config.issuer), indent: "", hanging: "")
        c["recipientLines"] = wrapped("收件人：\(name)（\(config.committeeEmails[committeeID] ?? "电子邮箱待补充")）", indent: "", hanging: "        ")
        c["rule"] = String(repeating: "=", count: ReportContext.textWidth)
        c["thinRule"] = String(repeating: "-", count: ReportContext.textWidth)
        c["count"] = mine.count

        c["starCounts"] = stride(from: 5, through: 0, by: -1).map { s -> Line in
            let n = mine.filter { $0.stars == s }.count
            return Line("  " + TextLayout.pad(StarLabel.chinese(s), 10) + TextLayout.padLeft(String(n), 4) + " 个")
        }

        // Quota checks of this committee's scope.
        let scopeName = quotaScope == .all ? "all" : committeeID
        let checks = checksByScope[scopeName] ?? []
        c["scopeLabel"] = quotaScope == .all ? "全部参评党组织（\(outcome.results.count)个）" : "本单位参评党组织（\(mine.count)个）"
        c["quotaLines"] = checks.flatMap { q -> [Line] in
            let bound = q.bound == .max ? "不超过" : "不低于"
            let status: String
            if q.policy == .report { status = q.violated ? "不符合（仅报告）" : "符合" }
            else { status = q.changed.isEmpty ? "符合" : "已按名额调整" }
            let line = "\(q.code) \(q.levelsLabel)\(bound)\(q.percent.plain)%：\(q.bound == .max ? "上限" : "下限")\(q.limit)个，"
                + "调整前\(q.countBefore)个，实有\(q.countAfter)个，\(status)"
            return wrapped(line)
        }
        var lowered: [Line] = []
        for r in mine {
            for t in r.trail where t.kind == .quota {
                lowered += wrapped("\(r.branch.name)（\(r.branch.id)，\(r.final)分）：\(t.code) \(StarLabel.chinese(t.starsBefore ?? 0))→\(StarLabel.chinese(t.starsAfter ?? 0))")
            }
        }
        c["quotaChanges"] = lowered
        c["hasQuotaChanges"] = !lowered.isEmpty
        let ties = checks.compactMap(\.tie)
        // Only this committee's own branches are named; the tie's size says how many share it.
        c["ties"] = ties.flatMap { t -> [Line] in
            let mineInTie = tieMembers[committeeID]?[t.code + "@" + t.scope] ?? []
            let own = mineInTie.isEmpty ? "本单位无" : "本单位：" + mineInTie.joined(separator: "、")
            return wrapped("\(t.code) 名额分界处同分（\(t.score)分）并列共\(t.branchIDs.count)个党组织，已一并调整，请工委审定；\(own)")
        }
        c["hasTies"] = !ties.isEmpty

        // The table of this committee's branches.
        let idW = 10, nameW = 28, scoreW = 6, starW = 8
        c["tableHeader"] = "  " + TextLayout.pad("编号", idW) + " " + TextLayout.pad("党组织名称", nameW) + " "
            + TextLayout.padLeft("得分", scoreW) + " " + TextLayout.pad("分数段", starW) + " " + TextLayout.pad("评定", starW) + " 规则"
        let codesColumn = 2 + idW + 1 + nameW + 1 + scoreW + 1 + starW + 1 + starW + 1
        c["tableRows"] = mine.flatMap { r -> [Line] in
            let head = "  " + TextLayout.pad(r.branch.id, idW) + " " + TextLayout.pad(r.branch.name, nameW) + " "
                + TextLayout.padLeft(r.final.description, scoreW) + " " + TextLayout.pad(StarLabel.chinese(r.bandStars), starW) + " "
                + TextLayout.pad(StarLabel.chinese(r.stars), starW) + " "
            let codes = r.ruleCodes.joined(separator: ";")
            let lines = TextLayout.wrap(codes.replacingSemicolons, width: ReportContext.textWidth - codesColumn)
            var out = [Line(TextLayout.trimRight(head + (lines.first ?? "")))]
            for l in lines.dropFirst() { out.append(Line(String(repeating: " ", count: codesColumn) + l)) }
            return out
        }

        let review = mine.filter(\.needsReview)
        c["review"] = review.flatMap { wrapped("\($0.branch.name)（\($0.branch.id)）\($0.final)分") }
        c["hasReview"] = !review.isEmpty
        let rectify = mine.filter { $0.stars <= 1 }
        c["rectify"] = rectify.flatMap { wrapped("\($0.branch.name)（\($0.branch.id)）\(StarLabel.chinese($0.stars))，\($0.final)分") }
        c["hasRectify"] = !rectify.isEmpty
        c["hasPrevious"] = hasPrevious
        let changed = mine.filter { $0.change == .promoted || $0.change == .demoted || $0.change == .new }
        c["changes"] = changed.flatMap { r -> [Line] in
            let before = r.previousStars.map(StarLabel.chinese) ?? "上年无结果"
            return wrapped("\(r.change!.chinese)：\(r.branch.name)（\(r.branch.id)）\(before)→\(StarLabel.chinese(r.stars))")
        }
        c["hasChanges"] = !changed.isEmpty
        let mineWarnings = mine.flatMap { warningsByBranch[$0.branch.id] ?? [] }
        // The committee knows its files by name, not by where the department keeps them; the
        // name alone also keeps the e-mail the same wherever the input folder lies.
        c["warnings"] = mineWarnings.flatMap { d -> [Line] in
            var d = d
            d.location.file = String(d.location.file.split(separator: "/").last ?? Substring(d.location.file))
            return wrapped(d.rendered)
        }
        c["hasWarnings"] = !mineWarnings.isEmpty
        return c
    }
}

extension String {
    /// `B1;D3` → `B1; D3` so that long code lists can wrap at the spaces.
    fileprivate var replacingSemicolons: String { split(separator: ";").joined(separator: "; ") }
}
