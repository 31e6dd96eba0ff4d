import Foundation
import PropertyBased
import Testing

@testable import StarModel

@Suite struct TenthsTests {
    @Test(arguments: [
        ("9", 90), ("9.5", 95), ("10.0", 100), ("0", 0), ("0.0", 0), (" 8.7 ", 87), ("-3.0", -30), ("100", 1000),
    ])
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
            p.arguments = [
                "python3", "-c",
                "import hashlib,sys; print(hashlib.sha256(bytes((i*7+3)%256 for i in range(\(n)))).hexdigest())",
            ]
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

@Suite struct FieldTableTests {
    /// The table keeps the file once and the cell references only when there are any: every
    /// field still reads back as it was set, whatever its file, line, column and cell.
    @Test func everyFieldReadsBackAsItWasSet() {
        let sheet = CellReference(sheet: "Sheet1", header: "自评1", field: "self_1")
        let fields: [(FieldKey, RawField)] = [
            (.branchID, RawField("B1", at: SourceLocation(file: "a.xlsx", line: 3, column: 2, cell: sheet))),
            (.members, RawField("12", at: SourceLocation(file: "a.xlsx", line: 4))),
            (.satisfaction, RawField("90%", at: SourceLocation(file: "b.csv", line: 9, column: 40))),
            (
                .aspect(.massEvaluation, 3),
                RawField(String(repeating: "长文本", count: 20), at: SourceLocation(file: "a.xlsx", line: 5, column: 7))
            ),
        ]
        var table = FieldTable()
        for (key, field) in fields { table[key] = field }
        for (key, field) in fields {
            #expect(table[key] == field, "\(key)")
            #expect(table.text(key) == field.text)
        }
        #expect(table[.year] == nil && table.text(.year) == nil)
        // set again: the new place wins, the cell reference and the other file are forgotten
        let again = RawField("B2", at: SourceLocation(file: "a.xlsx", line: 8))
        table[.branchID] = again
        table[.satisfaction] = again
        #expect(table[.branchID] == again && table[.satisfaction] == again)
        table[.members] = nil
        #expect(table[.members] == nil && table[.aspect(.massEvaluation, 3)] == fields[3].1)
    }
}

@Suite struct SubmissionStoreTests {
    /// A submission with every field drawn from `seed`, over the ranges the validator admits
    /// (and level lists longer than any real submission has).
    static func submission(_ seed: Int) -> Submission {
        var x = UInt64(truncatingIfNeeded: seed) &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        func next(_ n: Int) -> Int {
            x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((x >> 33) % UInt64(n))
        }
        func tenths() -> [Tenths] { (0..<10).map { _ in Tenths(next(101)) } }
        func levels() -> [Level] { (0..<[0, 1, 2, 15, 16, 40][next(6)]).map { _ in Level.allCases[next(3)] } }
        let committee = next(4)
        let branch = BranchInfo(
            id: "B-\(seed)", name: "第\(seed)支部", committeeID: "C\(committee)",
            committeeName: "第\(committee)党工委（机关党委，名字较长）", category: next(2) == 0 ? "" : "机关事业单位党组织（一类）",
            members: next(1_000_001))
        let due = CivilDate(year: 1990 + next(40), month: 1 + next(12), day: 1 + next(28))!
        return Submission(
            year: 2000 + next(100), branch: branch, selfScores: tenths(), massScores: tenths(),
            superiorScores: tenths(),
            massMemberParticipants: next(1_000_001), massPublicParticipants: next(1_000_001),
            satisfaction: Tenths(next(1001)),
            commendations: levels(), innovations: levels(), criticismsWorkCommittee: next(1_000_001),
            criticismsMunicipalCommittee: next(5), leadershipMinorSanctions: next(5), leadershipMajorSanctions: next(5),
            memberSanctions: next(1_000_001),
            election: next(3) == 0
                ? nil
                : Election(due: due, held: next(2) == 0 ? nil : due.addingDays(next(400)), delayApproved: next(2) == 0),
            unexcusedAbsences: next(1_000_001),
            source: SourceLocation(file: "2026/sheet-\(committee).csv", line: 2 + next(1_000_000)))
    }

    /// Whatever goes in comes out: every field, in order, through the store's packing.
    @Test func aStoreGivesBackEverySubmissionItWasGiven() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...1_000_000), Gen.int(in: 0...40)) { seed, n in
            let submissions = (0..<n).map { Self.submission(seed &+ $0) }
            let store = SubmissionStore(submissions)
            #expect(store.count == n)
            #expect(Array(store) == submissions)
            for i in store.indices {
                #expect(
                    store[packed: i].branch == submissions[i].branch && store[packed: i].source == submissions[i].source
                )
            }
        }
    }

    @Test func packingInParallelAndSortingKeepTheValues() {
        let submissions = (0..<500).map { Self.submission(7 &* $0) }
        let packer = SubmissionStore.Packer()
        let packed = Slots<SubmissionStore.Packed>(count: submissions.count)
        DispatchQueue.concurrentPerform(iterations: submissions.count) { i in
            var s = submissions[i]
            let b = s.branch
            s.branch = packer.branch(
                id: b.id, name: b.name, committeeID: b.committeeID, committeeName: b.committeeName,
                category: b.category, members: b.members)
            packed.set(i, packer.pack(s))
        }
        var store = SubmissionStore()
        for p in packed.values { store.append(p!) }
        store.sort { ($0.committeeID, $0.id) < ($1.committeeID, $1.id) }
        let expected = submissions.sorted {
            ($0.branch.committeeID, $0.branch.id) < ($1.branch.committeeID, $1.branch.id)
        }
        #expect(Array(store) == expected)
    }

    @Test func aPlainSubmissionIsAValue() throws {
        let s = Self.submission(42)
        var t = s
        t.massScores[3] = Tenths((s.massScores[3].raw + 1) % 101)
        #expect(t != s && t.total(.massEvaluation) != s.total(.massEvaluation))
        #expect(s.total(.selfEvaluation) == s.selfScores.reduce(.zero, +))
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

@Suite struct CatalogueTableTests {
    /// Every message has exactly one entry: the themed tables share no id and cover them all.
    @Test func eachMessageIsInOneTable() {
        #expect(Catalogue.themed.reduce(0) { $0 + $1.count } == Catalogue.all.count)
        #expect(Set(MessageID.allCases) == Set(Catalogue.all.keys))
    }
}
