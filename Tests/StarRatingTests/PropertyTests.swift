import PropertyBased
import StarModel
import TestSupport
import Testing

@testable import StarRating

/// A varied submission derived from one random number: score, satisfaction, events, committee.
func randomSubmission(_ i: Int, _ seed: Int) -> Submission {
    var x = UInt64(truncatingIfNeeded: seed) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(i)
    func next(_ n: Int) -> Int {
        x = x &* 6364136223846793005 &+ 1442695040888963407
        return Int((x >> 33) % UInt64(n))
    }
    let total = 300 + next(701)
    let hasEvents = next(3) == 0
    return submission(
        String(format: "R-%05d", i), committee: "C\(next(3))", total: total,
        selfTotal: min(1000, total + next(40)), massTotal: max(0, total - next(40)), superiorTotal: total,
        satisfaction: hasEvents ? 400 + next(600) : 900,
        commendations: hasEvents && next(4) == 0 ? [.city] : [],
        workCriticisms: hasEvents ? next(2) : 0,
        election: hasEvents && next(3) == 0 ? Election(due: date("2025-06-30")) : nil,
        absences: hasEvents ? next(4) : 0)
}

let seeds = Gen.int(in: 0...1_000_000)
let sizes = Gen.int(in: 1...120)

@Suite struct RatingProperties {
    @Test func enforcedTopQuotaIsNeverExceededAndBottomNeverShort() async {
        await propertyCheck(count: 150, input: seeds, sizes, Gen.bool) { seed, n, perCommittee in
            let subs = (0..<n).map { randomSubmission($0, seed) }
            let scope: QuotaScope = perCommittee ? .committee : .all
            let out = RatingEngine().rate(subs, year: 2026, scope: scope)
            let groups = Dictionary(grouping: out.results) { scope == .all ? "all" : $0.branch.committeeID }
            for (_, g) in groups {
                let q = RuleSet().quotas
                #expect(g.filter { $0.stars == 5 }.count <= q[0].limit(for: g.count))
                #expect(g.filter { $0.stars <= 1 }.count >= min(q[1].limit(for: g.count), g.count))
            }
        }
    }

    @Test func resultDoesNotDependOnInputOrder() async {
        await propertyCheck(count: 100, input: seeds, sizes) { seed, n in
            let subs = (0..<n).map { randomSubmission($0, seed) }
            var shuffled = subs
            var rng = SplitMix(seed: UInt64(seed))
            shuffled.shuffle(using: &rng)
            #expect(RatingEngine().rate(subs, year: 2026) == RatingEngine().rate(shuffled, year: 2026))
        }
    }

    @Test func withoutEventsOrQuotasStarsFollowTheBands() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...1000), Gen.int(in: 0...1000), Gen.int(in: 0...1000)) {
            s, m, p in
            let r = rateAlone(submission(selfTotal: s, massTotal: m, superiorTotal: p))
            let expected =
                r.final >= Tenths(900)
                ? 5
                : r.final >= Tenths(800)
                    ? 4
                    : r.final >= Tenths(700)
                        ? 3
                        : r.final >= Tenths(600) ? 2 : r.final >= Tenths(500) ? 1 : 0
            #expect(r.stars == expected)
            #expect(r.bandStars == expected)
            #expect(r.trail.isEmpty)
            // the base is the exact weighted sum, rounded half-up: |10·base·100 − Σ| ≤ 50
            let exact = 20 * s + 30 * m + 50 * p
            #expect(abs(r.base.raw * 100 - exact) <= 50)
            #expect(r.base.raw * 100 - exact != -50)
        }
    }

    @Test func quotasOnlyEverMoveStarsTheWayTheySay() async {
        await propertyCheck(count: 100, input: seeds, sizes) { seed, n in
            let out = RatingEngine().rate((0..<n).map { randomSubmission($0, seed) }, year: 2026)
            for r in out.results {
                let q1 = r.trail.contains { $0.code == "Q1" }
                let q2 = r.trail.contains { $0.code == "Q2" }
                if !q1 && !q2 { #expect(r.stars == r.conditionStars) }
                if q1 && !q2 { #expect(r.conditionStars == 5 && r.stars == 4) }
                if q2 { #expect(r.stars == 1 && r.conditionStars >= 2) }
                #expect(r.stars <= r.bandStars)
            }
        }
    }
}
