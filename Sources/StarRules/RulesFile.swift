import Foundation
import StarModel
import StarRating
import TOMLKit

/// The rules file (TOML): every setting of docs/rules.md. See `anyang-2017.toml`, the default scheme,
/// for the keys. A bad file is a list of diagnostics naming the key and the line.
public enum RulesFile {
    /// The shipped default scheme's file name; its text is compiled into the binary.
    public static let defaultName = "anyang-2017.toml"

    /// The shipped default scheme's text, exactly as in Sources/StarRules/Resources.
    public static var defaultText: String { String(decoding: EmbeddedFiles.bytes(defaultName) ?? [], as: UTF8.self) }

    /// The shipped default scheme.
    public static func loadDefault() -> Result<RuleSet, DiagnosticList> {
        parse(defaultText, path: defaultName)
    }

    public static func parse(_ text: String, path: String) -> Result<RuleSet, DiagnosticList> {
        let doc: TOMLTable
        switch TOMLReader.document(text, path: path, code: "E-RULES") {
        case .success(let d): doc = d
        case .failure(let e): return .failure(e)
        }
        var r = TOMLReader(path: path, text: text, code: "E-RULES")
        var rules = RuleSet()
        r.checkKeys(
            doc, table: nil,
            known: [
                "name", "scheme", "version", "weights", "scores", "bonus", "deduction", "satisfaction",
                "bands", "election", "absence", "dates", "quotas", "quota", "procedure",
            ])
        // `name` (also accepted as `scheme`) and `version` are shown on the notice, the summaries
        // and in results.json, so that a custom rules file always leaves its trace.
        if let s = r.string(doc, "name", table: nil) ?? r.string(doc, "scheme", table: nil) {
            rules.scheme = s
        } else {
            r.error(
                table: nil, key: "name",
                .rulesRequiredKey(
                    key: "name", what: Localized(zh: "规则名称，显示在公示和汇总中", en: "name, shown on the notice and summaries")))
        }
        if let v = r.string(doc, "version", table: nil) {
            rules.version = v
        } else {
            r.error(
                table: nil, key: "version",
                .rulesRequiredKey(key: "version", what: Localized(zh: "规则版本", en: "version")))
        }

        if let w = r.table(doc, "weights", parent: nil) {
            r.checkKeys(w, table: "weights", known: ["self", "mass", "superior"])
            rules.weightSelf = r.int(w, "self", table: "weights", range: 0...100) ?? rules.weightSelf
            rules.weightMass = r.int(w, "mass", table: "weights", range: 0...100) ?? rules.weightMass
            rules.weightSuperior = r.int(w, "superior", table: "weights", range: 0...100) ?? rules.weightSuperior
            if rules.weightSelf + rules.weightMass + rules.weightSuperior != 100 {
                r.error(
                    table: "weights", key: nil,
                    .rulesWeightsSum(sum: rules.weightSelf + rules.weightMass + rules.weightSuperior))
            }
        }
        if let t = r.table(doc, "scores", parent: nil) {
            r.checkKeys(t, table: "scores", known: ["aspect_max", "max_score"])
            rules.aspectMax = r.tenths(t, "aspect_max", table: "scores", max: Tenths(100)) ?? rules.aspectMax
            rules.maxScore = r.tenths(t, "max_score", table: "scores") ?? rules.maxScore
        }
        if let t = r.table(doc, "bonus", parent: nil) {
            r.checkKeys(t, table: "bonus", known: ["commendation", "innovation", "innovation_cumulative"])
            for (key, path) in [
                ("commendation", \RuleSet.commendationPoints), ("innovation", \RuleSet.innovationPoints),
            ] {
                if let levels = r.table(t, key, parent: "bonus") {
                    r.checkKeys(levels, table: "bonus", known: Set(Level.allCases.map(\.rawValue)))
                    for level in Level.allCases {
                        if let p = r.tenths(levels, level.rawValue, table: "bonus") { rules[keyPath: path][level] = p }
                    }
                }
            }
            rules.innovationCumulative =
                r.bool(t, "innovation_cumulative", table: "bonus") ?? rules.innovationCumulative
        }
        if let t = r.table(doc, "deduction", parent: nil) {
            let keys: [(String, WritableKeyPath<RuleSet, Tenths>)] = [
                ("work_committee_criticism", \.workCommitteeCriticism),
                ("municipal_committee_criticism", \.municipalCommitteeCriticism),
                ("leadership_minor_sanction", \.leadershipMinorSanction),
                ("leadership_major_sanction", \.leadershipMajorSanction),
                ("member_sanction", \.memberSanction), ("low_satisfaction", \.lowSatisfaction),
                ("unexcused_absence", \.unexcusedAbsence),
            ]
            r.checkKeys(t, table: "deduction", known: Set(keys.map(\.0)))
            for (k, p) in keys { if let v = r.tenths(t, k, table: "deduction") { rules[keyPath: p] = v } }
        }
        if let t = r.table(doc, "satisfaction", parent: nil) {
            r.checkKeys(
                t, table: "satisfaction",
                known: ["deduction_below", "no_star_below", "satisfaction_threshold_inclusive"])
            rules.satisfactionDeductionBelow =
                r.tenths(t, "deduction_below", table: "satisfaction", max: Tenths(1000))
                ?? rules.satisfactionDeductionBelow
            rules.satisfactionNoStarBelow =
                r.tenths(t, "no_star_below", table: "satisfaction", max: Tenths(1000)) ?? rules.satisfactionNoStarBelow
            rules.satisfactionThresholdInclusive =
                r.bool(t, "satisfaction_threshold_inclusive", table: "satisfaction")
                ?? rules.satisfactionThresholdInclusive
        }
        if let t = r.table(doc, "bands", parent: nil) {
            let names = ["one", "two", "three", "four", "five"]
            r.checkKeys(t, table: "bands", known: Set(names))
            for (i, n) in names.enumerated() { if let v = r.tenths(t, n, table: "bands") { rules.bands[i] = v } }
            if rules.bands != rules.bands.sorted() || Set(rules.bands).count != 5 {
                r.error(table: "bands", key: nil, Message(.rulesBandsRise))
            }
        }
        if let t = r.table(doc, "election", parent: nil) {
            r.checkKeys(t, table: "election", known: ["overdue_cap", "long_overdue_cap", "long_overdue_years"])
            rules.electionOverdueCap =
                r.int(t, "overdue_cap", table: "election", range: 0...5) ?? rules.electionOverdueCap
            rules.electionLongOverdueCap =
                r.int(t, "long_overdue_cap", table: "election", range: 0...5) ?? rules.electionLongOverdueCap
            rules.electionLongOverdueYears =
                r.int(t, "long_overdue_years", table: "election", range: 1...10) ?? rules.electionLongOverdueYears
        }
        if let t = r.table(doc, "absence", parent: nil) {
            r.checkKeys(t, table: "absence", known: ["threshold", "cap", "drop"])
            rules.absenceThreshold = r.int(t, "threshold", table: "absence", range: 1...1000) ?? rules.absenceThreshold
            rules.absenceCap = r.int(t, "cap", table: "absence", range: 0...5) ?? rules.absenceCap
            rules.absenceDrop = r.int(t, "drop", table: "absence", range: 0...5) ?? rules.absenceDrop
        }
        if let t = r.table(doc, "dates", parent: nil) {
            r.checkKeys(t, table: "dates", known: ["reference_date"])
            if let v = t["reference_date"] {
                if let s = v.string, let d = CivilDate(iso: s) {
                    rules.referenceDate = d
                } else if let d = v.date, let cd = CivilDate(year: d.year, month: Int(d.month), day: Int(d.day)) {
                    rules.referenceDate = cd
                } else {
                    r.error(table: "dates", key: "reference_date", Message(.rulesBadDate))
                }
            }
        }
        if let t = r.table(doc, "quotas", parent: nil) {
            r.checkKeys(t, table: "quotas", known: ["scope"])
            if let s = r.string(t, "scope", table: "quotas") {
                if let scope = QuotaScope(rawValue: s) {
                    rules.quotaScope = scope
                } else {
                    r.error(table: "quotas", key: "scope", Message(.rulesBadScope))
                }
            }
        }
        if let v = doc["quota"] {
            if let array = v.array {
                rules.quotas = []
                for i in 0..<array.count {
                    guard let q = array[i].table else {
                        r.error(table: "quota", key: nil, index: i, Message(.rulesExpectedQuotas))
                        continue
                    }
                    if let rule = quota(q, index: i, reader: &r) { rules.quotas.append(rule) }
                }
                let codes = rules.quotas.map(\.code)
                if Set(codes).count != codes.count {
                    r.error(table: "quota", key: "code", Message(.rulesQuotaCodesDiffer))
                }
            } else {
                r.error(table: nil, key: "quota", Message(.rulesExpectedQuotas))
            }
        }
        if let t = r.table(doc, "procedure", parent: nil) {
            r.checkKeys(
                t, table: "procedure",
                known: ["participation_warning_percent", "self_over_superior_warning", "notice_days"])
            rules.participationWarningPercent =
                r.int(t, "participation_warning_percent", table: "procedure", range: 0...100)
                ?? rules.participationWarningPercent
            rules.selfOverSuperiorWarning =
                r.tenths(t, "self_over_superior_warning", table: "procedure", max: Tenths(1000))
                ?? rules.selfOverSuperiorWarning
            rules.noticeDays = r.int(t, "notice_days", table: "procedure", range: 1...60) ?? rules.noticeDays
        }
        return r.diagnostics.isEmpty ? .success(rules) : .failure(DiagnosticList(r.diagnostics))
    }

