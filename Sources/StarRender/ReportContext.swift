import StarModel
import StarRating
import StarRules

/// Builds the render contexts from the rated year: `NoticeContext` for the notice and its
/// extracts, `SummaryContext` for each committee's e-mail. Immutable once built, so the reports
/// can be rendered from it on several threads. Indexes are built once, so that every committee
/// costs its own size, not the run's.
public struct ReportContext: Sendable {
    public var outcome: RatingOutcome
    public var rules: RuleSet
    public var config: NoticeConfig
    public var warnings: [Diagnostic]
    public var noticeDate: CivilDate
    public var quotaScope: QuotaScope
    /// Whether last year's results were given (晋星/减星).
    public var hasPrevious: Bool

    /// Each committee's results, one contiguous range (results are sorted by committee id).
    let committeeRanges: [String: Range<Int>]
    /// For each committee, its branches in each quota tie (key `code@scope`): "name（id）".
    let tieMembers: [String: [String: [String]]]
    let warningsByBranch: [String: [Diagnostic]]
    /// Warnings about rows of a committee's own sheet that are no branch's, by committee.
    let sheetWarningsByCommittee: [String: [Diagnostic]]
    let checksByScope: [String: [QuotaCheck]]
    /// The notice's order: for each star level five to none, result indexes best score first.
    let noticeOrder: [[Int]]
    /// Each result's row number on the public notice (from 1 within its level).
    let rowNumbers: [Int32]
    /// Each result's group on the notice: 0 for five stars … 5 for none.
    let groupOf: [UInt8]

    /// - Parameter committeeOfFile: the committee whose branches alone a sheet holds, by the
    ///   sheet's path: a warning about a row of it that is no branch's (a note row skipped) goes
    ///   to that committee's summary.
    public init(
        outcome: RatingOutcome, rules: RuleSet, config: NoticeConfig, warnings: [Diagnostic],
        noticeDate: CivilDate, quotaScope: QuotaScope, hasPrevious: Bool, committeeOfFile: [String: String] = [:]
    ) {
        self.outcome = outcome
        self.rules = rules
        self.config = config
        self.warnings = warnings
        self.noticeDate = noticeDate
        self.quotaScope = quotaScope
        self.hasPrevious = hasPrevious
        let results = outcome.results
        var ranges: [String: Range<Int>] = [:]
        var start = 0
        for i in results.indices
        where i == results.count - 1 || results[i + 1].branch.committeeID != results[i].branch.committeeID {
            ranges[results[i].branch.committeeID] = start..<(i + 1)
            start = i + 1
        }
        committeeRanges = ranges
        var tied: [String: [String]] = [:]  // branch id → the ties it is in
        for check in outcome.quotaChecks {
            for id in check.tie?.branchIDs ?? [] { tied[id, default: []].append(check.code + "@" + check.scope) }
        }
        var members: [String: [String: [String]]] = [:]
        if !tied.isEmpty {
            for r in results {
                for key in tied[r.branch.id] ?? [] {
                    members[r.branch.committeeID, default: [:]][key, default: []].append(
                        "\(r.branch.name)（\(r.branch.id)）")
                }
            }
        }
        tieMembers = members
        warningsByBranch = Dictionary(grouping: warnings.filter { $0.branchID != nil }) { $0.branchID! }
        sheetWarningsByCommittee = Dictionary(
            grouping: warnings.filter { $0.branchID == nil && committeeOfFile[$0.location.file] != nil }
        ) { committeeOfFile[$0.location.file]! }
        checksByScope = Dictionary(grouping: outcome.quotaChecks) { $0.scope }
        // Plain arrays of the sort keys (reading them through the results copies whole results).
        let stars = results.map(\.stars)
        let finals = results.map(\.final.raw)
        var order: [[Int]] = Array(repeating: [], count: 6)
        for i in results.indices { order[5 - min(5, max(0, stars[i]))].append(i) }
        var numbers = [Int32](repeating: 0, count: results.count)
        for g in order.indices {
            // results are already in committee id, branch id order: a stable tie-break
            order[g].sort { a, b in finals[a] != finals[b] ? finals[a] > finals[b] : a < b }
            for (n, i) in order[g].enumerated() { numbers[i] = Int32(n + 1) }
        }
        noticeOrder = order
        rowNumbers = numbers
        groupOf = stars.map { UInt8(5 - min(5, max(0, $0))) }
    }

