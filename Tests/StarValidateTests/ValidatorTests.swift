import StarModel
import Testing

@testable import StarValidate

/// A raw CSV-like record with every required field; `overrides` replaces some.
func raw(_ overrides: [FieldKey: String] = [:], id: String = "B-1", line: Int = 2) -> RawSubmission {
    var r = RawSubmission(format: .csv, location: SourceLocation(file: "s.csv", line: line))
    var values: [FieldKey: String] = [
        .year: "2026", .branchID: id, .branchName: "第一党支部", .committeeID: "C1",
        .committeeName: "机关党委", .members: "10", .massMemberParticipants: "8",
        .massPublicParticipants: "5", .satisfaction: "90.0",
    ]
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
        #expect(out.diagnostics.map(\.rendered) == ["s.csv:2: error[E-RANGE]: self_1: 应在 0.0–5.0 之间，当前为 6.0；请改正"])
        #expect(
            out.diagnostics.in(.en).map(\.rendered) == ["s.csv:2: error[E-RANGE]: self_1: expected 0.0–5.0, found 6.0"])
        #expect(out.submissions.isEmpty && out.rejected == 1)
    }

    @Test func participationWarningBelowEightyPercentOnly() {
        #expect(v.validate([raw([.massMemberParticipants: "8"])], register: nil).diagnostics.isEmpty)
        let d = v.validate([raw([.massMemberParticipants: "7"])], register: nil).diagnostics
        #expect(d.map(\.code) == ["W-PARTICIPATION"])
        #expect(d[0].severity == .warning && d[0].branchID == "B-1")
    }

    @Test func selfTotalMoreThanFifteenAboveSuperiorWarns() {
        var exactly: [FieldKey: String] = [:]
        var over: [FieldKey: String] = [:]
        for n in 1...10 {
            exactly[.aspect(.selfEvaluation, n)] = "9.5"
            over[.aspect(.selfEvaluation, n)] = "9.5"
        }
        over[.aspect(.selfEvaluation, 1)] = "9.6"  // self 95.1 vs superior 80.0
        #expect(v.validate([raw(exactly)], register: nil).diagnostics.isEmpty)  // exactly 15.0 above
        #expect(v.validate([raw(over)], register: nil).diagnostics.map(\.code) == ["W-SELF-HIGH"])
    }

    @Test func electionFieldsAreCheckedTogether() {
        let d = v.validate([raw([.electionHeld: "2026-03-01"])], register: nil).diagnostics
        #expect(d.map(\.rendered) == ["s.csv:2: error[E-MISSING]: election_due: 填写了换届日期或延期，但没有换届到期日；请填写换届到期日"])
        let ok = v.validate([raw([.electionDue: "2025-06-30", .electionDelayApproved: "是"])], register: nil)
        #expect(ok.submissions.first?.election == Election(due: CivilDate(iso: "2025-06-30")!, delayApproved: true))
    }

    @Test func everyProblemOfARecordIsReported() {
        let d = v.validate(
            [raw([.members: "x", .satisfaction: "101.0", .aspect(.massEvaluation, 2): "7.25", .year: "2025"])],
            register: nil
        ).diagnostics
        #expect(Set(d.map(\.code)) == ["E-NUMBER", "E-RANGE", "E-DECIMALS", "E-YEAR"])
    }

    /// Too many decimals: the example fits the field (a score, or 满意率 as a percentage).
    @Test func theDecimalsExampleFitsTheField() {
        let d = v.validate([raw([.satisfaction: "92.55", .aspect(.selfEvaluation, 3): "9.75"])], register: nil)
            .diagnostics
        #expect(
            d.map(\.message) == [
                "最多一位小数，当前为“9.75”；请保留一位小数（如 9.5）", "最多一位小数，当前为“92.55”；请保留一位小数（如 92.5）",
            ])
        #expect(
            d.in(.en).map(\.message) == [
                "at most one digit after the point, found \"9.75\" (write e.g. 9.5)",
                "at most one digit after the point, found \"92.55\" (write e.g. 92.5)",
            ])
    }

    @Test func duplicatesAndTheRegister() {
        let register = [
            RegisteredBranch(
                id: "B-1", name: "第一党支部", committeeID: "C1", committeeName: "机关党委",
                location: SourceLocation(file: "branches.csv", line: 2)),
            RegisteredBranch(
                id: "B-9", name: "第九党支部", committeeID: "C1", committeeName: "机关党委",
                location: SourceLocation(file: "branches.csv", line: 3)),
        ]
        let out = v.validate(
            [raw(id: "B-1", line: 2), raw(id: "B-1", line: 3), raw(id: "B-2", line: 4)], register: register)
        #expect(
            out.diagnostics.in(.en).map(\.rendered).sorted() == [
                """
                branches.csv:3: error[E-MISSING-SUBMISSION]: branch_id: branch B-9 第九党支部 is in the register but \
                sent no submission; ask for it
                """,
                """
                s.csv:3: error[E-DUPLICATE]: branch_id: branch B-1 is submitted twice; first at s.csv:2; remove \
                one of them
                """,
                """
                s.csv:4: error[E-UNKNOWN-BRANCH]: branch_id: branch B-2 is not in the register branches.csv; \
                check the id or add the branch to the register
                """,
            ])
        #expect(
            out.diagnostics.map(\.rendered).sorted()[0]
                == "branches.csv:3: error[E-MISSING-SUBMISSION]: branch_id: 支部 B-9 第九党支部 在名册中，但没有提交材料；请补交")
        #expect(out.submissions.map(\.branch.id) == ["B-1", "B-2"])
    }

    /// `--year 2025` on 2026 data: one error that says what year the data carries.
    @Test func aWrongYearForEveryRecordIsOneError() {
        let records = (1...5).map { raw(id: "B-\($0)", line: $0 + 1) }
        var y2025 = v
        y2025.year = 2025
        let d = y2025.validate(records, register: nil).diagnostics
        #expect(
            d.map(\.rendered) == ["s.csv:2: error[E-YEAR]: year: 全部 5 条记录的年度都是 2026，而不是 2025：请用 --year 2026，或核对数据的年度"])
        // one record of another year is reported on its own
        let mixed = y2025.validate([raw(id: "B-1", line: 2), raw([.year: "2025"], id: "B-2", line: 3)], register: nil)
            .diagnostics
        #expect(mixed.map(\.code) == ["E-YEAR"] && mixed[0].message.contains("年度应为 2025，当前为 2026"))
    }

    /// A sheet that could not be read at all: its committee's register branches are one line.
    @Test func branchesOfABrokenSheetAreOneLine() {
        let register =
            (1...16).map {
                RegisteredBranch(
                    id: "Z-\($0)", name: "支部\($0)", committeeID: "ZJJ", committeeName: "住建局",
                    location: SourceLocation(file: "branches.csv", line: $0 + 1))
            }
            + [
                RegisteredBranch(
                    id: "B-1", name: "第一党支部", committeeID: "C1", committeeName: "机关党委",
                    location: SourceLocation(file: "branches.csv", line: 18)),
                RegisteredBranch(
                    id: "B-2", name: "第二党支部", committeeID: "C1", committeeName: "机关党委",
                    location: SourceLocation(file: "branches.csv", line: 19)),
            ]
        let out = v.crossCheck([v.check(raw(id: "B-1", line: 2))], register: register, brokenFiles: ["in/zjj.csv"])
        #expect(
            out.diagnostics.map(\.rendered) == [
                "branches.csv:19: error[E-MISSING-SUBMISSION]: branch_id: 支部 B-2 第二党支部 在名册中，但没有提交材料；请补交",
                """
                branches.csv:2: error[E-MISSING-SUBMISSION]: branch_id: 名册中有 16 个支部（Z-1、Z-2、Z-3、Z-4、Z-5、Z-6、Z-7、\
                Z-8、Z-9、Z-10…）没有可读的材料，因为“zjj.csv”无法读取；请先改正上面该文件的错误
                """,
            ])
        // it names no branch as listed before (名册中有, not 另有), in English too
        #expect(
            out.diagnostics[1].content.text(.en)
                == """
                no readable submission came from 16 of the register's branches (Z-1, Z-2, Z-3, Z-4, Z-5, Z-6, Z-7, \
                Z-8, Z-9, Z-10…) because "zjj.csv" could not be read; fix that file's errors above first
                """)
        // without a broken sheet every missing branch is named
        #expect(v.crossCheck([v.check(raw(id: "B-1", line: 2))], register: register).diagnostics.count == 17)
    }

    /// A broken sheet of two committees' branches: one line per committee, each naming only its
    /// branches and at its first one (so that each goes to that committee's error list).
    @Test func branchesOfABrokenSheetAreOneLinePerCommittee() {
        let register = ["G-1", "Z-1", "G-2", "Z-2", "Z-3"].enumerated().map { i, id in
            RegisteredBranch(
                id: id, name: "支部\(id)", committeeID: String(id.prefix(1)), committeeName: "委\(id.prefix(1))",
                location: SourceLocation(file: "branches.csv", line: i + 2))
        }
        let out = v.crossCheck([], register: register, brokenFiles: ["in/gz.xlsx"])
        #expect(out.diagnostics.map(\.branchID) == ["G-1", "Z-1"])
        #expect(
            out.diagnostics.map(\.message) == [
                "名册中有 2 个支部（G-1、G-2）没有可读的材料，因为“gz.xlsx”无法读取；请先改正上面该文件的错误",
                "名册中有 3 个支部（Z-1、Z-2、Z-3）没有可读的材料，因为“gz.xlsx”无法读取；请先改正上面该文件的错误",
            ])
    }

    /// Every catalogue entry has both texts with the same parameters (`x` and its `xEn`).
    @Test func catalogueTextsNameTheSameParameters() {
        for id in MessageID.allCases {
            let e = Catalogue.entry(id)
            #expect(!e.zh.isEmpty && !e.en.isEmpty, "\(id)")
            // one parameter for both languages: a text that differs by language is a `Localized`
            // or a nested `Message`, never an English twin parameter
            #expect(Catalogue.parameters(e.zh) == Catalogue.parameters(e.en), "\(id)")
            // the Chinese text is Chinese
            #expect(e.zh.unicodeScalars.contains { $0.value >= 0x4E00 } || e.zh.hasPrefix("{"), "\(id)")
        }
    }

    @Test func languageFromArgumentsThenEnvironment() {
        #expect(Language.choose(arguments: ["star-report", "run"], environment: [:]) == .zh)
        #expect(Language.choose(arguments: ["star-report", "run", "--lang", "en"], environment: [:]) == .en)
        #expect(
            Language.choose(arguments: ["star-report", "--lang=en"], environment: ["STAR_REPORT_LANG": "zh"]) == .en)
        #expect(Language.choose(arguments: ["star-report"], environment: ["STAR_REPORT_LANG": "en_US.UTF-8"]) == .en)
        #expect(Language.choose(arguments: ["star-report"], environment: ["STAR_REPORT_LANG": "fr"]) == .zh)
    }
}

