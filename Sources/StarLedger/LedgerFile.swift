import Foundation
import GRDB
import StarModel
import StarPipeline
import StarPlatform

/// The ledger file: one SQLite database in WAL mode, its schema made and migrated by GRDB's
/// `DatabaseMigrator`, recognised by its `application_id`. Every change is one IMMEDIATE
/// transaction; a second writer waits up to `busySeconds`, then the command exits 75.
public final class LedgerFile: Sendable {
    /// 'STLG': the `application_id` every ledger carries in its header.
    static let applicationID: Int32 = 0x5354_4C47
    static let busySeconds: TimeInterval = 5
    public let path: String
    let queue: DatabaseQueue

    /// Opens the ledger for a command. A write command creates a missing file; a read command
    /// (`create: false`) never does (66). A file that is not a ledger, or one of a newer schema,
    /// is refused (65); an older one is migrated (by a write command only: a read command
    /// reads it as it is, which the later migrations allow: "v2" only adds the committees' names,
    /// and a file without them names its committees by their ids).
    public init(path: String, create: Bool) throws(Failure) {
        self.path = path
        let shown = Escaped.text(path)
        var st = stat()
        let exists = lstat(path, &st) == 0
        if exists, (st.st_mode & S_IFMT) != S_IFREG { throw Failure(.dataError, .ledgerNotALedger(path: shown)) }
        if !exists && !create { throw Failure(.noInput, .ledgerNotFound(path: shown)) }
        // an empty file is what a creation killed before its first write leaves: nothing to keep
        let empty = exists && st.st_size == 0
        if exists && !empty && !Self.hasSQLiteHeader(path) { throw Failure(.dataError, .ledgerNotALedger(path: shown)) }
        var config = Configuration()
        config.busyMode = .timeout(Self.busySeconds)
        config.readonly = !create
        config.label = "ledger"
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
        } catch {
            throw Failure(.ioError, .ledgerCannotOpen(path: shown, reason: Self.reason(error)))
        }
        try Self.guarded(path) {
            try queue.writeWithoutTransaction { db in
                // a database with no table at all is one whose creation was killed before the schema
                // was committed (or an empty one): it holds nothing, and becomes the ledger. So does
                // one holding only GRDB's migration table with no migration in it, when it carries
                // the ledger's application_id: a creation marks the file before GRDB makes that
                // table outside the first migration's transaction. Another program's database
                // killed at that point has no such mark, and is refused like any other.
                let tables = try String.fetchAll(
                    db, sql: "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
                let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let blank =
                    try tables.isEmpty
                    || id == Self.applicationID && tables == ["grdb_migrations"]
                        && Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations") == 0
                if exists && !blank {
                    guard id == Self.applicationID else { throw Failure(.dataError, .ledgerNotALedger(path: shown)) }
                    if try Self.migrator.hasBeenSuperseded(db) {
                        throw Failure(.dataError, .ledgerNewerSchema(path: shown))
                    }
                }
                if create {
                    if blank {
                        try db.execute(sql: "PRAGMA journal_mode = WAL")
                        try db.execute(sql: "PRAGMA application_id = \(Self.applicationID)")
                    }
                } else if try !Self.migrator.appliedIdentifiers(db).contains("v1") {
                    throw Failure(.dataError, .ledgerOlderSchema(path: shown))
                }
            }
            if create { try Self.migrator.migrate(queue) }
        }
    }

