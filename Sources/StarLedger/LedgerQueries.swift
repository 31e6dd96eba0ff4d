import Foundation
import GRDB
import StarIngest
import StarModel
import StarPipeline
import StarPlatform
import StarRender

/// A branch in one year of the ledger, as `history`, `export`, `report` and `run --ledger` see it.
public struct BranchYear: Sendable, Equatable {
    public struct Objection: Sendable, Equatable {
        public var date: String
        public var text: String
        public var by: String
        /// The stars the resolution gave, nil while open.
        public var resolvedStars: Int?
        public var resolution: String?
    }
    public struct Change: Sendable, Equatable {
        public var date: String
        public var stars: Int
        public var reason: String
        public var by: String
        public var document: String?
    }

    public var year: Int
    public var branchID: String
    public var name: String
    public var committee: String
    /// The committee's name as the recording has it; empty when it has none (made before the
    /// ledger kept names, or from a file without them).
    public var committeeName: String = ""
    /// notice, review (five stars awaiting the municipal department) or approved.
    public var status: String
    public var proposed: Int
    public var approved: Int?
    /// After the year's review and adjustments; nil until approved.
    public var current: Int?
    /// Tenths; nil for an imported year.
    public var final: Int?
    public var rules: [String]
    public var objections: [Objection] = []
    public var review: Change?
    public var adjustments: [Change] = []
}

/// Reads of the ledger.
public enum LedgerQueries {
    /// The branch's stars now in `year`: its last adjustment, else its review, else approval.
    static func currentStars(_ db: Database, year: Int, branch: String) throws -> Int? {
        if let s = try Int.fetchOne(
            db, sql: "SELECT stars FROM adjustment WHERE year = ? AND branch_id = ? ORDER BY id DESC LIMIT 1",
            arguments: [year, branch])
        {
            return s
        }
        if let s = try Int.fetchOne(
            db, sql: "SELECT stars FROM review WHERE year = ? AND branch_id = ?", arguments: [year, branch])
        {
            return s
        }
        return try Int.fetchOne(
            db, sql: "SELECT stars FROM approval WHERE year = ? AND branch_id = ?", arguments: [year, branch])
    }

    /// Every approved branch's current stars in `year` (the rule of `currentStars(_:year:branch:)`
    /// for all at once: approvals, then reviews, then adjustments in order).
    static func currentStars(_ db: Database, year: Int) throws -> [String: Int] {
        var stars: [String: Int] = [:]
        let approvals = try Row.fetchCursor(
            db, sql: "SELECT branch_id, stars FROM approval WHERE year = ?", arguments: [year])
        while let r = try approvals.next() { stars[r[0]] = r[1] }
        for table in ["review", "adjustment"] {
            for r in try Row.fetchAll(
                db, sql: "SELECT branch_id, stars FROM \(table) WHERE year = ? ORDER BY id", arguments: [year])
            { stars[r[0]] = r[1] }
        }
        return stars
    }

    /// Every year of the ledger, ascending, with its status.
    static func years(_ db: Database) throws -> [(year: Int, status: String)] {
        try Row.fetchAll(db, sql: "SELECT year, status FROM year ORDER BY year").map { ($0["year"], $0["status"]) }
    }

