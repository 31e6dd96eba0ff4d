import Foundation
import GRDB
import StarIngest
import StarModel
import StarPipeline
import StarPlatform
import TestSupport
import Testing

@testable import StarLedger

/// A new ledger with 2025 recorded from a small made-up year (B000000…B000011).
func newLedger(_ name: String, branches: [FakeBranch] = fakeBranches(12, seed: 7)) throws -> (Ledger, URL) {
    let dir = try temporaryFolder("ledger-\(name)")
    try fakeReports(dir.appendingPathComponent("2025"), year: 2025, branches: branches)
    let ledger = Ledger(
        file: try LedgerFile(path: dir.appendingPathComponent("l.sqlite").path, create: true), by: "tester")
    #expect(throws: Never.self) { _ = try ledger.record(reports: dir.appendingPathComponent("2025").path) }
    return (ledger, dir)
}

func failure(_ body: () throws(Failure) -> Any) -> Failure? {
    do {
        _ = try body()
        return nil
    } catch { return error }
}

func logCount(_ l: Ledger) throws -> Int {
    try l.file.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM log") ?? 0 }
}

@Suite struct LedgerCommandTests {
    @Test func recordingTheSameResultsTwiceChangesNothing() throws {
        let (l, dir) = try newLedger("same")
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = try logCount(l)
        let again = try l.record(reports: dir.appendingPathComponent("2025").path)
        #expect(again == .unchanged(.ledgerRecordSame(year: 2025)))
        #expect(try logCount(l) == before)
    }

    @Test func differentResultsReplaceANoticeYearButNotAnApprovedOne() throws {
        let (l, dir) = try newLedger("replace")
        defer { try? FileManager.default.removeItem(at: dir) }
        let other = dir.appendingPathComponent("2025b")
        try fakeReports(other, year: 2025, branches: fakeBranches(5, seed: 99), salt: "b")
        guard case .changed = try l.record(reports: other.path) else {
            Issue.record("not replaced")
            return
        }
        #expect(try l.file.allYears()[0].branches.count == 5)
        // the replaced recording stays
        #expect(try l.file.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM entry") } == 17)
        _ = try l.approve(year: 2025, date: date("2026-01-07"), document: nil)
        let f = failure { () throws(Failure) in try l.record(reports: dir.appendingPathComponent("2025").path) }
        #expect(f?.status == .dataError && f?.message.id == .ledgerRecordApproved)
        // the same results as approved: nothing to do
        #expect(try l.record(reports: other.path) == .unchanged(.ledgerRecordSame(year: 2025)))
    }

