import Foundation
import StarModel
import StarRating

/// `results.csv` and `results.json` (docs/outputs.md), built in code: they are data, not layout.
public enum ResultsFiles {
    public static let csvHeader = [
        "branch_id", "branch_name", "committee_id", "self_total", "mass_total", "superior_total",
        "base", "bonus", "deduction", "final", "band_stars", "stars", "rules",
    ]

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
            text(r.branch.id); out.append(0x2C)
            text(r.branch.name); out.append(0x2C)
            text(r.branch.committeeID)
            for t in [r.selfTotal, r.massTotal, r.superiorTotal, r.base, r.bonus, r.deduction, r.final] {
                out.append(0x2C); out.appendTenths(t)
            }
            out.append(0x2C); out.appendDecimal(r.bandStars)
            out.append(0x2C); out.appendDecimal(r.stars)
            out.append(0x2C); text(r.ruleCodes.joined(separator: ";"))
            out.append(0x0D); out.append(0x0A)
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
    public static func absolutePath(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        let cwd = FileManager.default.currentDirectoryPath
        return URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: cwd, isDirectory: true)).standardizedFileURL.path
    }

    /// Metadata of the run written into results.json.
    public struct RunInfo: Sendable {
        public var inputs: [(path: String, kind: String, records: Int, bytes: Int, sha256: String)]
        public var noticeDate: CivilDate
        public var quotaScope: QuotaScope
        public init(inputs: [(path: String, kind: String, records: Int, bytes: Int, sha256: String)], noticeDate: CivilDate, quotaScope: QuotaScope) {
            self.inputs = inputs; self.noticeDate = noticeDate; self.quotaScope = quotaScope
        }
    }

    /// The same results plus the full trail of every branch, the quota checks and ties.
    /// Writes results.json in pieces (one branch a line, about 256 KB at a time), so a
    /// province's results are never one giant string in memory. The keys of each record are
    /// written by its type below.
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
                (submissions[packed: cursor].branch.committeeID, submissions[packed: cursor].branch.id) < (r.branch.committeeID, r.branch.id)
            {
                cursor += 1
            }
            guard cursor < submissions.count, submissions[packed: cursor].branch.id == r.branch.id else { return nil }
            return submissions[cursor]
        }
        let head: [(String, JSON)] = [
            ("format", .string("star-report results 1")),
            ("year", .int(outcome.year)),
            ("scheme", .string(rules.scheme)), ("rules_version", .string(rules.version)),
            ("weights", .object([("self", .int(rules.weightSelf)), ("mass", .int(rules.weightMass)), ("superior", .int(rules.weightSuperior))])),
            ("reference_date", .string(outcome.referenceDate.description)),
            ("notice_date", .string(run.noticeDate.description)),
            ("quota_scope", .string(run.quotaScope.rawValue)),
            (
                "inputs",
                .array(
                    run.inputs.map { i in
                        .object([
                            ("path", .string(i.path)), ("absolute_path", .string(absolutePath(i.path))), ("kind", .string(i.kind)),
                            ("records", .int(i.records)), ("bytes", .int(i.bytes)), ("sha256", .string(i.sha256)),
                        ])
                    })
            ),
        ]
        var j = JSONWriter(capacity: 1 << 18)
        j.raw("{\n")
        for (key, value) in head {
            j.spaces(1); j.string(key); j.raw(": "); j.value(value, indent: 1); j.raw(",\n")
        }
        if outcome.results.isEmpty {
            j.raw("  \"branches\": [],\n")
        } else {
            j.raw("  \"branches\": [\n")
            for (i, r) in outcome.results.enumerated() {
                j.raw("    ")
                r.write(to: &j, inputs: submission(r))
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
}

extension BranchResult {
    /// The branch's record of results.json, on one line.
    fileprivate func write(to j: inout JSONWriter, inputs: Submission?) {
        j.raw("{"); j.key("branch_id"); j.string(branch.id)
        j.next("branch_name"); j.string(branch.name)
        j.next("committee_id"); j.string(branch.committeeID)
        j.next("committee_name"); j.string(branch.committeeName)
        j.next("category"); j.string(branch.category)
        j.next("members"); j.int(branch.members)
        j.next("inputs"); j.optional(inputs) { j, s in s.write(to: &j) }
        j.next("self_total"); j.tenths(selfTotal)
        j.next("mass_total"); j.tenths(massTotal)
        j.next("superior_total"); j.tenths(superiorTotal)
        j.next("base"); j.tenths(base)
        j.next("bonus"); j.tenths(bonus)
        j.next("deduction"); j.tenths(deduction)
        j.next("final"); j.tenths(final)
        j.next("band_stars"); j.int(bandStars)
        j.next("condition_stars"); j.int(conditionStars)
        j.next("stars"); j.int(stars)
        j.next("rules"); j.array(ruleCodes) { $0.string($1) }
        j.next("trail"); j.array(trail) { j, t in t.write(to: &j) }
        j.next("review_by_municipal_department"); j.bool(needsReview)
        j.next("previous_stars"); j.optional(previousStars) { $0.int($1) }
        j.next("change"); j.optional(change) { $0.string($1.rawValue) }
        j.raw("}")
    }
}

extension TrailEntry {
    /// One step of the trail: code, clause, kind, points or stars before and after, message.
    fileprivate func write(to j: inout JSONWriter) {
        j.raw("{"); j.key("code"); j.string(code); j.next("clause"); j.string(clause)
        j.next("kind"); j.string(kind.rawValue)
        if let p = points { j.next("points"); j.tenths(p) }
        if let b = starsBefore { j.next("stars_before"); j.int(b) }
        if let a = starsAfter { j.next("stars_after"); j.int(a) }
        j.next("message"); j.string(message); j.raw("}")
    }
}

extension Submission {
    /// What the branch submitted, as the rules read it.
    fileprivate func write(to j: inout JSONWriter) {
        j.raw("{"); j.key("source"); j.string(source.description)
        j.next("self"); j.array(scores(.selfEvaluation)) { $0.tenths($1) }
        j.next("mass"); j.array(scores(.massEvaluation)) { $0.tenths($1) }
        j.next("superior"); j.array(scores(.superiorEvaluation)) { $0.tenths($1) }
        j.next("members"); j.int(branch.members)
        j.next("mass_member_participants"); j.int(massMemberParticipants)
        j.next("mass_public_participants"); j.int(massPublicParticipants)
        j.next("satisfaction"); j.tenths(satisfaction)
        j.next("commendations"); j.array(commendations) { $0.string($1.rawValue) }
        j.next("innovations"); j.array(innovations) { $0.string($1.rawValue) }
        j.next("criticisms_work_committee"); j.int(criticismsWorkCommittee)
        j.next("criticisms_municipal_committee"); j.int(criticismsMunicipalCommittee)
        j.next("leadership_minor_sanctions"); j.int(leadershipMinorSanctions)
        j.next("leadership_major_sanctions"); j.int(leadershipMajorSanctions)
        j.next("member_sanctions"); j.int(memberSanctions)
        j.next("election")
        j.optional(election) { j, e in
            j.raw("{"); j.key("due"); j.string(e.due.description)
            j.next("held"); j.optional(e.held) { $0.string($1.description) }
            j.next("delay_approved"); j.bool(e.delayApproved); j.raw("}")
        }
        j.next("unexcused_absences"); j.int(unexcusedAbsences)
        j.raw("}")
    }
}

extension QuotaCheck {
    /// The check as results.json lists it, with its tie if any.
    fileprivate var json: JSON {
        .object([
            ("code", .string(code)), ("scope", .string(scope)), ("levels", .string(levelsLabel)),
            ("bound", .string(bound.rawValue)), ("percent", .tenths(percent)), ("policy", .string(policy.rawValue)),
            ("n", .int(n)), ("limit", .int(limit)), ("count_before", .int(countBefore)), ("count_after", .int(countAfter)),
            ("changed", .array(changed.map(JSON.string))), ("violated", .bool(violated)),
            ("tie", tie.map { t in .object([("score", .tenths(t.score)), ("branch_ids", .array(t.branchIDs.map(JSON.string)))]) } ?? .null),
        ])
    }
}
