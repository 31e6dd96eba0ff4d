/// Text from the data or the file system made safe to print on a terminal or in a report:
/// control characters (ESC, BEL, …), DEL, C1 controls and the bidirectional overrides and
/// isolates, which could rewrite or reorder what the reader sees, and the invisible characters
/// (zero-width, soft hyphen, fillers, tags, line and paragraph separators), which hide what is
/// there, are shown as `\x1B` or `\u{202E}`; bytes that are not UTF-8 (a GBK file name from a
/// Windows zip) as `\xB0`.
public enum Escaped {
    public static func text(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: needsEscape) else { return s }
        var out = ""
        for u in s.unicodeScalars { append(u, to: &out) }
        return out
    }

    /// A name given as raw bytes: valid UTF-8 runs as text, every other byte as `\xHH`.
    public static func bytes(_ raw: [UInt8]) -> String {
        if let s = String(validating: raw, as: UTF8.self) { return text(s) }
        var out = ""
        var i = 0
        while i < raw.count {
            let len = sequenceLength(raw, at: i)
            if len > 0, let s = String(validating: raw[i..<i + len], as: UTF8.self) {
                for u in s.unicodeScalars { append(u, to: &out) }
                i += len
            } else {
                out += "\\x" + hex(raw[i])
                i += 1
            }
        }
        return out
    }

    public static func needsEscape(_ u: Unicode.Scalar) -> Bool {
        isControlOrDirection(u) || isInvisible(u)
    }

    /// Control characters and the bidirectional marks, overrides and isolates.
    public static func isControlOrDirection(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// Characters that show nothing: Unicode's default-ignorable code points (soft hyphen,
    /// combining grapheme joiner, Hangul fillers, zero-width characters, word joiner and
    /// invisible operators, variation selectors, BOM, tags…), the line and paragraph separators
    /// and the blank Braille pattern. Listed as ranges, not looked up, for speed: every
    /// diagnostic's text passes here.
    public static func isInvisible(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0xAD { return false }
        switch v {
        case 0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180F: return true
        case 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x206F, 0x2800, 0x3164: return true
        case 0xFE00...0xFE0F, 0xFEFF, 0xFFA0, 0xFFF0...0xFFF8: return true
        case 0x1BCA0...0x1BCA3, 0x1D173...0x1D17A, 0xE0000...0xE0FFF: return true
        default: return false
        }
    }

    static func append(_ u: Unicode.Scalar, to out: inout String) {
        if !needsEscape(u) {
            out.unicodeScalars.append(u)
            return
        }
        if u.value < 0x80 {
            out += "\\x" + hex(UInt8(u.value))
        } else {
            out += "\\u{" + String(u.value, radix: 16, uppercase: true) + "}"
        }
    }

    static func hex(_ b: UInt8) -> String {
        let d = Array("0123456789ABCDEF")
        return String([d[Int(b >> 4)], d[Int(b & 15)]])
    }

    /// The length of the UTF-8 sequence a lead byte announces (0 for a byte that cannot lead).
    static func sequenceLength(_ raw: [UInt8], at i: Int) -> Int {
        let b = raw[i]
        let n: Int
        switch b {
        case 0x00...0x7F: n = 1
        case 0xC2...0xDF: n = 2
        case 0xE0...0xEF: n = 3
        case 0xF0...0xF4: n = 4
        default: return 0
        }
        return i + n <= raw.count ? n : 0
    }
}
