/// An e-mail address as RFC 5322's addr-spec in its dot-atom form (`local@domain`), the only form
/// star-report accepts: no spaces, CR, LF, commas, angle brackets, quotes or comments, so an
/// address can never end a header, add a recipient or carry a display name.
public enum EmailAddress {
    public static func isValid(_ address: String) -> Bool {
        let bytes = Array(address.utf8)
        guard bytes.count <= 254, let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { return false }
        let local = bytes[..<at]
        let domain = bytes[(at + 1)...]
        guard local.count <= 64, dotAtom(local, allowed: isAtext), dotAtom(domain, allowed: isDomainChar) else {
            return false
        }
        // a domain's labels never start or end with a hyphen
        return domain.split(separator: UInt8(ascii: ".")).allSatisfy {
            $0.first != UInt8(ascii: "-") && $0.last != UInt8(ascii: "-")
        }
    }

    /// Non-empty atoms of allowed bytes separated by single dots.
    static func dotAtom(_ part: ArraySlice<UInt8>, allowed: (UInt8) -> Bool) -> Bool {
        guard !part.isEmpty, part.first != UInt8(ascii: "."), part.last != UInt8(ascii: ".") else { return false }
        var previousDot = false
        for b in part {
            if b == UInt8(ascii: ".") {
                if previousDot { return false }
                previousDot = true
            } else {
                guard allowed(b) else { return false }
                previousDot = false
            }
        }
        return true
    }

    static func isAtext(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default: return Array("!#$%&'*+/=?^_`{|}~-".utf8).contains(b)
        }
    }

    static func isDomainChar(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
            return true
        default: return false
        }
    }
}
