import StarModel

/// Reads typed values out of a raw record, adding a diagnostic for each field that is missing
/// or malformed. Every value is checked the same way whatever the file format.
struct FieldReader {
    let raw: RawSubmission
    var diagnostics: [Diagnostic]

    private var branch: String? { raw.fields.text(.branchID) }

    private mutating func fail(_ code: String, _ key: FieldKey, _ message: String) {
        let at = raw.fields[key]?.location ?? raw.location
        diagnostics.append(.error(code, at: at, field: key.description, branch: branch, message))
    }

    private mutating func present(_ key: FieldKey) -> String? {
        guard let text = raw.fields.text(key), !text.isEmpty else {
            fail("E-MISSING", key, "a value is required (\(key.chineseLabel))")
            return nil
        }
        return text
    }

    mutating func identifier(_ key: FieldKey) -> String? {
        guard let t = present(key) else { return nil }
        guard Validator.isIdentifier(t) else {
            fail("E-ID", key, "expected an identifier of 1–32 letters, digits, _ or -, found \"\(t)\"")
            return nil
        }
        return t
    }

    mutating func name(_ key: FieldKey) -> String? {
        guard let t = present(key) else { return nil }
        // no-break and zero-width spaces are not trimmed by the readers, but a name of them is no name
        guard !t.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || $0 == "\u{200B}" || $0 == "\u{FEFF}" }) else {
            fail("E-NAME", key, "the name is blank (only spaces such as U+00A0 were found); type the name (\(key.chineseLabel))")
            return nil
        }
        guard !t.unicodeScalars.contains(where: Escaped.needsEscape) else {
            fail("E-NAME", key, "the name holds a control or direction character (\(Escaped.text(t))); retype it without them")
            return nil
        }
        guard t.count <= 100 else {
            fail("E-NAME", key, "a name has at most 100 characters, found \(t.count)")
            return nil
        }
        return t
    }

    mutating func integer(_ key: FieldKey, range: ClosedRange<Int>) -> Int? {
        guard let t = present(key) else { return nil }
        guard t.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), t.utf8.count <= 9, let v = Int(t) else {
            fail("E-NUMBER", key, "expected a whole number, found \"\(t)\"")
            return nil
        }
        guard range.contains(v) else {
            fail("E-RANGE", key, "expected \(range.lowerBound)–\(range.upperBound), found \(v)")
            return nil
        }
        return v
    }

    /// A count of events: empty means none.
    mutating func count(_ key: FieldKey) -> Int {
        guard let f = raw.fields[key], !f.text.isEmpty else { return 0 }
        return integer(key, range: 0...1000) ?? 0
    }

    mutating func decimal(_ key: FieldKey, max: Tenths) -> Tenths? {
        guard let t = present(key) else { return nil }
        switch Tenths.parse(t) {
        case .failure(.notANumber):
            fail("E-NUMBER", key, "expected a number 0.0–\(max), found \"\(t)\"")
            return nil
        case .failure(.tooManyDecimals):
            fail("E-DECIMALS", key, "at most one digit after the point, found \"\(t)\"")
            return nil
        case .success(let v):
            guard v >= .zero && v <= max else {
                fail("E-RANGE", key, "expected 0.0–\(max), found \(t)")
                return nil
            }
            return v
        }
    }

    mutating func level(_ f: RawField, field: FieldKey) -> Level? {
        switch f.text {
        case "city", "市级": return .city
        case "province", "省级": return .province
        case "national", "国家级": return .national
        default:
            diagnostics.append(.error("E-ENUM", at: f.location, field: field.description, branch: branch,
                                      "expected city, province or national (市级/省级/国家级), found \"\(f.text)\""))
            return nil
        }
    }

    /// Dates must exist and lie within sane bounds: from 1990 to five years after the rating year.
    mutating func date(_ f: RawField, field: String, ratingYear: Int) -> CivilDate? {
        guard let d = CivilDate(iso: f.text) else {
            diagnostics.append(.error("E-DATE", at: f.location, field: field, branch: branch,
                                      "expected a date YYYY-MM-DD, found \"\(f.text)\""))
            return nil
        }
        guard d.year >= 1990 && d.year <= ratingYear + 5 else {
            diagnostics.append(.error("E-DATE", at: f.location, field: field, branch: branch,
                                      "the date \(d) is outside sane bounds (1990-01-01 to \(ratingYear + 5)-12-31)"))
            return nil
        }
        return d
    }

    /// The re-election facts; no due date means no re-election falls in this cycle.
    /// Returns `.some(nil)` for none, `nil` on error.
    mutating func election(ratingYear: Int) -> Election?? {
        let due = raw.fields[.electionDue].flatMap { $0.text.isEmpty ? nil : $0 }
        let held = raw.fields[.electionHeld].flatMap { $0.text.isEmpty ? nil : $0 }
        let approved = raw.fields[.electionDelayApproved].flatMap { $0.text.isEmpty ? nil : $0 }
        guard let due else {
            if held != nil || approved != nil {
                fail("E-MISSING", .electionDue, "a re-election date or delay is given without its due date (换届到期日)")
                return nil
            }
            return .some(nil)
        }
        let dueDate = date(due, field: FieldKey.electionDue.description, ratingYear: ratingYear)
        var heldDate: CivilDate?
        if let held { heldDate = date(held, field: FieldKey.electionHeld.description, ratingYear: ratingYear) }
        var isApproved = false
        if let approved {
            switch approved.text.lowercased() {
            case "true", "是", "1", "yes": isApproved = true
            case "false", "否", "0", "no": isApproved = false
            default:
                diagnostics.append(.error("E-ENUM", at: approved.location, field: FieldKey.electionDelayApproved.description, branch: branch,
                                          "expected true or false (是/否), found \"\(approved.text)\""))
                return nil
            }
        }
        guard let dueDate, held == nil || heldDate != nil else { return nil }
        return .some(Election(due: dueDate, held: heldDate, delayApproved: isApproved))
    }
}