    static func hasSQLiteHeader(_ path: String) -> Bool {
        guard let h = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? h.close() }
        let head = (try? h.read(upToCount: 16)) ?? Data()
        return head == Data("SQLite format 3\0".utf8)
    }

    /// The schema. Nothing is ever deleted: the log, the recordings and the approvals refuse
    /// DELETE (and the log UPDATE) by trigger; a replaced recording stays, the year points to
    /// the new one.
    static let migrator: DatabaseMigrator = {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(
                sql: """
                    CREATE TABLE log (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, by TEXT NOT NULL,
                      command TEXT NOT NULL,
                      year INTEGER, branch_id TEXT, stars INTEGER, date TEXT, why TEXT, document TEXT, count INTEGER,
                      sha256 TEXT);
                    CREATE TABLE recording (id INTEGER PRIMARY KEY, year INTEGER NOT NULL, kind TEXT NOT NULL,
                      notice_date TEXT,
                      sha256 TEXT NOT NULL, source TEXT NOT NULL, log_id INTEGER NOT NULL REFERENCES log(id));
                    CREATE TABLE entry (recording_id INTEGER NOT NULL REFERENCES recording(id), branch_id TEXT NOT NULL,
                      branch_name TEXT NOT NULL, committee_id TEXT NOT NULL, stars INTEGER NOT NULL, final INTEGER,
                      rules TEXT NOT NULL,
                      PRIMARY KEY (recording_id, branch_id)) WITHOUT ROWID;
                    CREATE INDEX entry_branch ON entry(branch_id);
                    CREATE TABLE year (year INTEGER PRIMARY KEY, recording_id INTEGER NOT NULL REFERENCES recording(id),
                      status TEXT NOT NULL, approved_date TEXT, approved_by TEXT, document TEXT);
                    CREATE TABLE objection (id INTEGER PRIMARY KEY, year INTEGER NOT NULL, branch_id TEXT NOT NULL,
                      date TEXT NOT NULL,
                      text TEXT NOT NULL, by TEXT NOT NULL, log_id INTEGER NOT NULL REFERENCES log(id),
                      resolution_id INTEGER);
                    CREATE INDEX objection_branch ON objection(branch_id);
                    CREATE TABLE resolution (id INTEGER PRIMARY KEY, year INTEGER NOT NULL, branch_id TEXT NOT NULL,
                      stars INTEGER NOT NULL,
                      reason TEXT NOT NULL, by TEXT NOT NULL, log_id INTEGER NOT NULL REFERENCES log(id));
                    CREATE INDEX resolution_branch ON resolution(branch_id);
                    CREATE TABLE approval (year INTEGER NOT NULL, branch_id TEXT NOT NULL, stars INTEGER NOT NULL,
                      PRIMARY KEY (year, branch_id)) WITHOUT ROWID;
                    CREATE INDEX approval_branch ON approval(branch_id);
                    CREATE TABLE review (id INTEGER PRIMARY KEY, year INTEGER NOT NULL, branch_id TEXT NOT NULL,
                      date TEXT NOT NULL,
                      stars INTEGER NOT NULL, reason TEXT NOT NULL, by TEXT NOT NULL,
                      log_id INTEGER NOT NULL REFERENCES log(id));
                    CREATE INDEX review_branch ON review(branch_id);
                    CREATE TABLE adjustment (id INTEGER PRIMARY KEY, year INTEGER NOT NULL, branch_id TEXT NOT NULL,
                      date TEXT NOT NULL,
                      stars INTEGER NOT NULL, reason TEXT NOT NULL, by TEXT NOT NULL, document TEXT,
                      log_id INTEGER NOT NULL REFERENCES log(id));
                    CREATE INDEX adjustment_branch ON adjustment(branch_id);
                    """)
            // every row is kept; a year's status and an objection's resolution are updated in place
            for table in [
                "log", "recording", "entry", "year", "objection", "resolution", "approval", "review", "adjustment",
            ] {
                try keep(db, table, fixed: table != "year" && table != "objection")
            }
        }
        // the committees' names of each recording (results.json's `committees`, an imported
        // file's name column), so that the page and the workbook name a committee as the other
        // reports do; a recording made before has none, and is shown by its ids
        m.registerMigration("v2") { db in
            try db.execute(
                sql: """
                    CREATE TABLE committee (recording_id INTEGER NOT NULL REFERENCES recording(id),
                      committee_id TEXT NOT NULL, committee_name TEXT NOT NULL,
                      PRIMARY KEY (recording_id, committee_id)) WITHOUT ROWID;
                    """)
            try keep(db, "committee", fixed: true)
        }
        return m
    }()

    /// Triggers that refuse to DELETE a table's rows and, when `fixed`, to UPDATE them.
    static func keep(_ db: Database, _ table: String, fixed: Bool) throws {
        try db.execute(
            sql:
                """
                CREATE TRIGGER \(table)_kept BEFORE DELETE ON \(table) BEGIN SELECT RAISE(ABORT, 'the \
                ledger keeps every row'); END
                """
        )
        guard fixed else { return }
        try db.execute(
            sql:
                """
                CREATE TRIGGER \(table)_fixed BEFORE UPDATE ON \(table) BEGIN SELECT RAISE(ABORT, 'the \
                ledger keeps every row as written'); END
                """
        )
    }

    /// One change: an IMMEDIATE transaction (it waits for another writer up to 5 s, then 75).
    func change<T>(_ body: (Database) throws -> T) throws(Failure) -> T {
        try Self.guarded(path) {
            try queue.writeWithoutTransaction { db in
                var out: T?
                try db.inTransaction(.immediate) {
                    out = try body(db)
                    return .commit
                }
                return out!
            }
        }
    }

    /// A read in one snapshot.
    func read<T>(_ body: (Database) throws -> T) throws(Failure) -> T {
        try Self.guarded(path) { try queue.read(body) }
    }

    /// SQLite's errors as the command's: busy → 75, anything else → 74 with SQLite's text.
    static func guarded<T>(_ path: String, _ body: () throws -> T) throws(Failure) -> T {
        do {
            return try body()
        } catch let f as Failure {
            throw f
        } catch let e as DatabaseError where e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED {
            throw Failure(.tempFail, .ledgerBusy(path: Escaped.text(path), seconds: Int(busySeconds)))
        } catch let e as DatabaseError where e.resultCode == .SQLITE_NOTADB {
            throw Failure(.dataError, .ledgerNotALedger(path: Escaped.text(path)))
        } catch {
            throw Failure(.ioError, .ledgerCannotOpen(path: Escaped.text(path), reason: reason(error)))
        }
    }

    static func reason(_ error: any Error) -> String {
        if let e = error as? DatabaseError { return Escaped.text(e.message ?? "\(e.resultCode)") }
        return Escaped.text("\(error)")
    }

    /// SHA-256 and size of the file as it is now (for results.json's inputs list).
    func digest() -> (bytes: Int, sha256: String) {
        let data = FileManager.default.contents(atPath: path) ?? Data()
        return (data.count, SHA256.hex(data))
    }
}
