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
    public static func write(_ context: ReportContext, to path: String) throws {
        let outcome = context.outcome
        let wb = try Workbook(
            path: path, created: context.noticeDate,
            title: "\(outcome.year)年度基层服务型党组织星级评定结果", constantMemory: true)
        let header = try wb.format(
            .init(
                bold: true, background: 0xDDEBF7, thinBorder: true, horizontal: .center, vertical: .center, wrap: true))
        let decimal = try wb.format(.init(numberFormat: "0.0"))
        let integer = try wb.format(.init(numberFormat: "0"))

        // 1. results
        let ws = try wb.worksheet("评定结果")
        let results = outcome.results
        let columns = ResultColumn.allCases
        func cellFormat(_ c: ResultColumn) -> Format? {
            switch c.format {
            case .text: nil
            case .tenths: decimal
            case .integer: integer
            }
        }
        var widths = columns.map { Double(DisplayWidth.of($0.header)) + 4 }
        // widths of the id and name columns from a sample of the rows (a province's million
        // names need no exact maximum)
        let measured: [ResultColumn] = [.branchID, .branchName, .committeeID, .committeeName]
        for r in results.prefix(5000) {
            for (i, c) in columns.enumerated() where measured.contains(c) {
                if case .text(let s) = c.value(r) { widths[i] = max(widths[i], Double(DisplayWidth.of(s)) + 2) }
            }
        }
        for (i, w) in widths.enumerated() { ws.width(i, min(60, w), cellFormat(columns[i])) }
        ws.height(0, 30)
        for (i, c) in columns.enumerated() { ws.text(0, i, c.header, header) }
        ws.freeze(rows: 1, columns: 0)
        ws.autofilter(rows: 0...max(results.count, 1), columns: 0...columns.count - 1)
        for (k, r) in results.enumerated() {
            for (i, c) in columns.enumerated() {
                switch c.value(r) {
                case .text(let s): ws.text(k + 1, i, s)
                case .tenths(let t): ws.tenths(k + 1, i, t, decimal)
                case .integer(let n): ws.number(k + 1, i, Double(n), integer)
                }
            }
        }

        // 2. quota checks
        let qs = try wb.worksheet("名额核查")
        let qHeaders = ["规则", "范围", "星级", "约束", "比例(%)", "方式", "参评支部数", "限额", "调整前", "调整后", "是否超限", "被调整的支部", "同分并列"]
        qs.height(0, 30)
        for (i, h) in qHeaders.enumerated() { qs.text(0, i, h, header) }
        qs.freeze(rows: 1, columns: 0)
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
        let rs = try wb.worksheet("规则说明")
        for (i, h) in ["代码", "条款", "含义", "适用支部数"].enumerated() { rs.text(0, i, h, header) }
        rs.freeze(rows: 1, columns: 0)
        let meanings = ruleMeanings(outcome, rules: context.rules)
        var mWidth = 20.0
        for (k, m) in meanings.enumerated() {
            rs.text(k + 1, 0, m.code)
            rs.text(k + 1, 1, m.clause)
            rs.text(k + 1, 2, m.meaning)
            rs.number(k + 1, 3, Double(m.branches), integer)
            mWidth = max(mWidth, min(80, Double(DisplayWidth.of(m.meaning)) + 2))
        }
        rs.width(0, 8)
        rs.width(1, 12)
        rs.width(2, mWidth)
        rs.width(3, 12)
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