    /// All branches of `year` (ordered by committee then id), with the year's objections,
    /// reviews and adjustments.
    static func branches(_ db: Database, year: Int, branch: String? = nil) throws -> [BranchYear] {
        guard
            let y = try Row.fetchOne(db, sql: "SELECT status, recording_id FROM year WHERE year = ?", arguments: [year])
        else { return [] }
        let yearStatus: String = y["status"]
        let recording: Int64 = y["recording_id"]
        let filter = branch == nil ? "" : " AND e.branch_id = ?"
        var args: StatementArguments = [year, recording]
        if let branch { _ = args.append(contentsOf: [branch]) }
        var objections: [String: [BranchYear.Objection]] = [:]
        for r in try Row.fetchAll(
            db,
            sql: """
                SELECT o.branch_id, o.date, o.text, o.by, r.stars,
                  r.reason FROM objection o LEFT JOIN resolution r ON r.id = o.resolution_id
                WHERE o.year = ?\(branch == nil ? "" : " AND o.branch_id = ?") ORDER BY o.id
                """, arguments: branch == nil ? [year] : [year, branch])
        {
            objections[r["branch_id"], default: []].append(
                BranchYear.Objection(
                    date: r["date"], text: r["text"], by: r["by"], resolvedStars: r["stars"], resolution: r["reason"]))
        }
        func changes(_ table: String) throws -> [String: [BranchYear.Change]] {
            var out: [String: [BranchYear.Change]] = [:]
            for r in try Row.fetchAll(
                db,
                sql: "SELECT * FROM \(table) WHERE year = ?\(branch == nil ? "" : " AND branch_id = ?") ORDER BY id",
                arguments: branch == nil ? [year] : [year, branch])
            {
                out[r["branch_id"], default: []].append(
                    BranchYear.Change(
                        date: r["date"], stars: r["stars"], reason: r["reason"], by: r["by"],
                        document: table == "adjustment" ? r["document"] : nil))
            }
            return out
        }
        let reviews = try changes("review")
        let adjustments = try changes("adjustment")
        var out: [BranchYear] = []
        // a file not yet migrated to "v2" has no committee names: its committees are their ids
        let named = try db.tableExists("committee")
        let names =
            named ? "LEFT JOIN committee c ON c.recording_id = e.recording_id AND c.committee_id = e.committee_id" : ""
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT e.branch_id, e.branch_name, e.committee_id, e.stars, e.final, e.rules, a.stars AS approved,
                  \(named ? "c.committee_name" : "NULL") AS committee_name
                FROM entry e LEFT JOIN approval a ON a.year = ? AND a.branch_id = e.branch_id
                \(names)
                WHERE e.recording_id = ?\(filter) ORDER BY e.committee_id, e.branch_id
                """, arguments: args)
        while let r = try rows.next() {
            let id: String = r["branch_id"]
            let approved: Int? = r["approved"]
            let review = reviews[id]?.last
            let adjusted = adjustments[id] ?? []
            let status = yearStatus == "notice" ? "notice" : (approved == 5 && review == nil ? "review" : "approved")
            let rules: String = r["rules"]
            out.append(
                BranchYear(
                    year: year, branchID: id, name: r["branch_name"], committee: r["committee_id"],
                    committeeName: r["committee_name"] ?? "", status: status,
                    proposed: r["stars"],
                    approved: approved, current: approved.map { adjusted.last?.stars ?? review?.stars ?? $0 },
                    final: r["final"],
                    rules: rules.split(separator: ";").map(String.init), objections: objections[id] ?? [],
                    review: review, adjustments: adjusted))
        }
        return out
    }

    /// One branch across the years, ascending.
    static func history(_ db: Database, branch: String) throws -> [BranchYear] {
        let years = try Int.fetchAll(
            db,
            sql:
                """
                SELECT y.year FROM year y JOIN entry e ON e.recording_id = y.recording_id AND e.branch_id = ? \
                ORDER BY y.year
                """,
            arguments: [branch])
        return try years.flatMap { try branches(db, year: $0, branch: branch) }
    }
}

extension LedgerFile {
    /// `ledger history --branch ID`: 65 when the ledger never rated the branch.
    public func history(branch: String) throws(Failure) -> [BranchYear] {
        let years = try read { db in try LedgerQueries.history(db, branch: branch) }
        guard !years.isEmpty else { throw Failure(.dataError, .ledgerNeverRated(id: Escaped.text(branch))) }
        return years
    }

    /// Every year, each with its branches.
    public func allYears() throws(Failure) -> [(year: Int, status: String, branches: [BranchYear])] {
        try read { db in
            try LedgerQueries.years(db).map { ($0.year, $0.status, try LedgerQueries.branches(db, year: $0.year)) }
        }
    }
}

/// `history --format json`: one object, years ascending.
public enum HistoryJSON {
    public static func render(branch: String, years: [BranchYear]) -> String {
        func opt(_ i: Int?) -> JSON { i.map(JSON.int) ?? .null }
        func optText(_ s: String?) -> JSON { s.map(JSON.string) ?? .null }
        let list = years.map { y in
            JSON.object([
                ("year", .int(y.year)), ("status", .string(y.status)), ("proposed_stars", .int(y.proposed)),
                ("approved_stars", opt(y.approved)), ("current_stars", opt(y.current)),
                ("final", y.final.map { JSON.tenths(Tenths($0)) } ?? .null),
                ("rules", .array(y.rules.map(JSON.string))),
                (
                    "objections",
                    .array(
                        y.objections.map { o in
                            .object([
                                ("date", .string(o.date)), ("text", .string(o.text)), ("by", .string(o.by)),
                                ("status", .string(o.resolvedStars == nil ? "open" : "resolved")),
                                ("stars", opt(o.resolvedStars)), ("reason", optText(o.resolution)),
                            ])
                        })
                ),
                (
                    "review",
                    y.review.map { r in
                        JSON.object([
                            ("date", .string(r.date)), ("stars", .int(r.stars)), ("reason", .string(r.reason)),
                            ("by", .string(r.by)),
                        ])
                    }
                        ?? .null
                ),
                (
                    "adjustments",
                    .array(
                        y.adjustments.map { a in
                            .object([
                                ("date", .string(a.date)), ("stars", .int(a.stars)), ("reason", .string(a.reason)),
                                ("by", .string(a.by)),
                                ("document", optText(a.document)),
                            ])
                        })
                ),
            ])
        }
        return JSON.object([("branch_id", .string(branch)), ("years", .array(list))]).rendered() + "\n"
    }
}

/// `run --ledger FILE`: last year's current stars, through the same path as `--previous`.
public struct LedgerPrevious: PreviousStarsSource {
    public let path: String
    public init(path: String) { self.path = path }

    public func previous(forYear year: Int) throws(Failure) -> PreviousResults {
        let file: LedgerFile
        do { file = try LedgerFile(path: path, create: false) } catch {
            throw Failure(
                error.status == .noInput || error.status == .ioError ? error.status : .dataError, error.message)
        }
        let last = year - 1
        let result: Result<[String: Int], Failure>
        do {
            result = .success(
                try file.read { db in
                    guard
                        let status = try String.fetchOne(
                            db, sql: "SELECT status FROM year WHERE year = ?", arguments: [last])
                    else {
                        throw Failure(.dataError, .ledgerRunNoYear(path: Escaped.text(path), year: last))
                    }
                    guard status == "approved" else {
                        throw Failure(.dataError, .ledgerRunNotApproved(year: last, path: Escaped.text(path)))
                    }
                    return try LedgerQueries.currentStars(db, year: last)
                })
        } catch {
            result = .failure(error)
        }
        switch result {
        case .success(let stars):
            let d = file.digest()
            return PreviousResults(ledger: path, year: last, stars: stars, bytes: d.bytes, sha256: d.sha256)
        case .failure(let f):
            throw Failure(f.status == .dataError ? .dataError : .ioError, f.message)
        }
    }
}
