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
}
