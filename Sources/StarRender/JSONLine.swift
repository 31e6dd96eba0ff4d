import StarModel

/// JSON appended straight to bytes, for the million-branch part of results.json. Building a
/// `JSON` tree per branch cost ~17 µs (an allocation per value and per key); appending the same
/// text costs a fraction of that. Same escaping and exact decimals as `JSON`; compact (one
/// branch per line, so `grep B0000001 results.json` shows a branch's whole record).
struct JSONLine {
    var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// `"key":` — keys are the literals of this file, so they need no escaping.
    mutating func key(_ k: StaticString) {
        bytes.append(0x22)
        raw(k)
        bytes.append(0x22); bytes.append(0x3A)
    }

    /// `,"key":`
    mutating func next(_ k: StaticString) {
        bytes.append(0x2C)
        key(k)
    }

    mutating func string(_ s: String) {
        bytes.append(0x22)
        if JSON.isPlain(s) {
            bytes.append(contentsOf: s.utf8)
        } else {
            var escaped = ""
            JSON.string(s).write(into: &escaped, indent: 0)
            bytes.append(contentsOf: escaped.utf8.dropFirst().dropLast())
        }
        bytes.append(0x22)
    }

    mutating func int(_ i: Int) { bytes.appendDecimal(i) }

    /// `87.5`, `-3.0`: one digit after the point, straight from the integer tenths.
    mutating func tenths(_ t: Tenths) { bytes.appendTenths(t) }

    mutating func bool(_ b: Bool) { b ? raw("true") : raw("false") }
    mutating func null() { raw("null") }

    mutating func optional<T>(_ v: T?, _ write: (inout JSONLine, T) -> Void) {
        if let v { write(&self, v) } else { null() }
    }

    /// `[a,b,c]`
    mutating func array<S: Sequence>(_ items: S, _ write: (inout JSONLine, S.Element) -> Void) {
        bytes.append(0x5B)
        var first = true
        for item in items {
            if !first { bytes.append(0x2C) }
            first = false
            write(&self, item)
        }
        bytes.append(0x5D)
    }
}

extension Array where Element == UInt8 {
    /// The decimal digits of `i`, without a String in between.
    mutating func appendDecimal(_ i: Int) {
        if i < 0 { append(0x2D) }
        var m = i.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        Swift.withUnsafeMutableBytes(of: &digits) { d in
            repeat { d[n] = UInt8(0x30 + m % 10); m /= 10; n += 1 } while m > 0
            while n > 0 { n -= 1; append(d[n]) }
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
