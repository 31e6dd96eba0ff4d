/// Levenshtein distance by characters: how near a misspelled name (a sheet's header, a TOML key)
/// is to a known one, for "did you mean".
public enum EditDistance {
    public static func between(_ x: String, _ y: String) -> Int {
        let a = Array(x)
        let b = Array(y)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// The candidate nearest to `name` among those `accepts` (given the candidate and its
    /// distance) takes for a typo of it; on a tie, the first in the candidates' order.
    public static func nearest(
        _ name: String, among candidates: some Sequence<String>, accepts: (String, Int) -> Bool
    ) -> String? {
        var best: (String, Int)?
        for c in candidates {
            let d = between(name, c)
            if accepts(c, d), d < (best?.1 ?? .max) { best = (c, d) }
        }
        return best?.0
    }
}
