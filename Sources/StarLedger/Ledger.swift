import Foundation
import GRDB
import StarIngest
import StarModel
import StarPipeline
import StarPlatform

/// The ledger's commands that change it (record, object, resolve, approve, review, adjust,
/// import). Each is one transaction that writes one log row (what, when, by whom, why) and
/// refuses, with the reason, anything the yearly cycle does not allow.
public struct Ledger: Sendable {
    public let file: LedgerFile
    /// Who acts (`--by`, else the login name).
    public var by: String
    /// When (UTC, to the second), the log's time.
    public var now: String

    /// Days the public notice runs before `approve` is allowed.
    public static let noticeDays = 7

    public init(file: LedgerFile, by: String?, now: Date = Date()) {
        self.file = file
        self.by = by ?? Self.loginName()
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        self.now = f.string(from: now)
    }

    static func loginName() -> String {
        let env = ProcessInfo.processInfo.environment
        if let u = env["USER"] ?? env["LOGNAME"], !u.isEmpty { return u }
        return "uid \(getuid())"
    }

    /// What a command did, for the line it prints.
    public enum Outcome: Sendable, Equatable {
        case changed(Message)
        case unchanged(Message)
        public var message: Message {
            switch self {
            case .changed(let m), .unchanged(let m): m
            }
        }
    }

    // MARK: the log

    struct LogRow {
        var command: String
        var year: Int?
        var branch: String?
        var stars: Int?
        var date: String?
        var why: String?
        var document: String?
        var count: Int?
        var sha256: String?
    }

