import Foundation
import StarModel

/// Reads typed values out of a raw record, adding a diagnostic for each field that is missing
/// or malformed. Every value is checked the same way whatever the file format, and read the way
/// people type it (`TypedForms`): full-width digits, a trailing 分 or %, dates as 2026/6/30 or
/// 2026年6月30日, 是/否 as Y/N, √/×, 有/无.
struct FieldReader {
    let raw: RawSubmission
    var diagnostics: [Diagnostic]
    /// Fields whose cell could not be read: their error is given once, by `report`.
    private var reported: Set<FieldKey> = []

    init(raw: RawSubmission, diagnostics: [Diagnostic]) {
        self.raw = raw
        self.diagnostics = diagnostics
    }

    /// The error of a cell that could not be read (a formula without its value…).
    mutating func report(_ p: CellProblem) {
        reported.insert(p.key)
        append(.error(p.message, at: p.location, field: fieldName(p.key), branch: branch), p.key)
    }

    /// (almost always none are: the set is not hashed then, for each of a million rows' fields)
    func isReported(_ key: FieldKey) -> Bool { !reported.isEmpty && reported.contains(key) }

    private var branch: String? { raw.fields.text(.branchID) }

    private mutating func fail(_ message: Message, _ key: FieldKey) {
        append(.error(message, at: place(key), field: fieldName(key), branch: branch), key)
    }

    /// Adds a diagnostic about `key`, with the sheet's column letter when there is one.
    mutating func append(_ d: Diagnostic, _ key: FieldKey) {
        var d = d
        d.columnLetter = raw.columns?.column(key).map(CellReference.columnName)
        diagnostics.append(d)
    }

    /// The field as the file names it: the sheet's header (`自评3`), else the canonical name.
    func fieldName(_ key: FieldKey) -> String { raw.columns?.name(key) ?? key.description }

    /// Where the field is: its line, and in a sheet its column.
    func place(_ key: FieldKey) -> SourceLocation {
        var at = raw.fields[key]?.location ?? raw.location
        if at.column == nil, let c = raw.columns?.column(key) { at.column = c }
        return at
    }

    /// `（F 列）` after a sheet's value, nothing for XML.
    func cell(_ key: FieldKey) -> String {
        guard let c = raw.columns?.column(key) else { return "" }
        return "（\(CellReference.columnName(c)) 列）"
    }

    private mutating func present(_ key: FieldKey) -> String? {
        guard !isReported(key) else { return nil }
        guard let text = raw.fields.text(key), !text.isEmpty else {
            fail(.valueRequired(label: key.chineseLabel), key)
            return nil
        }
        return text
    }

    mutating func identifier(_ key: FieldKey) -> String? {
        guard let t = present(key) else { return nil }
        guard Validator.isIdentifier(t) else {
            fail(.notAnIdentifier(value: Escaped.text(t)), key)
            return nil
        }
        return t
    }

