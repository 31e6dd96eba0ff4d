import Foundation
import StarModel
import StarRating
import StarRules
import TestSupport
import Testing

/// Every text about a rule code (the summaries' legend, the notice's 说明, results.xlsx's 规则说明
/// sheet, the `rules` section of results.json) states the numbers of the rules file in use.
@Suite struct RuleTextTests {
    /// Chinese numerals as the reports write small counts, written out here on their own so the
    /// test does not read the program's words back.
    static let numerals = ["零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十"]
    static let stars = ["不定星级", "一星级", "二星级", "三星级", "四星级", "五星级"]

    /// A random valid rules file: every number different from the shipped one (or random in its
    /// range), as a city would write it.
    static func randomRules(_ g: inout SplitMix) -> String {
        func t(_ range: ClosedRange<Int>) -> String { Tenths(Int.random(in: range, using: &g)).description }
        func i(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &g) }
        let five = i(850...990)
        let noStar = i(1...600)
        return """
            name = "random-city"
            version = "1"
            [weights]
            self = 25
            mass = 25
            superior = 50
            [bonus]
            commendation = { city = \(t(1...99)), province = \(t(1...99)), national = \(t(1...99)) }
            innovation = { city = \(t(1...99)), province = \(t(1...99)), national = \(t(1...99)) }
            innovation_cumulative = \(Bool.random(using: &g))
            [deduction]
            work_committee_criticism = \(t(1...99))
            municipal_committee_criticism = \(t(1...99))
            leadership_minor_sanction = \(t(1...99))
            leadership_major_sanction = \(t(1...99))
            member_sanction = \(t(1...99))
            low_satisfaction = \(t(1...99))
            unexcused_absence = \(t(1...99))
            [satisfaction]
            deduction_below = \(Tenths(noStar + i(1...300)))
            no_star_below = \(Tenths(noStar))
            satisfaction_threshold_inclusive = \(Bool.random(using: &g))
            [bands]
            five = \(Tenths(five))
            four = \(Tenths(five - 100))
            three = \(Tenths(five - 200))
            two = \(Tenths(five - 300))
            one = \(Tenths(five - 400))
            [election]
            overdue_cap = \(i(0...5))
            long_overdue_cap = \(i(0...5))
            long_overdue_years = \(i(1...10))
            [absence]
            threshold = \(i(1...1000))
            cap = \(i(0...5))
            drop = \(i(0...5))
            [[quota]]
            code = "Q1"
            levels = [5]
            bound = "max"
            percent = \(t(10...400))
            rounding = "floor"
            policy = "enforce"
            [[quota]]
            code = "Q2"
            levels = [0, 1]
            bound = "min"
            percent = \(t(10...400))
            rounding = "ceil"
            policy = "enforce"
            """
    }

    static func branch(_ n: Int, total: Int = 1000) -> BranchInfo {
        BranchInfo(id: "B-\(n)", name: "支部\(n)", committeeID: "K", committeeName: "委员会", members: 10)
    }

    static func submission(_ n: Int, total: Int, satisfaction: Tenths = Tenths(1000)) -> Submission {
        let scores = (0..<10).map { Tenths(total / 10 + ($0 < total % 10 ? 1 : 0)) }
        return Submission(
            year: 2026, branch: branch(n), selfScores: scores, massScores: scores, superiorScores: scores,
            satisfaction: satisfaction)
    }

    /// `60%` or `60.0%`: the percentage as the rules file has it.
    static func states(_ text: String, percent p: Tenths) -> Bool {
        text.contains("\(p.plain)%") || text.contains("\(p)%")
    }

    /// The cap as the legend writes it (`最高四星级`; `不定星级` for none).
    static func legendCap(_ cap: Int) -> String { cap == 0 ? stars[0] : "最高" + stars[cap] }

    @Test(arguments: 0..<40) func everyTextStatesTheNumbersOfTheRulesFile(seed: Int) throws {
        var g = SplitMix(seed: UInt64(seed) &* 7919 &+ 17)
        let text = Self.randomRules(&g)
        let rules = try RulesFile.parse(text, path: "rules.toml").get()

        // One branch on which every B, D and C code fires.
        let level = Level.allCases.randomElement(using: &g)!
        var s = Self.submission(1, total: 800, satisfaction: rules.satisfactionNoStarBelow - Tenths(1))
        s.commendations = [level]
        s.innovations = [level]
        s.criticismsWorkCommittee = 1
        s.criticismsMunicipalCommittee = 1
        s.leadershipMinorSanctions = 1
        s.leadershipMajorSanctions = 1
        s.memberSanctions = 1
        s.unexcusedAbsences = rules.absenceThreshold
        s.election = Election(due: CivilDate(year: 2026 - rules.electionLongOverdueYears - 1, month: 6, day: 1)!)
        let one = RatingEngine(rules: rules).rateOne(s, referenceDate: rules.referenceDate(forYear: 2026))
        #expect(Set(one.ruleCodes) == Set(RuleCode.allCases.map(\.rawValue)).subtracting(["Q1", "Q2"]))

        // Twenty five-star branches: Q1 lowers some, Q2 then raises the minimum to one star.
        let many = (0..<20).map { Self.submission($0, total: 1000 - $0) }
        let outcome = RatingEngine(rules: rules).rate(many, year: 2026)
        let trail = one.trail + outcome.results.flatMap(\.trail)

        for code in RuleCode.allCases {
            let d = rules.descriptor(code)
            #expect(d.code == code.rawValue)
            #expect(trail.contains { $0.code == code.rawValue }, "\(code) did not fire")
            var texts = [d.meaning, d.detail]
            if let note = d.note, code.kind == .condition, code != .C2, code != .C3, code != .C4 { texts.append(note) }
            func expectAll(_ what: String, _ holds: (String) -> Bool) {
                for t in texts { #expect(holds(t), "\(code): \(t) does not state \(what)\n\(text)") }
            }
            switch code {
            case .B1, .B2:
                let points = code == .B1 ? rules.commendationPoints : rules.innovationPoints
                for l in Level.allCases {
                    #expect(d.detail.contains("\(l.chinese)\(points[l]!.plain)分"), "\(d.detail)")
                }
                #expect(trail.first { $0.code == code.rawValue }?.points == points[level])
            case .D1, .D2, .D3, .D4, .D5, .D6, .D7:
                let points: [RuleCode: Tenths] = [
                    .D1: rules.workCommitteeCriticism, .D2: rules.municipalCommitteeCriticism,
                    .D3: rules.leadershipMinorSanction, .D4: rules.leadershipMajorSanction, .D5: rules.memberSanction,
                    .D6: rules.lowSatisfaction, .D7: rules.unexcusedAbsence,
                ]
                #expect(d.detail.contains("减\(points[code]!.plain)分"), "\(d.detail)")
                #expect(trail.first { $0.code == code.rawValue }?.points == Tenths.zero - points[code]!)
                if code == .D6 {
                    expectAll("deduction_below") { Self.states($0, percent: rules.satisfactionDeductionBelow) }
                }
            case .C1:
                expectAll("no_star_below") { Self.states($0, percent: rules.satisfactionNoStarBelow) }
                #expect(
                    Self.states(rules.note(one), percent: rules.satisfactionNoStarBelow) || one.stars == one.bandStars)
            case .C2:
                expectAll("overdue_cap") { $0.contains(Self.legendCap(rules.electionOverdueCap)) }
            case .C3:
                let years = rules.electionLongOverdueYears
                for t in [d.meaning, d.detail] {
                    #expect(
                        t.contains(Self.legendCap(rules.electionLongOverdueCap))
                            && t.contains(Self.numerals[years] + "年"), "\(t)")
                }
            case .C4:
                expectAll("threshold") { $0.contains("累计\(rules.absenceThreshold)次") }
                for t in [d.meaning, d.detail] {
                    #expect(
                        t.contains(Self.legendCap(rules.absenceCap))
                            && t.contains("降低\(Self.numerals[rules.absenceDrop])个星级"), "\(t)")
                }
            case .Q1, .Q2:
                let q = rules.quotas.first { $0.code == code.rawValue }!
                expectAll("percent") { Self.states($0, percent: q.percent) }
            }
        }
    }

    /// The shipped rules explain themselves as the reports always have (the golden files hold
    /// the rest).
    @Test func shippedRulesKeepTheirWords() throws {
        let rules = try RulesFile.loadDefault().get()
        #expect(rules.descriptor(.C1).note == "满意率低于50%")
        #expect(rules.descriptor(.C4).meaning == "年度内无故缺席累计3次及以上，最高四星级并降低一个星级")
        #expect(rules.descriptor(.C2).meaning == "未按期换届且未经批准延期，最高四星级")
        #expect(rules.descriptor(.C3).meaning == "超期一年以上未换届，最高三星级")
        #expect(rules.descriptor(.D6).detail == "民主评议满意率低于60%，减分（减5分）")
        #expect(rules.descriptor(.Q1).meaning == "五星级名额不超过参评总数的10%，超出的按得分由低到高降为四星级")
    }

    /// The city: overdue_cap = 3, absence threshold = 2, deduction_below = 65.
    @Test func aCitysNumbersReachEveryText() throws {
        let text = """
            name = "city"
            version = "1"
            [satisfaction]
            deduction_below = 65.0
            [election]
            overdue_cap = 3
            [absence]
            threshold = 2
            """
        let rules = try RulesFile.parse(text, path: "rules.toml").get()
        #expect(rules.descriptor(.C2).meaning == "未按期换届且未经批准延期，最高三星级")
        #expect(rules.descriptor(.C4).meaning == "年度内无故缺席累计2次及以上，最高四星级并降低一个星级")
        #expect(rules.descriptor(.D6).meaning == "民主评议满意率低于65%，减分")
    }
}

