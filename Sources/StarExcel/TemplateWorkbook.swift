import Foundation
import StarModel
import StarRating

/// The workbook a committee fills in (`star-report template`, docs/outputs.md "The fill-in workbook"): the header row
/// in Chinese (the labels the sheet reader matches), one row per registered branch with year,
/// id, name and committee filled in and locked, and every input cell unlocked with data
/// validation and a short Chinese prompt: one-decimal scores within the rules' aspect maximum,
/// whole numbers for counts, the lists 市级/省级/国家级 and 是/否, dates. The sheet is protected
/// without a password (so the locked cells stay as given; Review → Unprotect lifts it).
public enum TemplateWorkbook {
    public struct Branch: Sendable {
        public var id, name, committeeID, committeeName: String
        public init(id: String, name: String, committeeID: String, committeeName: String) {
            self.id = id
            self.name = name
            self.committeeID = committeeID
            self.committeeName = committeeName
        }
    }

    /// What a column holds, for its validation, format and prompt.
    enum Kind {
        case locked
        case text
        case whole(ClosedRange<Int>)
        case oneDecimal(Tenths)
        /// A percent's number, 0 or above 1 (0.9 would be 90% typed as a fraction).
        case percent
        case level
        case yesNo
        case date
    }

    static func kind(_ key: FieldKey, rules: RuleSet) -> Kind {
        switch key {
        case .year, .branchID, .branchName, .committeeID, .committeeName: return .locked
        case .category: return .text
        case .members: return .whole(1...1_000_000)
        case .massMemberParticipants, .massPublicParticipants: return .whole(0...1_000_000)
        case .aspect: return .oneDecimal(rules.aspectMax)
        case .satisfaction: return .percent
        case .commendationLevel, .innovationLevel: return .level
        case .criticismsWorkCommittee, .criticismsMunicipalCommittee, .leadershipMinorSanctions,
            .leadershipMajorSanctions,
            .memberSanctions, .unexcusedAbsences:
            return .whole(0...1000)
        case .electionDue, .electionHeld: return .date
        case .electionDelayApproved: return .yesNo
        }
    }

    static func prompt(_ key: FieldKey, _ kind: Kind) -> String {
        switch kind {
        case .locked: return ""
        case .text: return "类别，如：机关、事业单位、企业（可不填）"
        case .whole(let r):
            switch key {
            case .members: return "党员总人数，填整数"
            case .massMemberParticipants: return "参加测评的党员人数，填整数"
            case .massPublicParticipants: return "参加测评的群众人数，填整数"
            default: return "次数或人次，填 \(r.lowerBound)–\(r.upperBound) 的整数；没有填 0 或不填"
            }
        case .oneDecimal(let max): return "得分，填 0–\(max.plain)，最多一位小数"
        case .percent: return "满意率（%）：填 90，不要填 0.9 或 90%；0–100，最多一位小数"
        case .level: return key == .commendationLevel ? "最高表彰级别：市级、省级或国家级；没有则不填" : "最高创新推广级别：市级、省级或国家级；没有则不填"
        case .yesNo: return "换届延期是否已获批准：是或否；无换届事项不填"
        case .date: return key == .electionDue ? "换届到期日，如 2026-06-30；本年度无换届事项不填" : "实际换届日期，如 2026-03-15；未换届不填"
        }
    }

