import Synchronization

/// A year's submissions, kept packed: a province has a million of them, held from the checks
/// across records until results.json is written, and a plain `Submission` (three arrays of
/// `Tenths`, two of levels, a dozen `Int`s) would take about four times the memory and three to
/// five heap blocks each. Every memory trick for submissions is here and nowhere else:
///
/// - the thirty aspects as one byte each, inline (the validator admits 0.0–10.0);
/// - the whole-number facts as `Int32` (each is checked to at most a million);
/// - the level lists as two bits a level inside one word (longer lists, which no real
///   submission has, spill into an array);
/// - committee names and categories shared: one copy for all the branches that name them
///   (`Packer.branch`).
///
/// Reading an element gives a plain `Submission`; the store is a random-access collection of them.
public struct SubmissionStore: RandomAccessCollection, Sendable {
    private var rows: [Packed]

    public init() { rows = [] }
    public init(_ submissions: some Sequence<Submission>) {
        let packer = Packer()
        rows = submissions.map(packer.pack)
    }

    public var startIndex: Int { rows.startIndex }
    public var endIndex: Int { rows.endIndex }
    public subscript(i: Int) -> Submission { rows[i].submission }
    /// A submission as stored, for what needs only its branch or its source.
    public subscript(packed i: Int) -> Packed { rows[i] }

    public mutating func reserveCapacity(_ n: Int) { rows.reserveCapacity(n) }
    public mutating func append(_ packed: Packed) { rows.append(packed) }

    /// Sorts by a key of the branch (the packed rows move, nothing is unpacked).
    public mutating func sort(by areInIncreasingOrder: (BranchInfo, BranchInfo) -> Bool) {
        rows.sort { areInIncreasingOrder($0.branch, $1.branch) }
    }

    /// One submission, packed: no heap block of its own but for a rare long list of levels.
    public struct Packed: Sendable {
        public private(set) var branch: BranchInfo
        public let source: SourceLocation
        let election: Election?
        let aspects: Aspects
        let counts: Counts
        let satisfaction: Int32
        let commendations: Levels
        let innovations: Levels

        struct Counts: Sendable {
            var year, memberParticipants, publicParticipants, workCriticisms, municipalCriticisms: Int32
            var minorSanctions, majorSanctions, memberSanctions, absences: Int32
        }

        /// The same submission under another branch name (the register's).
        public func renamed(_ name: String) -> Packed {
            var p = self
            let b = branch
            p.branch = BranchInfo(
                id: b.id, name: name, committeeID: b.committeeID, committeeName: b.committeeName, category: b.category,
                members: b.members)
            return p
        }

        init(_ s: Submission, branch: BranchInfo) {
            self.branch = branch
            source = s.source
            election = s.election
            aspects = Aspects(s.selfScores + s.massScores + s.superiorScores)
            counts = Counts(
                year: Int32(clamping: s.year), memberParticipants: Int32(clamping: s.massMemberParticipants),
                publicParticipants: Int32(clamping: s.massPublicParticipants),
                workCriticisms: Int32(clamping: s.criticismsWorkCommittee),
                municipalCriticisms: Int32(clamping: s.criticismsMunicipalCommittee),
                minorSanctions: Int32(clamping: s.leadershipMinorSanctions),
                majorSanctions: Int32(clamping: s.leadershipMajorSanctions),
                memberSanctions: Int32(clamping: s.memberSanctions), absences: Int32(clamping: s.unexcusedAbsences))
            satisfaction = Int32(clamping: s.satisfaction.raw)
            commendations = Levels(s.commendations)
            innovations = Levels(s.innovations)
        }

        /// The submission as a plain value.
        public var submission: Submission {
            Submission(
                year: Int(counts.year), branch: branch,
                selfScores: aspects.tenths(0..<10), massScores: aspects.tenths(10..<20),
                superiorScores: aspects.tenths(20..<30),
                massMemberParticipants: Int(counts.memberParticipants),
                massPublicParticipants: Int(counts.publicParticipants),
                satisfaction: Tenths(Int(satisfaction)), commendations: commendations.list,
                innovations: innovations.list,
                criticismsWorkCommittee: Int(counts.workCriticisms),
                criticismsMunicipalCommittee: Int(counts.municipalCriticisms),
                leadershipMinorSanctions: Int(counts.minorSanctions),
                leadershipMajorSanctions: Int(counts.majorSanctions),
                memberSanctions: Int(counts.memberSanctions), election: election,
                unexcusedAbsences: Int(counts.absences),
                source: source)
        }
    }

    /// Packs submissions; makes their branches, sharing the committees' names and categories
    /// among all of them. Safe to use from several threads (records are checked and packed in
    /// parallel as they are read).
    public final class Packer: Sendable {
        private let table = Mutex<[String: String]>([:])

        public init() {}

        /// A branch whose committee name and category are the one copy shared by all branches.
        public func branch(
            id: String, name: String, committeeID: String, committeeName: String, category: String, members: Int
        ) -> BranchInfo {
            BranchInfo(
                id: id, name: name, committeeID: committeeID, committeeName: shared(committeeName),
                category: shared(category),
                members: members)
        }

        public func pack(_ s: Submission) -> Packed { Packed(s, branch: s.branch) }

        private func shared(_ s: String) -> String {
            // Short strings live inside the String value itself: nothing to share.
            guard s.utf8.count > 15 else { return s }
            return table.withLock { t in
                if let first = t[s] { return first }
                t[s] = s
                return s
            }
        }
    }

    /// Thirty aspects in tenths, one byte each, in four words.
    struct Aspects: Sendable {
        private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

        init(_ tenths: [Tenths]) {
            precondition(
                tenths.count == 30 && tenths.allSatisfy { (0...255).contains($0.raw) }, "thirty aspects of 0.0–25.5")
            withUnsafeMutableBytes(of: &words) { bytes in
                for (i, t) in tenths.enumerated() { bytes[i] = UInt8(t.raw) }
            }
        }

        func tenths(_ r: Range<Int>) -> [Tenths] {
            withUnsafeBytes(of: words) { bytes in r.map { Tenths(Int(bytes[$0])) } }
        }
    }

    /// A list of levels: up to fifteen in one word (two bits each, the count in the top four bits),
    /// else in an array.
    struct Levels: Sendable {
        private let word: UInt64
        private let spill: [Level]?

        private static let code: [Level] = [.city, .province, .national]

        init(_ list: [Level]) {
            guard list.count <= 15 else {
                word = 0
                spill = list
                return
            }
            var w = UInt64(list.count) << 60
            for (i, level) in list.enumerated() { w |= UInt64(Levels.code.firstIndex(of: level)!) << (2 * i) }
            word = w
            spill = nil
        }

        var list: [Level] {
            if let spill { return spill }
            let n = Int(word >> 60)
            return (0..<n).map { Levels.code[Int((word >> (2 * $0)) & 3)] }
        }
    }
}
