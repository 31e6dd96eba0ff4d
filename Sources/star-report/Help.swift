import ArgumentParser
import Foundation
import StarModel
import StarPlatform
import StarRender
import Synchronization

/// `--help` in the user's language, laid out by display width.
///
/// ArgumentParser's help has its headings and its own lines in English (OVERVIEW, "Show help
/// information.") and wraps by counting characters, so a Chinese line ran to twice the width of
/// the terminal; it offers no way to change either. The commands' texts are still declared with
/// ArgumentParser (StarReport.swift) and read back from its description of the command tree (the JSON
/// of `--experimental-dump-help`); only the layout is written here, in ArgumentParser's shape:
/// an overview, the usage, the options in a column from the 27th, the subcommands.
enum Help {
    /// The terminal width the help is laid out for, as ArgumentParser assumes when it cannot tell.
    static let width = 80
    /// Where an option's or subcommand's description starts.
    static let column = 26

    /// The help of the command `path` names under `root` (`["ledger", "record"]`; empty for the
    /// root); nil when ArgumentParser's description of the tree cannot be read.
    static func text(root: ParsableCommand.Type, path: [String], language: Language) -> String? {
        guard let (command, name) = command(root: root, path: path) else { return nil }
        return render(command, name: name, language: language)
    }

    /// ArgumentParser's description of the command `path` names, with its full name
    /// (`star-report ledger record`); nil when the description cannot be read.
    static func command(root: ParsableCommand.Type, path: [String]) -> (Command, name: String)? {
        guard var command = tree(root) else { return nil }
        var names = [command.commandName]
        for word in path {
            guard let sub = command.subcommands?.first(where: { $0.commandName == word }) else { break }
            command = sub
            names.append(word)
        }
        return (command, names.joined(separator: " "))
    }

    /// ArgumentParser's description of `root`'s tree, made and decoded once (a help or a usage
    /// line looks at it several times).
    static func tree(_ root: ParsableCommand.Type) -> Command? {
        trees.withLock { trees in
            if let tree = trees[ObjectIdentifier(root)] { return tree }
            guard let data = root._dumpHelp().data(using: .utf8),
                let tool = try? JSONDecoder().decode(Tool.self, from: data)
            else { return nil }
            trees[ObjectIdentifier(root)] = tool.command
            return tool.command
        }
    }
    private static let trees = Mutex<[ObjectIdentifier: Command]>([:])

    /// The placeholders of the options' values in Chinese (`--input <文件夹>`); ArgumentParser
    /// names them after the properties (`<input>`), which English keeps.
    static let chinesePlaceholders: [String: String] = [
        "input": "文件夹", "output": "路径", "year": "年度", "rules": "文件", "templates": "文件夹",
        "notice-date": "日期", "previous": "路径", "ledger": "台账文件", "quota-scope": "范围", "lang": "语言",
        "format": "格式", "errors": "文件夹", "reports": "文件夹", "config": "文件", "only": "编号",
        "committee": "编号", "dir": "文件夹", "by": "姓名", "branch": "编号", "text": "内容", "date": "日期",
        "stars": "星级", "reason": "理由", "document": "文号", "results": "文件", "subcommands": "子命令",
    ]

    /// `<input>` as the user's language shows it: `<文件夹>` in Chinese.
    static func placeholder(_ valueName: String, _ language: Language) -> String {
        "<" + (language == .zh ? chinesePlaceholders[valueName] ?? valueName : valueName) + ">"
    }

    /// Every `<input>` of ArgumentParser's name of an option (`--input <input>`) as the user's
    /// language shows it.
    static func placeholders(in text: String, _ language: Language) -> String {
        guard language == .zh else { return text }
        return text.replacing(/<([a-z][a-z-]*)>/) { placeholder(String($0.1), language) }
    }

    /// The command line asks for help: `-h` or `--help`, `help …`, or only the names of a
    /// command that has subcommands (`star-report`, `star-report ledger`).
    static func isRequest(root: ParsableCommand.Type, arguments: [String]) -> Bool {
        let words = arguments.prefix { $0 != "--" }
        if words.contains("-h") || words.contains("--help") || words.first == "help" { return true }
        let path = walk(root: root, arguments: arguments).path
        guard path.count == words.count else { return false }
        return command(root: root, path: path)?.0.subcommands?.contains { $0.commandName != "help" } ?? false
    }

