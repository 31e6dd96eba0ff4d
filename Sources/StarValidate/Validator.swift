import Foundation
import StarModel

/// Checks raw submissions against docs/input-formats.md ("What is an error") and turns the good
/// ones into typed `Submission`s. Every problem becomes a diagnostic; nothing throws.
public struct Validator: Sendable {
    /// The rating year every submission must carry.
    public var year: Int
    /// Member participation below this percent of the members is a warning (docs/rules.md §9).
    public var participationWarningPercent: Int
    /// A self-evaluation total more than this above the superior's is a warning.
    public var selfOverSuperiorWarning: Tenths
    /// The highest score of one aspect (rules file `aspect_max`; the format allows up to 10.0).
    public var aspectMax = Tenths(100)
    /// Packs each good record as it is checked (shared committee names, small numbers).
    let packer = SubmissionStore.Packer()

    public init(year: Int, participationWarningPercent: Int = 80, selfOverSuperiorWarning: Tenths = Tenths(150)) {
        self.year = year
        self.participationWarningPercent = participationWarningPercent
        self.selfOverSuperiorWarning = selfOverSuperiorWarning
    }

    /// One record checked on its own: what the checks across records need, and nothing of its text.
    public struct Checked: Sendable {
        /// Kept inline, not boxed: a province's records are then one block, handed back whole
        /// once the checks across records are done.
        let packed: SubmissionStore.Packed?
        public var submission: Submission? { packed?.submission }
        public var diagnostics: [Diagnostic]
        public var branchID: String?
        /// The committee the record names, even when the record has errors.
        public var committeeID: String?
        public var location: SourceLocation

        init(
            submission: SubmissionStore.Packed?, diagnostics: [Diagnostic], branchID: String?, committeeID: String?,
            location: SourceLocation
        ) {
            packed = submission
            self.diagnostics = diagnostics
            self.branchID = branchID
            self.committeeID = committeeID
            self.location = location
        }
    }

    /// Checks one record by itself (pure; records can be checked in parallel, as they are read).
    public func check(_ raw: RawSubmission) -> Checked {
        var d: [Diagnostic] = []
        let s = convert(raw, into: &d)
        let ok = !d.contains { $0.severity == .error }
        let id = raw.fields.text(.branchID)
        let committee = raw.fields.text(.committeeID)
        return Checked(
            submission: ok ? s.map(packer.pack) : nil, diagnostics: d, branchID: id?.isEmpty == false ? id : nil,
            committeeID: committee?.isEmpty == false ? committee : nil, location: raw.location)
    }

    /// Validates every record, then the checks across records: duplicates and the register.
    public func validate(_ raws: [RawSubmission], register: [RegisteredBranch]?, submittedElsewhere: Set<String> = [])
        -> ValidatedYear
    {
        crossCheck(raws.map(check), register: register, submittedElsewhere: submittedElsewhere)
    }

