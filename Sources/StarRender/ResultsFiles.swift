import Foundation
import StarModel
import StarRating

/// `results.csv` and `results.json` (outputs.md), built in code: they are data, not layout.
public enum ResultsFiles {
    public static let csvHeader = ["branch_id", "branch_name", "committee_id", "self_total", "mass_total", "superior_total",
                                   "base", "bonus", "deduction", "final", "band_stars", "stars", "rules"]

    /// A text cell safe to open in a spreadsheet: a leading `=`, `+`, `-`, `@`, tab or CR gets a
    /// `'` so it is never run as a formula.
    public static func guardFormula(_ s: String) -> String {
        guard let f = s.unicodeScalars.first else { return s }
        return ["=", "+", "-", "@", "\t", "\r"].contains(f) ? "'" + s : s
    }

    /// RFC 4180 quoting: a cell with a comma, quote, CR or LF is quoted, quotes doubled.
    public static func quote(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
        var out = "\""
        for c in s { if c == "\"" { out += "\"\"" } else { out.append(c) } }
        return out + "\""
    }

    /// One row per branch, sorted by committee id then branch id, CRLF line ends (RFC 4180).
    public static func csv(_ outcome: RatingOutcome) -> String {
        var out = csvHeader.joined(separator: ",") + "\r\n"
        for r in outcome.results {
            let text = [r.branch.id, r.branch.name, r.branch.committeeID].map { quote(guardFormula($0)) }
            let numbers = [r.selfTotal, r.massTotal, r.superiorTotal, r.base, r.bonus, r.deduction, r.final].map(\.description)
            let cells = text + numbers + [String(r.bandStars), String(r.stars), quote(guardFormula(r.ruleCodes.joined(separator: ";")))]
            out += cells.joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// Metadata of the run written into results.json.
    public struct RunInfo: Sendable {
        public var inputs: [(path: String, kind: String, records: Int, bytes: Int, sha256: String)]
        public var noticeDate: CivilDate
        public var quotaScope: QuotaScope
        /// The rated submissions in the results' order (committee id, branch id): the inputs
        /// each trail starts from. results.json takes them, so they are freed as soon as it is
        /// written rather than held while the other reports render.
        let submissions: SubmissionHandoff
        public init(inputs: [(path: String, kind: String, records: Int, bytes: Int, sha256: String)], noticeDate: CivilDate, quotaScope: QuotaScope,
                    submissions: [Submission] = []) {
            self.inputs = inputs; self.noticeDate = noticeDate; self.quotaScope = quotaScope
            self.submissions = SubmissionHandoff(submissions)
        }
    }

    /// The same results plus the full trail of every branch, the quota checks and ties.
    /// Writes results.json in pieces (one branch at a time), so a province's results are never
    /// one giant string in memory.
    public static func json(_ outcome: RatingOutcome, rules: RuleSet, run: RunInfo, write: (String) -> Void) {
        func entry(_ t: TrailEntry) -> JSON {
            var m: [(String, JSON)] = [("code", .string(t.code)), ("clause", .string(t.clause)), ("kind", .string(t.kind.rawValue))]
            if let p = t.points { m.append(("points", .tenths(p))) }
            if let b = t.starsBefore { m.append(("stars_before", .int(b))) }
            if let a = t.starsAfter { m.append(("stars_after", .int(a))) }
            m.append(("message", .string(t.message)))
            return .object(m)
        }
        // Both lists are sorted by committee id then branch id, so they line up; a walking index
        // finds each result's submission without a dictionary of a million entries.
        let submissions = run.submissions.take()
        var cursor = 0
        func submission(_ r: BranchResult) -> Submission? {
            while cursor < submissions.count,
                  (submissions[cursor].branch.committeeID, submissions[cursor].branch.id) < (r.branch.committeeID, r.branch.id) {
                cursor += 1
            }
            guard cursor < submissions.count, submissions[cursor].branch.id == r.branch.id else { return nil }
            return submissions[cursor]
        }
        func inputs(_ s: Submission?) -> JSON {
            guard let s else { return .null }
            var m: [(String, JSON)] = [("source", .string(s.source.description))]
            for sheet in Sheet.allCases { m.append((sheet.rawValue, .array(s.scores(sheet).map(JSON.tenths)))) }
            m += [("members", .int(s.branch.members)),
                  ("mass_member_participants", .int(s.massMemberParticipants)), ("mass_public_participants", .int(s.massPublicParticipants)),
                  ("satisfaction", .tenths(s.satisfaction)),
                  ("commendations", .array(s.commendations.map { .string($0.rawValue) })),
                  ("innovations", .array(s.innovations.map { .string($0.rawValue) })),
                  ("criticisms_work_committee", .int(s.criticismsWorkCommittee)),
                  ("criticisms_municipal_committee", .int(s.criticismsMunicipalCommittee)),
                  ("leadership_minor_sanctions", .int(s.leadershipMinorSanctions)),
                  ("leadership_major_sanctions", .int(s.leadershipMajorSanctions)),
                  ("member_sanctions", .int(s.memberSanctions)),
                  ("election", s.election.map { e in
                      .object([("due", .string(e.due.description)), ("held", e.held.map { .string($0.description) } ?? .null),
                               ("delay_approved", .bool(e.delayApproved))]) } ?? .null),
                  ("unexcused_absences", .int(s.unexcusedAbsences))]
            return .object(m)
        }
        func branch(_ r: BranchResult) -> JSON {
            .object([
                ("branch_id", .string(r.branch.id)), ("branch_name", .string(r.branch.name)),
                ("committee_id", .string(r.branch.committeeID)), ("committee_name", .string(r.branch.committeeName)),
                ("category", .string(r.branch.category)), ("members", .int(r.branch.members)),
                ("inputs", inputs(submission(r))),
                ("self_total", .tenths(r.selfTotal)), ("mass_total", .tenths(r.massTotal)), ("superior_total", .tenths(r.superiorTotal)),
                ("base", .tenths(r.base)), ("bonus", .tenths(r.bonus)), ("deduction", .tenths(r.deduction)), ("final", .tenths(r.final)),
                ("band_stars", .int(r.bandStars)), ("condition_stars", .int(r.conditionStars)), ("stars", .int(r.stars)),
                ("rules", .array(r.ruleCodes.map(JSON.string))),
                ("trail", .array(r.trail.map(entry))),
                ("review_by_municipal_department", .bool(r.needsReview)),
                ("previous_stars", r.previousStars.map(JSON.int) ?? .null),
                ("change", r.change.map { .string($0.rawValue) } ?? .null),
            ])
        }
        let checks: [JSON] = outcome.quotaChecks.map { c in
            .object([
                ("code", .string(c.code)), ("scope", .string(c.scope)), ("levels", .string(c.levelsLabel)),
                ("bound", .string(c.bound.rawValue)), ("percent", .tenths(c.percent)), ("policy", .string(c.policy.rawValue)),
                ("n", .int(c.n)), ("limit", .int(c.limit)), ("count_before", .int(c.countBefore)), ("count_after", .int(c.countAfter)),
                ("changed", .array(c.changed.map(JSON.string))), ("violated", .bool(c.violated)),
                ("tie", c.tie.map { t in .object([("score", .tenths(t.score)), ("branch_ids", .array(t.branchIDs.map(JSON.string)))]) } ?? .null),
            ])
        }
        let head: [(String, JSON)] = [
            ("format", .string("star-report results 1")),
            ("year", .int(outcome.year)),
            ("scheme", .string(rules.scheme)), ("rules_version", .string(rules.version)),
            ("weights", .object([("self", .int(rules.weightSelf)), ("mass", .int(rules.weightMass)), ("superior", .int(rules.weightSuperior))])),
            ("reference_date", .string(outcome.referenceDate.description)),
            ("notice_date", .string(run.noticeDate.description)),
            ("quota_scope", .string(run.quotaScope.rawValue)),
            ("inputs", .array(run.inputs.map { i in
                .object([("path", .string(i.path)), ("kind", .string(i.kind)), ("records", .int(i.records)), ("bytes", .int(i.bytes)), ("sha256", .string(i.sha256))])
            })),
        ]
        write("{\n")
        for (key, value) in head {
            write("  " + JSON.string(key).rendered() + ": " + value.rendered(indent: 1) + ",\n")
        }
        if outcome.results.isEmpty {
            write("  \"branches\": [],\n")
        } else {
            write("  \"branches\": [\n")
            for (i, r) in outcome.results.enumerated() {
                write("    " + branch(r).rendered(indent: 2) + (i == outcome.results.count - 1 ? "\n" : ",\n"))
            }
            write("  ],\n")
        }
        write("  \"quota_checks\": " + JSON.array(checks).rendered(indent: 1) + "\n}\n")
    }
}

/// Hands the submissions to results.json once; taking them leaves nothing behind to hold memory.
final class SubmissionHandoff: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [Submission]?
    init(_ list: [Submission]) { self.list = list }
    func take() -> [Submission] { lock.withLock { defer { list = nil }; return list ?? [] } }
}
