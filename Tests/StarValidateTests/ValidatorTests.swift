import StarModel
import Testing
@testable import StarValidate

/// A raw CSV-like record with every required field; `overrides` replaces some.
func raw(_ overrides: [FieldKey: String] = [:], id: String = "B-1", line: Int = 2) -> RawSubmission {
    var r = RawSubmission(format: .csv, location: SourceLocation(file: "s.csv", line: line))
    var values: [FieldKey: String] = [.year: "2026", .branchID: id, .branchName: "第一党支部", .committeeID: "C1",
                                      .committeeName: "机关党委", .members: "10", .massMemberParticipants: "8",
                                      .massPublicParticipants: "5", .satisfaction: "90.0"]
    for s in Sheet.allCases { for n in 1...10 { values[.aspect(s, n)] = "8.0" } }
    for (k, v) in overrides { values[k] = v }
    for (k, v) in values { r.fields[k] = RawField(v, at: r.location) }
    return r
}

@Suite struct ValidatorTests {
    let v = Validator(year: 2026)

    @Test func aGoodRecordBecomesASubmission() throws {
        let out = v.validate([raw()], register: nil)
        #expect(out.diagnostics.isEmpty)
        let s = try #require(out.submissions.first)
        #expect(s.total(.selfEvaluation) == Tenths(800))
        #expect(s.satisfaction == Tenths(900))
        #expect(s.election == nil)
    }

    @Test func aspectMaximumComesFromTheRules() {
        var five = v
        five.aspectMax = Tenths(50)
        var low: [FieldKey: String] = [:]
        for sheet in Sheet.allCases { for n in 1...10 { low[.aspect(sheet, n)] = "4.0" } }
        low.merge(["self_1": "6.0"].keyed) { $1 }
        let out = five.validate([raw(low)], register: nil)
        #expect(out.diagnostics.map(\.rendered) == ["s.csv:2: error[E-RANGE]: self_1: expected 0.0–5.0, found 6.0"])
        #expect(out.submissions.isEmpty && out.rejected == 1)
    }

    @Test func participationWarningBelowEightyPercentOnly() {
        #expect(v.validate([raw([.massMemberParticipants: "8"])], register: nil).diagnostics.isEmpty)
        let d = v.validate([raw([.massMemberParticipants: "7"])], register: nil).diagnostics
        #expect(d.map(\.code) == ["W-PARTICIPATION"])
        #expect(d[0].severity == .warning && d[0].branchID == "B-1")
    }

    @Test func selfTotalMoreThanFifteenAboveSuperiorWarns() {
        var exactly: [FieldKey: String] = [:], over: [FieldKey: String] = [:]
        for n in 1...10 { exactly[.aspect(.selfEvaluation, n)] = "9.5"; over[.aspect(.selfEvaluation, n)] = "9.5" }
        over[.aspect(.selfEvaluation, 1)] = "9.6"   // self 95.1 vs superior 80.0
        #expect(v.validate([raw(exactly)], register: nil).diagnostics.isEmpty)   // exactly 15.0 above
        #expect(v.validate([raw(over)], register: nil).diagnostics.map(\.code) == ["W-SELF-HIGH"])
    }

    @Test func electionFieldsAreCheckedTogether() {
        let d = v.validate([raw([.electionHeld: "2026-03-01"])], register: nil).diagnostics
        #expect(d.map(\.rendered) == ["s.csv:2: error[E-MISSING]: election_due: a re-election date or delay is given without its due date (换届到期日)"])
        let ok = v.validate([raw([.electionDue: "2025-06-30", .electionDelayApproved: "是"])], register: nil)
        #expect(ok.submissions.first?.election == Election(due: CivilDate(iso: "2025-06-30")!, delayApproved: true))
    }

    @Test func everyProblemOfARecordIsReported() {
        let d = v.validate([raw([.members: "x", .satisfaction: "101.0", .aspect(.massEvaluation, 2): "7.25", .year: "2025"])], register: nil).diagnostics
        #expect(Set(d.map(\.code)) == ["E-NUMBER", "E-RANGE", "E-DECIMALS", "E-YEAR"])
    }

    @Test func duplicatesAndTheRegister() {
        let register = [RegisteredBranch(id: "B-1", name: "第一党支部", committeeID: "C1", committeeName: "机关党委",
                                          location: SourceLocation(file: "branches.csv", line: 2)),
                         RegisteredBranch(id: "B-9", name: "第九党支部", committeeID: "C1", committeeName: "机关党委",
                                          location: SourceLocation(file: "branches.csv", line: 3))]
        let out = v.validate([raw(id: "B-1", line: 2), raw(id: "B-1", line: 3), raw(id: "B-2", line: 4)], register: register)
        #expect(out.diagnostics.map(\.rendered).sorted() == [
            "branches.csv:3: error[E-MISSING-SUBMISSION]: branch_id: branch B-9 第九党支部 is in the register but sent no submission",
            "s.csv:3: error[E-DUPLICATE]: branch_id: branch B-1 is submitted twice; first at s.csv:2",
            "s.csv:4: error[E-UNKNOWN-BRANCH]: branch_id: branch B-2 is not in the register branches.csv",
        ])
        #expect(out.submissions.map(\.branch.id) == ["B-1", "B-2"])
    }
}

extension Dictionary where Key == String, Value == String {
    /// `["self_1": "6.0"]` by column name.
    var keyed: [FieldKey: String] {
        Dictionary<FieldKey, String>(uniqueKeysWithValues: map { k, v in (FieldKey.allColumns.first { $0.description == k }!, v) })
    }
}

/// Where a string's UTF-8 lives: equal for two values that share one copy.
func storage(_ s: String) -> UnsafeRawPointer? {
    var s = s
    return s.withUTF8 { UnsafeRawPointer($0.baseAddress) }
}

@Suite struct SharedStringTests {
    @Test func branchesOfOneCommitteeShareItsName() throws {
        let long = "市住房和城乡建设局机关党委（C1），机关", kind = "事业单位（公益一类）"
        // a fresh copy per record, as a reader makes them
        func copy(_ s: String) -> String { String(decoding: Array(s.utf8), as: UTF8.self) }
        let out = Validator(year: 2026).validate([raw([.committeeName: copy(long), .category: copy(kind)], id: "B-1"),
                                                  raw([.committeeName: copy(long), .category: copy(kind)], id: "B-2", line: 3)],
                                                 register: nil)
        let a = try #require(out.submissions.first), b = try #require(out.submissions.last)
        #expect(a.branch.id != b.branch.id)
        #expect(a.branch.committeeName == long && b.branch.committeeName == long)
        #expect(storage(a.branch.committeeName) == storage(b.branch.committeeName))
        #expect(storage(a.branch.category) == storage(b.branch.category))
    }
}
