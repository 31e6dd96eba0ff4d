/// The catalogue's entries for `--help` (the headings and the lines star-report's help adds to
/// each command's own texts) and for the reasons a command line does not parse (ArgumentParser's,
/// said again in the user's language inside `usageHint`), kept beside the rest of the catalogue
/// by theme.
extension Catalogue {
    /// `helpValues` and `helpDefault` follow a description directly: the English ones start with
    /// their space, the Chinese ones with their full-width bracket.
    static let helpEntries: [MessageID: Entry] = [
        .helpOverview: Entry(code: "", zh: "概述：{text}", en: "OVERVIEW: {text}"),
        .helpUsage: Entry(code: "", zh: "用法：{text}", en: "USAGE: {text}"),
        .helpArguments: Entry(code: "", zh: "参数：", en: "ARGUMENTS:"),
        .helpOptions: Entry(code: "", zh: "选项：", en: "OPTIONS:"),
        .helpSubcommands: Entry(code: "", zh: "子命令：", en: "SUBCOMMANDS:"),
        .helpSubcommandName: Entry(code: "", zh: "<子命令>", en: "<subcommand>"),
        .helpShowHelp: Entry(code: "", zh: "显示本帮助。", en: "Show help information."),
        .helpShowVersion: Entry(code: "", zh: "显示版本。", en: "Show the version."),
        .helpSeeSubcommand: Entry(
            code: "", zh: "每个子命令的说明：{command} {subcommand} --help",
            en: "See '{command} {subcommand} --help' for detailed help."),
        .helpValues: Entry(code: "", zh: "（可选：{values}）", en: " (values: {values})"),
        .helpDefault: Entry(code: "", zh: "（默认：{value}）", en: " (default: {value})"),
        .usageMissing: Entry(code: "", zh: "缺少 {argument}", en: "missing {argument}"),
        .usageMissingOneOf: Entry(code: "", zh: "缺少参数，须给出其中之一：{arguments}", en: "missing one of: {arguments}"),
        .usageUnknownOption: Entry(code: "", zh: "没有选项 {option}", en: "unknown option {option}"),
        .usageUnknownOptionSuggest: Entry(
            code: "", zh: "没有选项 {option}（是否应为 {suggestion}）",
            en: "unknown option {option} (did you mean {suggestion})"),
        .usageMissingValue: Entry(code: "", zh: "{option} 后缺少取值", en: "{option} needs a value"),
        .usageUnexpected: Entry(code: "", zh: "多余的参数 {arguments}", en: "unexpected argument {arguments}"),
        .usageInvalidValue: Entry(
            code: "", zh: "{option} 的取值“{value}”无效{values}", en: "the value '{value}' is invalid for {option}{values}"),
        .usageNoValue: Entry(
            code: "", zh: "{option} 不带取值，却给了“{value}”", en: "{option} takes no value, but '{value}' was given"),
        .usageUnknownSubcommand: Entry(code: "", zh: "没有子命令 {word}", en: "no subcommand {word}"),
        .usageUnknownSubcommandSuggest: Entry(
            code: "", zh: "没有子命令 {word}（是否应为 {suggestion}）", en: "no subcommand {word} (did you mean {suggestion})"),
        .ledgerReportOutputIsFile: Entry(
            code: "", zh: "--output 是存放 ledger.html 的文件夹，不是文件名（{output}）：请给出文件夹，例如 --output reports/ledger",
            en:
                """
                --output is the folder ledger.html goes into, not a file name ({output}): pass a folder, e.g. \
                --output reports/ledger
                """
        ),
    ]
}
