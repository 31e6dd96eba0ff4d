import StarModel

/// The one JSON writer of star-report: values appended straight to UTF-8 bytes, with stable key
/// order and exact decimals (`87.5` straight from tenths, never through a `Double`, which
/// Foundation's encoder would print through binary floating point). Two layouts:
/// - compact (`key`, `next`, `string`, `array`, …), for the million-branch part of results.json,
///   one branch per line, so `grep B0000001 results.json` shows a branch's whole record;
/// - indented (`value(_:indent:)` of a `JSON` tree), for small documents (the manifest, the
///   header and quota checks of results.json, `validate --format json`).
/// Both escape through `string(_:)`.
public struct JSONWriter {
    public var bytes: [UInt8] = []

    public init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// `"key":` — keys are literals of the program, so they need no escaping.
    mutating func key(_ k: StaticString) {
        bytes.append(0x22)
        raw(k)
        bytes.append(0x22)
        bytes.append(0x3A)
    }

    /// `,"key":`
    mutating func next(_ k: StaticString) {
        bytes.append(0x2C)
        key(k)
    }

    /// A string between quotes: `"` `\` and control characters escaped, and U+2028 / U+2029
    /// (which end a line in JavaScript) as `\u2028` / `\u2029`.
    mutating func string(_ s: String) {
        bytes.append(0x22)
        if JSONWriter.isPlain(s) {
            bytes.append(contentsOf: s.utf8)
        } else {
            for u in s.unicodeScalars {
                switch u {
                case "\"": raw("\\\"")
                case "\\": raw("\\\\")
                case "\n": raw("\\n")
                case "\r": raw("\\r")
                case "\t": raw("\\t")
                default:
                    if u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029 {
                        let hex = String(u.value, radix: 16)
                        raw("\\u")
                        bytes.append(contentsOf: (String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                    } else {
                        bytes.append(contentsOf: String(u).utf8)
                    }
                }
            }
        }
        bytes.append(0x22)
    }

    /// Whether a string can be written between quotes as it is (the common case).
    static func isPlain(_ s: String) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for b in s.utf8 {
            if b < 0x20 || b == 0x22 || b == 0x5C { return false }
            // U+2028 / U+2029 are E2 80 A8 / E2 80 A9
            if (b == 0xA8 || b == 0xA9) && previous == 0x80 && beforePrevious == 0xE2 { return false }
            beforePrevious = previous
            previous = b
        }
        return true
    }

    mutating func int(_ i: Int) { bytes.appendDecimal(i) }

    /// `87.5`, `-3.0`: one digit after the point, straight from the integer tenths.
    mutating func tenths(_ t: Tenths) { bytes.appendTenths(t) }

    mutating func bool(_ b: Bool) { b ? raw("true") : raw("false") }
    mutating func null() { raw("null") }

    mutating func optional<T>(_ v: T?, _ write: (inout JSONWriter, T) -> Void) {
        if let v { write(&self, v) } else { null() }
    }

    /// `[a,b,c]`
    mutating func array<S: Sequence>(_ items: S, _ write: (inout JSONWriter, S.Element) -> Void) {
        bytes.append(0x5B)
        var first = true
        for item in items {
            if !first { bytes.append(0x2C) }
            first = false
            write(&self, item)
        }
        bytes.append(0x5D)
    }

    mutating func spaces(_ indent: Int) {
        bytes.append(contentsOf: repeatElement(0x20, count: 2 * indent))
    }

    /// `v` indented by `indent` levels of two spaces: one member or item per line, except that
    /// a list of scalars (numbers, codes) stays on one line.
    public mutating func value(_ v: JSON, indent: Int = 0) {
        switch v {
        case .object(let members):
            if members.isEmpty {
                raw("{}")
                return
            }
            raw("{\n")
            for (i, (k, m)) in members.enumerated() {
                spaces(indent + 1)
                string(k)
                raw(": ")
                value(m, indent: indent + 1)
                i == members.count - 1 ? raw("\n") : raw(",\n")
            }
            spaces(indent)
            raw("}")
        case .array(let items):
            if items.isEmpty {
                raw("[]")
                return
            }
            if items.allSatisfy(\.isScalar) {
                raw("[")
                for (i, item) in items.enumerated() {
                    if i > 0 { raw(", ") }
                    value(item, indent: 0)
                }
                raw("]")
                return
            }
            raw("[\n")
            for (i, item) in items.enumerated() {
                spaces(indent + 1)
                value(item, indent: indent + 1)
                i == items.count - 1 ? raw("\n") : raw(",\n")
            }
            spaces(indent)
            raw("]")
        case .string(let s): string(s)
        case .int(let i): int(i)
        case .tenths(let t): tenths(t)
        case .bool(let b): bool(b)
        case .null: null()
        }
    }
}

/// A JSON value for the indented layout, written by `JSONWriter`. (Not `indirect`: the
/// recursion goes through arrays, so no value needs a box of its own.)
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

    /// The value indented by `indent` levels (its first line not indented).
    public func rendered(indent: Int = 0) -> String {
        var w = JSONWriter()
        w.value(self, indent: indent)
        return w.text
    }
}

extension Array where Element == UInt8 {
    /// The decimal digits of `i`, without a String in between.
    mutating func appendDecimal(_ i: Int) {
        if i < 0 { append(0x2D) }
        var m = i.magnitude
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        Swift.withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[n] = UInt8(0x30 + m % 10)
                m /= 10
                n += 1
            } while m > 0
            while n > 0 {
                n -= 1
                append(d[n])
            }
        }
    }

    /// `87.5`, `-3.0`: one digit after the point, as `Tenths.description` writes it.
    mutating func appendTenths(_ t: Tenths) {
        if t.raw < 0 { append(0x2D) }
        let m = t.raw.magnitude
        appendDecimal(Int(m / 10))
        append(0x2E)
        append(UInt8(0x30 + m % 10))
    }
}