    var year: Int { outcome.year }
    var periodEnd: CivilDate { noticeDate.addingDays(rules.noticeDays - 1) }

    func setting(_ v: String?) -> String { (v?.isEmpty ?? true) ? NoticeConfig.placeholder : v! }

    /// The values of `objection.txt.mustache`: the notice's own values (the objection sentence
    /// itself still empty).
    public var objectionValues: NoticeContext { notice(objection: "") }

    var bandText: String {
        let b = rules.bands
        return "\(b[4])分及以上为五星级，\(b[3])分至\(b[4] - Tenths(1))分为四星级，\(b[2])分至\(b[3] - Tenths(1))分为三星级，"
            + "\(b[1])分至\(b[2] - Tenths(1))分为二星级，\(b[0])分至\(b[1] - Tenths(1))分为一星级，\(b[0])分以下不定星级"
    }

    /// The quotas as the rules' descriptors state them (scope and effect included), `；` between.
    var quotaText: String {
        rules.quotas.compactMap { rules.descriptor(code: $0.code)?.meaning }.joined(separator: "；")
    }

    // MARK: notice

    /// The notice: branches grouped by proposed stars, five to none.
    /// - Parameters:
    ///   - committeeID: only that committee's branches (an extract for its e-mail).
    ///   - objection: the rendered objection sentence.
    public func notice(committeeID: String? = nil, objection: String) -> NoticeContext {
        let results = outcome.results
        var extractOf: String?
        var groups: [NoticeGroup] = []
        var extract: [[Int]] = []
        if let id = committeeID {
            // the committee's own rows, in the notice's order: its size, not the run's
            extract = Array(repeating: [], count: 6)
            for i in range(of: id) { extract[Int(groupOf[i])].append(i) }
            for g in extract.indices { extract[g].sort { rowNumbers[$0] < rowNumbers[$1] } }
        }
        for (g, members) in noticeOrder.enumerated() {
            let shown = committeeID == nil ? members : extract[g]
            groups.append(
                NoticeGroup(
                    label: StarLabel.chinese(5 - g), count: shown.count, empty: shown.isEmpty,
                    branches: NoticeRows(results: results, order: shown, numbers: rowNumbers, rules: rules)))
        }
        if let id = committeeID {
            extractOf = committeeRanges[id].map { results[$0.lowerBound].branch.committeeName } ?? id
        }
        return NoticeContext(
            title: "关于\(year)年度基层服务型党组织星级评定结果的公示", extractOf: extractOf, year: year, total: results.count,
            noticeDays: rules.noticeDays, periodStart: noticeDate.chinese, periodEnd: periodEnd.chinese,
            noticeDate: noticeDate.chinese,
            weightSelf: rules.weightSelf, weightMass: rules.weightMass, weightSuperior: rules.weightSuperior,
            maxScore: rules.maxScore.plain,
            bands: bandText, quotas: quotaText, scheme: rules.scheme, version: rules.version, objection: objection,
            objectionOffice: setting(config.objectionOffice),
            objectionPhone: setting(config.objectionPhone), objectionAddress: setting(config.objectionAddress),
            objectionEmail: (config.objectionEmail ?? "").isEmpty ? nil : config.objectionEmail,
            issuer: setting(config.issuer), groups: groups)
    }

    // MARK: committee summaries

    /// Committee ids with at least one rated branch, sorted, with their names.
    public var committees: [(id: String, name: String)] {
        committeeRanges.keys.sorted().map {
            ($0, outcome.results[committeeRanges[$0]!.lowerBound].branch.committeeName)
        }
    }

