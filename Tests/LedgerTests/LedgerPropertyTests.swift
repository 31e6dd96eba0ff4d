import Foundation
import PropertyBased
import StarModel
import TestSupport
import Testing

@testable import StarLedger

/// What the ledger should hold for one branch, kept beside it by the property test.
struct ModelBranch {
    var proposed: Int
    var objections: [Int?] = []  // resolved stars, nil while open
    var approved: Int?
    var adjustments: [Int] = []
}

@Suite struct LedgerProperties {
    /// Random sequences of record/object/resolve/approve/adjust: every change the ledger
    /// accepted is one log row (in order), every refusal none, and `history` says what a
    /// simple model of the yearly cycle says.
    @Test func historyFollowsTheLog() async throws {
        let ids = (0..<5).map { String(format: "B%06d", $0) }
        await propertyCheck(count: 30, input: Gen.int(in: 0...1_000_000)) { seed in
            var g = SplitMix(seed: UInt64(seed))
            func pick(_ n: Int) -> Int { Int(g.next() % UInt64(n)) }
            guard let dir = try? temporaryFolder("ledger-property") else { return }
            defer { try? FileManager.default.removeItem(at: dir) }
            func year(_ k: Int) -> [FakeBranch] {
                ids.map { FakeBranch(id: $0, committee: "C", stars: pick(6), final: 700 + pick(200)) }
            }
            let first = year(0)
            try? fakeReports(dir.appendingPathComponent("r0"), year: 2025, branches: first, salt: "0")
            guard let file = try? LedgerFile(path: dir.appendingPathComponent("l.sqlite").path, create: true) else {
                return
            }
            let l = Ledger(file: file, by: "p")
            var model: [String: ModelBranch] = [:]
            var approved = false
            var commands: [String] = []
            func apply(_ command: String, _ body: () throws(Failure) -> Ledger.Outcome) -> Bool {
                do {
                    if case .changed = try body() {
                        commands.append(command)
                        return true
                    }
                    return false
                } catch { return false }
            }
            if apply("record", { () throws(Failure) in try l.record(reports: dir.appendingPathComponent("r0").path) }) {
                for b in first { model[b.id] = ModelBranch(proposed: b.stars) }
            }
            for step in 1...25 {
                let id = ids[pick(ids.count)]
                switch pick(6) {
                case 0:
                    let r = dir.appendingPathComponent("r\(step)")
                    let next = year(step)
                    try? fakeReports(r, year: 2025, branches: next, salt: "\(step)")
                    let ok = apply("record", { () throws(Failure) in try l.record(reports: r.path) })
                    #expect(ok == !approved)
                    if ok { for b in next { model[b.id]!.proposed = b.stars } }
                case 1:
                    let ok = apply(
                        "object",
                        { () throws(Failure) in
                            try l.object(year: 2025, branch: id, text: "异议 \(step)", date: date("2026-01-02"))
                        })
                    #expect(ok == !approved)
                    if ok { model[id]!.objections.append(nil) }
                case 2:
                    let stars = pick(6)
                    let ok = apply(
                        "resolve",
                        { () throws(Failure) in
                            try l.resolve(year: 2025, branch: id, stars: stars, reason: "处理 \(step)")
                        })
                    #expect(ok == (!approved && model[id]!.objections.contains(nil)))
                    if ok { model[id]!.objections = model[id]!.objections.map { $0 ?? stars } }
                case 3, 4:
                    let ok = apply(
                        "approve",
                        { () throws(Failure) in try l.approve(year: 2025, date: date("2026-01-07"), document: nil) })
                    #expect(ok == (!approved && model.values.allSatisfy { !$0.objections.contains(nil) }))
                    if ok {
                        approved = true
                        for (k, b) in model {
                            // the last resolution's stars, else the proposal
                            model[k]!.approved = b.objections.last.map { $0! } ?? b.proposed
                        }
                    }
                default:
                    let stars = pick(6)
                    let ok = apply(
                        "adjust",
                        { () throws(Failure) in
                            try l.adjust(
                                branch: id, stars: stars, date: date("2026-05-01"), reason: "调整 \(step)", document: nil)
                        })
                    let current = model[id]!.adjustments.last ?? model[id]!.approved
                    #expect(ok == (current != nil && stars < current!))
                    if ok { model[id]!.adjustments.append(stars) }
                }
            }
            let log = try? l.file.read { db in try String.fetchAll(db, sql: "SELECT command FROM log ORDER BY id") }
            #expect(log == commands, "seed \(seed)")
            for (id, m) in model {
                guard let h = try? l.file.history(branch: id), h.count == 1 else {
                    Issue.record("seed \(seed): no history for \(id)")
                    continue
                }
                let y = h[0]
                #expect(y.proposed == m.proposed && y.approved == m.approved, "seed \(seed) \(id)")
                #expect(y.current == (m.adjustments.last ?? m.approved), "seed \(seed) \(id)")
                #expect(y.objections.map(\.resolvedStars) == m.objections, "seed \(seed) \(id)")
                #expect(y.adjustments.map(\.stars) == m.adjustments, "seed \(seed) \(id)")
                let status = m.approved == nil ? "notice" : (m.approved == 5 ? "review" : "approved")
                #expect(y.status == status, "seed \(seed) \(id)")
            }
        }
    }
}
