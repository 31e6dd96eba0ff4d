import StarModel

/// ArgumentParser's reason for refusing a command line, said again from the catalogue.
///
/// ArgumentParser writes its reasons in English and keeps the errors behind them internal; what
/// it does expose is their text, whose few shapes (UsageGenerator.swift in its sources) are
/// matched here. A reason of another shape (a newer ArgumentParser's) stays as ArgumentParser
/// wrote it, inside the localised line all the same.
enum UsageErrors {
    static func message(for reason: String) -> Message? {
        // 'x' → x (ArgumentParser quotes every argument, option and value it names)
        func unquoted(_ s: Substring) -> String {
            s.count >= 2 && s.first == "'" && s.last == "'" ? String(s.dropFirst().dropLast()) : String(s)
        }
        // 'a', 'b' → [a, b]
        func quotedList(_ s: Substring) -> [String] {
            unquoted(s).split(separator: "', '", omittingEmptySubsequences: false).map(String.init)
        }
        if let m = reason.wholeMatch(of: /Missing expected argument '(.+)'/) {
            return .usageMissing(argument: String(m.1))
        }
        if let m = reason.wholeMatch(of: /Missing one of: (.+)/) {
            return .usageMissingOneOf(arguments: quotedList(m.1))
        }
        if let m = reason.wholeMatch(of: /Unknown option '([^']+)'\. Did you mean '([^']+)'\?/) {
            return .usageUnknownOptionSuggest(option: String(m.1), suggestion: String(m.2))
        }
        if let m = reason.wholeMatch(of: /Unknown option '([^']+)'/) {
            return .usageUnknownOption(option: String(m.1))
        }
        if let m = reason.wholeMatch(of: /Missing value for '(.+)'/) {
            return .usageMissingValue(option: String(m.1))
        }
        if let m = reason.wholeMatch(of: /Unexpected argument '(.*)'/) {
            return .usageUnexpected(arguments: [Escaped.text(String(m.1))])
        }
        if let m = reason.wholeMatch(of: /\d+ unexpected arguments: (.+)/) {
            return .usageUnexpected(arguments: quotedList(m.1).map(Escaped.text))
        }
        if let m = reason.wholeMatch(of: /The value '(.*)' is invalid for '(.+?)'(?:\. Please provide one of (.+)\.)?/)
        {
            // 'a' and 'b' / 'a', 'b' or 'c'
            let values = m.3.map { list in
                list.split(separator: #/, | or | and /#).map { unquoted($0) }
            }
            return .usageInvalidValue(option: String(m.2), value: Escaped.text(String(m.1)), values: values ?? [])
        }
        if let m = reason.wholeMatch(of: /The option '([^']+)' does not take any value, but '(.*)' was specified\./) {
            return .usageNoValue(option: String(m.1), value: Escaped.text(String(m.2)))
        }
        return nil
    }
}