    mutating func name(_ key: FieldKey) -> String? {
        guard let t = present(key) else { return nil }
        // no-break and zero-width spaces are not trimmed by the readers, but a name of them is no name
        guard !t.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || $0 == "\u{200B}" || $0 == "\u{FEFF}" })
        else {
            fail(.nameBlank(label: key.chineseLabel), key)
            return nil
        }
        guard !t.unicodeScalars.contains(where: Escaped.isControlOrDirection) else {
            fail(.nameControl(value: Escaped.text(t)), key)
            return nil
        }
        // U+3164, U+2800, U+00AD, U+034F, tags…: a name that shows nothing is no name either
        guard !t.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || Escaped.isInvisible($0) }) else {
            fail(.nameInvisible(value: Escaped.text(t), label: key.chineseLabel), key)
            return nil
        }
        // (at most 100 bytes are at most 100 characters: no grapheme breaking for most names)
        guard t.utf8.count <= 100 || t.count <= 100 else {
            fail(.nameTooLong(count: t.count), key)
            return nil
        }
        return t
    }

    mutating func integer(_ key: FieldKey, range: ClosedRange<Int>) -> Int? {
        guard let typed = present(key) else { return nil }
        let t = TypedForms.number(typed, unit: nil)
        guard t.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), t.utf8.count <= 9, let v = Int(t) else {
            fail(.notAWholeNumber(min: range.lowerBound, max: range.upperBound, value: Escaped.text(t)), key)
            return nil
        }
        guard range.contains(v) else {
            fail(.rangeInteger(min: range.lowerBound, max: range.upperBound, value: v), key)
            return nil
        }
        return v
    }

    /// A count of events: empty means none.
    mutating func count(_ key: FieldKey) -> Int {
        guard !isReported(key), let text = raw.fields.text(key), !text.isEmpty else { return 0 }
        return integer(key, range: 0...1000) ?? 0
    }

    mutating func decimal(_ key: FieldKey, max: Tenths) -> Tenths? {
        guard let typed = present(key) else { return nil }
        let t = TypedForms.number(typed, unit: key == .satisfaction ? "%" : "分")
        // a satisfaction in (0, 1] could be that percent or a fraction typed for 90 %: an error,
        // never a guess
        if key == .satisfaction, let v = Double(t), v > 0, v <= 1 {
            let percent = (v * 100 * 1000).rounded() / 1000
            let shown = percent == percent.rounded() ? String(Int(percent)) : "\(percent)"
            fail(.satisfactionFraction(value: Escaped.text(t), percent: shown), key)
            return nil
        }
        switch Tenths.parse(t) {
        case .failure(.notANumber):
            fail(.notADecimal(max: max, value: Escaped.text(t)), key)
            return nil
        case .failure(.tooManyDecimals):
            // the example is one the field could hold: a percentage for 满意率, a score otherwise
            let example = key == .satisfaction ? Tenths(925) : Tenths(95)
            fail(.tooManyDecimals(value: Escaped.text(t), example: example), key)
            return nil
        case .success(let v):
            guard v >= .zero && v <= max else {
                fail(.rangeDecimal(max: max, value: t), key)
                return nil
            }
            return v
        }
    }

    mutating func level(_ f: RawField, field: FieldKey) -> Level? {
        switch TypedForms.normalized(f.text) {
        case "city", "市级": return .city
        case "province", "省级": return .province
        case "national", "国家级": return .national
        default:
            append(
                .error(
                    .badLevel(value: Escaped.text(f.text)), at: place(field, f), field: fieldName(field), branch: branch
                ), field)
            return nil
        }
    }

    /// Dates must exist and lie within sane bounds: from 1990 to five years after the rating year.
    mutating func date(_ f: RawField, field: String, key: FieldKey? = nil, ratingYear: Int) -> CivilDate? {
        let at = key.map { place($0, f) } ?? f.location
        let name = key.map(fieldName) ?? field
        guard let d = TypedForms.date(f.text) else {
            let e = Diagnostic.error(.badDate(value: Escaped.text(f.text)), at: at, field: name, branch: branch)
            if let key { append(e, key) } else { diagnostics.append(e) }
            return nil
        }
        guard d.year >= 1990 && d.year <= ratingYear + 5 else {
            let e = Diagnostic.error(
                .dateOutOfBounds(value: d, last: ratingYear + 5), at: at, field: name, branch: branch)
            if let key { append(e, key) } else { diagnostics.append(e) }
            return nil
        }
        return d
    }

    /// The place of one of several values of a field (the levels of a sheet's one column).
    func place(_ key: FieldKey, _ f: RawField) -> SourceLocation {
        var at = f.location
        if at.column == nil, let c = raw.columns?.column(key) { at.column = c }
        return at
    }

    /// The re-election facts; no due date means no re-election falls in this cycle.
    /// Returns `.some(nil)` for none, `nil` on error.
    mutating func election(ratingYear: Int) -> Election?? {
        if isReported(.electionDue) || isReported(.electionHeld) || isReported(.electionDelayApproved) {
            return nil
        }
        let due = raw.fields[.electionDue].flatMap { $0.text.isEmpty ? nil : $0 }
        let held = raw.fields[.electionHeld].flatMap { $0.text.isEmpty ? nil : $0 }
        let approved = raw.fields[.electionDelayApproved].flatMap { $0.text.isEmpty ? nil : $0 }
        guard let due else {
            if held != nil || approved != nil {
                fail(Message(.electionWithoutDue), .electionDue)
                return nil
            }
            return .some(nil)
        }
        let dueDate = date(due, field: FieldKey.electionDue.description, key: .electionDue, ratingYear: ratingYear)
        var heldDate: CivilDate?
        if let held {
            heldDate = date(held, field: FieldKey.electionHeld.description, key: .electionHeld, ratingYear: ratingYear)
        }
        var isApproved = false
        if let approved {
            switch TypedForms.boolean(approved.text) {
            case true?: isApproved = true
            case false?: isApproved = false
            case nil:
                append(
                    .error(
                        .badBoolean(value: Escaped.text(approved.text)), at: place(.electionDelayApproved, approved),
                        field: fieldName(.electionDelayApproved), branch: branch), .electionDelayApproved)
                return nil
            }
        }
        guard let dueDate, held == nil || heldDate != nil else { return nil }
        return .some(Election(due: dueDate, held: heldDate, delayApproved: isApproved))
    }
}
