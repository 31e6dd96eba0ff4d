import CXLSXWriter
import Foundation
import StarModel
import StarRating
import StarRender

/// `results.xlsx` (docs/outputs.md, "results.xlsx"): the rows of results.csv for people — Chinese headers,
/// the committee's name and the star label beside the numbers, numbers stored as numbers and
/// shown with one decimal, the header frozen and filtered; a second sheet with the quota checks
/// and a third with the rule codes and what they mean. results.csv stays the machine format.
///
/// Same input, same bytes: the document date is the notice date; rows are in results order.
/// Written in libxlsxwriter's constant-memory mode (rows streamed to disk), so a province's
/// million rows do not sit in memory twice.
public enum ResultsWorkbook {
    /// (header, width hint) of the results sheet, in order; `csvColumn` maps them to results.csv.
    public static let headers = [
        "支部编号", "支部名称", "上级党组织编号", "上级党组织名称", "自评得分", "测评得分", "考评得分",
        "基础分", "加分", "减分", "最终得分", "分档星级", "评定星级", "星级", "适用规则",
    ]
    /// The results.csv column each header holds (nil: only in the workbook).
    public static let csvColumn: [String?] = [
        "branch_id", "branch_name", "committee_id", nil, "self_total", "mass_total",
        "superior_total", "base", "bonus", "deduction", "final", "band_stars", "stars", nil, "rules",
    ]

    public static func write(_ context: ReportContext, to path: String) throws {
        let outcome = context.outcome
        let wb = try Workbook(
            path: path, created: context.noticeDate,
            title: "\(outcome.year)年度基层服务型党组织星级评定结果", constantMemory: true)
        let header = wb.format { f in
            format_set_bold(f); format_set_bg_color(f, 0xDDEBF7); format_set_border(f, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_align(f, UInt8(LXW_ALIGN_CENTER.rawValue)); format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
            format_set_text_wrap(f)
        }
        let decimal = wb.format { format_set_num_format($0, "0.0") }
        let integer = wb.format { format_set_num_format($0, "0") }

        // 1. results
        let ws = wb.sheet("评定结果")
        let results = outcome.results
        var widths = headers.map { Double(DisplayWidth.of($0)) + 4 }
        // widths from a sample of the rows (a province's million names need no exact maximum)
        for r in results.prefix(5000) {
            widths[1] = max(widths[1], Double(DisplayWidth.of(r.branch.name)) + 2)
            widths[3] = max(widths[3], Double(DisplayWidth.of(r.branch.committeeName)) + 2)
            widths[0] = max(widths[0], Double(DisplayWidth.of(r.branch.id)) + 2)
            widths[2] = max(widths[2], Double(DisplayWidth.of(r.branch.committeeID)) + 2)
        }
        for (i, w) in widths.enumerated() {
            let f: UnsafeMutablePointer<lxw_format>? = (4...10).contains(i) ? decimal : (11...12).contains(i) ? integer : nil
            ws.width(i, min(60, w), f)
        }
        worksheet_set_row(ws, 0, 30, nil)
        for (i, h) in headers.enumerated() { ws.text(0, i, h, header) }
        worksheet_freeze_panes(ws, 1, 0)
        worksheet_autofilter(ws, 0, 0, lxw_row_t(max(results.count, 1)), lxw_col_t(headers.count - 1))
        for (k, r) in results.enumerated() {
            let row = k + 1
            ws.text(row, 0, r.branch.id)
            ws.text(row, 1, r.branch.name)
            ws.text(row, 2, r.branch.committeeID)
            ws.text(row, 3, r.branch.committeeName)
            for (i, t) in [r.selfTotal, r.massTotal, r.superiorTotal, r.base, r.bonus, r.deduction, r.final].enumerated() {
                ws.tenths(row, 4 + i, t, decimal)
            }
            ws.number(row, 11, Double(r.bandStars), integer)
            ws.number(row, 12, Double(r.stars), integer)
            ws.text(row, 13, StarLabel.chinese(r.stars))
            ws.text(row, 14, r.ruleCodes.joined(separator: ";"))
        }

        // 2. quota checks
        let qs = wb.sheet("名额核查")
        let qHeaders = ["规则", "范围", "星级", "约束", "比例(%)", "方式", "参评支部数", "限额", "调整前", "调整后", "是否超限", "被调整的支部", "同分并列"]
        worksheet_set_row(qs, 0, 30, nil)
        for (i, h) in qHeaders.enumerated() { qs.text(0, i, h, header) }
        worksheet_freeze_panes(qs, 1, 0)
        let checks = outcome.quotaChecks
        var qWidths = qHeaders.map { Double(DisplayWidth.of($0)) + 4 }
        for (k, c) in checks.enumerated() {
            let row = k + 1
            let cells: [String] = [
                c.code, c.scope == "all" ? "全部" : c.scope, c.levelsLabel, c.bound == .max ? "上限" : "下限", "",
                c.policy == .enforce ? "执行" : "仅报告", "", "", "", "", c.violated ? "是" : "否",
                c.changed.joined(separator: "、"),
                c.tie.map { "\($0.score)分：" + $0.branchIDs.joined(separator: "、") } ?? "",
            ]
            for (i, s) in cells.enumerated() where ![4, 6, 7, 8, 9].contains(i) {
                qs.text(row, i, s)
                qWidths[i] = max(qWidths[i], min(60, Double(DisplayWidth.of(s)) + 2))
            }
            qs.tenths(row, 4, c.percent, decimal)
            qs.number(row, 6, Double(c.n), integer)
            qs.number(row, 7, Double(c.limit), integer)
            qs.number(row, 8, Double(c.countBefore), integer)
            qs.number(row, 9, Double(c.countAfter), integer)
        }
        for (i, w) in qWidths.enumerated() { qs.width(i, w) }

        // 3. rule codes
        let rs = wb.sheet("规则说明")
        for (i, h) in ["代码", "条款", "含义", "适用支部数"].enumerated() { rs.text(0, i, h, header) }
        worksheet_freeze_panes(rs, 1, 0)
        let meanings = ruleMeanings(outcome, rules: context.rules)
        var mWidth = 20.0
        for (k, m) in meanings.enumerated() {
            rs.text(k + 1, 0, m.code)
            rs.text(k + 1, 1, m.clause)
            rs.text(k + 1, 2, m.meaning)
            rs.number(k + 1, 3, Double(m.branches), integer)
            mWidth = max(mWidth, min(80, Double(DisplayWidth.of(m.meaning)) + 2))
        }
        rs.width(0, 8); rs.width(1, 12); rs.width(2, mWidth); rs.width(3, 12)
        try wb.close()
    }

    /// Each rule code that fired in this run, with its clause and its meaning with its points,
    /// both from the code's descriptor for the rules in use (`RuleDescriptor.detail`), in the order
    /// the rules apply.
    static func ruleMeanings(
        _ outcome: RatingOutcome, rules: RuleSet
    ) -> [(code: String, clause: String, meaning: String, branches: Int)] {
        var count: [String: Int] = [:]
        var clause: [String: String] = [:]
        for r in outcome.results {
            for code in r.ruleCodes { count[code, default: 0] += 1 }
            for t in r.trail where clause[t.code] == nil { clause[t.code] = t.clause }
        }
        return RuleCode.sorted(count.keys).map { code in
            let d = rules.descriptor(code: code)
            return (code, d?.clause ?? clause[code] ?? "", d?.detail ?? "见评定规则文件", count[code] ?? 0)
        }
    }
}