    /// The checks across records (in file then line order): duplicates and the register.
    /// - Parameter submittedElsewhere: ids of branches whose files were rejected before they
    ///   could be read; they are not reported missing from the register a second time.
    /// - Parameter brokenFiles: submission files that gave no record at all (a sheet whose header
    ///   could not be read): the register's branches of committees with no record are then
    ///   reported in one line per committee, not one by one.
    public func crossCheck(
        _ records: [Checked], register: [RegisteredBranch]?, submittedElsewhere: Set<String> = [],
        brokenFiles: [String] = []
    ) -> ValidatedYear {
        var diagnostics: [Diagnostic] = []
        var good = SubmissionStore()
        good.reserveCapacity(records.count)
        var rejected = 0
        var firstSeen: [String: Int] = [:]  // id → index of its first record
        firstSeen.reserveCapacity(records.count)
        // The register decides identity: a record naming another committee is an error, a
        // name that differs a warning (the register's name is used).
        var registered: [String: RegisteredBranch] = [:]
        for r in register ?? [] where registered[r.id] == nil { registered[r.id] = r }
        var identity: [Diagnostic] = []
        for (i, record) in records.enumerated() {
            diagnostics += record.diagnostics
            if let id = record.branchID, let r = registered[id], let c = record.committeeID, c != r.committeeID {
                identity.append(
                    .error(
                        .registerCommitteeMismatch(found: Escaped.text(c), register: r.committeeID),
                        at: record.location,
                        field: "committee_id", branch: id))
                rejected += 1
                firstSeen[id] = firstSeen[id] ?? i
                continue
            }
            if let id = record.branchID {
                if let first = firstSeen[id] {
                    diagnostics.append(
                        .error(
                            .duplicate(id: id, first: records[first].location.description), at: record.location,
                            field: "branch_id", branch: id))
                    rejected += 1
                    continue
                }
                firstSeen[id] = i
            }
            if var s = record.packed {
                if let r = registered[s.branch.id], r.name != s.branch.name {
                    identity.append(
                        .warning(
                            .registerNameMismatch(found: Escaped.text(s.branch.name), register: Escaped.text(r.name)),
                            at: s.source, field: "branch_name", branch: s.branch.id))
                    s = s.renamed(r.name)
                }
                good.append(s)
            } else {
                rejected += 1
            }
        }
        if let register {
            var known: [String: RegisteredBranch] = [:]
            for r in register {
                if let prior = known[r.id] {
                    diagnostics.append(
                        .error(
                            .registerDuplicate(id: r.id, first: prior.location.description), at: r.location,
                            field: "branch_id", branch: r.id))
                } else {
                    known[r.id] = r
                }
                if !Validator.isIdentifier(r.id) {
                    diagnostics.append(
                        .error(.registerBadID(value: Escaped.text(r.id)), at: r.location, field: "branch_id"))
                }
            }
            for record in records {
                guard let id = record.branchID, Validator.isIdentifier(id) else { continue }
                if known[id] == nil {
                    diagnostics.append(
                        .error(.unknownBranch(id: id), at: record.location, field: "branch_id", branch: id))
                }
            }
            let idsRead = Set(records.compactMap(\.branchID)).union(submittedElsewhere)
            let missing = register.filter { !idsRead.contains($0.id) && known[$0.id]?.location == $0.location }
            // Root cause first: when a sheet could not be read, the register's branches of
            // committees that sent nothing readable are most likely in it; one line per committee,
            // not one per branch.
            let committeesRead = Set(records.compactMap { $0.packed?.branch.committeeID })
                .union(records.compactMap(\.committeeID))
            let ofBroken = brokenFiles.isEmpty ? [] : missing.filter { !committeesRead.contains($0.committeeID) }
            for r in missing where !(ofBroken.contains { $0.location == r.location }) {
                diagnostics.append(
                    .error(.missingSubmission(id: r.id, name: r.name), at: r.location, field: "branch_id", branch: r.id)
                )
            }
            // one line per committee (in the register's order), naming only its branches: each
            // committee's error list (`validate --errors`, by the first branch) gets its own
            var byCommittee: [[RegisteredBranch]] = []
            var committeeIndex: [String: Int] = [:]
            for r in ofBroken {
                if let i = committeeIndex[r.committeeID] {
                    byCommittee[i].append(r)
                } else {
                    committeeIndex[r.committeeID] = byCommittee.count
                    byCommittee.append([r])
                }
            }
            let files = Self.list(brokenFiles.map { ($0 as NSString).lastPathComponent }, quoted: true)
            for branches in byCommittee {
                diagnostics.append(
                    .error(
                        .missingSubmissionsOfBrokenSheets(
                            count: branches.count,
                            ids: Self.list(branches.prefix(10).map(\.id), more: branches.count > 10),
                            files: files),
                        at: branches[0].location, field: "branch_id", branch: branches[0].id))
            }
            diagnostics += identity
        }
        diagnostics += Validator.committeeNameConflicts(register: register ?? [], good: good)
        good.sort { ($0.committeeID, $0.id) < ($1.committeeID, $1.id) }
        diagnostics = Validator.oneWrongYear(diagnostics, year: year)
        return ValidatedYear(submissions: good, diagnostics: diagnostics, rejected: rejected)
    }

