/// Text from the data or the file system made safe to print on a terminal or in a report:
/// control characters (ESC, BEL, …), DEL, C1 controls and the bidirectional overrides and
/// isolates, which could rewrite or reorder what the reader sees, are shown as `\x1B` or
/// `\u{202E}`; bytes that are not UTF-8 (a GBK file name from a Windows zip) as `\xB0`.
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
        switch u.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    static func append(_ u: Unicode.Scalar, to out: inout String) {
        if !needsEscape(u) { out.unicodeScalars.append(u); return }
        if u.value < 0x80 { out += "\\x" + hex(UInt8(u.value)) } else { out += "\\u{" + String(u.value, radix: 16, uppercase: true) + "}" }
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