    /// The result indexes of a committee's branches.
    func range(of committeeID: String) -> Range<Int> { committeeRanges[committeeID] ?? 0..<0 }

    /// The e-mail summary of one upper committee (its `subject` still empty).
    public func summary(committeeID: String, objection: String) -> SummaryContext {
        let mine = outcome.results[range(of: committeeID)]
        let name = mine.first?.branch.committeeName ?? committeeID
        let scopeName = quotaScope == .all ? "all" : committeeID
        let checks = checksByScope[scopeName] ?? []
        var changes: [QuotaChange] = []
        for r in mine {
            for t in r.trail where t.kind == .quota {
                changes.append(
                    QuotaChange(
                        name: r.branch.name, id: r.branch.id, final: r.final.description, code: t.code,
                        before: StarLabel.chinese(t.starsBefore ?? 0), after: StarLabel.chinese(t.starsAfter ?? 0)))
            }
        }
        let ties = checks.compactMap(\.tie).map { t in
            let own = tieMembers[committeeID]?[t.code + "@" + t.scope] ?? []
            return TieLine(
                code: t.code, score: t.score.description, size: t.branchIDs.count,
                own: own.isEmpty ? nil : own.joined(separator: "、"))
        }
        let changed = mine.filter { $0.change == .promoted || $0.change == .demoted || $0.change == .new }.map { r in
            StarChangeLine(
                change: r.change!.chinese, name: r.branch.name, id: r.branch.id,
                before: r.previousStars.map(StarLabel.chinese) ?? "上年无结果", after: StarLabel.chinese(r.stars))
        }
        // The committee knows its files by name, not by where the department keeps them; the
        // name alone also keeps the e-mail the same wherever the input folder lies.
        func line(_ d: Diagnostic, _ branch: BranchInfo?) -> WarningLine {
            var d = d
            d.location.file = String(d.location.file.split(separator: "/").last ?? Substring(d.location.file))
            return WarningLine(
                name: branch?.name ?? "", id: branch?.id ?? "", text: Escaped.text(d.fieldAndMessage),
                place: Escaped.text(d.location.description))
        }
        let warnings =
            mine.flatMap { r in (warningsByBranch[r.branch.id] ?? []).map { line($0, r.branch) } }
            + (sheetWarningsByCommittee[committeeID] ?? []).map { line($0, nil) }
        var codes = Set(mine.flatMap(\.ruleCodes))
        codes.formUnion(checks.map(\.code))
        let legend = RuleCode.sorted(codes).map { code in
            LegendLine(code: code, meaning: rules.descriptor(code: code)?.detail ?? "见评定规则文件")
        }
        return SummaryContext(
            committeeName: name, email: config.committeeEmails[committeeID], subject: "", year: year,
            scheme: rules.scheme, version: rules.version,
            weightSelf: rules.weightSelf, weightMass: rules.weightMass, weightSuperior: rules.weightSuperior,
            count: mine.count, total: outcome.results.count,
            starCounts: stride(from: 5, through: 0, by: -1).map { s in
                StarCount(label: StarLabel.chinese(s), count: mine.filter { $0.stars == s }.count)
            },
            scopeIsAll: quotaScope == .all, quotaChecks: checks.map(QuotaLine.init), quotaChanges: changes, ties: ties,
            branches: mine.map(SummaryBranch.init), review: mine.filter(\.needsReview).map(SummaryBranch.init),
            rectify: mine.filter { $0.stars <= 1 }.map(SummaryBranch.init), hasPrevious: hasPrevious, changes: changed,
            warnings: warnings, legend: legend, periodStart: noticeDate.chinese, periodEnd: periodEnd.chinese,
            objection: objection,
            objectionPhone: setting(config.objectionPhone), issuer: setting(config.issuer),
            noticeDate: noticeDate.chinese)
    }
}
