import Foundation
import StarModel
import TestSupport
import Testing

@testable import StarPipeline

/// docs/outputs.md "Language": Chinese by default, English on request, in the terminal and in the
/// reports' own text.
@Suite struct LanguageTests {
    /// The texts the reports carry from the diagnostics (validation.txt, the warnings in the
    /// summaries), in English: golden files beside the Chinese ones.
    @Test func englishReportTextMatchesItsGoldenFiles() throws {
        let dir = try temporaryDirectory("golden-en")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try runSampleData(into: dir, language: .en)
        for name in ["validation.txt", "summary-ZJJ.txt", "summary-GAJ.txt"] {
            try assertGolden(try report(out, name), "2026-en/" + name)
        }
        // and the Chinese default carries no English sentence in them
        let zh = try runSampleData(into: try temporaryDirectory("golden-zh"))
        let validation = try report(zh, "validation.txt")
        #expect(!validation.contains("members took part") && !validation.contains("errors,"))
        #expect(validation.contains("错误 0 个，警告 2 个"))
    }

    /// More than twenty warnings on a run: per code a count and the first three, and where all
    /// of them are; errors always in full; `validate` prints every one.
    @Test func manyWarningsAreGroupedOnTheTerminal() {
        let at = { (line: Int) in SourceLocation(file: "s.csv", line: line) }
        var d = (1...30).map {
            Diagnostic.warning(.lowParticipation(participants: 1, members: 9, percent: 80), at: at($0 + 1))
        }
        d += (1...2).map {
            Diagnostic.warning(.selfTooHigh(self: "90.0", limit: "15.0", superior: "60.0"), at: at($0 + 40))
        }
        d.append(.error(.rangeInteger(min: 0, max: 10, value: 11), at: at(50)))
        let c = Captured()
        let pipeline = Pipeline(options: Options(input: "in"), console: c.console)
        pipeline.report(d, account: nil, files: 1, grouped: true)
        #expect(c.err.filter { $0.contains("warning[W-PARTICIPATION]") }.count == 3)
        #expect(c.err.filter { $0.contains("warning[W-SELF-HIGH]") }.count == 2)
        #expect(c.err.contains { $0.contains("error[E-RANGE]") })
        #expect(c.err.contains("  …… 警告 W-PARTICIPATION 共 30 条，以上是前 3 条"))
        #expect(c.err.contains("全部 32 条警告见 validation.txt（star-report validate 逐条列出）"))
        let all = Captured()
        Pipeline(options: Options(input: "in"), console: all.console).report(d, account: nil, files: 1, grouped: false)
        #expect(all.err.filter { $0.contains("warning[") }.count == 32)
    }

