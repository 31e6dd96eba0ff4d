import StarRating

/// What each rule code means, in the words of the reports: the short reason shown in the
/// notice's 说明 column and the legend at the end of a committee summary. One table for both,
/// so the notice and the summaries never explain a code two ways.
public enum RuleCodeText {
    /// Codes in the order rules.md applies them; a quota code of a custom rules file (Q3 …)
    /// follows.
    public static let order = ["B1", "B2", "D1", "D2", "D3", "D4", "D5", "D6", "D7", "C1", "C2", "C3", "C4", "Q1", "Q2"]

    /// The reason a code gives in the 说明 column, for codes that can move the stars off the
    /// score band.
    static let reasons: [String: String] = [
        "C1": "满意率低于50%", "C2": "换届超期", "C3": "换届超期", "C4": "无故缺席", "Q1": "名额调整", "Q2": "名额调整",
    ]

    /// The legend's meaning of each code (clauses of rules.md).
    static let meanings: [String: String] = [
        "B1": "受表彰或在市级以上媒体署名发表文章，加分（以最高的为准）",
        "B2": "重大创新经验被上级推广，加分",
        "D1": "受市直工委通报批评，每次减分",
        "D2": "受市委通报批评，每次减分",
        "D3": "班子成员受严重警告以下处分，每人次减分",
        "D4": "班子成员受撤销党内职务以上处分，每人次减分",
        "D5": "党员受党纪政务处分，每人次减分",
        "D6": "民主评议满意率低于60%，减分",
        "D7": "无故缺席工委会议、培训或未按时完成工作任务，每次减分",
        "C1": "民主评议满意率低于50%，不定星级",
        "C2": "未按期换届且未经批准延期，最高四星级",
        "C3": "超期一年以上未换届，最高三星级",
        "C4": "年度内无故缺席累计3次及以上，最高四星级并降低一个星级",
        "Q1": "五星级名额比例：超出名额的按得分由低到高降为四星级",
        "Q2": "一星级及以下名额比例：不足时按得分由低到高调为一星级",
    ]

    /// Why the branch's stars differ from its score band (`满意率低于50%、名额调整`), from the
    /// condition and quota codes that fired; empty when the stars are the band's.
    public static func note(_ r: BranchResult) -> String {
        guard r.stars != r.bandStars else { return "" }
        var seen: [String] = []
        for t in r.trail where t.kind == .condition || t.kind == .quota {
            let reason = reasons[t.code] ?? (t.kind == .quota ? "名额调整" : t.code)
            if !seen.contains(reason) { seen.append(reason) }
        }
        return seen.joined(separator: "、")
    }

    /// Codes sorted in the order of application, unknown codes after the known ones.
    public static func sorted(_ codes: Set<String>) -> [String] {
        codes.sorted { a, b in
            let ia = order.firstIndex(of: a) ?? order.count, ib = order.firstIndex(of: b) ?? order.count
            return ia != ib ? ia < ib : a < b
        }
    }

    /// The legend's meaning of `code`; a quota of a custom rules file is described by its check.
    public static func meaning(_ code: String, quotas: [QuotaCheck] = []) -> String {
        if let m = meanings[code] { return m }
        if let q = quotas.first(where: { $0.code == code }) {
            return "\(q.levelsLabel)名额比例：\(q.bound == .max ? "不超过" : "不低于")参评总数的\(q.percent.plain)%"
        }
        return "见评定规则文件"
    }
}