    /// One committee id seen with two names (in the register, then the records in file and line
    /// order): one warning per id, naming the first name and the first other one and where each
    /// was seen, at the place of the other.
    static func committeeNameConflicts(register: [RegisteredBranch], good: SubmissionStore) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var first: [String: (name: String, at: SourceLocation)] = [:]
        var warned = Set<String>()
        func see(_ id: String, _ name: String, _ at: SourceLocation, branch: String) {
            guard let seen = first[id] else {
                first[id] = (name, at)
                return
            }
            guard seen.name != name, warned.insert(id).inserted else { return }
            out.append(
                .warning(
                    .committeeNames(
                        id: id, name: Escaped.text(seen.name), where: seen.at.description, other: Escaped.text(name),
                        otherWhere: at.description), at: at,
                    field: "committee_name", branch: branch))
        }
        for r in register where !r.committeeID.isEmpty { see(r.committeeID, r.committeeName, r.location, branch: r.id) }
        for i in good.indices {
            let s = good[packed: i]
            see(s.branch.committeeID, s.branch.committeeName, s.source, branch: s.branch.id)
        }
        return out
    }

    /// When every record's year is wrong in the same way (`--year 2025` on 2026 data), one error
    /// says what year the data carries, instead of one per record.
    static func oneWrongYear(_ diagnostics: [Diagnostic], year: Int) -> [Diagnostic] {
        let wrong = diagnostics.filter { $0.content.id == .wrongYear }
        guard wrong.count >= 2, let found = wrong.first?.content.value(of: "found"),
            wrong.allSatisfy({ $0.content.value(of: "found") == found })
        else { return diagnostics }
        var out = diagnostics.filter { $0.content.id != .wrongYear }
        out.append(
            .error(
                .wrongYearForAll(count: wrong.count, found: found, year: year), at: wrong[0].location,
                field: wrong[0].field))
        return out
    }

    /// A short list inside a sentence, in each language's way: `A、B…` and “A”、“B” in Chinese,
    /// `A, B…` and "A", "B" in English.
    static func list(_ items: [String], quoted: Bool = false, more: Bool = false) -> Localized {
        let end = more ? "…" : ""
        return Localized(
            zh: items.map { quoted ? "“\($0)”" : $0 }.joined(separator: "、") + end,
            en: items.map { quoted ? "\"\($0)\"" : $0 }.joined(separator: ", ") + end)
    }

    /// The fields a committee fills in for a branch (the template fills in the rest).
    static let inputKeys: [FieldKey] = FieldKey.allColumns.filter {
        ![.year, .branchID, .branchName, .committeeID, .committeeName, .category].contains($0)
    }

    /// A sheet's row with its branch's identity and nothing else: one error, not one per cell.
    static func isUnfilled(_ raw: RawSubmission) -> Bool {
        raw.problems.isEmpty && raw.commendationLevels.isEmpty && raw.innovationLevels.isEmpty
            && inputKeys.allSatisfy { raw.fields.text($0)?.isEmpty ?? true }
    }

    static func isIdentifier(_ s: String) -> Bool {
        let u = s.utf8
        guard (1...32).contains(u.count) else { return false }
        return u.allSatisfy {
            ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x5F
                || $0 == 0x2D
        }
    }

    /// Field-by-field conversion of one record.
    func convert(_ raw: RawSubmission, into d: inout [Diagnostic]) -> Submission? {
        var reader = FieldReader(raw: raw, diagnostics: [])
        defer { d += reader.diagnostics }
        if raw.format != .xml, let id = raw.fields.text(.branchID), !id.isEmpty, Validator.isUnfilled(raw) {
            reader.diagnostics.append(
                .error(
                    .sheetRowNotFilled(row: raw.location.line, id: Escaped.text(id)), at: reader.place(.branchID),
                    field: reader.fieldName(.branchID), branch: id))
            return nil
        }
        for p in raw.problems { reader.report(p) }
        let branchID = reader.identifier(.branchID)
        let yearValue = reader.integer(.year, range: 1900...2999)
        if let y = yearValue, y != year, raw.fields[.year] != nil {
            reader.diagnostics.append(
                .error(
                    .wrongYear(year: year, found: y), at: reader.place(.year), field: reader.fieldName(.year),
                    branch: branchID))
        }
        let name = reader.name(.branchName)
        let committeeID = reader.identifier(.committeeID)
        let committeeName = reader.name(.committeeName)
        let category = raw.fields.text(.category) ?? ""
        let members = reader.integer(.members, range: 1...1_000_000)
        // the ten scores of a sheet, the ones that could be read (checked in the columns' order)
        func scores(_ sheet: Sheet) -> [Tenths] {
            var read: [Tenths] = []
            read.reserveCapacity(10)
            for n in 1...10 { if let v = reader.decimal(.aspect(sheet, n), max: aspectMax) { read.append(v) } }
            return read
        }
        let selfScores = scores(.selfEvaluation)
        let massScores = scores(.massEvaluation)
        let superiorScores = scores(.superiorEvaluation)
        let memberParticipants = reader.integer(.massMemberParticipants, range: 0...1_000_000)
        let publicParticipants = reader.integer(.massPublicParticipants, range: 0...1_000_000)
        let satisfaction = reader.decimal(.satisfaction, max: Tenths(1000))
        let commendations = raw.commendationLevels.compactMap { reader.level($0, field: .commendationLevel) }
        let innovations = raw.innovationLevels.compactMap { reader.level($0, field: .innovationLevel) }
        let workCriticisms = reader.count(.criticismsWorkCommittee)
        let municipalCriticisms = reader.count(.criticismsMunicipalCommittee)
        let minorSanctions = reader.count(.leadershipMinorSanctions)
        let majorSanctions = reader.count(.leadershipMajorSanctions)
        let memberSanctions = reader.count(.memberSanctions)
        let absences = reader.count(.unexcusedAbsences)
        let election = reader.election(ratingYear: year)
        for (name, f) in raw.eventDates { _ = reader.date(f, field: name, ratingYear: year) }

        guard !reader.diagnostics.contains(where: { $0.severity == .error }),
            let branchID, let name, let committeeID, let committeeName, let members,
            let memberParticipants, let publicParticipants, let satisfaction,
            let yearValue, [selfScores, massScores, superiorScores].allSatisfy({ $0.count == 10 })
        else { return nil }

        let s = Submission(
            year: yearValue,
            branch: packer.branch(
                id: branchID, name: name, committeeID: committeeID, committeeName: committeeName,
                category: category, members: members),
            selfScores: selfScores, massScores: massScores, superiorScores: superiorScores,
            massMemberParticipants: memberParticipants, massPublicParticipants: publicParticipants,
            satisfaction: satisfaction, commendations: commendations, innovations: innovations,
            criticismsWorkCommittee: workCriticisms, criticismsMunicipalCommittee: municipalCriticisms,
            leadershipMinorSanctions: minorSanctions, leadershipMajorSanctions: majorSanctions,
            memberSanctions: memberSanctions, election: election ?? nil,
            unexcusedAbsences: absences, source: raw.location)
        warnings(for: s, raw: raw, into: &reader.diagnostics)
        return s
    }

    func warnings(for s: Submission, raw: RawSubmission, into d: inout [Diagnostic]) {
        let reader = FieldReader(raw: raw, diagnostics: [])
        let at = reader.place(.massMemberParticipants)
        let name = reader.fieldName(.massMemberParticipants)
        if s.massMemberParticipants * 100 < s.branch.members * participationWarningPercent {
            d.append(
                .warning(
                    .lowParticipation(
                        participants: s.massMemberParticipants, members: s.branch.members,
                        percent: participationWarningPercent), at: at, field: name,
                    branch: s.branch.id))
        }
        if s.massMemberParticipants > s.branch.members {
            d.append(
                .warning(
                    .tooManyParticipants(participants: s.massMemberParticipants, members: s.branch.members),
                    at: at, field: name, branch: s.branch.id))
        }
        let selfTotal = s.total(.selfEvaluation)
        let superiorTotal = s.total(.superiorEvaluation)
        if selfTotal - superiorTotal > selfOverSuperiorWarning {
            d.append(
                .warning(
                    .selfTooHigh(self: selfTotal, limit: selfOverSuperiorWarning, superior: superiorTotal),
                    at: raw.fields[.aspect(.selfEvaluation, 1)]?.location ?? raw.location, branch: s.branch.id))
        }
    }
}
