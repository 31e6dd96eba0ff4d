import StarModel
import StarRating

/// The columns of a branch's result, each once: its name in results.csv and results.json, its
/// header in results.xlsx, its value and its format. results.csv and the branch fields of
/// results.json are the columns with a `name`, in this order; results.xlsx's results sheet is
/// every column, in this order (`committeeName` and `starLabel` are for people only).
public enum ResultColumn: CaseIterable, Sendable {
    case branchID, branchName, committeeID, committeeName
    case selfTotal, massTotal, superiorTotal, base, bonus, deduction, final
    case bandStars, stars, starLabel, rules

    /// How a value is stored: text, a score with one decimal, or a whole number.
    public enum Format: Sendable { case text, tenths, integer }

    /// One cell's value.
    public enum Value: Sendable, Equatable {
        case text(String)
        case tenths(Tenths)
        case integer(Int)
    }

    /// The column of results.csv and the key of results.json; nil for a workbook-only column.
    public var name: String? {
        switch self {
        case .branchID: "branch_id"
        case .branchName: "branch_name"
        case .committeeID: "committee_id"
        case .committeeName, .starLabel: nil
        case .selfTotal: "self_total"
        case .massTotal: "mass_total"
        case .superiorTotal: "superior_total"
        case .base: "base"
        case .bonus: "bonus"
        case .deduction: "deduction"
        case .final: "final"
        case .bandStars: "band_stars"
        case .stars: "stars"
        case .rules: "rules"
        }
    }

    /// The header of results.xlsx's results sheet (also read back by `--previous`).
    public var header: String {
        switch self {
        case .branchID: "支部编号"
        case .branchName: "支部名称"
        case .committeeID: "上级党组织编号"
        case .committeeName: "上级党组织名称"
        case .selfTotal: "自评得分"
        case .massTotal: "测评得分"
        case .superiorTotal: "考评得分"
        case .base: "基础分"
        case .bonus: "加分"
        case .deduction: "减分"
        case .final: "最终得分"
        case .bandStars: "分档星级"
        case .stars: "评定星级"
        case .starLabel: "星级"
        case .rules: "适用规则"
        }
    }

    public var format: Format {
        switch self {
        case .branchID, .branchName, .committeeID, .committeeName, .starLabel, .rules: .text
        case .selfTotal, .massTotal, .superiorTotal, .base, .bonus, .deduction, .final: .tenths
        case .bandStars, .stars: .integer
        }
    }

    /// The column's value for one branch; `rules` is the codes that fired, each once, joined
    /// by `;`.
    public func value(_ r: BranchResult) -> Value {
        switch self {
        case .branchID: .text(r.branch.id)
        case .branchName: .text(r.branch.name)
        case .committeeID: .text(r.branch.committeeID)
        case .committeeName: .text(r.branch.committeeName)
        case .selfTotal: .tenths(r.selfTotal)
        case .massTotal: .tenths(r.massTotal)
        case .superiorTotal: .tenths(r.superiorTotal)
        case .base: .tenths(r.base)
        case .bonus: .tenths(r.bonus)
        case .deduction: .tenths(r.deduction)
        case .final: .tenths(r.final)
        case .bandStars: .integer(r.bandStars)
        case .stars: .integer(r.stars)
        case .starLabel: .text(StarLabel.chinese(r.stars))
        case .rules: .text(r.ruleCodes.joined(separator: ";"))
        }
    }

    /// The columns of results.csv and of results.json's branch records, in order.
    public static let named: [ResultColumn] = allCases.filter { $0.name != nil }
}
