import Foundation
import StarModel

/// The forms people type into a sheet that mean one thing only, turned into the canonical text
/// the checks read. Anything else stays as typed and fails its check with a message naming the
/// forms accepted (docs/input-formats.md lists them).
enum TypedForms {
    /// NFKC (full-width `９.５` → `9.5`, `：` → `:`), spaces trimmed. ASCII text, which the readers
    /// have already trimmed, is returned as it is (every number of a province passes here).
    static func normalized(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 >= 0x80 }) else { return s }
        return s.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespaces)
    }

    /// A number, with a trailing unit (`9.5分`, `90%`) dropped when it is the column's.
    static func number(_ s: String, unit: Character?) -> String {
        // one pass over the bytes: a plain ASCII number without `%` is taken as it is
        var last: UInt8 = 0
        for b in s.utf8 {
            if b >= 0x80 {
                last = b
                break
            }
            last = b
        }
        guard last >= 0x80 || last == UInt8(ascii: "%") else { return s }
        var t = normalized(s)
        if let unit, t.last == unit { t = String(t.dropLast()).trimmingCharacters(in: .whitespaces) }
        return t
    }

    /// 是/否 and the forms people use for them; nil when it is neither.
    static func boolean(_ s: String) -> Bool? {
        switch normalized(s).lowercased() {
        case "true", "是", "1", "yes", "y", "√", "✓", "✔", "有": return true
        case "false", "否", "0", "no", "n", "×", "✗", "✘", "x", "无": return false
        default: return nil
        }
    }

    /// A date as `2026-06-30`, `2026-6-30`, `2026/6/30`, `2026.6.30`, `2026年6月30日`, each
    /// optionally followed by a time of day (`2026/6/30 0:00:00`, as Excel exports it), or an
    /// Excel date serial (`46203`, the 1900 system); nil for anything else.
    static func date(_ s: String) -> CivilDate? {
        var t = normalized(s)
        if let d = CivilDate(iso: t) { return d }
        // a time of day after the date is dropped
        if let space = t.firstIndex(of: " "),
            t[t.index(after: space)...].allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ":") })
        {
            t = String(t[..<space])
        }
        if t.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), t.utf8.count == 5, let serial = Int(t) {
            return CivilDate(excelSerial: Double(serial))
        }
        var parts: [Substring]
        if t.hasSuffix("日"), t.contains("年"), t.contains("月") {
            parts = t.dropLast().split(whereSeparator: { $0 == "年" || $0 == "月" }).map { $0 }
        } else {
            guard let sep = t.first(where: { $0 == "-" || $0 == "/" || $0 == "." }) else { return nil }
            parts = t.split(separator: sep, omittingEmptySubsequences: false)
        }
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        return CivilDate(year: y, month: m, day: d)
    }
}