    private static func quota(_ q: TOMLTable, index i: Int, reader r: inout TOMLReader) -> QuotaRule? {
        r.checkKeys(q, table: "quota", known: ["code", "levels", "bound", "percent", "rounding", "policy"], index: i)
        let code = r.string(q, "code", table: "quota") ?? ""
        var levels: Set<Int> = []
        if let arr = q["levels"]?.array {
            for j in 0..<arr.count {
                if let l = arr[j].int, (0...5).contains(l) {
                    levels.insert(l)
                } else {
                    r.error(table: "quota", key: "levels", index: i, Message(.rulesQuotaLevels))
                }
            }
        }
        let bound = r.string(q, "bound", table: "quota").flatMap(QuotaRule.Bound.init(rawValue:))
        let percent = r.tenths(q, "percent", table: "quota", max: Tenths(1000), index: i)
        let rounding = r.string(q, "rounding", table: "quota").flatMap(QuotaRule.Rounding.init(rawValue:))
        let policy = r.string(q, "policy", table: "quota").flatMap(QuotaRule.Policy.init(rawValue:))
        if code.isEmpty { r.error(table: "quota", key: "code", index: i, Message(.rulesQuotaCode)) }
        if levels.isEmpty { r.error(table: "quota", key: "levels", index: i, Message(.rulesQuotaNoLevels)) }
        if bound == nil { r.error(table: "quota", key: "bound", index: i, Message(.rulesQuotaBound)) }
        if percent == nil { r.error(table: "quota", key: "percent", index: i, Message(.rulesQuotaPercent)) }
        if rounding == nil { r.error(table: "quota", key: "rounding", index: i, Message(.rulesQuotaRounding)) }
        if policy == nil { r.error(table: "quota", key: "policy", index: i, Message(.rulesQuotaPolicy)) }
        guard !code.isEmpty, !levels.isEmpty, let bound, let percent, let rounding, let policy else { return nil }
        let rule = QuotaRule(
            code: code, levels: levels, bound: bound, percent: percent, rounding: rounding, policy: policy)
        if policy == .enforce && !rule.canEnforce {
            r.error(
                table: "quota", key: "policy", index: i, Message(.rulesQuotaPolicyConflict))
            return nil
        }
        return rule
    }
}
