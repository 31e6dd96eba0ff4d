import StarModel

/// The rule codes of docs/rules.md, in the order the rules apply them. A custom rules file may add
/// quota codes of its own (Q3 …); those are described by their `QuotaRule` (`RuleSet.text(of:)`).
public enum RuleCode: String, Sendable, CaseIterable, Codable {
    case B1, B2, D1, D2, D3, D4, D5, D6, D7, C1, C2, C3, C4, Q1, Q2

    /// The clause of the seed (001, section 三) the rule implements.
    public var clause: String {
        switch self {
        case .B1: "三(三)1"
        case .B2: "三(三)2"
        case .D1, .D2, .D3, .D4, .D5: "三(三)3"
        case .D6, .C1: "三(三)4"
        case .C2, .C3: "三(三)5"
        case .D7, .C4: "三(三)6"
        case .Q1, .Q2: QuotaApplication.clause
        }
    }

    public var kind: TrailEntry.Kind {
        switch self {
        case .B1, .B2: .bonus
        case .D1, .D2, .D3, .D4, .D5, .D6, .D7: .deduction
        case .C1, .C2, .C3, .C4: .condition
        case .Q1, .Q2: .quota
        }
    }

    /// Codes sorted in the order of application; codes the enum does not know (a custom quota)
    /// after the known ones, by name.
    public static func sorted<S: Sequence<String>>(_ codes: S) -> [String] {
        let all = RuleCode.allCases.map(\.rawValue)
        return codes.sorted { a, b in
            let ia = all.firstIndex(of: a) ?? all.count
            let ib = all.firstIndex(of: b) ?? all.count
            return ia != ib ? ia < ib : a.utf8.lexicographicallyPrecedes(b.utf8)
        }
    }
}

/// Everything the reports say about one rule code, made from the `RuleSet` in use: every
/// threshold, cap, percentage and point value in these texts is the rules file's, none is written
/// in prose. One descriptor per code feeds the summaries' legend, the notice's 说明 column and
/// results.xlsx's 规则说明 sheet and the `rules` section of results.json, whose trail entries
/// carry only the code and the counts of each occurrence.
public struct RuleDescriptor: Sendable, Equatable {
    public var code: String
    public var clause: String
    public var kind: TrailEntry.Kind
    /// What the rule is, with its thresholds and caps (`民主评议满意率低于60%，减分`); the points
    /// are apart, in `points`.
    public var meaning: String
    /// The points the rule adds or takes (`每次减3分`; `市级3分，省级5分，国家级8分，以最高的为准`);
    /// nil for conditions and quotas.
    public var points: String?
    /// The short reason in the notice's 说明 column, for codes that can move the stars off the
    /// score band (conditions and quotas); nil for B and D codes.
    public var note: String?

    /// The meaning with its points (`民主评议满意率低于60%，减分（减5分）`): the summaries' legend
    /// and results.xlsx's 规则说明 sheet.
    public var detail: String { points.map { "\(meaning)（\($0)）" } ?? meaning }
}

