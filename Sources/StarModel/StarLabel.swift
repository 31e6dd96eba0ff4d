/// Display names of star levels: the one home of `二星级`, for the reports, the rules' texts and
/// the ledger's messages alike.
public enum StarLabel {
    public static let numerals = ["无", "一", "二", "三", "四", "五"]
    /// `五星级`, …, `不定星级` for 0; a number outside 0…5 (a damaged ledger file) as `7星级`.
    public static func chinese(_ stars: Int) -> String {
        stars == 0 ? "不定星级" : numerals.indices.contains(stars) ? "\(numerals[stars])星级" : "\(stars)星级"
    }
    /// `★★★★☆`
    public static func glyphs(_ stars: Int) -> String {
        let s = min(max(stars, 0), 5)
        return String(repeating: "★", count: s) + String(repeating: "☆", count: 5 - s)
    }
    /// `5 stars`, `1 star`, `no star` for 0: the level in English messages.
    public static func english(_ stars: Int) -> String {
        stars == 0 ? "no star" : stars == 1 ? "1 star" : "\(stars) stars"
    }
    /// The level as a message parameter: `二星级` in Chinese, `2 stars` in English.
    public static func level(_ stars: Int) -> Localized { Localized(zh: chinese(stars), en: english(stars)) }
}
