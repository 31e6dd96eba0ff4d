import StarModel
import TOMLKit

/// Reads values out of a parsed TOML document and reports every bad or unknown key with its
/// line (TOMLKit keeps no positions for values, so the line is found in the text).
struct TOMLReader {
    let path: String
    let lines: [Substring]
    var diagnostics: [Diagnostic] = []
    let code: String
    /// Unknown keys and tables are warnings (config.toml: a typo must not drop the file), not errors.
    var unknownKeysWarn = false

    /// The first line of each `[table]` / `[[table]]` header and of each `key =` in its table,
    /// found once (a lookup per key was a pass over the file per key: minutes for 30k keys).
    let index: LineIndex
    /// Unknown keys reported one by one (with their line and nearest known key); the others
    /// are counted in one more line, so a file of 30k unknown keys costs linear work.
    static let unknownKeysShown = 20
    private var unknownKeys = 0
    private var moreUnknownAt: Int?

    /// A rules or config file is a few KB; a province's config.toml with one `[committees.ID]`
    /// table for each of 10,000 committees is 500 KB.
    static let maxBytes = 4 << 20
    /// Keys and tables in all (a config.toml of 10,000 committees has 20,000).
    static let maxKeys = 100_000

    init(path: String, text: String, code: String) {
        self.path = path
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        self.code = code
        self.index = LineIndex(lines)
    }

    /// Parses a TOML document; invalid TOML is one diagnostic with line and column; a file over
    /// `maxBytes` or with more than `maxKeys` keys one diagnostic naming the cap.
    static func document(_ text: String, path: String, code: String) -> Result<TOMLTable, DiagnosticList> {
        if text.utf8.count > maxBytes {
            return .failure(
                DiagnosticList([
                    .error(
                        Message.tomlTooLarge(size: text.utf8.count, limit: maxBytes).coded(code),
                        at: SourceLocation(file: path, line: 1))
                ]))
        }
        do {
            let doc = try TOMLTable(string: text)
            if keyCount(doc, upTo: maxKeys) > maxKeys {
                return .failure(
                    DiagnosticList([
                        .error(
                            Message.tomlTooManyKeys(limit: maxKeys).coded(code), at: SourceLocation(file: path, line: 1)
                        )
                    ]))
            }
            return .success(doc)
        } catch let e as TOMLParseError {
            return .failure(
                DiagnosticList([
                    .error(
                        Message.tomlSyntax(detail: e.description).coded(code),
                        at: SourceLocation(file: path, line: e.source.begin.line, column: e.source.begin.column))
                ]))
        } catch {
            return .failure(
                DiagnosticList([.error(Message(.tomlInvalid).coded(code), at: SourceLocation(file: path, line: 1))]))
        }
    }

    /// The keys and tables of `t` and all it holds, counted up to a little past `limit`.
    static func keyCount(_ t: TOMLTable, upTo limit: Int) -> Int {
        var n = 0
        func count(_ v: TOMLValueConvertible) {
            if n > limit { return }
            if let table = v.table {
                for k in table.keys {
                    n += 1
                    if n > limit { return }
                    if let sub = table[k] { count(sub) }
                }
            } else if let array = v.array {
                for item in array { count(item) }
            }
        }
        count(t)
        return n
    }

    /// Line of `key =` inside `[table]` (or `[[table]]` number `index`), or of the table header.
    func line(table: String?, key: String?, index: Int? = nil) -> Int {
        self.index.line(table: table, key: key, index: index)
    }

