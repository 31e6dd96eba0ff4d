import Foundation
import StarModel
import StarRating

/// `results.csv` and `results.json` (docs/outputs.md), built in code: they are data, not layout.
public enum ResultsFiles {
    /// results.csv's header: the named result columns.
    public static let csvHeader = ResultColumn.named.compactMap(\.name)

    /// A text cell safe to open in a spreadsheet: a leading `=`, `+`, `-`, `@`, tab or CR gets a
    /// `'` so it is never run as a formula.
    public static func guardFormula(_ s: String) -> String {
        // on the first byte: each of these is one byte in UTF-8, and no byte of a longer
        // character is below 0x80
        guard let f = s.utf8.first else { return s }
        return f == 0x3D || f == 0x2B || f == 0x2D || f == 0x40 || f == 0x09 || f == 0x0D ? "'" + s : s
    }

    /// RFC 4180 quoting: a cell with a comma, quote, CR or LF is quoted, quotes doubled.
    public static func quote(_ s: String) -> String {
        // bytes, not characters: these four are one byte each in UTF-8 ("\r\n" holds a CR)
        guard s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            return s
        }
        // a quote doubled byte by byte too: a quote followed by a combining mark is one
        // character, and would be missed by a comparison of characters
        var out: [UInt8] = [0x22]
        for b in s.utf8 {
            out.append(b)
            if b == 0x22 { out.append(0x22) }
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    /// The UTF-8 byte order mark results.csv starts with: without it Excel on a Chinese Windows
    /// reads the file as GBK and shows mojibake. Every reader of results.csv accepts both.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// One row per branch, sorted by committee id then branch id, CRLF line ends (RFC 4180),
    /// after a UTF-8 byte order mark.
    public static func csv(_ outcome: RatingOutcome) -> String {
        var out = ""
        csv(outcome) { out += $0 }
        return out
    }

    /// The same, written in pieces of about 64 KB (a province's file is never one string); rows
    /// are assembled as bytes, numbers straight from their tenths.
    public static func csv(_ outcome: RatingOutcome, write: (String) -> Void) {
        var out: [UInt8] = byteOrderMark + Array((csvHeader.joined(separator: ",") + "\r\n").utf8)
        out.reserveCapacity(1 << 17)
        func text(_ s: String) { out.append(contentsOf: quote(guardFormula(s)).utf8) }
        for r in outcome.results {
            for (i, column) in ResultColumn.named.enumerated() {
                if i > 0 { out.append(0x2C) }
                switch column.value(r) {
                case .text(let s): text(s)
                case .tenths(let t): out.appendTenths(t)
                case .integer(let n): out.appendDecimal(n)
                }
            }
            out.append(0x0D)
            out.append(0x0A)
            if out.count >= 1 << 16 {
                write(String(decoding: out, as: UTF8.self))
                out.removeAll(keepingCapacity: true)
            }
        }
        write(String(decoding: out, as: UTF8.self))
    }

    /// An input's path made absolute against the current folder (`.` and `..` resolved, links
    /// kept), so `send` and `--previous` find the inputs from any folder; a path that is
    /// already absolute is kept as it is.
    ///
    /// By hand, on the text of the path: Foundation's `URL(fileURLWithPath:)` asks the file system
    /// whether each path is a folder, and standardising it was a tenth of writing the reports of
    /// 20,000 XML files.
    public static func absolutePath(_ path: String, in folder: String = FileManager.default.currentDirectoryPath)
        -> String
    {
        if path.hasPrefix("/") { return path }
        // empty parts (`data//2026`) are kept, as Foundation kept them; only `.` and `..` go
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        var parts: [Substring] = []
        for part in (base + path).split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// Metadata of the run written into results.json.
    public struct RunInfo: Sendable {
        public var inputs: [(path: String, kind: String, records: Int, bytes: Int, sha256: String)]
        public var noticeDate: CivilDate
        public var quotaScope: QuotaScope
        public init(
            inputs: [(path: String, kind: String, records: Int, bytes: Int, sha256: String)], noticeDate: CivilDate,
            quotaScope: QuotaScope
        ) {
            self.inputs = inputs
            self.noticeDate = noticeDate
            self.quotaScope = quotaScope
        }
    }

    /// The same results plus what each branch submitted and the trail of every rule that fired,
    /// the quota checks and ties, as data (format `star-report results 2`, docs/outputs.md):
    /// - `rules`: what each rule code of the rules in use says (its descriptor), once;
    /// - `committees`: each committee's name, once;
    /// - `branch_fields` names the fields of each record of `branches`, one branch a line, so
    ///   `grep B0000001 results.json` shows a branch's record; a trail entry is its code and the
    ///   counts of that occurrence (`{"code":"D7","n":1,"of":3,"points":-3.0}`).
    ///
    /// Written in pieces of about 256 KB, so a province's results are never one string in memory.
    /// - Parameter submissions: the rated submissions in the results' order (committee id, branch
    ///   id): the inputs each trail starts from.
    public static func json(
        _ outcome: RatingOutcome, rules: RuleSet, run: RunInfo, submissions: SubmissionStore, write: (String) -> Void
    ) {
        // Both lists are sorted by committee id then branch id, so they line up; a walking index
        // finds each result's submission without a dictionary of a million entries.
        var cursor = 0
        func submission(_ r: BranchResult) -> Submission? {
            while cursor < submissions.count,
                (submissions[packed: cursor].branch.committeeID, submissions[packed: cursor].branch.id) < (
                    r.branch.committeeID, r.branch.id
                )
            {
                cursor += 1
            }
            guard cursor < submissions.count, submissions[packed: cursor].branch.id == r.branch.id else { return nil }
            return submissions[cursor]
        }
        var committees: [(String, JSON)] = []
        for r in outcome.results where committees.last?.0 != r.branch.committeeID {
            committees.append((r.branch.committeeID, .string(r.branch.committeeName)))
        }
        let head: [(String, JSON)] = [
            ("format", .string(format)),
            ("year", .int(outcome.year)),
            ("scheme", .string(rules.scheme)), ("rules_version", .string(rules.version)),
            (
                "weights",
                .object([
                    ("self", .int(rules.weightSelf)), ("mass", .int(rules.weightMass)),
                    ("superior", .int(rules.weightSuperior)),
                ])
            ),
            // the lowest final score of one star, two stars, …: band_stars is how many a score reaches
            ("bands", .array(rules.bands.map { .tenths($0) })),
            ("reference_date", .string(outcome.referenceDate.description)),
            ("notice_date", .string(run.noticeDate.description)),
            ("quota_scope", .string(run.quotaScope.rawValue)),
            (
                "inputs",
                .array(
                    run.inputs.map { [folder = FileManager.default.currentDirectoryPath] i in
                        .object([
                            ("path", .string(i.path)), ("absolute_path", .string(absolutePath(i.path, in: folder))),
                            ("kind", .string(i.kind)),
                            ("records", .int(i.records)), ("bytes", .int(i.bytes)), ("sha256", .string(i.sha256)),
                        ])
                    })
            ),
            ("rules", .object(ruleTexts(rules))),
            ("committees", .object(committees)),
            ("branch_fields", .array(branchFields.map(JSON.string))),
        ]
        var inputIndex: [String: Int] = [:]
        for (k, i) in run.inputs.enumerated() where inputIndex[i.path] == nil { inputIndex[i.path] = k }
        var j = JSONWriter(capacity: 1 << 18)
        j.raw("{\n")
        for (key, value) in head {
            j.spaces(1)
            j.string(key)
            j.raw(": ")
            j.value(value, indent: 1)
            j.raw(",\n")
        }
        if outcome.results.isEmpty {
            j.raw("  \"branches\": [],\n")
        } else {
            j.raw("  \"branches\": [\n")
            for (i, r) in outcome.results.enumerated() {
                j.raw("    ")
                writeBranch(r, inputs: submission(r), inputIndex: inputIndex, to: &j)
                j.raw(i == outcome.results.count - 1 ? "\n" : ",\n")
                if j.bytes.count >= 1 << 18 {
                    write(j.text)
                    j.bytes.removeAll(keepingCapacity: true)
                }
            }
            j.raw("  ],\n")
        }
        j.raw("  \"quota_checks\": ")
        j.value(.array(outcome.quotaChecks.map(\.json)), indent: 1)
        j.raw("\n}\n")
        write(j.text)
    }

    /// The `format` of results.json.
    public static let format = "star-report results 2"

    /// What every rule code of `rules` says, from its descriptor: the known codes (the quota
    /// codes only when the rules have them) and the rules' own quotas, in the order they apply.
    static func ruleTexts(_ rules: RuleSet) -> [(String, JSON)] {
        let codes = RuleCode.allCases.filter { $0.kind != .quota }.map(\.rawValue) + rules.quotas.map(\.code)
        return RuleCode.sorted(codes).compactMap { code in
            guard let d = rules.descriptor(code: code) else { return nil }
            var members: [(String, JSON)] = [
                ("clause", .string(d.clause)), ("kind", .string(d.kind.rawValue)), ("meaning", .string(d.meaning)),
            ]
            if let p = d.points { members.append(("points", .string(p))) }
            return (code, .object(members))
        }
    }

    /// The fields of a branch record of results.json, in order: the named result columns, then
    /// the rest of the result, what the branch submitted (`source` is the index of its file in
    /// `inputs` and the line), and the trail.
    public static let branchFields: [String] =
        ResultColumn.named.compactMap(\.name) + [
            "category", "members", "condition_stars", "review_by_municipal_department", "previous_stars", "change",
            "source", "self", "mass", "superior", "mass_member_participants", "mass_public_participants",
            "satisfaction",
            "commendations", "innovations", "criticisms_work_committee", "criticisms_municipal_committee",
            "leadership_minor_sanctions", "leadership_major_sanctions", "member_sanctions", "election",
            "unexcused_absences",
            "trail",
        ]

    /// One branch's record, on one line, its values in the order of `branchFields`.
    static func writeBranch(_ r: BranchResult, inputs s: Submission?, inputIndex: [String: Int], to j: inout JSONWriter)
    {
        j.raw("[")
        for column in ResultColumn.named {
            switch column.value(r) {
            case .text(let t): j.string(t)
            case .tenths(let t): j.tenths(t)
            case .integer(let n): j.int(n)
            }
            j.raw(",")
        }
        j.string(r.branch.category)
        j.raw(",")
        j.int(r.branch.members)
        j.raw(",")
        j.int(r.conditionStars)
        j.raw(",")
        j.bool(r.needsReview)
        j.raw(",")
        j.optional(r.previousStars) { $0.int($1) }
        j.raw(",")
        j.optional(r.change) { $0.string($1.rawValue) }
        j.raw(",")
        if let s {
            j.raw("[")
            if let k = inputIndex[s.source.file] { j.int(k) } else { j.string(s.source.file) }
            j.raw(",")
            j.int(s.source.line)
            j.raw("],")
            for sheet in [Sheet.selfEvaluation, .massEvaluation, .superiorEvaluation] {
                j.array(s.scores(sheet)) { $0.tenths($1) }
                j.raw(",")
            }
            for n in [s.massMemberParticipants, s.massPublicParticipants] {
                j.int(n)
                j.raw(",")
            }
            j.tenths(s.satisfaction)
            j.raw(",")
            j.array(s.commendations) { $0.string($1.rawValue) }
            j.raw(",")
            j.array(s.innovations) { $0.string($1.rawValue) }
            j.raw(",")
            for n in [
                s.criticismsWorkCommittee, s.criticismsMunicipalCommittee, s.leadershipMinorSanctions,
                s.leadershipMajorSanctions,
                s.memberSanctions,
            ] {
                j.int(n)
                j.raw(",")
            }
            j.optional(s.election) { j, e in
                j.raw("{")
                j.key("due")
                j.string(e.due.description)
                j.next("held")
                j.optional(e.held) { $0.string($1.description) }
                j.next("delay_approved")
                j.bool(e.delayApproved)
                j.raw("}")
            }
            j.raw(",")
            j.int(s.unexcusedAbsences)
            j.raw(",")
        } else {
            // no submission (never for a rated branch): every field from `source` to
            // `unexcused_absences` null
            let first = branchFields.firstIndex(of: "source")!
            let last = branchFields.firstIndex(of: "unexcused_absences")!
            for _ in first...last { j.raw("null,") }
        }
        j.array(r.trail) { j, t in t.write(to: &j) }
        j.raw("]")
    }
}

extension TrailEntry {
    /// One step of the trail as data: the code, the counts of this occurrence, and the points or
    /// the stars before and after (what the code means is in the `rules` section).
    fileprivate func write(to j: inout JSONWriter) {
        j.raw("{")
        j.key("code")
        j.string(code)
        if let l = level {
            j.next("level")
            j.string(l.rawValue)
        }
        if let o = occurrence {
            j.next("n")
            j.int(o.n)
            j.next("of")
            j.int(o.of)
        }
        if let q = quota {
            j.next("scope")
            j.string(q.scope)
            j.next("limit")
            j.int(q.limit)
            if q.tied {
                j.next("tied")
                j.bool(true)
            }
        }
        if let p = points {
            j.next("points")
            j.tenths(p)
        }
        if let b = starsBefore {
            j.next("stars_before")
            j.int(b)
        }
        if let a = starsAfter {
            j.next("stars_after")
            j.int(a)
        }
        j.raw("}")
    }
}

extension QuotaCheck {
    /// The check as results.json lists it, with its tie if any.
    fileprivate var json: JSON {
        .object([
            ("code", .string(code)), ("scope", .string(scope)), ("levels", .string(levelsLabel)),
            ("bound", .string(bound.rawValue)), ("percent", .tenths(percent)), ("policy", .string(policy.rawValue)),
            ("n", .int(n)), ("limit", .int(limit)), ("count_before", .int(countBefore)),
            ("count_after", .int(countAfter)),
            ("changed", .array(changed.map(JSON.string))), ("violated", .bool(violated)),
            (
                "tie",
                tie.map { t in
                    .object([("score", .tenths(t.score)), ("branch_ids", .array(t.branchIDs.map(JSON.string)))])
                } ?? .null
            ),
        ])
    }
}
