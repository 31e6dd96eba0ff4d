import StarModel

/// ArgumentParser's reason for refusing a command line, said again from the catalogue.
///
/// ArgumentParser writes its reasons in English and keeps the errors behind them internal; what
/// it does expose is their text, whose few shapes (written by its usage generator) are matched
/// here. A reason of another shape (a newer ArgumentParser's) stays as ArgumentParser
/// wrote it, inside the localised line all the same.
enum UsageErrors {
    /// The mistake a person made, found before ArgumentParser's reason, which can hide it: a
    /// misspelled subcommand (ArgumentParser blames the first option after it), an unknown option
    /// or a word too many (ArgumentParser first says that a required option is missing, `--inptu x`
    /// giving "missing --input"). `command` is the command the line reached, `walk` what
    /// Help.walk found in it; nil when there is no such slip.
    static func mistake(command: Help.Command, walk: Help.Walk) -> Message? {
        if let stray = walk.stray {
            let subcommands = (command.subcommands ?? []).map(\.commandName).filter { $0 != "help" }
            let shown = Escaped.text(stray)
            return nearest(stray, among: subcommands).map {
                .usageUnknownSubcommandSuggest(word: shown, suggestion: $0)
            }
                ?? .usageUnknownSubcommand(word: shown)
        }
        if let name = walk.unknownOption {
            let long = (command.arguments ?? []).compactMap { $0.names?.first { $0.kind == "long" }?.shown }
            let shown = Escaped.text(name)
            return nearest(name, among: long).map { .usageUnknownOptionSuggest(option: shown, suggestion: $0) }
                ?? .usageUnknownOption(option: shown)
        }
        return walk.extra.isEmpty ? nil : .usageUnexpected(arguments: walk.extra.map(Escaped.text))
    }

    /// The candidate nearest `word` when it is a slip of at most two letters.
    static func nearest(_ word: String, among candidates: [String]) -> String? {
        EditDistance.nearest(word, among: candidates.sorted()) { _, d in d <= 2 && d < word.count }
    }

    static func message(for reason: String) -> Message? {
        // an option or argument as ArgumentParser names it (`--input <input>`): its placeholder in
        // the user's language, never a value the user typed
        func named(_ s: Substring) -> Localized {
            let shown = Escaped.text(String(s))
            return Localized(zh: Help.placeholders(in: shown, .zh), en: shown)
        }
        // 'x' → x (ArgumentParser quotes every argument, option and value it names)
        func unquoted(_ s: Substring) -> String {
            s.count >= 2 && s.first == "'" && s.last == "'" ? String(s.dropFirst().dropLast()) : String(s)
        }
        // 'a', 'b' → [a, b]
        func quotedList(_ s: Substring) -> [String] {
            unquoted(s).split(separator: "', '", omittingEmptySubsequences: false).map(String.init)
        }
        if let m = reason.wholeMatch(of: /Missing expected argument '(.+)'/) {
            return .usageMissing(argument: named(m.1))
        }
        if let m = reason.wholeMatch(of: /Missing one of: (.+)/) {
            return .usageMissingOneOf(arguments: quotedList(m.1))
        }
        if let m = reason.wholeMatch(of: /Unknown option '([^']+)'\. Did you mean '([^']+)'\?/) {
            return .usageUnknownOptionSuggest(option: Escaped.text(String(m.1)), suggestion: String(m.2))
        }
        if let m = reason.wholeMatch(of: /Unknown option '([^']+)'/) {
            return .usageUnknownOption(option: Escaped.text(String(m.1)))
        }
        if let m = reason.wholeMatch(of: /Missing value for '(.+)'/) {
            return .usageMissingValue(option: named(m.1))
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
            return .usageInvalidValue(option: named(m.2), value: Escaped.text(String(m.1)), values: values ?? [])
        }
        if let m = reason.wholeMatch(of: /The option '([^']+)' does not take any value, but '(.*)' was specified\./) {
            return .usageNoValue(option: Escaped.text(String(m.1)), value: Escaped.text(String(m.2)))
        }
        return nil
    }
}
