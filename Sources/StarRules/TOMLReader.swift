import StarModel
import TOMLKit

/// Reads values out of a parsed TOML document and reports every bad or unknown key with its
/// line (TOMLKit keeps no positions for values, so the line is found in the text).
struct TOMLReader {
    let path: String
    let lines: [Substring]
    var diagnostics: [Diagnostic] = []
    let code: String

    init(path: String, text: String, code: String) {
        self.path = path
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        self.code = code
    }

    /// Parses a TOML document; invalid TOML is one diagnostic with line and column.
    static func document(_ text: String, path: String, code: String) -> Result<TOMLTable, DiagnosticList> {
        do {
            return .success(try TOMLTable(string: text))
        } catch let e as TOMLParseError {
            return .failure(DiagnosticList([.error(code, at: SourceLocation(file: path, line: e.source.begin.line, column: e.source.begin.column),
                                                   "not valid TOML: \(e.description)")]))
        } catch {
            return .failure(DiagnosticList([.error(code, at: SourceLocation(file: path, line: 1), "not valid TOML")]))
        }
    }

    /// Line of `key =` inside `[table]` (or `[[table]]` number `index`), or of the table header.
    func line(table: String?, key: String?, index: Int? = nil) -> Int {
        var inTable = table == nil
        var arrayCount = -1
        var tableLine = 1
        for (i, raw) in lines.enumerated() {
            let l = raw.drop { $0 == " " || $0 == "\t" }
            if l.hasPrefix("[") {
                let name = l.drop { $0 == "[" }.prefix { $0 != "]" }.trimmingCharacters
                if let table, name == table {
                    if l.hasPrefix("[[") { arrayCount += 1; inTable = index == nil || arrayCount == index } else { inTable = true }
                    if inTable { tableLine = i + 1 }
                } else {
                    inTable = false
                }
                continue
            }
            if inTable, let key {
                let k = l.prefix { $0 != "=" }.trimmingCharacters
                if k == key || k == "\"\(key)\"" { return i + 1 }
            }
        }
        return tableLine
    }

    mutating func error(table: String?, key: String?, index: Int? = nil, _ message: String) {
        let name = [table, key].compactMap { $0 }.joined(separator: ".")
        diagnostics.append(.error(code, at: SourceLocation(file: path, line: line(table: table, key: key, index: index)),
                                  field: name.isEmpty ? nil : name, message))
    }

    /// Reports keys of `t` not in `known`.
    mutating func checkKeys(_ t: TOMLTable, table: String?, known: Set<String>, index: Int? = nil) {
        for k in t.keys.sorted() where !known.contains(k) {
            error(table: table, key: k, index: index, "unknown key (expected one of: \(known.sorted().joined(separator: ", ")))")
        }
    }

    mutating func table(_ t: TOMLTable, _ key: String, parent: String?) -> TOMLTable? {
        guard let v = t[key] else { return nil }
        guard let sub = v.table else {
            error(table: parent, key: key, "expected a table")
            return nil
        }
        return sub
    }

    mutating func string(_ t: TOMLTable, _ key: String, table: String?) -> String? {
        guard let v = t[key] else { return nil }
        guard let s = v.string else { error(table: table, key: key, "expected a string in quotes"); return nil }
        return s
    }

    /// An e-mail address (addr-spec, `name@example.gov.cn`); anything else is an error naming the key.
    mutating func email(_ t: TOMLTable, _ key: String, table: String?) -> String? {
        guard let s = string(t, key, table: table) else { return nil }
        guard EmailAddress.isValid(s) else {
            error(table: table, key: key, "not an e-mail address: \(Escaped.text(s).debugDescription); write one address like name@example.gov.cn, "
                  + "with no name, spaces, commas, quotes or angle brackets")
            return nil
        }
        return s
    }

    mutating func bool(_ t: TOMLTable, _ key: String, table: String?) -> Bool? {
        guard let v = t[key] else { return nil }
        guard let b = v.bool else { error(table: table, key: key, "expected true or false"); return nil }
        return b
    }

    mutating func int(_ t: TOMLTable, _ key: String, table: String?, range: ClosedRange<Int>, index: Int? = nil) -> Int? {
        guard let v = t[key] else { return nil }
        guard let i = v.int, range.contains(i) else {
            error(table: table, key: key, index: index, "expected a whole number \(range.lowerBound)–\(range.upperBound)")
            return nil
        }
        return i
    }

    /// A decimal with at most one digit after the point, read exactly: TOML floats are binary,
    /// so the value ×10 must be within 1e-6 of a whole number (true of every one-decimal number).
    mutating func tenths(_ t: TOMLTable, _ key: String, table: String?, max: Tenths = Tenths(10000), index: Int? = nil) -> Tenths? {
        guard let v = t[key] else { return nil }
        var value: Tenths?
        if let i = v.int { value = Tenths(points: i) }
        else if let d = v.double {
            let scaled = d * 10
            let rounded = scaled.rounded()
            if abs(scaled - rounded) < 1e-6, abs(rounded) < 1e9 { value = Tenths(Int(rounded)) }
        } else if let s = v.string, case .success(let t) = Tenths.parse(s) { value = t }
        guard let value, value >= .zero, value <= max else {
            error(table: table, key: key, index: index, "expected a number 0.0–\(max) with at most one decimal")
            return nil
        }
        return value
    }
}

extension Substring {
    var trimmingCharacters: String {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
}