/// docs/rules.md's tables of codes state the shipped rules' numbers and the notice's 说明 of each
/// code's descriptor: change the shipped file or a descriptor and this fails until the docs follow.
@Suite struct RulesDocTests {
    static let words = ["no", "one", "two", "three", "four", "five"]

    /// The table row of `code` in docs/rules.md.
    static func row(_ code: RuleCode, in doc: String) -> String? {
        doc.split(separator: "\n").first { $0.hasPrefix("| \(code.rawValue) |") }.map(String.init)
    }

    @Test func docsTablesFollowTheShippedRules() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let doc = try String(contentsOf: root.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        let rules = try RulesFile.loadDefault().get()
        for code in RuleCode.allCases {
            let row = try #require(Self.row(code, in: doc), "docs/rules.md has no row for \(code)")
            let d = rules.descriptor(code)
            var figures: [String] = []
            switch code {
            case .B1, .B2:
                let points = code == .B1 ? rules.commendationPoints : rules.innovationPoints
                figures = Level.allCases.map { "\($0.rawValue) +\(points[$0]!.plain)" }
            case .D1: figures = ["−\(rules.workCommitteeCriticism.plain)"]
            case .D2: figures = ["−\(rules.municipalCommitteeCriticism.plain)"]
            case .D3: figures = ["−\(rules.leadershipMinorSanction.plain)"]
            case .D4: figures = ["−\(rules.leadershipMajorSanction.plain)"]
            case .D5: figures = ["−\(rules.memberSanction.plain)"]
            case .D6:
                figures = ["−\(rules.lowSatisfaction.plain)", "below \(rules.satisfactionDeductionBelow.plain) %"]
            case .D7: figures = ["−\(rules.unexcusedAbsence.plain)"]
            case .C1: figures = ["below \(rules.satisfactionNoStarBelow.plain) %"]
            case .C2: figures = ["at most \(Self.words[rules.electionOverdueCap]) stars"]
            case .C3:
                figures = [
                    "at most \(Self.words[rules.electionLongOverdueCap]) stars",
                    "more than \(Self.words[rules.electionLongOverdueYears]) year",
                ]
            case .C4:
                figures = [
                    "\(Self.words[rules.absenceThreshold]) or more", "累计\(rules.absenceThreshold)次",
                    "at most \(Self.words[rules.absenceCap]) stars", "\(Self.words[rules.absenceDrop]) star lower",
                ]
            case .Q1, .Q2:
                let q = rules.quotas.first { $0.code == code.rawValue }!
                figures = ["\(q.rounding.rawValue)(N × \(q.percent.plain) %)"]
            }
            if let note = d.note { figures.append("| \(note) |") }
            for f in figures { #expect(row.contains(f), "docs/rules.md, \(code): \(row) does not say \(f)") }
        }
    }
}
