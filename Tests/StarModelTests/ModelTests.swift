import Foundation
import Testing
@testable import StarModel

@Suite struct TenthsTests {
    @Test(arguments: [("9", 90), ("9.5", 95), ("10.0", 100), ("0", 0), ("0.0", 0), (" 8.7 ", 87), ("-3.0", -30), ("100", 1000)])
    func parsesOneDecimal(text: String, raw: Int) {
        #expect(Tenths.parse(text) == .success(Tenths(raw)))
    }

    @Test(arguments: ["9.55", "9.50", "10.00"])
    func rejectsTwoDecimals(text: String) {
        #expect(Tenths.parse(text) == .failure(.tooManyDecimals))
    }

    @Test(arguments: ["", "九", "9.", ".5", "1e2", "9,5", "1.2.3", "--1"])
    func rejectsNonNumbers(text: String) {
        #expect(Tenths.parse(text) == .failure(.notANumber))
    }

    @Test func formatsWithExactlyOneDecimal() {
        #expect(Tenths(870).description == "87.0")
        #expect(Tenths(5).description == "0.5")
        #expect(Tenths(-30).description == "-3.0")
        #expect(Tenths(30).signedDescription == "+3.0")
        #expect(Tenths(100).plain == "10")
        #expect(Tenths(125).plain == "12.5")
    }
}

@Suite struct CivilDateTests {
    @Test func parsesOnlyRealISODates() {
        #expect(CivilDate(iso: "2026-02-28") != nil)
        #expect(CivilDate(iso: "2026-02-29") == nil)
        #expect(CivilDate(iso: "2024-02-29") != nil)
        #expect(CivilDate(iso: "2026-13-01") == nil)
        #expect(CivilDate(iso: "2026-1-01") == nil)
        #expect(CivilDate(iso: "2026/01/01") == nil)
    }

    @Test func addingYearsAndDays() {
        #expect(CivilDate(iso: "2024-02-29")!.addingYears(1).description == "2025-02-28")
        #expect(CivilDate(iso: "2024-02-29")!.addingYears(4).description == "2028-02-29")
        #expect(CivilDate(iso: "2026-12-31")!.addingDays(6).description == "2027-01-06")
        #expect(CivilDate(iso: "1970-01-01")!.dayNumber == 0)
        #expect(CivilDate(dayNumber: CivilDate(iso: "2026-11-22")!.dayNumber).description == "2026-11-22")
        #expect(CivilDate(iso: "2026-11-22")!.weekday == 6)  // a Sunday
    }
}

@Suite struct SHA256Tests {
    @Test func knownVectors() {
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func agreesWithPythonOnEveryLengthAroundABlock() throws {
        for n in [55, 56, 63, 64, 65, 119, 120, 1000] {
            let bytes = (0..<n).map { UInt8(($0 * 7 + 3) % 256) }
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["python3", "-c", "import hashlib,sys; print(hashlib.sha256(bytes((i*7+3)%256 for i in range(\(n)))).hexdigest())"]
            let pipe = Pipe()
            p.standardOutput = pipe
            try p.run()
            let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            #expect(SHA256.hex(bytes) + "\n" == out, "length \(n)")
        }
    }
}

@Suite struct FieldKeyTests {
    @Test func ordinalIsThePositionInAllColumns() {
        for (i, k) in FieldKey.allColumns.enumerated() { #expect(k.ordinal == i, "\(k)") }
        #expect(Set(FieldKey.allColumns.map(\.description)).count == FieldKey.allColumns.count)
    }
}

@Suite struct SubmissionStorageTests {
    func make(_ scores: [Int]) -> Submission {
        let t: [Tenths] = scores.map { Tenths($0) }
        let branch = BranchInfo(id: "B-1", name: "一支部", committeeID: "C1", committeeName: "机关党委", members: 9)
        return Submission(
            year: 2026, branch: branch, selfScores: Array(t[0..<10]), massScores: Array(t[10..<20]),
            superiorScores: Array(t[20..<30]), satisfaction: Tenths(900))
    }

    /// The thirty aspects live in four words inside the value; every position keeps its own byte.
    /// Counts are kept in four bytes each; what the validator lets through (at most a million)
    /// comes back unchanged, through the initialiser and through the setters.
    @Test func countsKeepTheirValues() {
        var s = Submission(
            year: 2026, branch: BranchInfo(id: "B", name: "n", committeeID: "C", committeeName: "c", members: 1_000_000),
            selfScores: Array(repeating: Tenths(50), count: 10), massScores: Array(repeating: Tenths(50), count: 10),
            superiorScores: Array(repeating: Tenths(50), count: 10), massMemberParticipants: 1_000_000,
            massPublicParticipants: 999_999, satisfaction: Tenths(1000), criticismsWorkCommittee: 3,
            criticismsMunicipalCommittee: 4, leadershipMinorSanctions: 5, leadershipMajorSanctions: 6, memberSanctions: 7,
            unexcusedAbsences: 8)
        let values: [Int] = [
            s.year, s.massMemberParticipants, s.massPublicParticipants, s.criticismsWorkCommittee,
            s.criticismsMunicipalCommittee, s.leadershipMinorSanctions, s.leadershipMajorSanctions,
            s.memberSanctions, s.unexcusedAbsences,
        ]
        #expect(values == [2026, 1_000_000, 999_999, 3, 4, 5, 6, 7, 8])
        s.unexcusedAbsences = 1_000_000
        s.year = 2027
        #expect(s.unexcusedAbsences == 1_000_000 && s.year == 2027)
    }

    @Test func everyAspectKeepsItsValue() throws {
        let scores = (0..<30).map { ($0 * 37 + 11) % 101 }
        let s = make(scores)
        #expect((s.selfScores + s.massScores + s.superiorScores).map(\.raw) == scores)
        #expect(s.total(.massEvaluation).raw == scores[10..<20].reduce(0, +))
        for i in 0..<30 {
            var changed = scores
            changed[i] += 1
            let t = make(changed)
            #expect(t != s, "aspect \(i) is part of equality")
            #expect((t.selfScores + t.massScores + t.superiorScores).map(\.raw) == changed)
        }
        let back = try JSONDecoder().decode(Submission.self, from: JSONEncoder().encode(s))
        #expect(back == s)
    }
}

@Suite struct CompactDateTests {
    @Test func datesKeepTheirFields() {
        let d = CivilDate(year: 2026, month: 2, day: 28)!
        #expect(d.year == 2026 && d.month == 2 && d.day == 28)
        #expect(CivilDate(year: 9999, month: 12, day: 31)!.addingDays(-1).description == "9999-12-30")
        #expect(d < CivilDate(year: 2026, month: 3, day: 1)! && CivilDate(year: 2025, month: 12, day: 31)! < d)
    }
}