    /// The words of a command line that name the command whose help it asks for (`star-report help
    /// ledger record` and `star-report ledger record --help` both give `["ledger", "record"]`).
    static func path(root: ParsableCommand.Type, arguments: [String]) -> [String] {
        walk(root: root, arguments: arguments).path
    }

    /// What a command line names and where it slips, word by word.
    struct Walk {
        /// The subcommands it names (`["ledger", "record"]`).
        var path: [String] = []
        /// The word where a subcommand was wanted that names none (`vaildate`).
        var stray: String?
        /// The first option the command it reached does not have (`--inptu`).
        var unknownOption: String?
        /// Words past the arguments that command takes (`run extra`).
        var extra: [String] = []
    }

    /// Walks a command line through the command tree. An option's value is passed over: before
    /// the subcommand, the word after an option that is not a flag there (`--lang en`, `--by 张三`);
    /// at the command reached, the word after one of its options that takes a value.
    static func walk(root: ParsableCommand.Type, arguments: [String]) -> Walk {
        guard var command = tree(root) else { return Walk() }
        var walk = Walk()
        var room = 0  // the positional words the command reached still takes
        var valueNext = false
        for word in arguments.prefix(while: { $0 != "--" }) {
            if valueNext {
                valueNext = false
                continue
            }
            let own = command.arguments ?? []
            let subcommands = (command.subcommands ?? []).filter { $0.commandName != "help" }
            if word.hasPrefix("-") && word != "-" {
                let name = String(word.prefix { $0 != "=" })
                func named(_ kind: String?) -> Bool {
                    own.contains { (kind == nil || $0.kind == kind) && ($0.names ?? []).map(\.shown).contains(name) }
                }
                if !subcommands.isEmpty {
                    valueNext = !word.contains("=") && !named("flag")
                } else if !named(nil) {
                    walk.unknownOption = walk.unknownOption ?? name
                } else {
                    valueNext = !word.contains("=") && named("option")
                }
                continue
            }
            if !subcommands.isEmpty {
                if word == "help" && walk.path.isEmpty { continue }
                guard let sub = subcommands.first(where: { $0.commandName == word }) else {
                    walk.stray = word
                    return walk
                }
                command = sub
                walk.path.append(word)
                let positionals = (sub.arguments ?? []).filter { $0.kind == "positional" }
                room = positionals.contains(where: \.isRepeating) ? .max : positionals.count
            } else if room > 0 {
                room -= 1
            } else {
                walk.extra.append(word)
            }
        }
        return walk
    }