    @Test func aReportsFolderThatDiffersFromItsManifestIsRefused() throws {
        let (l, dir) = try newLedger("manifest")
        defer { try? FileManager.default.removeItem(at: dir) }
        let other = dir.appendingPathComponent("2026")
        try fakeReports(other, year: 2026, branches: fakeBranches(3, seed: 1))
        try Data("\u{FEFF}branch_id,stars\r\nX,5\r\n".utf8).write(to: other.appendingPathComponent("results.csv"))
        let f = failure { () throws(Failure) in try l.record(reports: other.path) }
        #expect(f?.status == .dataError && f?.message.id == .ledgerReportsChanged)
        try FileManager.default.removeItem(at: other.appendingPathComponent(".star-report-manifest.json"))
        #expect(
            failure { () throws(Failure) in try l.record(reports: other.path) }?.message.id == .ledgerReportsNoManifest)
        #expect(
            failure { () throws(Failure) in try l.record(reports: dir.appendingPathComponent("none").path) }?.status
                == .noInput)
    }

    @Test func approvalWaitsForTheEndOfTheNoticeAndForOpenObjections() throws {
        let (l, dir) = try newLedger("approve")
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try l.object(year: 2025, branch: "B000001", text: "分数有误", date: date("2026-01-02"))
        _ = try l.object(year: 2025, branch: "B000003", text: "名额", date: date("2026-01-02"))
        let early = failure { () throws(Failure) in try l.approve(year: 2025, date: date("2026-01-06"), document: nil) }
        #expect(early?.message.id == .ledgerNoticeRunning && early?.message.value(of: "end") == "2026-01-07")
        let open = failure { () throws(Failure) in try l.approve(year: 2025, date: date("2026-01-07"), document: nil) }
        #expect(open?.message.id == .ledgerObjectionsOpen && open?.message.value(of: "ids") == "B000001, B000003")
        _ = try l.resolve(year: 2025, branch: "B000001", stars: 5, reason: "复核")
        _ = try l.resolve(year: 2025, branch: "B000003", stars: 0, reason: "维持")
        #expect(
            failure { () throws(Failure) in try l.resolve(year: 2025, branch: "B000003", stars: 1, reason: "x") }?
                .message.id == .ledgerNoOpenObjection)
        _ = try l.approve(year: 2025, date: date("2026-01-07"), document: "文号1")
        let history = try l.file.history(branch: "B000001")
        #expect(history[0].approved == 5 && history[0].status == "review")
        #expect(try l.file.history(branch: "B000003")[0].approved == 0)
        #expect(
            failure { () throws(Failure) in
                try l.object(year: 2025, branch: "B000001", text: "x", date: date("2026-01-08"))
            }?.message.id == .ledgerNotInNotice)
        #expect(
            failure { () throws(Failure) in try l.approve(year: 2025, date: date("2026-01-09"), document: nil) }?
                .message.id == .ledgerAlreadyApproved)
    }

    @Test func reviewAndAdjustmentsSetTheCurrentStarsAndRaisingIsRefused() throws {
        let branches = [
            FakeBranch(id: "A", committee: "C", stars: 5, final: 950),
            FakeBranch(id: "B", committee: "C", stars: 3, final: 800),
        ]
        let (l, dir) = try newLedger("adjust", branches: branches)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(
            failure { () throws(Failure) in
                try l.adjust(branch: "B", stars: 2, date: date("2026-03-01"), reason: "r", document: nil)
            }?.message.id == .ledgerNoApprovedYear)
        #expect(
            failure { () throws(Failure) in
                try l.review(year: 2025, branch: "A", stars: 5, reason: "r", date: date("2026-01-20"))
            }?.message.id == .ledgerNotApproved)
        _ = try l.approve(year: 2025, date: date("2026-01-10"), document: nil)
        #expect(
            failure { () throws(Failure) in
                try l.review(year: 2025, branch: "B", stars: 3, reason: "r", date: date("2026-01-20"))
            }?.message.id == .ledgerNotForReview)
        _ = try l.review(year: 2025, branch: "A", stars: 4, reason: "复审降为四星", date: date("2026-01-20"))
        #expect(try l.file.history(branch: "A")[0].current == 4)
        #expect(try l.file.history(branch: "A")[0].status == "approved")
        let raise = failure { () throws(Failure) in
            try l.adjust(branch: "B", stars: 4, date: date("2026-03-01"), reason: "r", document: nil)
        }
        #expect(raise?.status == .dataError && raise?.message.id == .ledgerAdjustRaise)
        #expect(
            failure { () throws(Failure) in
                try l.adjust(branch: "B", stars: 3, date: date("2026-03-01"), reason: "r", document: nil)
            }?.message.id == .ledgerAdjustSame)
        #expect(
            failure { () throws(Failure) in
                try l.adjust(branch: "Z", stars: 1, date: date("2026-03-01"), reason: "r", document: nil)
            }?.message.id == .ledgerNeverRated)
        #expect(
            failure { () throws(Failure) in
                try l.adjust(branch: "B", stars: 1, date: date("2026-03-01"), reason: " ", document: nil)
            }?.status == .usage)
        #expect(
            failure { () throws(Failure) in
                try l.adjust(branch: "B", stars: 1, date: date("2026-01-01"), reason: "r", document: nil)
            }?.message.id
                == .ledgerAdjustBeforeApproval)
        _ = try l.adjust(branch: "B", stars: 2, date: date("2026-03-01"), reason: "第一次", document: "D1")
        _ = try l.adjust(branch: "B", stars: 1, date: date("2026-06-01"), reason: "第二次", document: nil)
        let b = try l.file.history(branch: "B")[0]
        #expect(b.approved == 3 && b.current == 1 && b.adjustments.map(\.stars) == [2, 1])
        #expect(try LedgerPrevious(path: l.file.path).previous(forYear: 2026).stars == ["A": 4, "B": 1])
    }

    @Test func runLedgerRefusesAYearStillInNoticeOrMissing() throws {
        let (l, dir) = try newLedger("run")
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = LedgerPrevious(path: l.file.path)
        #expect(
            #expect(throws: Failure.self) { try source.previous(forYear: 2026) }?.message.id == .ledgerRunNotApproved)
        #expect(#expect(throws: Failure.self) { try source.previous(forYear: 2030) }?.message.id == .ledgerRunNoYear)
        let missing = LedgerPrevious(path: dir.appendingPathComponent("no.sqlite").path)
        #expect(#expect(throws: Failure.self) { try missing.previous(forYear: 2026) }?.status == .noInput)
    }

    @Test func importSeedsAnApprovedYear() throws {
        let (l, dir) = try newLedger("import")
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("2024.csv")
        try Data("branch_id,stars\r\nB000001,2\r\nB000002,5\r\n".utf8).write(to: csv)
        _ = try l.importYear(results: csv.path, year: 2024)
        let h = try l.file.history(branch: "B000001")
        #expect(h.map(\.year) == [2024, 2025] && h[0].approved == 2 && h[0].current == 2 && h[0].final == nil)
        #expect(
            failure { () throws(Failure) in try l.importYear(results: csv.path, year: 2024) }?.message.id
                == .ledgerImportExists)
        try Data("branch_id,stars\r\nB000001,7\r\n".utf8).write(to: csv)
        #expect(failure { () throws(Failure) in try l.importYear(results: csv.path, year: 2023) }?.status == .dataError)
    }

    @Test func aForeignFileOrANewerSchemaIsRefusedAndAReadNeverCreates() throws {
        let dir = try temporaryFolder("ledger-foreign")
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = dir.appendingPathComponent("notes.txt")
        try Data("my own notes".utf8).write(to: text)
        #expect(
            failure { () throws(Failure) in try LedgerFile(path: text.path, create: true) }?.message.id
                == .ledgerNotALedger)
        #expect(try Data(contentsOf: text) == Data("my own notes".utf8))
        let missing = dir.appendingPathComponent("none.sqlite").path
        #expect(failure { () throws(Failure) in try LedgerFile(path: missing, create: false) }?.status == .noInput)
        #expect(!FileManager.default.fileExists(atPath: missing))
        // what a creation killed before its first write leaves becomes the ledger
        let empty = dir.appendingPathComponent("empty.sqlite")
        #expect(FileManager.default.createFile(atPath: empty.path, contents: Data()))
        #expect(
            try LedgerFile(path: empty.path, create: true).read { db in
                try Int.fetchOne(db, sql: "PRAGMA application_id")
            } == Int(LedgerFile.applicationID))
        // … and so does one killed after GRDB made its migrations table, before the schema's
        // transaction committed; another program's database at that point is refused, untouched
        for ours in [true, false] {
            let started = dir.appendingPathComponent("started-\(ours).sqlite")
            try DatabaseQueue(path: started.path).write { db in
                if ours { try db.execute(sql: "PRAGMA application_id = \(LedgerFile.applicationID)") }
                try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            }
            let before = try Data(contentsOf: started)
            if ours {
                #expect(
                    try LedgerFile(path: started.path, create: true).read { db in
                        try Int.fetchOne(db, sql: "SELECT count(*) FROM year")
                    } == 0)
            } else {
                #expect(
                    failure { () throws(Failure) in try LedgerFile(path: started.path, create: true) }?.message.id
                        == .ledgerNotALedger)
                #expect(try Data(contentsOf: started) == before)
            }
        }
        let (l, dir2) = try newLedger("newer")
        defer { try? FileManager.default.removeItem(at: dir2) }
        _ = try ledgerTool(["check", l.file.path])
        let out = try runPython([testsDir.appendingPathComponent("ledger_tool.py").path, "newer", l.file.path])
        #expect(out.status == 0, "\(out.errText)")
        #expect(
            failure { () throws(Failure) in try LedgerFile(path: l.file.path, create: true) }?.message.id
                == .ledgerNewerSchema)
        #expect(
            failure { () throws(Failure) in try LedgerFile(path: l.file.path, create: false) }?.message.id
                == .ledgerNewerSchema)
    }

    @Test func theLogAndTheRecordingsCannotBeDeleted() throws {
        let (l, dir) = try newLedger("kept")
        defer { try? FileManager.default.removeItem(at: dir) }
        for sql in ["DELETE FROM log", "DELETE FROM entry", "UPDATE log SET by = 'x'", "DELETE FROM year"] {
            #expect(throws: (any Error).self) { try l.file.queue.write { db in try db.execute(sql: sql) } }
        }
    }

    /// The triggers of migration "v1", as the files it made keep them: same names, same SQL.
    @Test func theV1TriggersAreThoseOfTheFilesItMade() throws {
        let queue = try DatabaseQueue()
        try LedgerFile.migrator.migrate(queue, upTo: "v1")
        let found = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
                .map { [$0["name"] as String, $0["sql"] as String] }
        }
        let kept = ["log", "recording", "entry", "year", "objection", "resolution", "approval", "review", "adjustment"]
        let fixed = ["log", "recording", "entry", "approval", "review", "adjustment", "resolution"]
        func trigger(_ table: String, _ kind: String, _ event: String, _ text: String) -> [String] {
            [
                "\(table)_\(kind)",
                "CREATE TRIGGER \(table)_\(kind) \(event) ON \(table) BEGIN SELECT RAISE(ABORT, '\(text)'); END",
            ]
        }
        let expected =
            kept.map { trigger($0, "kept", "BEFORE DELETE", "the ledger keeps every row") }
            + fixed.map { trigger($0, "fixed", "BEFORE UPDATE", "the ledger keeps every row as written") }
        #expect(found.sorted { $0[0] < $1[0] } == expected.sorted { $0[0] < $1[0] })
    }
}

