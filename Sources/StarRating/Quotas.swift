import StarModel

/// Q1, Q2 and any other quota of the rules file — 三(二): "五星级…一般不超过…10%，一星级以下…
/// 一般不低于…10%". Applied per scope, in the rules file's order, ranking by final score alone.
enum QuotaApplication {
    static let clause = "三(二)"

    /// Applies one constraint to the results at `indices` (one scope), changing stars in place
    /// under `enforce`, and returns the check to report.
    static func apply(_ q: QuotaRule, scope: String, indices: [Int], results: inout [BranchResult]) -> QuotaCheck {
        let n = indices.count
        let limit = q.limit(for: n)
        let inSet = indices.filter { q.levels.contains(results[$0].stars) }
        var check = QuotaCheck(
            code: q.code, scope: scope, levelsLabel: q.levelsLabel, bound: q.bound, policy: q.policy,
            percent: q.percent, n: n, limit: limit, countBefore: inSet.count, countAfter: inSet.count,
            changed: [], tie: nil, violated: false)
        let breaks = q.bound == .max ? inSet.count > limit : inSet.count < limit
        guard breaks else { return check }
        guard q.policy == .enforce, q.canEnforce else {
            check.violated = true
            return check
        }
        // Ranked by final score; branch id only makes the listing stable, never the cut.
        let selected: [Int]
        let ranked: [Int]
        var tiedScore: Tenths?
        let newStars: (Int) -> Int
        switch q.bound {
        case .max:
            // Highest first; those past the limit lose one star. A tie straddling the limit:
            // all tied branches are lowered, so the count never exceeds the limit.
            ranked = inSet.sorted {
                (results[$0].final, results[$1].branch.id) > (results[$1].final, results[$0].branch.id)
            }
            let cut = results[ranked[limit]].final
            if limit > 0 && results[ranked[limit - 1]].final == cut { tiedScore = cut }
            selected = ranked.filter { results[$0].final <= cut }
            newStars = { $0 - 1 }
        case .min:
            // Lowest first among the branches above the set; they join the set's top level until
            // the minimum is met. A tie straddling the cut: all tied branches are included.
            let top = q.levels.max()!
            let shortfall = limit - inSet.count
            ranked = indices.filter { results[$0].stars > top }
                .sorted { (results[$0].final, results[$0].branch.id) < (results[$1].final, results[$1].branch.id) }
            if ranked.count <= shortfall {
                selected = ranked
            } else {
                let cut = results[ranked[shortfall - 1]].final
                if results[ranked[shortfall]].final == cut { tiedScore = cut }
                selected = ranked.filter { results[$0].final <= cut }
            }
            newStars = { _ in top }
        }
        for i in selected {
            let before = results[i].stars
            let after = newStars(before)
            results[i].stars = after
            results[i].trail.append(
                TrailEntry(
                    code: q.code, clause: clause, kind: .quota, starsBefore: before, starsAfter: after,
                    quota: TrailEntry.QuotaStep(scope: scope, limit: limit, tied: tiedScore == results[i].final)))
        }
        check.changed = selected.map { results[$0].branch.id }.sorted()
        check.countAfter = indices.filter { q.levels.contains(results[$0].stars) }.count
        if let score = tiedScore {
            let ids = ranked.filter { results[$0].final == score }
            check.tie = QuotaTie(
                code: q.code, scope: scope, score: score, branchIDs: ids.map { results[$0].branch.id }.sorted())
        }
        return check
    }
}