    static func render(_ command: Command, name: String, language: Language) -> String {
        func say(_ m: Message) -> String { m.text(language) }
        var out: [String] = []
        if let abstract = command.abstract, !abstract.isEmpty {
            out += TextLayout.wrapWords(say(.helpOverview(text: abstract)), width: width)
            out.append("")
        }
        if let discussion = command.discussion, !discussion.isEmpty {
            for paragraph in discussion.split(separator: "\n", omittingEmptySubsequences: false) {
                out += paragraph.isEmpty ? [""] : TextLayout.wrapWords(String(paragraph), width: width)
            }
            out.append("")
        }
        let subcommands = (command.subcommands ?? []).filter { $0.commandName != "help" && $0.shouldDisplay ?? true }
        let arguments = (command.arguments ?? []).filter(\.shouldDisplay)
        // as ArgumentParser's usage: its own --help and --version are left out
        let usageArguments = arguments.filter {
            !($0.kind == "flag" && ["help", "version"].contains($0.preferredName?.name))
        }
        let usageHead = say(.helpUsage(text: ""))
        let usageWords =
            [name]
            + (subcommands.isEmpty ? usageArguments.map { $0.usage(language) } : [say(Message(.helpSubcommandName))])
        out += packed(usageWords, head: usageHead)
        out.append("")
        let positionals = arguments.filter { $0.kind == "positional" }
        let options = arguments.filter { $0.kind != "positional" }
        for (heading, list) in [(Message(.helpArguments), positionals), (Message(.helpOptions), options)]
        where !list.isEmpty {
            out.append(say(heading))
            for argument in list {
                var text = argument.helpText(language)
                // the values, unless the description already names each, and the default, before
                // the description's full stop
                var added = ""
                if let values = argument.allValues, !values.isEmpty, !values.allSatisfy(text.contains) {
                    added += say(.helpValues(values: values))
                }
                if let value = argument.defaultValue, argument.kind == "option" {
                    added += say(.helpDefault(value: value))
                }
                if !added.isEmpty, let stop = text.last, stop == "." || stop == "。" {
                    text = text.dropLast() + added + String(stop)
                } else {
                    text += added
                }
                out += row(argument.label(language), text)
            }
            out.append("")
        }
        if !subcommands.isEmpty {
            out.append(say(Message(.helpSubcommands)))
            for sub in subcommands { out += row(sub.commandName, sub.abstract ?? "") }
            out.append("")
            out += TextLayout.wrapWords(
                say(.helpSeeSubcommand(command: name, subcommand: Message(.helpSubcommandName))), width: width - 2
            ).map { "  " + $0 }
            out.append("")
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    /// `label` at two columns in, `text` wrapped in the column from `column` (on the next line
    /// when the label reaches into it).
    static func row(_ label: String, _ text: String) -> [String] {
        let indent = String(repeating: " ", count: column)
        var lines = TextLayout.wrapWords(text, width: width - column).map { indent + $0 }
        let head = "  " + label
        if DisplayWidth.of(head) < column - 1, !lines.isEmpty {
            lines[0] = head + String(repeating: " ", count: column - DisplayWidth.of(head)) + lines[0].dropFirst(column)
        } else {
            lines.insert(head, at: 0)
        }
        return lines
    }

    /// The usage's words (`[--year <year>]` is one) in lines of at most `width`, the first after
    /// `head`, the others indented under its end. (TextLayout.wrap may break inside a word, which
    /// is right for Chinese prose but not for an option.)
    static func packed(_ words: [String], head: String) -> [String] {
        let indent = String(repeating: " ", count: DisplayWidth.of(head))
        var lines: [String] = []
        var line = head
        var fresh = true
        for word in words {
            if !fresh, DisplayWidth.of(line) + 1 + DisplayWidth.of(word) > width {
                lines.append(line)
                line = indent
                fresh = true
            }
            line += (fresh ? "" : " ") + word
            fresh = false
        }
        lines.append(line)
        return lines
    }

    // ArgumentParser's description of the command tree (`--experimental-dump-help`, format 0):
    // the fields the help shows.
    struct Tool: Decodable { var command: Command }

    struct Command: Decodable, Sendable {
        var commandName: String
        var abstract: String?
        var discussion: String?
        var shouldDisplay: Bool?
        var arguments: [Argument]?
        var subcommands: [Command]?
    }

    struct Argument: Decodable, Sendable {
        struct Name: Decodable, Sendable {
            var kind: String
            var name: String
            var shown: String { kind == "long" ? "--" + name : "-" + name }
        }
        var kind: String
        var names: [Name]?
        var preferredName: Name?
        var valueName: String?
        var abstract: String?
        var discussion: String?
        var allValues: [String]?
        var defaultValue: String?
        var isOptional: Bool
        var isRepeating: Bool
        var shouldDisplay: Bool

        /// How the options column shows it: `-h, --help`, `--input <input>`, `<dir>`.
        func label(_ language: Language) -> String {
            let value = Help.placeholder(valueName ?? "value", language) + (isRepeating ? " ..." : "")
            if kind == "positional" { return value }
            let shown = (names ?? []).sorted { $0.kind == "short" && $1.kind != "short" }.map(\.shown)
                .joined(separator: ", ")
            return kind == "option" ? shown + " " + value : shown
        }

        /// How the usage line shows it: `--input <input>`, `[--year <year>]`, `[--list]`.
        func usage(_ language: Language) -> String {
            let value = Help.placeholder(valueName ?? "value", language) + (isRepeating ? " ..." : "")
            let word =
                switch kind {
                case "positional": value
                case "option": (preferredName?.shown ?? "") + " " + value
                default: preferredName?.shown ?? ""
                }
            return isOptional ? "[\(word)]" : word
        }

        /// Its description; ArgumentParser's own `--help` and `--version` are described from the
        /// catalogue.
        func helpText(_ language: Language) -> String {
            let described = [abstract, discussion].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            guard kind == "flag" else { return described }
            switch preferredName?.name {
            case "help": return Message(.helpShowHelp).text(language)
            case "version": return Message(.helpShowVersion).text(language)
            default: return described
            }
        }
    }
}
