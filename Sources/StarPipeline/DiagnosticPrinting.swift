import Foundation
import StarModel
import StarRender

/// How diagnostics and the closing lines reach the terminal and validation.txt, in the user's
/// language.
extension Pipeline {
    /// A count as a message parameter: the number alone in Chinese (the unit is in the text),
    /// with its English noun in the plural it needs.
    func count(_ n: Int, _ word: String) -> Localized { Localized(zh: "\(n)", en: "\(n) \(word)\(n == 1 ? "" : "s")") }

    func summaryLine(_ d: [Diagnostic], files: Int?) -> String {
        let errors = count(d.errorCount, "error")
        let warnings = count(d.warningCount, "warning")
        guard let files else { return Message.summaryLine(errors: errors, warnings: warnings).text(options.language) }
        return Message.summaryLineFiles(errors: errors, warnings: warnings, files: count(files, "file")).text(
            options.language)
    }

    /// How many warnings of one code the terminal shows in full before it groups them.
    static let groupAbove = 20
    static let examplesPerGroup = 3

    /// Errors in full; warnings too unless there are more than `groupAbove` of them on a `run`,
    /// then per code a count and the first few (every one is in validation.txt).
    func report(_ diagnostics: [Diagnostic], account: Message?, files: Int?, grouped: Bool) {
        let diagnostics = diagnostics.in(options.language)
        if options.jsonDiagnostics {
            let items: [JSON] = diagnostics.map { d in
                var m: [(String, JSON)] = [
                    ("severity", .string(d.severity.rawValue)), ("code", .string(d.code)),
                    ("file", .string(d.location.file)), ("line", .int(d.location.line)),
                ]
                m.append(("column", d.location.column.map(JSON.int) ?? .null))
                m.append(("field", d.field.map(JSON.string) ?? .null))
                m.append(("branch_id", d.branchID.map(JSON.string) ?? .null))
                m.append(("message", .string(d.message)))
                return .object(m)
            }
            console.out(
                JSON.object([
                    ("errors", .int(diagnostics.errorCount)), ("warnings", .int(diagnostics.warningCount)),
                    ("diagnostics", .array(items)),
                ]).rendered())
            return
        }
        if grouped && diagnostics.warningCount > Pipeline.groupAbove {
            for d in diagnostics where d.severity == .error { console.err(d.rendered) }
            let warnings = diagnostics.filter { $0.severity == .warning }
            var order: [String] = []
            var byCode: [String: [Diagnostic]] = [:]
            for w in warnings {
                if byCode[w.code] == nil { order.append(w.code) }
                byCode[w.code, default: []].append(w)
            }
            for code in order {
                let list = byCode[code]!
                for d in list.prefix(Pipeline.examplesPerGroup) { console.err(d.rendered) }
                if list.count > Pipeline.examplesPerGroup {
                    console.err(
                        Message.moreWarnings(count: "\(list.count)", code: code, shown: "\(Pipeline.examplesPerGroup)")
                            .text(options.language))
                }
            }
            console.err(Message.allWarningsIn(count: "\(warnings.count)").text(options.language))
        } else {
            for d in diagnostics { console.err(d.rendered) }
        }
        console.err(summaryLine(diagnostics, files: files))
        if let account { console.err(account.text(options.language)) }
    }

    func validationText(_ warnings: [Diagnostic], account: Message, files: Int) -> String {
        var lines = warnings.in(options.language).map(\.rendered)
        lines.append(summaryLine(warnings, files: files))
        lines.append(account.text(options.language))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The closing line of a run: the folder and a count per kind of file (`--list` prints them all).
    func written(_ names: [String], folder: String) -> String {
        let kinds: [(prefix: String, zh: String, en: String)] = [
            ("notice.", "公示", "notice"), ("summary-", "汇总邮件", "summaries and e-mails"), ("results.", "结果", "results"),
            ("validation.", "警告清单", "warnings list"),
        ]
        var zh: [String] = []
        var en: [String] = []
        var counted = 0
        for k in kinds {
            let n = names.filter { $0.hasPrefix(k.prefix) }.count
            guard n > 0 else { continue }
            counted += n
            zh.append("\(k.zh) \(n) 个")
            en.append("\(k.en) \(n)")
        }
        if names.count > counted {
            zh.append("其他 \(names.count - counted) 个")
            en.append("other \(names.count - counted)")
        }
        return Message.written(
            folder: Escaped.text(folder), count: names.count,
            kinds: Localized(zh: zh.joined(separator: "，"), en: en.joined(separator: ", "))
        ).text(
            options.language)
    }
}
