/// A calendar date without time or zone (ISO `YYYY-MM-DD`), exact and Foundation-free.
public struct CivilDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    // Four bytes, not three Ints: every submission holds up to two dates (a province's million).
    private let y: UInt16
    private let m: UInt8
    private let d: UInt8
    public var year: Int { Int(y) }
    public var month: Int { Int(m) }
    public var day: Int { Int(d) }

    /// Returns nil unless the date exists in the proleptic Gregorian calendar.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CivilDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.y = UInt16(year)
        self.m = UInt8(month)
        self.d = UInt8(day)
    }

    /// Parses strictly `YYYY-MM-DD`.
    public init?(iso text: some StringProtocol) {
        let u = Array(Substring(text).utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                guard u[i] >= 0x30 && u[i] <= 0x39 else { return nil }
                v = v * 10 + Int(u[i] - 0x30)
            }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The same calendar date `n` years later; 29 February becomes 28 February in a common year.
    public func addingYears(_ n: Int) -> CivilDate {
        let y = year + n
        return CivilDate(year: y, month: month, day: min(day, CivilDate.daysIn(month: month, year: y)))!
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// An Excel date serial of the 1900 system (whole days; a time of day is dropped): days since
    /// 1899-12-30, except below 61, where Excel counts the 29 February 1900 that never was
    /// (Lotus's leap-year bug); serial 60 itself is refused. Nil outside 1…2958465 (9999-12-31).
    public init?(excelSerial v: Double) {
        guard v >= 1, v < 2_958_466 else { return nil }
        var days = Int(v.rounded(.down))
        if days == 60 { return nil }
        if days < 60 { days += 1 }
        // 25569 days lead from 1899-12-30 to 1970-01-01, day 0
        self.init(dayNumber: days - 25569)
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        // Years outside 0…65535 cannot be held; the rules only ever move a few years.
        self.y = UInt16(clamping: yoe + era * 400 + (m <= 2 ? 1 : 0))
        self.m = UInt8(m)
        self.d = UInt8(d)
    }

    public func addingDays(_ n: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + n) }

    /// 0 = Monday … 6 = Sunday.
    public var weekday: Int { ((dayNumber % 7) + 7 + 3) % 7 }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public var description: String {
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// `2026年12月31日`
    public var chinese: String { "\(year)年\(month)月\(day)日" }

    public init(from decoder: Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let d = CivilDate(iso: s) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a date: \(s)"))
        }
        self = d
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