extension Dictionary where Key == String, Value == String {
    /// `["self_1": "6.0"]` by column name.
    var keyed: [FieldKey: String] {
        Dictionary<FieldKey, String>(
            uniqueKeysWithValues: map { k, v in (FieldKey.allColumns.first { $0.description == k }!, v) })
    }
}

/// Where a string's UTF-8 lives: equal for two values that share one copy.
func storage(_ s: String) -> UnsafeRawPointer? {
    var s = s
    return s.withUTF8 { UnsafeRawPointer($0.baseAddress) }
}

@Suite struct SharedStringTests {
    @Test func branchesOfOneCommitteeShareItsName() throws {
        let long = "市住房和城乡建设局机关党委（C1），机关"
        let kind = "事业单位（公益一类）"
        // a fresh copy per record, as a reader makes them
        func copy(_ s: String) -> String { String(decoding: Array(s.utf8), as: UTF8.self) }
        let out = Validator(year: 2026).validate(
            [
                raw([.committeeName: copy(long), .category: copy(kind)], id: "B-1"),
                raw([.committeeName: copy(long), .category: copy(kind)], id: "B-2", line: 3),
            ],
            register: nil)
        let a = try #require(out.submissions.first)
        let b = try #require(out.submissions.last)
        #expect(a.branch.id != b.branch.id)
        #expect(a.branch.committeeName == long && b.branch.committeeName == long)
        #expect(storage(a.branch.committeeName) == storage(b.branch.committeeName))
        #expect(storage(a.branch.category) == storage(b.branch.category))
    }
}