    /// A rules file says its name and version; both appear in the reports; the --rules and
    /// --previous files are inputs with their SHA-256.
    @Test func customRulesLeaveTheirTrace() throws {
        let dir = try temporaryDirectory("rules-trace")
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try String(
            contentsOfFile: repoRoot.appendingPathComponent("Sources/StarRules/Resources/anyang-2017.toml").path,
            encoding: .utf8)
        let nameless = dir.appendingPathComponent("nameless.toml")
        try text.split(separator: "\n", omittingEmptySubsequences: false).filter {
            !$0.hasPrefix("scheme =") && !$0.hasPrefix("name =")
        }
        .joined(separator: "\n").write(to: nameless, atomically: true, encoding: .utf8)
        let (s1, _, e1) = try runBinary(
            ["run", "--input", "SampleData/2026", "--output", dir.path + "/r", "--rules", nameless.path], language: "zh"
        )
        #expect(s1 == 65 && e1.contains("error[E-RULES]: name: 规则文件必须写明 name"), "\(e1)")

        let mine = dir.appendingPathComponent("mine.toml")
        try text.replacingOccurrences(of: "scheme = \"anyang-2017\"", with: "name = \"林州-2026\"")
            .replacingOccurrences(of: "name = \"anyang-2017\"", with: "name = \"林州-2026\"")
            .replacingOccurrences(of: "version = \"2017.1\"", with: "version = \"3\"")
            .replacingOccurrences(of: "five = 90.0", with: "five = 92.5").write(
                to: mine, atomically: true, encoding: .utf8)
        #expect(try runBinary(["run", "--input", "SampleData/2025", "--output", dir.path + "/2025"]).0 == 0)
        let (s2, _, e2) = try runBinary([
            "run", "--input", "SampleData/2026", "--output", dir.path + "/r", "--rules", mine.path,
            "--previous", dir.path + "/2025/results.csv",
        ])
        #expect(s2 == 0, "\(e2)")
        #expect(try String(contentsOfFile: dir.path + "/r/notice.txt", encoding: .utf8).contains("林州-2026"))
        #expect(try String(contentsOfFile: dir.path + "/r/summary-CZJ.txt", encoding: .utf8).contains("林州-2026"))
        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.path + "/r/results.json")))
            as! [String: Any]
        #expect(json["scheme"] as? String == "林州-2026" && json["rules_version"] as? String == "3")
        // the score bands of the rules in use, so that band_stars can be recomputed
        #expect(json["bands"] as? [Double] == [50, 60, 70, 80, 92.5])
        let inputs = json["inputs"] as! [[String: Any]]
        let rules = inputs.first { $0["path"] as? String == mine.path }
        #expect(rules?["kind"] as? String == "rules" && (rules?["sha256"] as? String)?.count == 64)
        let previous = inputs.first { $0["kind"] as? String == "previous" }
        #expect(
            previous?["path"] as? String == dir.path + "/2025/results.csv"
                && (previous?["sha256"] as? String)?.count == 64)
    }

    /// `--help` in the chosen language.
    @Test func helpInTheChosenLanguage() throws {
        let (_, zh, _) = try runBinary(["run", "--help"], language: "zh")
        #expect(zh.contains("当年的输入文件夹"))
        let (_, en, _) = try runBinary(["run", "--help", "--lang", "en"], language: "zh")
        #expect(en.contains("The year's input folder"))
    }

    /// Every command's help, headings and ArgumentParser's own lines included, is in the chosen
    /// language and fits 80 columns of a terminal (CJK counting two).
    @Test func everyHelpIsTranslatedAndFitsTheTerminal() throws {
        let ledger = [
            "record", "object", "resolve", "approve", "review", "adjust", "import", "history", "export", "report",
        ]
        let commands =
            [[], ["run"], ["validate"], ["send"], ["template"], ["init"], ["ledger"]] + ledger.map { ["ledger", $0] }
        for command in commands {
            let (status, zh, _) = try runBinary(command + ["--help"], language: "zh")
            #expect(status == 0)
            let lines = zh.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(
                lines.allSatisfy { DisplayWidth.of($0) <= 80 },
                "\(command): \(lines.filter { DisplayWidth.of($0) > 80 })")
            #expect(zh.hasPrefix("概述：") && zh.contains("\n用法：" + (["star-report"] + command).joined(separator: " ")))
            #expect(zh.contains("  -h, --help              显示本帮助。\n"))
            // placeholders in Chinese too (`--input <文件夹>`), and no Chinese in the English help
            #expect(zh.range(of: "<[a-z]", options: .regularExpression) == nil, "\(command)")
            for english in ["OVERVIEW", "USAGE", "OPTIONS", "SUBCOMMANDS", "Show ", "See ", "values:", "default:"] {
                #expect(!zh.contains(english), "\(command): \(english)")
            }
            let (_, en, _) = try runBinary(command + ["--help"], language: "en")
            #expect(en.hasPrefix("OVERVIEW: ") && en.contains("\nUSAGE: ") && !en.contains("概述"))
            // (the Chinese that stays is a file's name: 错误清单-<id>.xlsx)
            let chinese = en.unicodeScalars.filter { (0x4E00...0x9FFF).contains($0.value) }
            #expect(
                chinese.isEmpty || command == ["validate"], "\(command): \(String(String.UnicodeScalarView(chinese)))")
            // `help …` asks for the same text; an option's value in between names no command
            let (_, asked, _) = try runBinary(["help"] + command, language: "zh")
            #expect(asked == zh)
            let (_, withValue, _) = try runBinary(["--lang", "zh"] + command + ["-h"], language: "en")
            #expect(withValue == zh)
        }
        let (_, run, _) = try runBinary(["run", "--help"], language: "zh")
        let unwrapped = run.replacingOccurrences(of: "\n" + String(repeating: " ", count: 26), with: "")
        // (its description names the values already: they are not listed again)
        #expect(unwrapped.contains("名额范围：all（全部）或 committee（按上级党组织）\n"), "\(run)")
        let (_, validate, _) = try runBinary(["validate", "--help"], language: "en")
        #expect(validate.contains("  --format <format>       Diagnostics format: text or json (default: text).\n"))
    }

    /// A command line that does not parse is one line in the user's language naming the help to
    /// read, exit 64; `--help` and `--version` still print and exit 0.
    @Test func badUsageIsOneLineWithAHint() throws {
        let (status, out, err) = try runBinary(["run", "--input", "SampleData/2026"], language: "zh")
        #expect(status == 64 && out.isEmpty)
        #expect(
            err == "star-report: 命令行有误：缺少 --output <路径>。用法见 star-report run --help\n",
            "\(err)")
        let (ledger, _, ledgerErr) = try runBinary(["ledger", "record", "--year", "2026"], language: "en")
        #expect(ledger == 64)
        #expect(
            ledgerErr.split(separator: "\n").count == 1 && ledgerErr.hasPrefix("star-report: bad usage: ")
                && ledgerErr.hasSuffix("See star-report ledger record --help\n"), "\(ledgerErr)")
        let (own, _, ownErr) = try runBinary(["run", "--input", "x", "--output", "y", "--lang", "fr"], language: "zh")
        #expect(own == 64 && ownErr.contains("--lang 只能是 zh 或 en") && ownErr.split(separator: "\n").count == 1)
        let (version, printed, _) = try runBinary(["--version"], language: "zh")
        #expect(version == 0 && printed == "0.1.0\n")
    }

    /// ArgumentParser's reasons (written in English) are said in the user's language, each shape
    /// of them.
    @Test func argumentParsersReasonsAreTranslated() throws {
        let run = ["run", "--input", "x", "--output", "y"]
        let cases: [([String], String, String)] = [
            (["run", "--input"], "--input <文件夹> 后缺少取值", "--input <input> needs a value"),
            (["run", "--output", "y"], "缺少 --input <文件夹>", "missing --input <input>"),
            (run + ["--ouput", "z"], "没有选项 --ouput（是否应为 --output）", "unknown option --ouput (did you mean --output)"),
            (run + ["-z"], "没有选项 -z", "unknown option -z"),
            (["run", "extra", "more"] + run.dropFirst(), "多余的参数 extra、more", "unexpected argument extra, more"),
            (run + ["--list=3"], "--list 不带取值，却给了“3”", "--list takes no value, but '3' was given"),
            (run + ["--year", "20266"], "--year 应在 2000 到 2100 之间", "--year must be between 2000 and 2100"),
            (
                run + ["--quota-scope", "z"], "--quota-scope <范围> 的取值“z”无效（可选：all、committee）",
                "the value 'z' is invalid for --quota-scope <quota-scope> (values: all, committee)"
            ),
            (
                run + ["--notice-date", "2026-13-40"], "--notice-date <日期> 的取值“2026-13-40”无效",
                "the value '2026-13-40' is invalid for --notice-date <notice-date>"
            ),
        ]
        // the person's own slip comes first, even where ArgumentParser would blame something else
        let slips: [([String], String, String)] = [
            (["run", "--inptu", "x"], "没有选项 --inptu（是否应为 --input）", "unknown option --inptu (did you mean --input)"),
            (["run", "extra"], "多余的参数 extra", "unexpected argument extra"),
            // what the user typed is shown as typed, even when it looks like a placeholder
            (run + ["<input>"], "多余的参数 <input>", "unexpected argument <input>"),
            (
                run + ["--quota-scope", "<year>"], "--quota-scope <范围> 的取值“<year>”无效（可选：all、committee）",
                "the value '<year>' is invalid for --quota-scope <quota-scope> (values: all, committee)"
            ),
            (
                ["run", "--input", "x", "--outptu=y"], "没有选项 --outptu（是否应为 --output）",
                "unknown option --outptu (did you mean --output)"
            ),
        ]
        for (arguments, zh, en) in cases + slips {
            let (status, _, err) = try runBinary(arguments, language: "zh")
            #expect(status == 64 && err == "star-report: 命令行有误：\(zh)。用法见 star-report run --help\n", "\(err)")
            let (_, _, english) = try runBinary(arguments, language: "en")
            #expect(english == "star-report: bad usage: \(en). See star-report run --help\n", "\(english)")
        }
        let subcommands: [([String], String, String)] = [
            (
                ["vaildate", "--input", "x"], "没有子命令 vaildate（是否应为 validate）。用法见 star-report --help",
                "no subcommand vaildate (did you mean validate). See star-report --help"
            ),
            (["bogus"], "没有子命令 bogus。用法见 star-report --help", "no subcommand bogus. See star-report --help"),
            // an option's value is no subcommand, even when it is one's name
            (
                ["ledger", "--by", "x", "recrod"], "没有子命令 recrod（是否应为 record）。用法见 star-report ledger --help",
                "no subcommand recrod (did you mean record). See star-report ledger --help"
            ),
            (
                ["rn", "--input", "run"], "没有子命令 rn（是否应为 run）。用法见 star-report --help",
                "no subcommand rn (did you mean run). See star-report --help"
            ),
            (
                [
                    "ledger", "resolve", "--ledger", "x", "--year", "2026", "--branch", "B", "--stars", "7", "--reason",
                    "r",
                ],
                "--stars 应为 0–5，当前为 7。用法见 star-report ledger resolve --help",
                "--stars must be 0–5, found 7. See star-report ledger resolve --help"
            ),
            (
                ["ledger", "histroy"], "没有子命令 histroy（是否应为 history）。用法见 star-report ledger --help",
                "no subcommand histroy (did you mean history). See star-report ledger --help"
            ),
        ]
        // a file name where the ledger page's folder is wanted: refused before anything is made
        let page = try temporaryFolder("ledger-page").appendingPathComponent("page.html")
        defer { try? FileManager.default.removeItem(at: page.deletingLastPathComponent()) }
        let (refused, _, why) = try runBinary(
            ["ledger", "report", "--ledger", page.path + ".sqlite", "--output", page.path], language: "zh")
        #expect(refused == 64 && why.contains("不是文件名") && !FileManager.default.fileExists(atPath: page.path), "\(why)")
        for (arguments, zh, en) in subcommands {
            let (status, _, err) = try runBinary(arguments, language: "zh")
            #expect(status == 64 && err == "star-report: 命令行有误：\(zh)\n", "\(err)")
            let (_, _, english) = try runBinary(arguments, language: "en")
            #expect(english == "star-report: bad usage: \(en)\n", "\(english)")
        }
    }
}
