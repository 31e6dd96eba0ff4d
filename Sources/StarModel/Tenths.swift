/// An exact decimal with one digit after the point, held as an integer count of tenths.
///
/// Scores, points and percentages are all `Tenths`: 87.5 is `Tenths(875)`. No floating point is
/// ever involved, so a score printed on a notice is exactly the score the rules computed.
public struct Tenths: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var raw: Int

    public init(_ raw: Int) { self.raw = raw }
    public init(points: Int) { self.raw = points * 10 }

    public static let zero = Tenths(0)

    public static func < (a: Tenths, b: Tenths) -> Bool { a.raw < b.raw }
    public static func + (a: Tenths, b: Tenths) -> Tenths { Tenths(a.raw + b.raw) }
    public static func - (a: Tenths, b: Tenths) -> Tenths { Tenths(a.raw - b.raw) }
    public static func * (a: Tenths, n: Int) -> Tenths { Tenths(a.raw * n) }
    public static prefix func - (a: Tenths) -> Tenths { Tenths(-a.raw) }
    public static func += (a: inout Tenths, b: Tenths) { a.raw += b.raw }

    /// `87.0`, `-3.0`, `0.5`: always exactly one digit after the point.
    public var description: String {
        let sign = raw < 0 ? "-" : ""
        let m = raw.magnitude
        return "\(sign)\(m / 10).\(m % 10)"
    }

    /// `10` for a whole number, `12.5` otherwise (percentages in prose).
    public var plain: String { raw % 10 == 0 ? String(raw / 10) : description }

    /// `+3.0` / `-5.0` for adjustments.
    public var signedDescription: String { raw > 0 ? "+\(description)" : description }

    /// The outcome of reading a decimal written by a person.
    public enum ParseError: Error, Equatable, Sendable {
        case notANumber
        case tooManyDecimals
    }

    /// Parses `9`, `9.5`, `-3.0`: ASCII digits, an optional sign, at most one digit after the
    /// point (`9.50` is two decimals, as written), surrounding spaces ignored.
    public static func parse(_ text: some StringProtocol) -> Result<Tenths, ParseError> {
        // on the bytes with integer indices: this runs for every score of every branch
        var string = String(text)
        return string.withUTF8 { parse(bytes: $0) }
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Result<Tenths, ParseError> {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        var negative = false
        if start < end, bytes[start] == UInt8(ascii: "-") || bytes[start] == UInt8(ascii: "+") {
            negative = bytes[start] == UInt8(ascii: "-")
            start += 1
        }
        var whole = 0
        var digits = 0
        var fraction = 0
        var fractionDigits = 0
        var sawPoint = false
        for i in start..<end {
            let b = bytes[i]
            if b == UInt8(ascii: ".") {
                if sawPoint { return .failure(.notANumber) }
                sawPoint = true
            } else if b >= 0x30 && b <= 0x39 {
                if sawPoint {
                    fractionDigits += 1
                    fraction = Int(b - 0x30)
                } else {
                    digits += 1
                    if digits > 12 { return .failure(.notANumber) }
                    whole = whole * 10 + Int(b - 0x30)
                }
            } else {
                return .failure(.notANumber)
            }
        }
        if digits == 0 || (sawPoint && fractionDigits == 0) { return .failure(.notANumber) }
        if fractionDigits > 1 { return .failure(.tooManyDecimals) }
        let value = whole * 10 + (fractionDigits == 1 ? fraction : 0)
        return .success(Tenths(negative ? -value : value))
    }
}
