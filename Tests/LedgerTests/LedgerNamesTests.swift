import Foundation
import GRDB
import StarModel
import TestSupport
import Testing

@testable import StarLedger

/// Committees named on the page and in the workbook (`市财政局机关党委（CZJ）`), from the
/// recordings that keep their names (schema "v2"); a ledger of "v1" names them by their ids.
@Suite struct LedgerNamesTests {
    /// A ledger as the "v1" schema left it: 2025 recorded (B1, B2 under C0; B3 under C1), no
    /// committee names.
    func v1Ledger(_ dir: URL) throws -> String {
        let path = dir.appendingPathComponent("v1.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        try LedgerFile.migrator.migrate(queue, upTo: "v1")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO log (id, at, by, command, year, date, count, sha256)
                      VALUES (1, '2026-01-01T00:00:00Z', 'old', 'record', 2025, '2025-12-31', 3, 'abc');
                    INSERT INTO recording (id, year, kind, notice_date, sha256, source, log_id)
                      VALUES (1, 2025, 'run', '2025-12-31', 'abc', 'reports/2025', 1);
                    INSERT INTO entry VALUES (1, 'B1', '一支部', 'C0', 4, 900, ''), (1, 'B2', '二支部', 'C0', 1, 600, ''),
                      (1, 'B3', '三支部', 'C1', 3, 800, '');
                    INSERT INTO year (year, recording_id, status) VALUES (2025, 1, 'notice');
                    """)
        }
        try queue.close()
        return path
    }

    func page(_ file: LedgerFile, _ dir: URL) throws -> String {
        _ = try LedgerPage.write(file, to: dir.path, upTo: nil, language: .zh)
        return try String(contentsOf: dir.appendingPathComponent(LedgerPage.fileName), encoding: .utf8)
    }

    /// The workbook's main sheet: branch id → its 上级党组织 cell.
    func workbookCommittees(_ file: LedgerFile, _ path: URL) throws -> [String: String] {
        _ = try LedgerBook.write(file, to: path.path, upTo: nil, language: .zh)
        let book = try ledgerTool(["xlsx", path.path]) as? [String: [[Any]]] ?? [:]
        let main = book["星级管理台账"] ?? []
        #expect(main.first.map { "\($0[2])" } == "上级党组织")
        return Dictionary(uniqueKeysWithValues: main.dropFirst().map { ("\($0[0])", "\($0[2])") })
    }

    @Test func aV1LedgerIsReadAsItIsThenMigratedAndNamesTheCommitteesOfNewRecordings() throws {
        let dir = try temporaryFolder("ledger-v1")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try v1Ledger(dir)
        // a read takes the file as it is: the committees by their ids
        let readOnly = try LedgerFile(path: path, create: false)
        #expect(try readOnly.history(branch: "B1").map(\.committeeName) == [""])
        let old = try page(readOnly, dir.appendingPathComponent("p0"))
        #expect(old.contains("<h3>C0</h3>") && old.contains("<h3>C1</h3>") && !old.contains("（C0）"))
        // a command that changes it migrates it first
        let ledger = Ledger(file: try LedgerFile(path: path, create: true), by: "tester")
        #expect(
            try ledger.file.read { db in
                try LedgerFile.migrator.hasCompletedMigrations(db) && db.tableExists("committee")
            })
        _ = try ledger.approve(year: 2025, date: date("2026-01-07"), document: nil)
        #expect(try workbookCommittees(ledger.file, dir.appendingPathComponent("a.xlsx"))["B2"] == "C0")
        // a new recording keeps its names: text from the data, escaped on the page, text in the workbook
        let reports = dir.appendingPathComponent("2026")
        try fakeReports(
            reports, year: 2026,
            branches: [
                FakeBranch(id: "B1", committee: "C0", stars: 5, final: 950),
                FakeBranch(id: "B3", committee: "C1", stars: 1, final: 600),
            ],
            committees: ["C0": "一<b>工委</b>", "C1": "=二工委", "C7": "未用"])
        _ = try ledger.record(reports: reports.path)
        #expect(try ledger.file.history(branch: "B1").map(\.committeeName) == ["", "一<b>工委</b>"])
        let first = try page(ledger.file, dir.appendingPathComponent("p1"))
        #expect(first.contains("<h3>一&lt;b&gt;工委&lt;/b&gt;（C0）</h3>") && !first.contains("<b>工委"), "\(first)")
        #expect(first.contains("<h3>=二工委（C1）</h3>") && !first.contains("<h3>C0</h3>"))
        #expect(try page(ledger.file, dir.appendingPathComponent("p1")) == first)
        let cells = try workbookCommittees(ledger.file, dir.appendingPathComponent("b.xlsx"))
        #expect(cells == ["B1": "一<b>工委</b>（C0）", "B2": "一<b>工委</b>（C0）", "B3": "=二工委（C1）"])
        // only the committees the recording's branches name are kept, and kept for good
        #expect(
            try ledger.file.read { db in try String.fetchAll(db, sql: "SELECT committee_id FROM committee") } == [
                "C0", "C1",
            ])
        for sql in ["DELETE FROM committee", "UPDATE committee SET committee_name = 'x'"] {
            #expect(throws: (any Error).self) { try ledger.file.queue.write { db in try db.execute(sql: sql) } }
        }
        #expect(try ledgerTool(["check", path])["integrity"] as? String == "ok")
    }

    @Test func importKeepsTheNamesItsFileHas() throws {
        let (l, dir) = try newLedger("import-names")
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("2024.csv")
        try Data(
            """
            branch_id,branch_name,committee_id,上级党组织名称,stars\r
            B000001,'=一支部,C9,九工委,2\r
            B000002,二支部,C9,九工委,5\r

            """.utf8
        ).write(to: csv)
        _ = try l.importYear(results: csv.path, year: 2024)
        let h = try l.file.history(branch: "B000001")[0]
        #expect(h.name == "=一支部" && h.committee == "C9" && h.committeeName == "九工委")
        // a file with the stars only: the ids alone, as before
        let bare = dir.appendingPathComponent("2023.csv")
        try Data("branch_id,stars\r\nB000001,3\r\n".utf8).write(to: bare)
        _ = try l.importYear(results: bare.path, year: 2023)
        let b = try l.file.history(branch: "B000001")[0]
        #expect(b.year == 2023 && b.committee == "" && b.committeeName == "")
    }
}
