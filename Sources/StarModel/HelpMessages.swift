/// The catalogue's entries for `--help` (the headings and the lines star-report's help adds to
/// each command's own texts), kept beside the rest of the catalogue by theme.
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
    ]
}