    /// The same by reading the lines (`LineIndex` answers it; kept as its specification, tested
    /// to agree).
    func lineByScan(table: String?, key: String?, index: Int? = nil) -> Int {
        var inTable = table == nil
        var arrayCount = -1
        var tableLine = 1
        for (i, raw) in lines.enumerated() {
            let l = raw.drop { $0 == " " || $0 == "\t" }
            if l.hasPrefix("[") {
                let name = l.drop { $0 == "[" }.prefix { $0 != "]" }.trimmingCharacters
                // a top-level key that is a table: its header
                if table == nil, let key, name == key || name.hasPrefix(key + ".") { return i + 1 }
                if let table, name == table {
                    if l.hasPrefix("[[") {
                        arrayCount += 1
                        inTable = index == nil || arrayCount == index
                    } else {
                        inTable = true
                    }
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

    mutating func error(table: String?, key: String?, index: Int? = nil, _ message: Message, warning: Bool = false) {
        let name = [table, key].compactMap { $0 }.joined(separator: ".")
        let m = message.coded(code)
        let at = SourceLocation(file: path, line: line(table: table, key: key, index: index))
        diagnostics.append(
            warning
                ? .warning(m, at: at, field: name.isEmpty ? nil : name)
                : .error(m, at: at, field: name.isEmpty ? nil : name))
    }

    /// Reports keys of `t` not in `known`, with the nearest known key when it looks like a typo;
    /// past `unknownKeysShown` in the file, one more line counts them.
    mutating func checkKeys(_ t: TOMLTable, table: String?, known: Set<String>, index: Int? = nil) {
        let list = known.sorted().joined(separator: ", ")
        for k in t.keys.sorted() where !known.contains(k) {
            unknownKeys += 1
            if unknownKeys > TOMLReader.unknownKeysShown {
                let more = unknownKeys - TOMLReader.unknownKeysShown
                let shownCode = unknownKeysWarn ? code.replacingOccurrences(of: "E-", with: "W-") : code
                if let at = moreUnknownAt {
                    diagnostics[at].content = Message.tomlMoreUnknownKeys(
                        count: more, shown: TOMLReader.unknownKeysShown
                    ).coded(shownCode)
                } else {
                    let m = Message.tomlMoreUnknownKeys(count: more, shown: TOMLReader.unknownKeysShown).coded(
                        shownCode)
                    let name = [table, k].compactMap { $0 }.joined(separator: ".")
                    let at = SourceLocation(file: path, line: line(table: table, key: k, index: index))
                    moreUnknownAt = diagnostics.count
                    diagnostics.append(
                        unknownKeysWarn ? .warning(m, at: at, field: name) : .error(m, at: at, field: name))
                }
                continue
            }
            let message: Message
            if let near = TOMLReader.nearest(k, known) {
                message = Message.tomlUnknownKeySuggest(suggestion: near, known: list)
            } else {
                message = Message.tomlUnknownKey(known: list)
            }
            let shownCode = unknownKeysWarn ? code.replacingOccurrences(of: "E-", with: "W-") : code
            let m = message.coded(shownCode)
            let name = [table, k].compactMap { $0 }.joined(separator: ".")
            let at = SourceLocation(file: path, line: line(table: table, key: k, index: index))
            diagnostics.append(unknownKeysWarn ? .warning(m, at: at, field: name) : .error(m, at: at, field: name))
        }
    }

    /// The known name nearest to `name` when it looks like a typo (`objection_tel`), if any: within
    /// two edits or a third of the name, or its beginning or end.
    static func nearest(_ name: String, _ known: Set<String>) -> String? {
        EditDistance.nearest(name, among: known.sorted()) { k, d in
            d <= max(2, k.count / 3) || (name.count >= 4 && (k.hasPrefix(name) || k.hasSuffix(name)))
        }
    }

    mutating func table(_ t: TOMLTable, _ key: String, parent: String?) -> TOMLTable? {
        guard let v = t[key] else { return nil }
        guard let sub = v.table else {
            error(table: parent, key: key, Message(.tomlExpectedTable))
            return nil
        }
        return sub
    }

    mutating func string(_ t: TOMLTable, _ key: String, table: String?) -> String? {
        guard let v = t[key] else { return nil }
        guard let s = v.string else {
            error(table: table, key: key, Message(.tomlExpectedString))
            return nil
        }
        return s
    }

    /// An e-mail address (addr-spec, `name@example.gov.cn`); anything else is an error naming the key.
    mutating func email(_ t: TOMLTable, _ key: String, table: String?) -> String? {
        guard let s = string(t, key, table: table) else { return nil }
        guard EmailAddress.isValid(s) else {
            error(table: table, key: key, .notAnAddress(value: Escaped.text(s).debugDescription))
            return nil
        }
        return s
    }

    mutating func bool(_ t: TOMLTable, _ key: String, table: String?) -> Bool? {
        guard let v = t[key] else { return nil }
        guard let b = v.bool else {
            error(table: table, key: key, Message(.tomlExpectedBool))
            return nil
        }
        return b
    }

    mutating func int(_ t: TOMLTable, _ key: String, table: String?, range: ClosedRange<Int>, index: Int? = nil) -> Int?
    {
        guard let v = t[key] else { return nil }
        guard let i = v.int, range.contains(i) else {
            error(table: table, key: key, index: index, .tomlExpectedInt(min: range.lowerBound, max: range.upperBound))
            return nil
        }
        return i
    }

    /// A decimal with at most one digit after the point, read exactly: TOML floats are binary,
    /// so the value ×10 must be within 1e-6 of a whole number (true of every one-decimal number).
    mutating func tenths(_ t: TOMLTable, _ key: String, table: String?, max: Tenths = Tenths(10000), index: Int? = nil)
        -> Tenths?
    {
        guard let v = t[key] else { return nil }
        var value: Tenths?
        if let i = v.int {
            value = Tenths(points: i)
        } else if let d = v.double {
            let scaled = d * 10
            let rounded = scaled.rounded()
            if abs(scaled - rounded) < 1e-6, abs(rounded) < 1e9 { value = Tenths(Int(rounded)) }
        } else if let s = v.string, case .success(let t) = Tenths.parse(s) {
            value = t
        }
        guard let value, value >= .zero, value <= max else {
            error(table: table, key: key, index: index, .tomlExpectedTenths(max: max))
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

/// Where each table header and each key of a TOML text is, found in one pass over its lines:
/// the answers of `TOMLReader.lineByScan` in constant time.
struct LineIndex {
    /// A header's name → the lines of its headers (`[[x]]` repeats), in order.
    private var headers: [String: [Int]] = [:]
    /// A header's name or a dotted prefix of it → its first line.
    private var headerPrefixes: [String: Int] = [:]
    /// "table\u{0}index\u{0}key" (index -1 for a table, n for the n-th `[[table]]`) and
    /// "table\u{0}*\u{0}key" (any of a `[[table]]`) → the key's first line; "" for top-level keys.
    private var keys: [String: Int] = [:]
    /// The names of `[[table]]`s.
    private var arrays: Set<String> = []

    init(_ lines: [Substring]) {
        var current: String? = ""  // nil after a header line that names no table
        var currentIndex = -1
        var arrayCounts: [String: Int] = [:]
        for (i, raw) in lines.enumerated() {
            let l = raw.drop { $0 == " " || $0 == "\t" }
            if l.hasPrefix("[") {
                let name = l.drop { $0 == "[" }.prefix { $0 != "]" }.trimmingCharacters
                headers[name, default: []].append(i + 1)
                var prefix = ""
                for part in name.split(separator: ".", omittingEmptySubsequences: false) {
                    prefix = prefix.isEmpty ? String(part) : prefix + "." + part
                    if headerPrefixes[prefix] == nil { headerPrefixes[prefix] = i + 1 }
                }
                if l.hasPrefix("[[") {
                    currentIndex = arrayCounts[name, default: -1] + 1
                    arrayCounts[name] = currentIndex
                    arrays.insert(name)
                } else {
                    currentIndex = -1
                }
                current = name
                continue
            }
            guard let table = current else { continue }
            var k = l.prefix { $0 != "=" }.trimmingCharacters
            if k.count >= 2, k.hasPrefix("\""), k.hasSuffix("\"") { k = String(k.dropFirst().dropLast()) }
            let exact = "\(table)\u{0}\(currentIndex)\u{0}\(k)"
            if keys[exact] == nil { keys[exact] = i + 1 }
            if currentIndex >= 0 {
                let any = "\(table)\u{0}*\u{0}\(k)"
                if keys[any] == nil { keys[any] = i + 1 }
            }
        }
    }

    func line(table: String?, key: String?, index: Int?) -> Int {
        guard let table else {
            guard let key else { return 1 }
            return keys["\u{0}-1\u{0}\(key)"] ?? headerPrefixes[key] ?? 1
        }
        let lines = headers[table] ?? []
        let isArray = arrays.contains(table)
        if let key {
            let k =
                isArray
                ? index.map { "\(table)\u{0}\($0)\u{0}\(key)" } ?? "\(table)\u{0}*\u{0}\(key)"
                : "\(table)\u{0}-1\u{0}\(key)"
            if let l = keys[k] { return l }
        }
        if isArray, let index { return index < lines.count ? lines[index] : 1 }
        return lines.last ?? 1
    }
}
