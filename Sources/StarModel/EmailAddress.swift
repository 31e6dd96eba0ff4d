/// The addr-spec check of outputs.md ("E-mail addresses and names"): `local@domain`, printable
/// ASCII only, and none of the characters that could end an address or start another (spaces, CR,
/// LF, commas, angle brackets, quotes, and the other RFC 5322 specials).
public enum EmailAddress {
    static let forbidden: Set<UInt8> = Set(" \t\r\n,<>\"()[]\\;:".utf8)

    public static func isValid(_ s: String) -> Bool {
        let bytes = Array(s.utf8)
        guard bytes.count <= 254, bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F && !forbidden.contains($0) }) else { return false }
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, parts[0].utf8.count <= 64 else { return false }
        let domain = parts[1]
        return !domain.hasPrefix(".") && !domain.hasSuffix(".") && !domain.contains("..")
            && !parts[0].hasPrefix(".") && !parts[0].hasSuffix(".") && !parts[0].contains("..")
    }
}
