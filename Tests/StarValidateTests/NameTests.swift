import StarModel
import Testing

@testable import StarValidate

/// Names that show nothing, invisible characters in diagnostics, one committee id with two names.
@Suite struct InvisibleNameTests {
    let v = Validator(year: 2026)

    @Test(arguments: [
        "\u{3164}\u{3164}", "\u{2800}", "\u{00AD}", "\u{034F}\u{034F}", "\u{115F}\u{1160}", "\u{200B}\u{3164}",
        "\u{E0041}\u{E0042}", "\u{FFA0}", "\u{2060}", "\u{FE0F}", " \u{3164} ",
    ])
    func invisibleOnlyNamesAreErrors(name: String) {
        let d = v.validate([raw([.branchName: name])], register: nil)
        #expect(d.submissions.isEmpty)
        #expect(d.diagnostics.map(\.code) == ["E-NAME"], "\(d.diagnostics.map(\.rendered))")
        // shown escaped: the reader sees what is there
        let text = d.diagnostics.in(.en).map(\.rendered).joined()
        #expect(!text.unicodeScalars.contains { Escaped.isInvisible($0) }, "\(text)")
    }

    @Test func visibleNamesWithAnInvisibleCharacterStillPass() {
        #expect(v.validate([raw([.branchName: "第一\u{00AD}党支部"])], register: nil).diagnostics.isEmpty)
    }

    @Test func invisibleAndSeparatorCharactersAreEscapedInDiagnostics() {
        #expect(
            Escaped.text("a\u{200B}b\u{2028}c\u{2029}d\u{E0041}e\u{3164}f\u{00AD}g\u{2800}h")
                == "a\\u{200B}b\\u{2028}c\\u{2029}d\\u{E0041}e\\u{3164}f\\u{AD}g\\u{2800}h")
        #expect(Escaped.text("市财政局 第一党支部\u{3000}") == "市财政局 第一党支部\u{3000}")
    }
}

@Suite struct CommitteeNameTests {
    let v = Validator(year: 2026)

    @Test func oneCommitteeIDWithTwoNamesIsOneWarning() {
        let records = [
            raw(id: "B-1", line: 2), raw([.committeeName: "机关党委（旧）"], id: "B-2", line: 3),
            raw([.committeeName: "机关党委（旧）"], id: "B-3", line: 4), raw([.committeeName: "第三个名称"], id: "B-4", line: 5),
        ]
        let d = v.validate(records, register: nil).diagnostics
        #expect(
            d.in(.en).map(\.rendered) == [
                """
                s.csv:3: warning[W-COMMITTEE-NAME]: committee_name: committee C1 has two names: \"机关党委\" (s.csv:2)\
                 and \"机关党委（旧）\" (s.csv:3); use one name
                """
            ])
        #expect(v.validate([raw(id: "B-1"), raw(id: "B-2", line: 3)], register: nil).diagnostics.isEmpty)
    }

    @Test func theRegisterNameComesFirst() {
        let register = [
            RegisteredBranch(
                id: "B-1", name: "第一党支部", committeeID: "C1", committeeName: "市财政局机关党委",
                location: SourceLocation(file: "branches.csv", line: 2))
        ]
        let d = v.validate([raw(id: "B-1")], register: register).diagnostics.filter { $0.code == "W-COMMITTEE-NAME" }
        #expect(
            d.map(\.rendered) == [
                """
                s.csv:2: warning[W-COMMITTEE-NAME]: committee_name: 上级党组织 C1 有两个名称：“市财政局机关党委”（branches.csv:2）\
                和“机关党委”（s.csv:2）；请统一名称
                """
            ])
    }
}
