import StarModel

/// A JSON value written with stable key order and exact decimals (`87.5` straight from tenths,
/// never through a `Double`). Foundation's encoder would print scores through binary floating
/// point; this small writer keeps every number exactly as the rules computed it. (Not `indirect`:
/// the recursion goes through arrays, so no value needs a box of its own; ~8 % of results.json.)
public enum JSON: Sendable, Equatable {
    case object([(String, JSON)])
    case array([JSON])
    case string(String)
    case int(Int)
    case tenths(Tenths)
    case bool(Bool)
    case null

    public static func == (a: JSON, b: JSON) -> Bool { a.rendered() == b.rendered() }

    var isScalar: Bool {
        switch self {
        case .object, .array: return false
        default: return true
        }
    }

    public func rendered(indent: Int = 0) -> String {
        var out = ""
        write(into: &out, indent: indent)
        return out
    }

    static let pads: [String] = (0..<16).map { String(repeating: "  ", count: $0) }
    static func pad(_ n: Int) -> String { n < pads.count ? pads[n] : String(repeating: "  ", count: n) }

    /// Whether a string can be written between quotes as it is (the common case).
    static func isPlain(_ s: String) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for b in s.utf8 {
            if b < 0x20 || b == 0x22 || b == 0x5C { return false }
            // U+2028 / U+2029 are E2 80 A8 / E2 80 A9
            if (b == 0xA8 || b == 0xA9) && previous == 0x80 && beforePrevious == 0xE2 { return false }
            beforePrevious = previous
            previous = b
        }
        return true
    }

    func write(into out: inout String, indent: Int) {
        let pad = JSON.pad(indent)
        let inner = JSON.pad(indent + 1)
        switch self {
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            for (i, (k, v)) in members.enumerated() {
                out += inner
                JSON.string(k).write(into: &out, indent: 0)
                out += ": "
                v.write(into: &out, indent: indent + 1)
                out += i == members.count - 1 ? "\n" : ",\n"
            }
            out += pad + "}"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            if items.allSatisfy(\.isScalar) {
                // Short lists of numbers or codes stay on one line.
                out += "["
                for (i, v) in items.enumerated() {
                    if i > 0 { out += ", " }
                    v.write(into: &out, indent: 0)
                }
                out += "]"
                return
            }
            out += "[\n"
            for (i, v) in items.enumerated() {
                out += inner
                v.write(into: &out, indent: indent + 1)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += pad + "]"
        case .string(let s) where JSON.isPlain(s):
            out += "\""
            out += s
            out += "\""
        case .string(let s):
            out += "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029 {
                        let hex = String(u.value, radix: 16)
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        out.unicodeScalars.append(u)
                    }
                }
            }
            out += "\""
        case .int(let i): out += String(i)
        case .tenths(let t): out += t.description
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        }
    }
}
