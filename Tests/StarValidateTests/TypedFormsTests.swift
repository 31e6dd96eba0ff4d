import StarModel
import Testing

@testable import StarValidate

/// The forms people type that mean one thing only, and those that do not.
@Suite struct TypedFormsTests {
    @Test func datesAsPeopleTypeThem() {
        let d = CivilDate(year: 2026, month: 6, day: 30)
        for s in [
            "2026-06-30", "2026-6-30", "2026/6/30", "2026.6.30", "2026年6月30日", "２０２６/６/３０", "2026/6/30 0:00:00",
            "46203",
        ] {
            #expect(TypedForms.date(s) == d, "\(s)")
        }
        for s in ["30/6/2026", "6/30/2026", "2026/13/1", "2026-02-30", "去年六月", "2026/6", "26/6/30", "123456"] {
            #expect(TypedForms.date(s) == nil, "\(s)")
        }
    }

    @Test func yesAndNo() {
        for s in ["是", "Y", "y", "yes", "TRUE", "√", "✓", "有", "１"] { #expect(TypedForms.boolean(s) == true, "\(s)") }
        for s in ["否", "N", "no", "false", "×", "✗", "无", "0"] { #expect(TypedForms.boolean(s) == false, "\(s)") }
        for s in ["也许", "", "是的吧", "2"] { #expect(TypedForms.boolean(s) == nil, "\(s)") }
    }

    @Test func numbersWithUnitsAndFullWidthDigits() {
        #expect(TypedForms.number("９.５", unit: "分") == "9.5")
        #expect(TypedForms.number("９.5", unit: "分") == "9.5")
        #expect(TypedForms.number("9.5", unit: "分") == "9.5")
        #expect(TypedForms.number("9.5分", unit: "分") == "9.5")
        #expect(TypedForms.number("97.5%", unit: "%") == "97.5")
        #expect(TypedForms.number("97.5％", unit: "%") == "97.5")
        // a unit that is not the column's stays and fails the number check
        #expect(TypedForms.number("9.5%", unit: "分") == "9.5%")
    }

    /// Checked as a whole record: 0 < 满意率 ≤ 1 is an error, 0 members too.
    @Test func fractionsAndZeroMembersAreErrors() {
        let v = Validator(year: 2026)
        for (sat, members, code) in [("0.9", "12", "E-PERCENT"), ("1", "12", "E-PERCENT"), ("90", "0", "E-RANGE")] {
            var raw = RawSubmission(format: .csv, location: SourceLocation(file: "s.csv", line: 2))
            for key in FieldKey.allColumns {
                let text: String
                switch key {
                case .year: text = "2026"
                case .branchID: text = "B-1"
                case .branchName: text = "第一党支部"
                case .committeeID: text = "C"
                case .committeeName: text = "机关党委"
                case .members: text = members
                case .aspect: text = "9"
                case .massMemberParticipants, .massPublicParticipants: text = "10"
                case .satisfaction: text = sat
                default: text = ""
                }
                raw.setCell(key, text, at: SourceLocation(file: "s.csv", line: 2, column: key.ordinal + 1))
            }
            let checked = v.check(raw)
            #expect(checked.submission == nil)
            #expect(checked.diagnostics.map(\.content.code) == [code], "\(checked.diagnostics.map(\.rendered))")
        }
    }
}