    @discardableResult
    func log(_ db: Database, _ row: LogRow) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO log (at, by, command, year, branch_id, stars, date, why, document, count, sha256)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                now, by, row.command, row.year, row.branch, row.stars, row.date, row.why, row.document, row.count,
                row.sha256,
            ])
        return db.lastInsertedRowID
    }

    // MARK: record and import

    /// `ledger record --reports DIR`.
    public func record(reports dir: String) throws(Failure) -> Outcome {
        let results = try RecordedResults.read(dir)
        return try file.change { db in
            try record(
                db, year: results.year, kind: "run", noticeDate: results.noticeDate.description, sha256: results.sha256,
                source: dir, rows: results.rows, committees: results.committees)
        }
    }

    /// `ledger import --results FILE --year Y`: an approved year from before the ledger.
    public func importYear(results path: String, year: Int) throws(Failure) -> Outcome {
        var diagnostics: [Diagnostic] = []
        let stars: [String: Int]
        do { stars = try PreviousResults.forImport(path, year: year, diagnostics: &diagnostics) } catch {
            throw Failure(
                error.status == .noInput ? .noInput : .dataError, error.message, diagnostics: error.diagnostics)
        }
        guard diagnostics.errorCount == 0, !stars.isEmpty else {
            throw Failure(.dataError, .ledgerResultsUnreadable(path: Escaped.text(path)), diagnostics: diagnostics)
        }
        let data = FileManager.default.contents(atPath: path) ?? Data()
        let names = ImportedNames.read(path)
        let rows = stars.keys.sorted().map {
            RecordedResults.Row(
                id: $0, name: names[$0]?.name ?? "", committee: names[$0]?.committee ?? "", stars: stars[$0]!,
                final: 0, rules: "")
        }
        // a committee named differently on two rows keeps the least name: the same for the same file
        var committees: [String: String] = [:]
        for n in names.values where !n.committee.isEmpty && !n.committeeName.isEmpty {
            committees[n.committee] = min(committees[n.committee] ?? n.committeeName, n.committeeName)
        }
        return try file.change { db in
            if try Int.fetchOne(db, sql: "SELECT 1 FROM year WHERE year = ?", arguments: [year]) != nil {
                throw Failure(.dataError, .ledgerImportExists(year: year))
            }
            let outcome = try record(
                db, year: year, kind: "import", noticeDate: nil, sha256: SHA256.hex(data), source: path, rows: rows,
                committees: committees)
            try db.execute(sql: "UPDATE year SET status = 'approved' WHERE year = ?", arguments: [year])
            try db.execute(
                sql:
                    """
                    INSERT INTO approval (year, branch_id, stars) SELECT ?, branch_id, stars FROM entry WHERE \
                    recording_id = (SELECT recording_id FROM year WHERE year = ?)
                    """,
                arguments: [year, year])
            return outcome
        }
    }

    /// - Parameter committees: committee id → name, kept for the committees the rows name.
    func record(
        _ db: Database, year: Int, kind: String, noticeDate: String?, sha256: String, source: String,
        rows: [RecordedResults.Row], committees: [String: String]
    ) throws -> Outcome {
        let current = try Row.fetchOne(
            db, sql: "SELECT y.status, r.sha256 FROM year y JOIN recording r ON r.id = y.recording_id WHERE y.year = ?",
            arguments: [year])
        if let current {
            let status: String = current["status"]
            if (current["sha256"] as String) == sha256 { return .unchanged(.ledgerRecordSame(year: year)) }
            if status != "notice" { throw Failure(.dataError, .ledgerRecordApproved(year: year)) }
        }
        let logID = try log(
            db,
            LogRow(
                command: kind == "import" ? "import" : "record", year: year, date: noticeDate,
                why: current == nil ? nil : "replaced", count: rows.count, sha256: sha256))
        try db.execute(
            sql: "INSERT INTO recording (year, kind, notice_date, sha256, source, log_id) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [year, kind, noticeDate, sha256, source, logID])
        let recording = db.lastInsertedRowID
        let insert = try db.makeStatement(
            sql:
                """
                INSERT INTO entry (recording_id, branch_id, branch_name, committee_id, stars, final, rules) \
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """
        )
        var seen = Set<String>()
        for r in rows {
            guard seen.insert(r.id).inserted else {
                throw Failure(.dataError, .ledgerDuplicateBranch(id: Escaped.text(r.id), year: year))
            }
            try insert.execute(arguments: [
                recording, r.id, r.name, r.committee, r.stars, kind == "import" ? nil : r.final, r.rules,
            ])
        }
        for id in Set(rows.map(\.committee)).sorted() {
            guard !id.isEmpty, let name = committees[id], !name.isEmpty else { continue }
            try db.execute(
                sql: "INSERT INTO committee (recording_id, committee_id, committee_name) VALUES (?, ?, ?)",
                arguments: [recording, id, name])
        }
        try db.execute(
            sql:
                """
                INSERT INTO year (year, recording_id, status) VALUES (?, ?, 'notice') ON CONFLICT(year) DO UPDATE \
                SET recording_id = excluded.recording_id
                """,
            arguments: [year, recording])
        let date = noticeDate ?? ""
        if current != nil { return .changed(.ledgerRecordReplaced(year: year, count: rows.count, date: date)) }
        return .changed(
            kind == "import"
                ? .ledgerImported(year: year, count: rows.count)
                : .ledgerRecorded(year: year, count: rows.count, date: date))
    }

    // MARK: the notice

    /// The year's status, or 65 when the ledger does not hold it.
    func status(_ db: Database, year: Int) throws -> (status: String, noticeDate: String?) {
        guard
            let row = try Row.fetchOne(
                db,
                sql:
                    """
                    SELECT y.status, r.notice_date FROM year y JOIN recording r ON r.id = y.recording_id WHERE y.\
                    year = ?
                    """,
                arguments: [year])
        else {
            throw Failure(.dataError, .ledgerNoYear(year: year))
        }
        return (row["status"], row["notice_date"])
    }

    /// The branch must be among the year's recorded ones.
    func requireBranch(_ db: Database, year: Int, branch: String) throws {
        let found = try Int.fetchOne(
            db,
            sql:
                """
                SELECT 1 FROM entry WHERE recording_id = (SELECT recording_id FROM year WHERE year = ?) AND \
                branch_id = ?
                """,
            arguments: [year, branch])
        if found == nil { throw Failure(.dataError, .ledgerNoBranchInYear(year: year, id: Escaped.text(branch))) }
    }

    static func checkStars(_ stars: Int) throws(Failure) {
        guard (0...5).contains(stars) else { throw Failure(.usage, .ledgerStarsRange(value: stars)) }
    }

    static func checkText(_ text: String, option: String) throws(Failure) {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw Failure(.usage, .ledgerTextRequired(option: option))
        }
    }

    /// `ledger object`: an objection to a branch's proposed stars, during the notice.
    public func object(year: Int, branch: String, text: String, date: CivilDate) throws(Failure) -> Outcome {
        try Self.checkText(text, option: "--text")
        return try file.change { db in
            let s = try status(db, year: year)
            guard s.status == "notice" else { throw Failure(.dataError, .ledgerNotInNotice(year: year)) }
            try requireBranch(db, year: year, branch: branch)
            let logID = try log(
                db, LogRow(command: "object", year: year, branch: branch, date: date.description, why: text))
            try db.execute(
                sql: "INSERT INTO objection (year, branch_id, date, text, by, log_id) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [year, branch, date.description, text, by, logID])
            return .changed(.ledgerObjected(id: Escaped.text(branch), year: year))
        }
    }

    /// `ledger resolve`: closes the branch's open objections with the stars it keeps or gets.
    public func resolve(year: Int, branch: String, stars: Int, reason: String) throws(Failure) -> Outcome {
        try Self.checkStars(stars)
        try Self.checkText(reason, option: "--reason")
        return try file.change { db in
            let s = try status(db, year: year)
            guard s.status == "notice" else { throw Failure(.dataError, .ledgerNotInNotice(year: year)) }
            try requireBranch(db, year: year, branch: branch)
            let open =
                try Int.fetchOne(
                    db,
                    sql: "SELECT count(*) FROM objection WHERE year = ? AND branch_id = ? AND resolution_id IS NULL",
                    arguments: [year, branch]) ?? 0
            guard open > 0 else {
                throw Failure(.dataError, .ledgerNoOpenObjection(id: Escaped.text(branch), year: year))
            }
            let logID = try log(
                db, LogRow(command: "resolve", year: year, branch: branch, stars: stars, why: reason, count: open))
            try db.execute(
                sql: "INSERT INTO resolution (year, branch_id, stars, reason, by, log_id) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [year, branch, stars, reason, by, logID])
            try db.execute(
                sql:
                    "UPDATE objection SET resolution_id = ? WHERE year = ? AND branch_id = ? AND resolution_id IS NULL",
                arguments: [db.lastInsertedRowID, year, branch])
            return .changed(.ledgerResolved(count: open, id: Escaped.text(branch), year: year, stars: stars))
        }
    }

    /// `ledger approve`: after the notice period, with no objection open, every branch of the
    /// year is approved with its stars (the proposal, or what its objections were resolved to).
    public func approve(year: Int, date: CivilDate, document: String?) throws(Failure) -> Outcome {
        try file.change { db in
            let s = try status(db, year: year)
            guard s.status == "notice" else { throw Failure(.dataError, .ledgerAlreadyApproved(year: year)) }
            if let notice = s.noticeDate.flatMap({ CivilDate(iso: $0) }) {
                let end = notice.addingDays(Self.noticeDays)
                if date < end {
                    throw Failure(
                        .dataError,
                        .ledgerNoticeRunning(
                            year: year, notice: notice.description, end: end.description, date: date.description))
                }
            }
            let open = try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT branch_id FROM objection WHERE year = ? AND resolution_id IS NULL
                    AND branch_id IN (SELECT branch_id FROM entry WHERE recording_id = (SELECT recording_id FROM year
                      WHERE year = ?)) ORDER BY branch_id
                    """, arguments: [year, year])
            if !open.isEmpty {
                let shown = open.prefix(10).map(Escaped.text).joined(separator: ", ") + (open.count > 10 ? " …" : "")
                throw Failure(.dataError, .ledgerObjectionsOpen(year: year, count: open.count, ids: shown))
            }
            let count =
                try Int.fetchOne(
                    db,
                    sql:
                        """
                        SELECT count(*) FROM entry WHERE recording_id = (SELECT recording_id FROM year WHERE year \
                        = ?)
                        """,
                    arguments: [year]) ?? 0
            try log(
                db, LogRow(command: "approve", year: year, date: date.description, document: document, count: count))
            try db.execute(
                sql: """
                    INSERT INTO approval (year, branch_id, stars)
                    SELECT ?, e.branch_id,
                      coalesce((SELECT r.stars FROM resolution r WHERE r.year = ? AND r.branch_id = e.branch_id ORDER
                        BY r.id DESC LIMIT 1), e.stars)
                    FROM entry e WHERE e.recording_id = (SELECT recording_id FROM year WHERE year = ?)
                    """,
                arguments: [year, year, year])
            try db.execute(
                sql:
                    """
                    UPDATE year SET status = 'approved', approved_date = ?, approved_by = ?, document = ? WHERE \
                    year = ?
                    """,
                arguments: [date.description, by, document, year])
            let review =
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM approval WHERE year = ? AND stars = 5", arguments: [year]) ?? 0
            return .changed(.ledgerApproved(year: year, count: count, review: review))
        }
    }

    /// `ledger review`: the municipal department's decision on a five-star branch (复审).
    public func review(year: Int, branch: String, stars: Int, reason: String, date: CivilDate) throws(Failure)
        -> Outcome
    {
        try Self.checkStars(stars)
        try Self.checkText(reason, option: "--reason")
        return try file.change { db in
            let s = try status(db, year: year)
            guard s.status == "approved" else { throw Failure(.dataError, .ledgerNotApproved(year: year)) }
            let approved = try Int.fetchOne(
                db, sql: "SELECT stars FROM approval WHERE year = ? AND branch_id = ?", arguments: [year, branch])
            guard let approved else {
                throw Failure(.dataError, .ledgerNoBranchInYear(year: year, id: Escaped.text(branch)))
            }
            guard approved == 5 else {
                throw Failure(.dataError, .ledgerNotForReview(id: Escaped.text(branch), stars: approved, year: year))
            }
            if try Int.fetchOne(
                db, sql: "SELECT 1 FROM review WHERE year = ? AND branch_id = ?", arguments: [year, branch]) != nil
            {
                throw Failure(.dataError, .ledgerAlreadyReviewed(id: Escaped.text(branch), year: year))
            }
            let logID = try log(
                db,
                LogRow(command: "review", year: year, branch: branch, stars: stars, date: date.description, why: reason)
            )
            try db.execute(
                sql:
                    """
                    INSERT INTO review (year, branch_id, date, stars, reason, by, log_id) VALUES (?, ?, ?, ?, ?, \
                    ?, ?)
                    """,
                arguments: [year, branch, date.description, stars, reason, by, logID])
            return .changed(.ledgerReviewed(id: Escaped.text(branch), year: year, stars: stars))
        }
    }

    // MARK: during the year

    /// `ledger adjust`: lowers a branch's current stars in its latest approved year.
    public func adjust(branch: String, stars: Int, date: CivilDate, reason: String, document: String?) throws(Failure)
        -> Outcome
    {
        try Self.checkStars(stars)
        try Self.checkText(reason, option: "--reason")
        return try file.change { db in
            let rated =
                try Int.fetchOne(db, sql: "SELECT 1 FROM entry WHERE branch_id = ? LIMIT 1", arguments: [branch]) != nil
            guard rated else { throw Failure(.dataError, .ledgerNeverRated(id: Escaped.text(branch))) }
            guard
                let year = try Int.fetchOne(
                    db, sql: "SELECT max(year) FROM approval WHERE branch_id = ?", arguments: [branch])
            else {
                throw Failure(.dataError, .ledgerNoApprovedYear(id: Escaped.text(branch)))
            }
            let current = try LedgerQueries.currentStars(db, year: year, branch: branch) ?? 0
            guard stars < current else {
                let id = Escaped.text(branch)
                throw Failure(
                    .dataError,
                    stars == current
                        ? .ledgerAdjustSame(id: id, current: current, year: year)
                        : .ledgerAdjustRaise(id: id, current: current, year: year, stars: stars))
            }
            if let approvedDate = try String.fetchOne(
                db, sql: "SELECT approved_date FROM year WHERE year = ?", arguments: [year]),
                let d = CivilDate(iso: approvedDate), date < d
            {
                throw Failure(
                    .dataError,
                    .ledgerAdjustBeforeApproval(year: year, id: Escaped.text(branch), approved: d.description))
            }
            let logID = try log(
                db,
                LogRow(
                    command: "adjust", year: year, branch: branch, stars: stars, date: date.description, why: reason,
                    document: document))
            try db.execute(
                sql:
                    """
                    INSERT INTO adjustment (year, branch_id, date, stars, reason, by, document, log_id) VALUES (?,\
                     ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [year, branch, date.description, stars, reason, by, document, logID])
            return .changed(.ledgerAdjusted(id: Escaped.text(branch), from: current, stars: stars, year: year))
        }
    }
}