/// results.csv as `ledger record` reads it: row by row, each row checked where it stands.
@Suite struct RecordedRowsTests {
    static let header = "branch_id,branch_name,committee_id,final,stars,rules\n"

    func rows(_ text: String) -> (rows: [RecordedResults.Row], problems: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let rows = RecordedResults.rows(
            Array("\u{FEFF}\(text)".utf8), path: "results.csv", diagnostics: &diagnostics)
        return (rows, diagnostics)
    }

    @Test func goodRowsAreKeptAndABlankLastLineIsNoRow() {
        let (rows, problems) = rows(Self.header + "B1,一支部,C1,91.5,5,\nB2,'=二支部,C1,70.0,3,D7;C2\n\n")
        #expect(problems.isEmpty)
        #expect(rows.map(\.id) == ["B1", "B2"])
        #expect(rows[1].name == "=二支部" && rows[1].final == 700 && rows[1].rules == "D7;C2")
    }

    /// `ledger record` and `ledger import` read a text cell alike: spaces trimmed, then the
    /// apostrophe that guards a formula removed (a file edited by hand; star-report writes none).
    @Test func recordAndImportReadATextCellAlike() throws {
        let text = Self.header + "B1, '=一支部 ,C1 ,91.5,5,\n"
        let recorded = rows(text)
        #expect(recorded.problems.isEmpty)
        #expect(recorded.rows.map { [$0.id, $0.name, $0.committee] } == [["B1", "=一支部", "C1"]])
        let dir = try temporaryFolder("ledger-cells")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("results.csv")
        try Data(text.utf8).write(to: path)
        #expect(ImportedNames.read(path.path)["B1"].map { [$0.name, $0.committee] } == ["=一支部", "C1"])
    }

    @Test func eachBadRowIsReportedAtItsLineAndColumn() {
        let (_, problems) = rows(Self.header + "B1,一支部,C1,91.5,6,\nB2,二支部,C1,abc,3,\n,三支部,C1,80.0,4,\nB4,C1\n")
        #expect(problems.map(\.content.id) == [.previousStars, .ledgerResultsScore, .valueRequired, .csvFieldCount])
        #expect(problems.map(\.location.line) == [2, 3, 4, 5])
        #expect(problems.map(\.location.column) == [5, 4, 1, nil])
    }

    @Test func aMissingColumnIsOneErrorAndAQuoteErrorStopsTheFile() {
        let missing = rows("branch_id,branch_name,final,stars,rules\nB1,一支部,91.5,5,\n")
        #expect(missing.rows.isEmpty && missing.problems.map(\.content.id) == [.ledgerResultsColumns])
        let quote = rows(Self.header + "B1,一支部,C1,91.5,6,\nB2,\"二支部,C1,70.0,3,\n")
        #expect(quote.rows.isEmpty && quote.problems.map(\.content.id) == [.csvQuote])
    }
}