extension RuleSet {
    /// The descriptor of a known code.
    public func descriptor(_ code: RuleCode) -> RuleDescriptor {
        func d(_ meaning: String, points: String? = nil, note: String? = nil) -> RuleDescriptor {
            RuleDescriptor(
                code: code.rawValue, clause: code.clause, kind: code.kind, meaning: meaning, points: points, note: note)
        }
        switch code {
        case .B1:
            return d(
                "受表彰或在市级以上媒体署名发表文章，加分",
                points: Self.levelPoints(commendationPoints) + "，以最高的为准")
        case .B2:
            return d(
                "重大创新经验被上级推广，加分",
                points: Self.levelPoints(innovationPoints) + (innovationCumulative ? "，累计" : "，以最高的为准"))
        case .D1: return d("受市直工委通报批评，减分", points: "每次减\(workCommitteeCriticism.plain)分")
        case .D2: return d("受市委通报批评，减分", points: "每次减\(municipalCommitteeCriticism.plain)分")
        case .D3: return d("班子成员受严重警告以下处分，减分", points: "每人次减\(leadershipMinorSanction.plain)分")
        case .D4: return d("班子成员受撤销党内职务以上处分，减分", points: "每人次减\(leadershipMajorSanction.plain)分")
        case .D5: return d("党员受党纪政务处分，减分", points: "每人次减\(memberSanction.plain)分")
        case .D6:
            return d("民主评议满意率\(belowWord(satisfactionDeductionBelow))，减分", points: "减\(lowSatisfaction.plain)分")
        case .D7: return d("无故缺席工委会议、培训或未按时完成工作任务，减分", points: "每次减\(unexcusedAbsence.plain)分")
        case .C1:
            return d(
                "民主评议满意率\(belowWord(satisfactionNoStarBelow))，不定星级",
                note: "满意率\(belowWord(satisfactionNoStarBelow))")
        case .C2:
            return d("未按期换届且未经批准延期，\(Self.capWord(electionOverdueCap))", note: "换届超期")
        case .C3:
            return d(
                "超期\(Self.yearsWord(electionLongOverdueYears))以上未换届，\(Self.capWord(electionLongOverdueCap))",
                note: "换届超期")
        case .C4:
            return d(
                "年度内无故缺席累计\(absenceThreshold)次及以上，\(Self.capWord(absenceCap))并降低\(Self.countWord(absenceDrop))个星级",
                note: "无故缺席")
        case .Q1, .Q2:
            if let q = quotas.first(where: { $0.code == code.rawValue }) { return quotaDescriptor(q) }
            return d("本评定规则文件未设此名额比例", note: "名额调整")
        }
    }

    /// The descriptor of any code of a trail: a known code, or a quota of this rules file; nil
    /// for a code the rules do not have.
    public func descriptor(code: String) -> RuleDescriptor? {
        if let c = RuleCode(rawValue: code) { return descriptor(c) }
        return quotas.first(where: { $0.code == code }).map(quotaDescriptor)
    }

    func quotaDescriptor(_ q: QuotaRule) -> RuleDescriptor {
        // the total the percentage is of: all branches rated, or each committee's own (quota_scope)
        let total = quotaScope == .all ? "参评总数" : "各上级党组织参评总数"
        let limit = "\(q.levelsLabel)名额\(q.bound == .max ? "不超过" : "不低于")\(total)的\(q.percent.plain)%"
        let effect: String
        if q.policy == .enforce, q.canEnforce {
            effect =
                q.bound == .max
                ? "，超出的按得分由低到高降为\(StarLabel.chinese(q.levels.max()! - 1))"
                : "，不足时按得分由低到高调为\(StarLabel.chinese(q.levels.max()!))"
        } else {
            effect = "（仅报告，不调整）"
        }
        return RuleDescriptor(
            code: q.code, clause: QuotaApplication.clause, kind: .quota, meaning: limit + effect, points: nil,
            note: "名额调整")
    }

    /// Why a branch's stars differ from its score band (`满意率低于50%、名额调整`), from the
    /// condition and quota codes that fired; empty when the stars are the band's.
    public func note(_ r: BranchResult) -> String {
        guard r.stars != r.bandStars else { return "" }
        var seen: [String] = []
        for t in r.trail where t.kind == .condition || t.kind == .quota {
            let reason = descriptor(code: t.code)?.note ?? (t.kind == .quota ? "名额调整" : t.code)
            if !seen.contains(reason) { seen.append(reason) }
        }
        return seen.joined(separator: "、")
    }

    // MARK: - Words for numbers

    /// `低于60%` (or `不高于60%` when the threshold is inclusive).
    func belowWord(_ threshold: Tenths) -> String {
        "\(satisfactionThresholdInclusive ? "不高于" : "低于")\(threshold.plain)%"
    }

    /// `最高四星级`; `不定星级` for a cap of none.
    static func capWord(_ cap: Int) -> String { cap == 0 ? "不定星级" : "最高\(StarLabel.chinese(cap))" }

    /// `一年`, `三年`; beyond ten in digits.
    static func yearsWord(_ n: Int) -> String { "\(countWord(n))年" }

    /// 0 … 10 in Chinese numerals (`一`, `十`), larger in digits.
    static func countWord(_ n: Int) -> String {
        let words = ["零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十"]
        return n >= 0 && n < words.count ? words[n] : String(n)
    }

    /// `市级3分，省级5分，国家级8分`.
    static func levelPoints(_ points: [Level: Tenths]) -> String {
        Level.allCases.map { "\($0.chinese)\((points[$0] ?? .zero).plain)分" }.joined(separator: "，")
    }
}