    /// Writes the template for `branches` to `path` (which must not exist).
    public static func write(branches: [Branch], rules: RuleSet, year: Int, to path: String) throws {
        let wb = try Workbook(
            path: path, created: CivilDate(year: year, month: 1, day: 1)!,
            title: "\(year)年度基层服务型党组织星级评定填报表", constantMemory: false)
        let header = try wb.format(
            .init(
                bold: true, background: 0xDDEBF7, thinBorder: true, horizontal: .center, vertical: .center, wrap: true))
        let locked = try wb.format(.init(background: 0xF2F2F2))
        let lockedNumber = try wb.format(.init(background: 0xF2F2F2, numberFormat: "0"))
        let inputText = try wb.format(.init(unlocked: true))
        let inputWhole = try wb.format(.init(numberFormat: "0", unlocked: true))
        let inputDecimal = try wb.format(.init(numberFormat: "0.0", unlocked: true))
        let inputDate = try wb.format(.init(numberFormat: "yyyy-mm-dd", unlocked: true))

        let ws = try wb.worksheet("填报表")
        let columns = FieldKey.allColumns
        let last = max(1, branches.count)
        ws.height(0, 36)
        for (c, key) in columns.enumerated() {
            let k = kind(key, rules: rules)
            ws.text(0, c, key.chineseLabel, header)
            var texts = [key.chineseLabel]
            switch key {
            case .branchID: texts += branches.map(\.id)
            case .branchName: texts += branches.map(\.name)
            case .committeeID: texts += branches.map(\.committeeID)
            case .committeeName: texts += branches.map(\.committeeName)
            case .electionDue, .electionHeld: texts.append("2026-06-30")
            default: break
            }
            let format: Format
            switch k {
            case .locked: format = key == .year ? lockedNumber : locked
            case .text, .level, .yesNo: format = inputText
            case .whole: format = inputWhole
            case .oneDecimal, .percent: format = inputDecimal
            case .date: format = inputDate
            }
            ws.width(c, Columns.width(texts, min: 8, max: 50), format)
            if case .locked = k { continue }
            // each input cell carries the unlocked format itself (not only its column)
            for row in 1...last where row <= branches.count { ws.blank(row, c, format) }
            if let v = validation(column: c, rows: 1...last, key: key, kind: k, year: year) {
                ws.validate(v, column: c, rows: 1...last)
            }
        }
        for (i, b) in branches.enumerated() {
            let row = i + 1
            ws.number(row, 0, Double(year), lockedNumber)
            ws.text(row, 1, b.id, locked)
            ws.text(row, 2, b.name, locked)
            ws.text(row, 3, b.committeeID, locked)
            ws.text(row, 4, b.committeeName, locked)
        }
        ws.freeze(rows: 1, columns: 5)
        ws.protect(formatColumns: true, formatRows: true)

        // a short sheet of instructions
        let help = try wb.worksheet("填写说明")
        let lines = [
            "\(year)年度基层服务型党组织星级评定填报表",
            "1. 灰色单元格（年度、支部编号、支部名称、上级党组织）已按支部名册填好并锁定，请勿修改。",
            "2. 自评、测评、考评各 10 项得分：0–\(rules.aspectMax.plain) 分，最多一位小数。",
            "3. 满意率填百分数（如 92.5），最多一位小数；人数、次数填整数，没有的填 0 或不填。",
            "4. 表彰级别、创新推广级别从下拉列表选择：市级、省级、国家级；没有则不填。",
            "5. 换届到期日、换届日期填日期（如 2026-06-30）；延期已批准选择“是”或“否”。",
            "6. 填好后保存为 .xlsx，放入当年的数据文件夹，运行 star-report validate 检查。",
        ]
        help.width(0, 90)
        for (i, l) in lines.enumerated() { help.text(i, 0, l, i == 0 ? header : nil) }
        try wb.close()
    }

    /// The validation of an input column (none for a locked one), its formulas naming the column's
    /// first cell.
    static func validation(column c: Int, rows: ClosedRange<Int>, key: FieldKey, kind: Kind, year: Int) -> Worksheet
        .Validation?
    {
        let cell = CellReference.columnName(c + 1) + String(rows.lowerBound + 1)
        let rule: Worksheet.Validation.Rule
        let error: String
        switch kind {
        case .locked: return nil
        case .text:
            rule = .length(atMost: 100)
            error = "最多 100 个字"
        case .whole(let r):
            rule = .whole(r)
            error = "请填 \(r.lowerBound)–\(r.upperBound) 的整数"
        case .oneDecimal(let max):
            rule = .formula("=AND(ISNUMBER(\(cell)),\(cell)>=0,\(cell)<=\(max.plain),ROUND(\(cell)*10,0)=\(cell)*10)")
            error = "请填 0–\(max.plain) 的数，最多一位小数（如 9.5）"
        case .percent:
            rule = .formula(
                "=AND(ISNUMBER(\(cell)),OR(\(cell)=0,AND(\(cell)>1,\(cell)<=100)),ROUND(\(cell)*10,0)=\(cell)*10)")
            error = "请填百分数的数值，如 90（不要填 0.9 或 90%）：0 或 1–100，最多一位小数"
        case .level:
            rule = .list(["市级", "省级", "国家级"])
            error = "请从列表选择：市级、省级或国家级；没有则不填"
        case .yesNo:
            rule = .list(["是", "否"])
            error = "请选择“是”或“否”"
        case .date:
            rule = .dates(
                from: CivilDate(year: 1990, month: 1, day: 1)!, to: CivilDate(year: year + 5, month: 12, day: 31)!)
            error = "请填 1990-01-01 至 \(year + 5)-12-31 之间的日期，如 \(year)-06-30"
        }
        return Worksheet.Validation(
            rule: rule, inputTitle: String(key.chineseLabel.prefix(30)), inputMessage: prompt(key, kind),
            errorTitle: "填写有误",
            errorMessage: error)
    }
}
